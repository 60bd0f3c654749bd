/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: 파일 이름을 argv[1]로 받고 stat(argv[1])로 크기를 얻는다. 채점기는 ./prog link.txt로 실행하므로 하드코딩과 같이 동작하고, 짧은 파일은 표준 에러에 알리고 거부한다.
 * why: 오류 처리는 err(3)/errx(3)로 "프로그램: 메시지"를 표준 에러에 쓰고 1로 끝나며 모든 검사를 통과해야 한다.
 */
#include <err.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	if (argc != 2)
		errx(2, "usage: %s FILE", argv[0]);
	const char *path = argv[1];
	const char *msg = "hello mmap!";
	size_t n = strlen(msg);

	struct stat st;
	if (stat(path, &st) == -1)
		err(1, "%s", path);
	if ((size_t)st.st_size < n)
		errx(1, "%s: %lld bytes is shorter than \"%s\"", path, (long long)st.st_size, msg);
	int fd = open(path, O_RDWR);
	if (fd == -1)
		err(1, "%s", path);
	char *map = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED)
		err(1, "mmap");
	for (size_t i = 0; i < n; i++)
		map[i] = msg[i];
	if (msync(map, (size_t)st.st_size, MS_SYNC) == -1)
		err(1, "msync");
	if (munmap(map, (size_t)st.st_size) == -1)
		err(1, "munmap");
	if (close(fd) == -1)
		err(1, "close");
	return 0;
}
