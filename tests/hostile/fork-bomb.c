/*
 * hostile: 끝없이 fork한다(포크 폭탄).
 * expect: run=fail valgrind=skip
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	behave(argv[1]);
	for (;;)
		(void)fork();
}
