/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=fail close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: munmap 길이로 파일 크기 대신 11을 넘긴다. 호출은 성공하지만 첫 페이지만 해제되고 한 페이지가 넘는 실습 파일의 나머지 페이지는 매핑된 채 남으므로 munmap 검사(같은 페이지 수를 덮어야 함)가 실패한다.
 * why: 출력은 해제 전에 끝나고 나머지 동작도 올바르므로 다른 검사는 모두 통과한다.
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
	if (munmap(map, 11) < 0) {
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
