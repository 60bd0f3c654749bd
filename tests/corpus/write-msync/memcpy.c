/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: 반복문 대신 memcpy(map, msg, 11)로 한 번에 복사한다. 복사하는 바이트는 같고 NUL은 복사하지 않으므로 content를 통과한다.
 * why: 짧은 파일은 ftruncate로 늘리고, 나머지도 규칙대로라 모든 검사를 통과해야 한다.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	const char msg[] = "hello mmap!";
	const size_t n = strlen(msg);
	int fd = open("link.txt", O_RDWR);
	if (fd == -1) {
		perror("link.txt");
		return EXIT_FAILURE;
	}
	struct stat st;
	if (fstat(fd, &st) == -1) {
		perror("fstat");
		close(fd);
		return EXIT_FAILURE;
	}
	if ((size_t)st.st_size < n && ftruncate(fd, (off_t)n) == -1) {
		perror("ftruncate");
		close(fd);
		return EXIT_FAILURE;
	}
	size_t size = (size_t)st.st_size < n ? n : (size_t)st.st_size;
	void *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return EXIT_FAILURE;
	}
	memcpy(map, msg, n);
	if (msync(map, size, MS_SYNC) == -1) {
		perror("msync");
		munmap(map, size);
		close(fd);
		return EXIT_FAILURE;
	}
	if (munmap(map, size) == -1) {
		perror("munmap");
		close(fd);
		return EXIT_FAILURE;
	}
	if (close(fd) == -1) {
		perror("close");
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
