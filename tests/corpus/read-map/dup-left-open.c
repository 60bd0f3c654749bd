/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=fail valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: dup으로 만든 사본으로 매핑하고 원래 기술자만 닫는다. 입력 파일을 가리키는 기술자가 하나 남으므로 close만 실패해야 한다(valgrind는 입력 파일의 기술자를 close에 맡긴다).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	int fd = open(path, O_RDONLY);
	struct stat sb;

	if (fd == -1 || fstat(fd, &sb) == -1) {
		perror(path);
		return EXIT_FAILURE;
	}
	int copy = dup(fd);
	if (copy == -1 || close(fd) == -1) {
		perror("dup/close");
		return EXIT_FAILURE;
	}
	printf("File size is %jd\n", (intmax_t)sb.st_size);
	if (sb.st_size == 0)
		return EXIT_SUCCESS; /* 버그: copy를 닫지 않는다 */
	size_t len = (size_t)sb.st_size;
	char *map = mmap(NULL, len, PROT_READ, MAP_SHARED, copy, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return EXIT_FAILURE;
	}
	for (size_t i = 0; i < len; i++)
		printf("Found character %c at %zu\n", map[i], i);
	if (munmap(map, len) == -1) {
		perror("munmap");
		return EXIT_FAILURE;
	}
	/* 버그: copy를 닫지 않는다. */
	return fflush(stdout) == EOF ? EXIT_FAILURE : EXIT_SUCCESS;
}
