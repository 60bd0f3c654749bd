/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=fail munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: msync 플래그로 MS_SYNC 대신 MS_ASYNC를 쓴다. MS_ASYNC는 반영을 예약만 하고 기다리지 않으므로 msync 검사(MS_SYNC 필요)가 실패한다.
 * why: 내용은 결국 파일에 반영되고 msync 실패도 올바르게 처리하므로(EIO 주입 시 perror, 종료 코드 1) 나머지는 모두 통과한다.
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
	for (size_t i = 0; i < len; i++)
		map[i] = msg[i];
	if (msync(map, st.st_size, MS_ASYNC) < 0) {
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
