/*
 * hostile: setsid()로 세션을 떠난 손자 프로세스를 남기고, 자신은 올바르게 끝난다.
 * expect: run=fail
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	if (fork() == 0) {
		setsid();
		if (fork() == 0)
			for (;;)
				sleep(1000);
		_exit(0);
	}
	wait(NULL);
	return behave(argv[1]);
}
