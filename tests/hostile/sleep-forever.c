/*
 * hostile: 아무것도 하지 않고 영원히 잔다.
 * expect: run=fail output=skip valgrind=skip
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	int fd = open(argv[1], O_RDONLY);
	(void)fd;
	for (;;)
		pause();
}
