/*
 * hostile: 하위 디렉터리를 만들고 자기 디렉터리까지 권한을 모두 없앤다.
 * expect: run=pass
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	int status = behave(argv[1]);
	mkdir("deep", 0700);
	mkdir("deep/er", 0700);
	close(creat("deep/er/file", 0600));
	chmod("deep/er", 0);
	chmod("deep", 0);
	chmod(".", 0);
	return status;
}
