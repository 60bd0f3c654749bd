/*
 * hostile: 표준 출력으로 끝없이 쏟아낸다.
 * expect: run=fail output=fail
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	int fd = open(argv[1], O_RDONLY);
	(void)fd;
	static char line[4096];
	memset(line, 'x', sizeof line - 1);
	for (;;)
		puts(line);
}
