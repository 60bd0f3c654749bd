/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: 매핑 길이를 페이지 크기(sysconf(_SC_PAGESIZE))의 배수로 올림하고 msync와 munmap도 같은 길이로 한다. 페이지 단위로 올린 길이는 허용되고 msync가 처음 11바이트를 덮으며 munmap이 같은 페이지 수를 해제하므로 통과한다.
 * why: 파일 크기는 바꾸지 않고(페이지 나머지는 파일에 쓰지 않음) 짧은 파일은 거부하므로 모든 검사를 통과해야 한다.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	const char *msg = "hello mmap!";
	size_t n = strlen(msg);
	long page = sysconf(_SC_PAGESIZE);
	if (page <= 0) {
		perror("sysconf");
		return 1;
	}
	int fd = open("link.txt", O_RDWR);
	if (fd < 0) {
		perror("link.txt");
		return 1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		perror("fstat");
		close(fd);
		return 1;
	}
	size_t size = (size_t)st.st_size;
	if (size < n) {
		fprintf(stderr, "link.txt: %zu bytes, need %zu\n", size, n);
		close(fd);
		return 1;
	}
	size_t maplen = (size + (size_t)page - 1) & ~((size_t)page - 1);
	char *map = mmap(NULL, maplen, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		map[i] = msg[i];
	if (msync(map, maplen, MS_SYNC) < 0) {
		perror("msync");
		munmap(map, maplen);
		close(fd);
		return 1;
	}
	if (munmap(map, maplen) < 0) {
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
