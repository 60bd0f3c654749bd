/*
 * hostile: 매핑한 뒤 끝나지 않는 반복에 빠진다.
 * expect: run=fail output=skip valgrind=skip
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	int fd = open(argv[1], O_RDONLY);
	(void)fd;
	for (volatile unsigned long i = 0;; i++)
		;
}
