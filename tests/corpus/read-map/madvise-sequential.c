/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 매핑 뒤 madvise(MADV_SEQUENTIAL)로 순차 접근을 알리고, 오프셋을 포인터 차이로 계산하며 unsigned char로 바이트를 읽는다. 추가 시스템 호출은 채점 대상이 아니므로 모든 검사를 통과해야 한다.
 * why: 오류는 fprintf(stderr, ..., strerror(errno))로 알리고 1로 끝나며 빈 파일은 매핑하지 않는다.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return 1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		fprintf(stderr, "fstat: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	printf("File size is %jd\n", (intmax_t)st.st_size);
	if (st.st_size == 0)
		return close(fd) < 0;

	unsigned char *begin = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (begin == MAP_FAILED) {
		fprintf(stderr, "mmap: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	if (madvise(begin, (size_t)st.st_size, MADV_SEQUENTIAL) < 0)
		fprintf(stderr, "madvise: %s (ignored)\n", strerror(errno));
	const unsigned char *end = begin + st.st_size;
	for (const unsigned char *p = begin; p < end; p++)
		printf("Found character %c at %td\n", *p, p - begin);
	if (munmap(begin, (size_t)st.st_size) < 0) {
		fprintf(stderr, "munmap: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	if (close(fd) < 0) {
		fprintf(stderr, "close: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
