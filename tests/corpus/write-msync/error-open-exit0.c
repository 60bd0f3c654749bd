/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=fail error-mmap=pass error-msync=pass short-file=pass
 * why: 파일을 열지 못하면 perror로 알리지만 return 0으로 끝난다. 실패는 0이 아닌 종료 코드로 알려야 하므로 error-open이 실패한다.
 * why: 다른 실패 경로는 1을 반환하므로 나머지는 모두 통과한다.
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
	size_t len = strlen(msg);

	int fd = open("link.txt", O_RDWR);
	if (fd < 0) {
		perror("open");
		return 0;   /* BUG */
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		perror("fstat");
		close(fd);
		return 1;
	}
	if ((size_t)st.st_size < len) {
		fprintf(stderr, "link.txt is %lld bytes, shorter than the %zu bytes to write\n",
			(long long)st.st_size, len);
		close(fd);
		return 1;
	}
	char *map = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	for (size_t i = 0; i < len; i++)
		map[i] = msg[i];
	if (msync(map, st.st_size, MS_SYNC) < 0) {
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
