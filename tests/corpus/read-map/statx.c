/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 크기를 statx(fd, "", AT_EMPTY_PATH, STATX_SIZE)로 얻는다. statx도 매핑 전에 파일에서 크기를 알아내는 방법이므로 size를 통과하고 나머지도 올바르다.
 * why: 빈 파일은 매핑하지 않고 크기 줄만 출력하며, 모든 실패는 표준 에러와 0이 아닌 종료 코드로 알린다.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(EXIT_FAILURE);
}

int main(void)
{
	int fd = open("link.txt", O_RDONLY);
	if (fd < 0)
		die("open link.txt");

	struct statx stx;
	if (statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, &stx) != 0)
		die("statx");
	if (!(stx.stx_mask & STATX_SIZE)) {
		fprintf(stderr, "statx: size not available\n");
		return EXIT_FAILURE;
	}
	uint64_t size = stx.stx_size;
	printf("File size is %ju\n", (uintmax_t)size);
	if (size == 0) {
		if (close(fd) != 0)
			die("close");
		return EXIT_SUCCESS;
	}

	char *data = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
	if (data == MAP_FAILED)
		die("mmap");
	for (uint64_t off = 0; off < size; ++off)
		printf("Found character %c at %ju\n", data[off], (uintmax_t)off);
	if (munmap(data, size) != 0)
		die("munmap");
	if (close(fd) != 0)
		die("close");
	return EXIT_SUCCESS;
}
