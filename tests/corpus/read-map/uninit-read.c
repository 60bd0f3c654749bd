/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=fail error-open=pass error-mmap=pass empty-file=pass
 * why: 출력한 줄 수를 세는 변수 count를 초기화하지 않고 더한 뒤, 마지막에 if (count != size)로 비교한다. 초기화되지 않은 값에 따른 분기이므로 Memcheck가 Conditional jump ... uninitialised value 오류를 보고해 valgrind가 실패한다.
 * why: 비교가 참이면 표준 에러에만 경고를 쓰므로 표준 출력과 종료 코드는 그대로이고 나머지는 모두 통과한다.
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
	off_t count;   /* BUG: not initialised */
	for (off_t i = 0; i < st.st_size; i++) {
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);
		count++;
	}
	if (count != st.st_size)
		fprintf(stderr, "warning: printed a different number of characters\n");
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
