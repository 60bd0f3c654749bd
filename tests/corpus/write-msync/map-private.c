/*
 * expect: build=pass open=pass size=pass mmap=fail run=pass content=skip msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: MAP_SHARED 대신 MAP_PRIVATE로 매핑한다. 사적 매핑에 쓴 내용은 복사본(copy-on-write)에만 남고 파일에는 절대 반영되지 않으므로 mmap이 실패한다. 파일이 그대로인 것은 그 결과이므로 content는 skip이다.
 * why: 사적 매핑에 대한 msync(MS_SYNC)는 할 일이 없을 뿐 성공하므로 msync는 통과하고, 짧은 파일은 매핑 전에 거부하므로 short-file을 포함한 나머지는 통과한다.
 * why: 채점기 규칙: 공유 매핑이 없어서(매핑 실패 또는 MAP_PRIVATE) 파일이 그대로인 경우 content는 skip이다. 그 버그는 mmap 또는 open이 보고하므로 같은 버그로 두 번 감점하지 않는다.
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
	char *map = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
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
