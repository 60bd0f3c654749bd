/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 크기를 lseek(fd, 0, SEEK_END)의 반환값으로 얻는다. mmap은 파일 위치와 무관하게 오프셋 0부터 매핑하므로 위치를 되돌리지 않아도 된다. 모든 검사를 통과해야 한다.
 * why: 빈 파일이면 lseek이 0을 돌려주고 매핑 없이 "File size is 0"만 출력한다.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	const char *name = (argc >= 2) ? argv[1] : "link.txt";
	int fd = open(name, O_RDONLY);
	if (fd == -1) {
		fprintf(stderr, "cannot open %s: %s\n", name, strerror(errno));
		return 1;
	}
	off_t end = lseek(fd, 0, SEEK_END);
	if (end == (off_t)-1) {
		fprintf(stderr, "lseek: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	printf("File size is %lld\n", (long long)end);
	if (end == 0) {
		close(fd);
		return 0;
	}
	char *base = mmap(NULL, (size_t)end, PROT_READ, MAP_SHARED, fd, 0);
	if (base == MAP_FAILED) {
		fprintf(stderr, "mmap: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	for (long long i = 0; i < (long long)end; i++)
		printf("Found character %c at %lld\n", base[i], i);
	if (munmap(base, (size_t)end) == -1) {
		fprintf(stderr, "munmap: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	if (close(fd) == -1) {
		fprintf(stderr, "close: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
