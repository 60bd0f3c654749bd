/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 올바른 프로그램이지만 -Wall -Wextra 경고가 여러 개 난다: 쓰지 않는 매개변수 argc, argv, 쓰지 않는 변수 unused_page, 부호 있는 off_t와 부호 없는 size_t의 비교, printf 형식(%ld에 long long 인자).
 * why: 경고는 보여 줄 뿐 build를 실패시키지 않으므로 build를 포함한 모든 검사를 통과해야 한다.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	long unused_page = 4096;
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
	size_t total = (size_t)st.st_size;
	for (off_t i = 0; i < total; i++)
		printf("Found character %c at %ld\n", map[i], (long long)i);
	if (munmap(map, st.st_size) < 0) {
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
