/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: 열기 전에 stat("link.txt")로 경로에서 크기를 얻고, 짧은 파일은 ftruncate로 11바이트까지 늘린 뒤 그 크기로 매핑한다. 크기를 매핑 전에 파일에서 얻으므로 size를 통과한다.
 * why: 오류 메시지는 fprintf(stderr, "...: %s\n", strerror(errno))로 쓰고 1로 끝나므로 error-* 검사도 통과하고 모든 검사를 통과해야 한다.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int complain(const char *what)
{
	fprintf(stderr, "write_msync: %s: %s\n", what, strerror(errno));
	return 1;
}

int main(void)
{
	const char *update = "hello mmap!";
	const off_t need = (off_t)strlen(update);
	struct stat info;

	if (stat("link.txt", &info) != 0)
		return complain("stat link.txt");
	int fd = open("link.txt", O_RDWR);
	if (fd == -1)
		return complain("open link.txt");
	off_t size = info.st_size;
	if (size < need) {
		if (ftruncate(fd, need) != 0) {
			complain("ftruncate");
			close(fd);
			return 1;
		}
		size = need;
	}
	char *map = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		complain("mmap");
		close(fd);
		return 1;
	}
	for (off_t i = 0; i < need; i++)
		map[i] = update[i];
	if (msync(map, (size_t)size, MS_SYNC) != 0) {
		complain("msync");
		munmap(map, (size_t)size);
		close(fd);
		return 1;
	}
	if (munmap(map, (size_t)size) != 0) {
		complain("munmap");
		close(fd);
		return 1;
	}
	if (close(fd) != 0)
		return complain("close");
	return 0;
}
