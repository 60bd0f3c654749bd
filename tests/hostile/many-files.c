/*
 * hostile: 빈 파일 100,000개를 만든다.
 * expect: build=pass open=pass size=pass mmap=pass run=fail output=pass munmap=pass close=pass valgrind=fail error-open=fail error-mmap=fail empty-file=fail
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	for (int i = 0; i < 100000; i++) {
		char name[32];
		snprintf(name, sizeof name, "f%d", i);
		int fd = open(name, O_WRONLY | O_CREAT, 0600);
		if (fd == -1)
			break;
		close(fd);
	}
	return behave(argv[1]);
}
