/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=fail munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=fail
 * why: 크기는 fstat으로 올바르게 얻지만 "File size is N" 줄을 출력하지 않고 바로 문자 줄부터 찍는다. 표준 출력이 정확히 일치해야 하므로 output이 실패한다.
 * why: 빈 파일에서도 같은 이유로 아무것도 출력하지 않아 "File size is 0" 줄이 없으므로 empty-file도 실패한다 (같은 버그 하나가 두 실행에서 드러나는 경우다).
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
	if (close(fd) < 0) {
		perror("close");
		return 1;
	}
	return 0;
}
