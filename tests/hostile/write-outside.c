/*
 * hostile: 임시 디렉터리 밖(/tmp, $HOME, 제출물 폴더, 저장소)에 파일을 만들려 한다.
 * expect: run=pass
 */
#include "common.h"
static void try_create(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd != -1)
		close(fd);
}
int main(int argc, char **argv)
{
	(void)argc;
	try_create("/tmp/mmaplab-pwned-@TAG@");
	try_create("/var/tmp/mmaplab-pwned-@TAG@");
	try_create("/dev/shm/mmaplab-pwned-@TAG@");
	try_create("@HOME@/mmaplab-pwned-@TAG@");
	try_create("@SUBMISSION_DIR@/pwned");
	try_create("@ROOT@/pwned-@TAG@");
	return behave(argv[1]);
}
