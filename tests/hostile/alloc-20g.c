/*
 * hostile: 20 GiB를 할당해 모두 쓰려 한다.
 * expect: run=fail
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	int fd = open(argv[1], O_RDONLY);
	(void)fd;
	size_t n = (size_t)20 << 30;
	char *p = malloc(n);
	if (!p) {
		perror("malloc");
		return 1;
	}
	memset(p, 1, n);
	return 0;
}
