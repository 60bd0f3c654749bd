/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: 부모가 매핑한 뒤 fork하고, 자식이 물려받은 공유 매핑에 hello mmap!을 쓰고 msync한다. 부모는 자식을 기다린 뒤 매핑을 해제하고 닫는다. 공유 매핑은 한 페이지 캐시를 함께 쓰므로 모든 검사를 통과해야 하고, msync 실패 주입도 자식의 호출에 닿아야 한다.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	static const char text[] = "hello mmap!";
	const size_t n = sizeof text - 1;

	int fd = open(path, O_RDWR);
	if (fd < 0) {
		perror(path);
		return EXIT_FAILURE;
	}
	struct stat sb;
	if (fstat(fd, &sb) < 0) {
		perror("fstat");
		return EXIT_FAILURE;
	}
	if (sb.st_size < (off_t)n) {
		fprintf(stderr, "%s: too short (%lld bytes), refusing to write\n", path, (long long)sb.st_size);
		return EXIT_FAILURE;
	}
	size_t size = (size_t)sb.st_size;
	char *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return EXIT_FAILURE;
	}
	pid_t child = fork();
	if (child == -1) {
		perror("fork");
		return EXIT_FAILURE;
	}
	if (child == 0) {
		/* 자식: 물려받은 공유 매핑에 쓰고 동기화한다. 물려받은 것은 _exit가 정리한다. */
		memcpy(map, text, n);
		if (msync(map, size, MS_SYNC) < 0) {
			perror("msync");
			_exit(EXIT_FAILURE);
		}
		_exit(EXIT_SUCCESS);
	}
	int status;
	if (waitpid(child, &status, 0) == -1) {
		perror("waitpid");
		return EXIT_FAILURE;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "child failed\n");
		return EXIT_FAILURE;
	}
	if (munmap(map, size) < 0 || close(fd) < 0) {
		perror("munmap/close");
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
