/*
 * hostile: 매핑한 뒤, 곧바로 끝나는 자식을 시간 제한까지 끝없이 fork하고 기다린다(추적 로그에 프로세스가 수만 개).
 * expect: run=fail valgrind=skip
 */
#include "common.h"

int main(int argc, char **argv)
{
	(void)argc;
	int fd = open(argv[1], O_RDONLY);
	struct stat st;
	if (fd == -1 || fstat(fd, &st) == -1 || st.st_size == 0)
		return 1;
	char *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED)
		return 1;
	for (;;) {
		pid_t child = fork();
		if (child == 0)
			_exit(map[0] == 0);
		if (child > 0)
			(void)waitpid(child, NULL, 0);
	}
}
