/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: 파일이 11바이트보다 짧으면 ftruncate(fd, 11)로 먼저 늘리고 fstat으로 크기를 다시 읽은 뒤 매핑한다. 그러면 쓴 11바이트가 모두 파일 안에 들어가 파일이 "hello mmap!"으로 시작하므로 short-file을 통과한다.
 * why: 정상 파일에서는 ftruncate를 부르지 않아 크기가 바뀌지 않고, 나머지 동작도 규칙대로라 모든 검사를 통과해야 한다.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MSG "hello mmap!"
#define MSG_LEN (sizeof MSG - 1)

static int fail(const char *what, int fd)
{
	perror(what);
	if (fd >= 0)
		close(fd);
	return EXIT_FAILURE;
}

int main(int argc, char *argv[])
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	int fd = open(path, O_RDWR);
	if (fd == -1)
		return fail(path, -1);

	struct stat st;
	if (fstat(fd, &st) == -1)
		return fail("fstat", fd);
	if (st.st_size < (off_t)MSG_LEN) {
		/* grow the file first: stores past the end of file would be lost */
		if (ftruncate(fd, MSG_LEN) == -1)
			return fail("ftruncate", fd);
		if (fstat(fd, &st) == -1)
			return fail("fstat", fd);
	}
	size_t size = (size_t)st.st_size;
	printf("mapping %zu bytes\n", size);

	char *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED)
		return fail("mmap", fd);
	for (size_t i = 0; i < MSG_LEN; i++)
		map[i] = MSG[i];
	if (msync(map, size, MS_SYNC) == -1) {
		munmap(map, size);
		return fail("msync", fd);
	}
	if (munmap(map, size) == -1)
		return fail("munmap", fd);
	if (close(fd) == -1)
		return fail("close", -1);
	return EXIT_SUCCESS;
}
