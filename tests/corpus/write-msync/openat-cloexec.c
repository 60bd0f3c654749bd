/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: openat(AT_FDCWD, path, O_RDWR | O_CLOEXEC)로 연다. O_CLOEXEC는 접근 모드를 바꾸지 않으므로 open을 통과한다. 오류 정리는 goto 한 곳으로 모았다.
 * why: 짧은 파일은 거부(표준 에러, 종료 코드 1)하고 나머지도 규칙대로라 모든 검사를 통과해야 한다.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	static const char msg[] = "hello mmap!";
	const char *path = argc == 2 ? argv[1] : "link.txt";
	int status = 1;
	struct stat st;
	char *map = MAP_FAILED;

	int fd = openat(AT_FDCWD, path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		perror("openat");
		return 1;
	}
	if (fstat(fd, &st) < 0) {
		perror("fstat");
		goto out;
	}
	if (st.st_size < (off_t)(sizeof msg - 1)) {
		fprintf(stderr, "%s: file too short for \"%s\"\n", path, msg);
		goto out;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		goto out;
	}
	for (size_t i = 0; i + 1 < sizeof msg; i++)
		map[i] = msg[i];
	if (msync(map, (size_t)st.st_size, MS_SYNC) < 0) {
		perror("msync");
		goto out;
	}
	status = 0;
out:
	if (map != MAP_FAILED && munmap(map, (size_t)st.st_size) < 0) {
		perror("munmap");
		status = 1;
	}
	if (close(fd) < 0) {
		perror("close");
		status = 1;
	}
	return status;
}
