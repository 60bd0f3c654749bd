/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: 파일 전체가 아니라 바꾼 부분만 msync(map, 11, MS_SYNC)로 동기화한다. msync 검사는 처음 11바이트를 덮기를 요구하므로 통과한다.
 * why: 짧은 파일은 거부하고 나머지도 규칙대로라 모든 검사를 통과해야 한다.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define LEN 11

int main(void)
{
	static const char msg[LEN + 1] = "hello mmap!";
	int fd = open("link.txt", O_RDWR);
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
	if (st.st_size < LEN) {
		fprintf(stderr, "link.txt must hold at least %d bytes\n", LEN);
		close(fd);
		return 1;
	}
	char *map = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	for (int i = 0; i < LEN; i++)
		map[i] = msg[i];
	if (msync(map, LEN, MS_SYNC) < 0) {     /* only the part that changed */
		perror("msync");
		munmap(map, st.st_size);
		close(fd);
		return 1;
	}
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
