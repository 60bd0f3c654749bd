/*
 * hostile: 실행할 때마다 자기 디렉터리에 64 MiB(RLIMIT_FSIZE만큼) 파일 하나를 쓴 뒤 올바르게 끝난다.
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 */
#include "common.h"

int main(int argc, char **argv)
{
	static char chunk[1 << 20];
	int fd = open("big", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (argc < 2)
		return 1;
	if (fd == -1) {
		perror("big");
		return 1;
	}
	/* One file exactly as large as a run may write: a legal program, which must pass. */
	for (int k = 0; k < 64; k++)
		if (write(fd, chunk, sizeof chunk) != (ssize_t)sizeof chunk) {
			perror("write big");
			return 1;
		}
	if (close(fd) == -1) {
		perror("close big");
		return 1;
	}
	return behave(argv[1]);
}
