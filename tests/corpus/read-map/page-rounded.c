/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 매핑 길이를 sysconf(_SC_PAGESIZE)의 배수로 올림하고 munmap도 같은 길이로 한다. 길이가 페이지 단위로 올림한 크기 이하이면 허용되고 munmap이 같은 페이지 수를 덮으므로 mmap, munmap을 통과한다.
 * why: 출력은 파일 크기만큼만 하므로 페이지의 나머지(0으로 채워진 부분)는 출력하지 않는다. 빈 파일은 매핑하지 않는다.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	long page = sysconf(_SC_PAGESIZE);
	if (page <= 0) {
		perror("sysconf");
		return 1;
	}
	int fd = open(path, O_RDONLY);
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
	size_t size = (size_t)st.st_size;
	printf("File size is %zu\n", size);
	if (size == 0)
		return close(fd) == 0 ? 0 : 1;

	size_t maplen = (size + (size_t)page - 1) / (size_t)page * (size_t)page;
	char *p = mmap(NULL, maplen, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	for (size_t i = 0; i < size; i++)
		printf("Found character %c at %zu\n", p[i], i);
	if (munmap(p, maplen) < 0) {
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
