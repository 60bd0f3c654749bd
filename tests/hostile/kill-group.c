/*
 * hostile: 자기 프로세스 그룹 전체(kill(0, SIGKILL))를 죽인다.
 * expect: run=fail
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	int fd = open(argv[1], O_RDONLY);
	(void)fd;
	kill(0, SIGKILL);
	return 0;
}
