/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=fail
 * why: 빈 파일을 따로 처리하지 않는다 (노트의 동작). "File size is 0"은 출력하지만 길이 0으로 mmap을 시도하고, 이것이 EINVAL로 실패해 perror 후 1로 끝나므로 empty-file이 실패한다.
 * why: 파일이 비어 있지 않으면 완전히 올바르므로 나머지는 모두 통과한다.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	int fd = open("link.txt", O_RDONLY);
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
	printf("File size is %jd\n", (intmax_t)st.st_size);
	char *map = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	for (off_t i = 0; i < st.st_size; i++)
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);
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
