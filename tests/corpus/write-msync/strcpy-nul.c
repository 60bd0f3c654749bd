/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=fail msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: strcpy(map, "hello mmap!")로 쓴다. strcpy는 끝의 NUL까지 12바이트를 복사하므로 파일의 12번째 바이트가 0으로 바뀌어 "그 밖의 바이트는 그대로"라는 content 조건을 어기고 content가 실패한다.
 * why: 짧은 파일은 매핑 전에 거부하므로 short-file을 포함한 나머지는 모두 통과한다.
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
		return 1;
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
	strcpy(map, msg);   /* BUG: also copies the terminating NUL */
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
