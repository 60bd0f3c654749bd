/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: fstat 대신 열기 전에 stat("link.txt")로 경로에서 크기를 얻는다. 매핑 전에 파일에서 크기를 알아내므로 size 검사를 통과하고 나머지도 올바르다.
 * why: 파일이 없으면 stat이 먼저 ENOENT로 실패하고, 그 메시지를 표준 에러에 쓰고 1로 끝나므로 error-open도 통과한다. 빈 파일은 매핑하지 않는다.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILEPATH "link.txt"

int main(void)
{
	struct stat info;

	if (stat(FILEPATH, &info) < 0) {
		fprintf(stderr, "stat %s: %s\n", FILEPATH, strerror(errno));
		return 1;
	}
	int fd = open(FILEPATH, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "open %s: %s\n", FILEPATH, strerror(errno));
		return 1;
	}

	printf("File size is %" PRIdMAX "\n", (intmax_t)info.st_size);
	if (info.st_size == 0) {
		close(fd);
		return 0;
	}

	size_t len = (size_t)info.st_size;
	const char *p = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		fprintf(stderr, "mmap: %s\n", strerror(errno));
		close(fd);
		return 1;
	}

	for (size_t i = 0; i < len; i++)
		printf("Found character %c at %zu\n", p[i], i);

	int rc = 0;
	if (munmap((void *)p, len) < 0) {
		fprintf(stderr, "munmap: %s\n", strerror(errno));
		rc = 1;
	}
	if (close(fd) < 0) {
		fprintf(stderr, "close: %s\n", strerror(errno));
		rc = 1;
	}
	return rc;
}
