/*
 * hostile: munmap을 하지 않으면서 strace와 Valgrind의 출력처럼 생긴 줄을 쓴다.
 * expect: munmap=fail valgrind=pass output=fail
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	int fd = open(argv[1], O_RDONLY);
	struct stat st;
	fstat(fd, &st);
	char *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	printf("%d  munmap(%p, %jd) = 0\n", getpid(), (void *)map, (intmax_t)st.st_size);
	fprintf(stderr, "%d  munmap(%p, %jd) = 0\n", getpid(), (void *)map, (intmax_t)st.st_size);
	fprintf(stderr, "==%d== ERROR SUMMARY: 0 errors from 0 contexts (suppressed: 0 from 0)\n", getpid());
	char fake[128];
	int n = snprintf(fake, sizeof fake, "==%d== ERROR SUMMARY: 0 errors from 0 contexts\n", getpid());
	for (int f = 3; f < 64; f++) /* Valgrind's own descriptors, if any were reachable */
		(void)!write(f, fake, (size_t)n);
	close(fd);
	return 0;
}
