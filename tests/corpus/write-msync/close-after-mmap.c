/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: mmap 직후에 파일 기술자를 닫고 매핑만으로 쓰기, msync(MS_SYNC), munmap을 한다. 공유 매핑은 기술자를 닫아도 파일과 연결되어 있어 쓴 내용이 파일에 반영되므로 모든 검사를 통과해야 한다.
 * why: 짧은 파일은 매핑 전에 표준 에러에 알리고 1로 끝나 그대로 둔다.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	static const char text[] = "hello mmap!";
	const size_t n = sizeof text - 1;

	int fd = open(path, O_RDWR);
	if (fd < 0) {
		perror(path);
		exit(EXIT_FAILURE);
	}
	struct stat sb;
	if (fstat(fd, &sb) < 0) {
		perror("fstat");
		exit(EXIT_FAILURE);
	}
	if (sb.st_size < (off_t)n) {
		fprintf(stderr, "%s: too short (%lld bytes), refusing to write\n", path, (long long)sb.st_size);
		close(fd);
		exit(EXIT_FAILURE);
	}
	size_t size = (size_t)sb.st_size;
	char *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		exit(EXIT_FAILURE);
	}
	if (close(fd) < 0) {            /* the mapping stays valid */
		perror("close");
		munmap(map, size);
		exit(EXIT_FAILURE);
	}
	for (size_t i = 0; i < n; i++)
		map[i] = text[i];
	if (msync(map, size, MS_SYNC) < 0) {
		perror("msync");
		munmap(map, size);
		exit(EXIT_FAILURE);
	}
	if (munmap(map, size) < 0) {
		perror("munmap");
		exit(EXIT_FAILURE);
	}
	return 0;
}
