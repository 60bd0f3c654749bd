/*
 * hostile: 표준 오류로 끝없이 쏟아낸다.
 * expect: run=fail
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	int fd = open(argv[1], O_RDONLY);
	(void)fd;
	static char line[4096];
	memset(line, 'e', sizeof line - 1);
	for (;;)
		fputs(line, stderr);
}
