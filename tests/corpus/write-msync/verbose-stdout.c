/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: 노트처럼 파일 크기와 "Writing character C at I" 줄을 표준 출력에 찍지만 노트의 버그는 고쳤다: 짧은 파일은 ftruncate로 늘리고 msync 실패는 종료 코드 1로 알린다. write-msync는 표준 출력을 채점하지 않으므로 출력 내용은 아무 영향이 없다.
 * why: 나머지 동작도 규칙대로라 모든 검사를 통과해야 한다.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	struct stat fileInfo;
	const char *filepath = "link.txt";
	const char *update = "hello mmap!";
	size_t ulen = strlen(update);

	int fd = open(filepath, O_RDWR);
	if (fd == -1) {
		perror("Error opening file for writing");
		exit(EXIT_FAILURE);
	}
	if (fstat(fd, &fileInfo) == -1) {
		perror("Error getting the file size");
		close(fd);
		exit(EXIT_FAILURE);
	}
	printf("%ld\n", (long)fileInfo.st_size);
	if ((size_t)fileInfo.st_size < ulen) {
		printf("growing the file to %zu bytes\n", ulen);
		if (ftruncate(fd, (off_t)ulen) == -1) {
			perror("Error growing the file");
			close(fd);
			exit(EXIT_FAILURE);
		}
		fileInfo.st_size = (off_t)ulen;
	}
	char *map = mmap(0, fileInfo.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		close(fd);
		perror("Error mmapping the file");
		exit(EXIT_FAILURE);
	}
	for (size_t i = 0; i < ulen; i++) {
		printf("Writing character %c at %zu\n", update[i], i);
		map[i] = update[i];
	}
	if (msync(map, fileInfo.st_size, MS_SYNC) == -1) {
		perror("Could not sync the file to disk");
		munmap(map, fileInfo.st_size);
		close(fd);
		exit(EXIT_FAILURE);
	}
	if (munmap(map, fileInfo.st_size) == -1) {
		close(fd);
		perror("Error un-mmapping the file");
		exit(EXIT_FAILURE);
	}
	if (close(fd) == -1) {
		perror("Error closing the file");
		exit(EXIT_FAILURE);
	}
	return 0;
}
