/*
 * hostile: 추적기(TracerPid)가 있을 때만 올바르게 동작하고, 없으면 다른 것을 출력한다.
 * expect: output=fail
 */
#include "common.h"
static int traced(void)
{
	char line[256];
	FILE *f = fopen("/proc/self/status", "r");
	int pid = 0;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "TracerPid: %d", &pid) == 1)
			break;
	if (f)
		fclose(f);
	return pid != 0;
}
int main(int argc, char **argv)
{
	(void)argc;
	if (traced())
		return behave(argv[1]);
	int fd = open(argv[1], O_RDONLY);
	close(fd);
	puts("File size is 1");
	return 0;
}
