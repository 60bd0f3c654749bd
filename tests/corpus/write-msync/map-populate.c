/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: MAP_SHARED | MAP_POPULATE로 매핑한다. 추가 플래그는 허용되고 공유 매핑이므로 mmap을 통과한다. 짧은 파일은 ftruncate로 늘린다.
 * why: 오류는 fprintf(stderr, strerror(errno))로 알리고 1로 끝나며 모든 검사를 통과해야 한다.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define ERR(what) fprintf(stderr, "%s: %s\n", (what), strerror(errno))

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	const char msg[] = "hello mmap!";
	const off_t len = (off_t)strlen(msg);

	int fd = open(path, O_RDWR);
	if (fd < 0) {
		ERR(path);
		return 1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		ERR("fstat");
		return 1;
	}
	off_t size = st.st_size;
	if (size < len) {
		if (ftruncate(fd, len) < 0) {
			ERR("ftruncate");
			return 1;
		}
		size = len;
	}
	char *map = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, 0);
	if (map == MAP_FAILED) {
		ERR("mmap");
		close(fd);
		return 1;
	}
	for (off_t i = 0; i < len; i++)
		map[i] = msg[i];
	if (msync(map, (size_t)size, MS_SYNC) < 0) {
		ERR("msync");
		munmap(map, (size_t)size);
		close(fd);
		return 1;
	}
	if (munmap(map, (size_t)size) < 0) {
		ERR("munmap");
		close(fd);
		return 1;
	}
	if (close(fd) < 0) {
		ERR("close");
		return 1;
	}
	return 0;
}
