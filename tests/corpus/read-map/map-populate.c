/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: MAP_SHARED | MAP_POPULATE로 매핑해 페이지를 미리 읽어 들인다. MAP_POPULATE 같은 추가 플래그는 허용되므로 mmap을 통과하고 나머지도 올바르다.
 * why: 빈 파일은 매핑하지 않는다. 오류는 perror와 종료 코드 1로 알린다.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	int fd = open("link.txt", O_RDONLY);
	if (fd < 0) {
		perror("link.txt");
		exit(1);
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		perror("fstat");
		exit(1);
	}
	printf("File size is %jd\n", (intmax_t)st.st_size);
	if (st.st_size == 0) {
		close(fd);
		return 0;
	}
	const char *m = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
	if (m == MAP_FAILED) {
		perror("mmap");
		close(fd);
		exit(1);
	}
	for (off_t i = 0; i < st.st_size; i++)
		printf("Found character %c at %jd\n", m[i], (intmax_t)i);
	if (munmap((void *)m, st.st_size) < 0) {
		perror("munmap");
		exit(1);
	}
	if (close(fd) < 0) {
		perror("close");
		exit(1);
	}
	return 0;
}
