/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=fail close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: fork한 자식이 물려받은 매핑 사본만 해제하고, 부모는 자기 매핑을 해제하지 않는다. 자식의 munmap은 자식의 주소 공간에만 작용하므로 munmap만 실패해야 한다.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
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
	if (sb.st_size == 0)
		return close(fd) == -1 ? EXIT_FAILURE : EXIT_SUCCESS;
	size_t len = (size_t)sb.st_size;
	char *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return EXIT_FAILURE;
	}
	if (close(fd) == -1) {
		perror("close");
		return EXIT_FAILURE;
	}
	for (size_t i = 0; i < len; i++)
		printf("Found character %c at %zu\n", map[i], i);
	if (fflush(stdout) == EOF)
		return EXIT_FAILURE;
	/* 버그: 매핑 해제를 자식에게 맡긴다. 자식의 munmap은 자식의 사본만 없앤다. */
	pid_t child = fork();
	if (child == -1) {
		perror("fork");
		return EXIT_FAILURE;
	}
	if (child == 0)
		_exit(munmap(map, len) == -1 ? 1 : 0);
	int status;
	if (waitpid(child, &status, 0) == -1) {
		perror("waitpid");
		return EXIT_FAILURE;
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
