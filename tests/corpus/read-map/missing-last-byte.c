/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=fail munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 반복 조건을 i < st_size - 1로 써서 마지막 바이트를 출력하지 않는다. 줄 하나가 빠지므로 output이 실패한다.
 * why: 그 밖의 동작은 올바르므로 나머지는 모두 통과한다.
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
	for (off_t i = 0; i < st.st_size - 1; i++)
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);
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
