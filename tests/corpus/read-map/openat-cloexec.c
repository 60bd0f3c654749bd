/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: openat(AT_FDCWD, ..., O_RDONLY | O_CLOEXEC)로 연다. O_CLOEXEC 같은 부가 플래그는 읽기 전용 열기를 바꾸지 않으므로 open 검사를 통과하고 나머지도 올바르다.
 * why: 오류는 goto로 한 곳에 모아 정리하고 표준 에러에 알린 뒤 1을 반환한다.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	int status = 1;
	char *map = MAP_FAILED;
	struct stat st = {0};
	const char *path = argc == 2 ? argv[1] : "link.txt";

	int fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		perror("openat");
		return 1;
	}
	if (fstat(fd, &st) < 0) {
		perror("fstat");
		goto out;
	}
	printf("File size is %jd\n", (intmax_t)st.st_size);
	if (st.st_size == 0) {
		status = 0;
		goto out;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		goto out;
	}
	for (off_t i = 0; i < st.st_size; i++)
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);
	if (munmap(map, (size_t)st.st_size) < 0) {
		perror("munmap");
		goto out;
	}
	status = 0;
out:
	if (close(fd) < 0) {
		perror("close");
		status = 1;
	}
	return status;
}
