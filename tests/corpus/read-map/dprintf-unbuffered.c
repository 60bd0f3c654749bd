/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: stdio 버퍼 없이 dprintf(STDOUT_FILENO, ...)로 한 줄마다 write 시스템 호출을 한다. 호출 수는 많지만 표준 출력 바이트는 같으므로 output을 통과하고 나머지도 올바르다.
 * why: 오류 메시지도 dprintf(STDERR_FILENO, ...)로 표준 에러에 쓰고 종료 코드 1로 끝난다.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	const char *path = "link.txt";
	int fd = open(path, O_RDONLY);
	if (fd == -1) {
		dprintf(STDERR_FILENO, "%s: %s\n", path, strerror(errno));
		return 1;
	}
	struct stat st;
	if (fstat(fd, &st) == -1) {
		dprintf(STDERR_FILENO, "fstat: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	dprintf(STDOUT_FILENO, "File size is %ld\n", (long)st.st_size);
	if (st.st_size != 0) {
		char *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
		if (m == MAP_FAILED) {
			dprintf(STDERR_FILENO, "mmap: %s\n", strerror(errno));
			close(fd);
			return 1;
		}
		for (long i = 0; i < (long)st.st_size; i++)
			dprintf(STDOUT_FILENO, "Found character %c at %ld\n", m[i], i);
		if (munmap(m, (size_t)st.st_size) == -1) {
			dprintf(STDERR_FILENO, "munmap: %s\n", strerror(errno));
			close(fd);
			return 1;
		}
	}
	if (close(fd) == -1) {
		dprintf(STDERR_FILENO, "close: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
