/*
 * expect: build=pass open=fail size=pass mmap=skip run=skip content=skip msync=skip munmap=skip close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=skip short-file=pass
 * why: 파일을 O_RDONLY로 연다. 읽기 전용 기술자로는 PROT_WRITE, MAP_SHARED 매핑이 EACCES로 실패하므로 프로그램은 perror 후 기술자를 닫고 1로 끝난다. open은 실패이고, mmap은 open 때문에만 EACCES로 실패했으므로 규칙에 따라 skip이다 (open이 이미 감점한 실수를 mmap에서 다시 감점하지 않는다).
 * why: 그래도 실패 종료 때문에 run이 실패하고 공유 매핑이 없어 파일이 그대로이므로 content는 skip이다. 매핑이 만들어지지 않았으니 msync, munmap, error-msync는 skip이다. 매핑을 시도는 했으므로 error-mmap은 판단하며 ENOMEM 주입에 perror와 1로 답해 통과한다. 짧은 파일은 매핑 전에 거부하므로 short-file은 통과하고, close와 valgrind도 통과한다.
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

	int fd = open("link.txt", O_RDONLY);   /* BUG: must be O_RDWR to write through a shared mapping */
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
