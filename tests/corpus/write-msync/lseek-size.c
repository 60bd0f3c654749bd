/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: 크기를 lseek(fd, 0, SEEK_END)로 얻는다. mmap은 파일 위치와 무관하므로 되돌릴 필요가 없다. 짧은 파일은 표준 에러에 알리고 1로 끝나 파일을 바꾸지 않는다.
 * why: 나머지 동작이 모두 규칙대로이므로 모든 검사를 통과해야 한다.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : "link.txt";
	const char *msg = "hello mmap!";
	size_t msglen = strlen(msg);

	int fd = open(name, O_RDWR);
	if (fd == -1) {
		fprintf(stderr, "%s: %s\n", name, strerror(errno));
		return 1;
	}
	off_t size = lseek(fd, 0, SEEK_END);
	if (size == (off_t)-1) {
		fprintf(stderr, "lseek: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	if ((size_t)size < msglen) {
		fprintf(stderr, "%s: only %lld bytes; need at least %zu\n", name, (long long)size, msglen);
		close(fd);
		return 1;
	}
	char *map = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		fprintf(stderr, "mmap: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	for (size_t i = 0; i < msglen; i++)
		map[i] = msg[i];
	int rc = 0;
	if (msync(map, (size_t)size, MS_SYNC) == -1) {
		fprintf(stderr, "msync: %s\n", strerror(errno));
		rc = 1;
	}
	if (munmap(map, (size_t)size) == -1) {
		fprintf(stderr, "munmap: %s\n", strerror(errno));
		rc = 1;
	}
	if (close(fd) == -1) {
		fprintf(stderr, "close: %s\n", strerror(errno));
		rc = 1;
	}
	return rc;
}
