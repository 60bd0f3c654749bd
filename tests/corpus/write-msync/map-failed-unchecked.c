/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=fail error-msync=pass short-file=pass
 * why: mmap의 반환값을 MAP_FAILED와 비교하지 않는다. ENOMEM이 주입되면 (void *)-1에 쓰다가 SIGSEGV로 죽으므로 error-mmap이 실패한다.
 * why: 정상 실행에서는 매핑이 성공해 차이가 없고, 짧은 파일은 매핑 전에 거부하므로 나머지는 모두 통과한다.
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
