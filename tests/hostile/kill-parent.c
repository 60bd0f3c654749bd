/*
 * hostile: 부모(추적기)를 SIGKILL로 죽이려 한 뒤 올바르게 끝난다.
 * expect: run=pass output=pass
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	kill(getppid(), SIGKILL);
	return behave(argv[1]);
}
