/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=fail msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: 쓸 문자열을 "hello mmap"(느낌표 없이 10바이트)으로 잘못 적고 strlen 길이만큼 쓴다. 파일의 처음 11바이트가 "hello mmap!"이 아니므로(11번째 바이트는 원래 문자 그대로) content가 실패한다.
 * why: 짧은 파일 기준은 따로 MIN_SIZE 11로 잡혀 있어 1~10바이트 파일은 여전히 거부하므로 short-file을 포함한 나머지는 모두 통과한다.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MIN_SIZE 11

int main(void)
{
	const char *msg = "hello mmap";   /* BUG: the '!' is missing */
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
	if (st.st_size < MIN_SIZE) {
		fprintf(stderr, "link.txt is %lld bytes, shorter than the %d bytes to write\n",
			(long long)st.st_size, MIN_SIZE);
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
