/*
 * expect: build=pass open=pass size=pass mmap=fail run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 파일을 한 페이지짜리 창으로 하나씩 매핑하고, 다음 창을 매핑하기 전에 앞 창을 해제한다. 파일 전체를 한 번에 매핑하지 않으므로 mmap만 실패해야 한다. 커널이 같은 주소를 다시 내주어도 매핑마다 제 munmap이 있으므로 munmap은 통과해야 한다.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	int fd = open(path, O_RDONLY);
	struct stat sb;

	if (fd == -1 || fstat(fd, &sb) == -1) {
		perror(path);
		return EXIT_FAILURE;
	}
	printf("File size is %jd\n", (intmax_t)sb.st_size);
	size_t page = (size_t)sysconf(_SC_PAGESIZE), len = (size_t)sb.st_size;
	for (size_t off = 0; off < len; off += page) {
		size_t n = len - off < page ? len - off : page;
		char *win = mmap(NULL, n, PROT_READ, MAP_SHARED, fd, (off_t)off);
		if (win == MAP_FAILED) {
			perror("mmap");
			return EXIT_FAILURE;
		}
		for (size_t i = 0; i < n; i++)
			printf("Found character %c at %zu\n", win[i], off + i);
		if (munmap(win, n) == -1) {
			perror("munmap");
			return EXIT_FAILURE;
		}
	}
	if (close(fd) == -1) {
		perror("close");
		return EXIT_FAILURE;
	}
	return fflush(stdout) == EOF ? EXIT_FAILURE : EXIT_SUCCESS;
}
