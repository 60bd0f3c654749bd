/*
 * hostile: 자기 디렉터리를 큰 파일로 가득 채운 뒤 올바르게 끝난다.
 * expect: build=pass open=pass size=pass mmap=pass run=fail output=pass munmap=pass close=pass valgrind=fail error-open=fail error-mmap=fail empty-file=fail
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	static char chunk[1 << 20];
	signal(SIGXFSZ, SIG_IGN); /* RLIMIT_FSIZE: write fails with EFBIG instead of killing us */
	for (int f = 0; f < 1000; f++) {
		char name[32];
		snprintf(name, sizeof name, "fill%d", f);
		int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd == -1)
			break;
		int full = 0;
		for (int k = 0; k < 1024 && !full; k++)
			full = write(fd, chunk, sizeof chunk) != (ssize_t)sizeof chunk;
		close(fd);
		if (full && f > 0 && errno == ENOSPC)
			break;
	}
	return behave(argv[1]);
}
