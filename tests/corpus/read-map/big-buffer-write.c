/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 출력 전체를 malloc한 큰 버퍼에 snprintf로 만든 뒤 write() 한 번(부분 쓰기면 반복)으로 내보낸다. 버퍼는 128KiB가 넘어 glibc가 익명 mmap으로 할당하므로, 실습 파일의 mmap보다 앞에 다른 mmap 호출이 하나 더 생긴다.
 * why: 채점기는 실습 파일의 mmap만 골라 ENOMEM을 주입해야 한다 (익명 mmap에 주입하면 malloc 실패 경로가 시험된다). 버퍼는 free하므로 valgrind도 깨끗하고 모든 검사를 통과해야 한다.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* longest line: "Found character " + 1 byte + " at " + up to 20 digits + "\n" */
#define MAX_LINE 48

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		perror(path);
		return 1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		perror("fstat");
		close(fd);
		return 1;
	}
	size_t size = (size_t)st.st_size;
	size_t cap = size * MAX_LINE + 64;
	char *out = malloc(cap);
	if (out == NULL) {
		perror("malloc");
		close(fd);
		return 1;
	}
	size_t used = (size_t)snprintf(out, cap, "File size is %zu\n", size);

	if (size > 0) {
		const char *map = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
		if (map == MAP_FAILED) {
			perror("mmap");
			free(out);
			close(fd);
			return 1;
		}
		for (size_t i = 0; i < size; i++)
			used += (size_t)snprintf(out + used, cap - used, "Found character %c at %zu\n", map[i], i);
		if (munmap((void *)map, size) < 0) {
			perror("munmap");
			free(out);
			close(fd);
			return 1;
		}
	}
	if (close(fd) < 0) {
		perror("close");
		free(out);
		return 1;
	}
	int rc = write_all(STDOUT_FILENO, out, used);
	if (rc < 0)
		perror("write");
	free(out);
	return rc < 0 ? 1 : 0;
}
