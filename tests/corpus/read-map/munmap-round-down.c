/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=fail close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: munmap 길이를 페이지 크기의 배수로 내림(st_size / 4096 * 4096)해서 부른다. 실습 파일은 페이지 중간에서 끝나므로 마지막 페이지가 해제되지 않아 한 페이지가 모자라고 munmap 검사가 실패한다.
 * why: mmap 자체는 파일 크기로 올바르게 했고 다른 동작도 올바르므로 나머지는 모두 통과한다.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	int fd = open("link.txt", O_RDONLY);
	if (fd < 0) {
		perror("open");
		return 1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		perror("fstat");
		close(fd);
		return 1;
	}
	printf("File size is %jd\n", (intmax_t)st.st_size);
	if (st.st_size == 0) {
		close(fd);
		return 0;
	}
	char *map = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	for (off_t i = 0; i < st.st_size; i++)
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);
	if (munmap(map, st.st_size / 4096 * 4096) < 0) {
		perror("munmap");
		close(fd);
		return 1;
	}
	if (close(fd) < 0) {
		perror("close");
		return 1;
	}
	return 0;
}
