/*
 * expect: build=pass open=pass size=pass mmap=pass run=fail output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 마지막을 return munmap(map, size) == 0;으로 써서 성공했을 때 1(참)을 반환한다. 정상 파일에서 종료 코드가 0이 아니므로 run이 실패한다.
 * why: close는 그 전에 하고, 빈 파일은 매핑 전에 0을 반환하므로 empty-file을 포함한 나머지는 모두 통과한다.
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
	if (close(fd) < 0) {
		perror("close");
		return 1;
	}
	return munmap(map, st.st_size) == 0;   /* BUG: 1 on success */
}
