/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=fail close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 출력이 끝난 뒤 munmap을 부르지 않고 close만 한다. 매핑은 프로세스가 끝날 때 사라지지만 3단계의 munmap 검사는 직접 해제를 요구하므로 munmap만 실패한다.
 * why: Memcheck는 mmap 영역을 누수로 보지 않고 다른 동작은 올바르므로 나머지는 모두 통과한다.
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
	return 0;
}
