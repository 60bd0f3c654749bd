/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 파일 이름을 argv[1]에서 받고 열기 전에 stat(argv[1])로 크기를 얻는다. 채점기는 ./prog link.txt로 실행하므로 argv[1]을 쓰는 방식도 하드코딩과 똑같이 동작해 모든 검사를 통과한다.
 * why: 인자 개수가 틀리면 사용법을 표준 에러에 쓰고 2로 끝나지만 채점 실행에서는 항상 인자가 하나 있다.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s FILE\n", argv[0]);
		return 2;
	}
	const char *path = argv[1];
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		perror(path);
		return 1;
	}
	printf("File size is %jd\n", (intmax_t)st.st_size);
	if (st.st_size > 0) {
		unsigned char *m = mmap(0, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
		if (m == MAP_FAILED) {
			perror("mmap");
			close(fd);
			return 1;
		}
		for (intmax_t i = 0; i < st.st_size; i++)
			printf("Found character %c at %jd\n", m[i], i);
		if (munmap(m, st.st_size) != 0) {
			perror("munmap");
			close(fd);
			return 1;
		}
	}
	if (close(fd) != 0) {
		perror("close");
		return 1;
	}
	return 0;
}
