/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=fail valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: munmap 뒤에 close(fd)를 하지 않고 반환한다. 실습 파일의 기술자가 종료 때까지 열려 있으므로 close가 실패한다.
 * why: Memcheck의 열린 기술자 보고 중 실습 파일 자신의 것은 close 검사가 판단하므로 valgrind는 통과하고 나머지도 모두 통과한다.
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
	if (munmap(map, st.st_size) < 0) {
		perror("munmap");
		close(fd);
		return 1;
	}
	return 0;
}
