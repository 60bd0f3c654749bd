/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: statx(fd, "", AT_EMPTY_PATH, STATX_SIZE)로 크기를 얻고, 짧으면 ftruncate(fd, 11)로 늘린 다음 11바이트 길이로 매핑한다. 파일은 "hello mmap!"이 되므로 short-file을 통과한다.
 * why: 나머지도 규칙대로(O_RDWR, MAP_SHARED, MS_SYNC, 모든 실패는 표준 에러와 종료 코드 1)라 모든 검사를 통과해야 한다.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(1);
}

int main(void)
{
	static const char msg[11] = "hello mmap!";   /* exactly the 11 bytes, no NUL */
	int fd = open("link.txt", O_RDWR);
	if (fd < 0)
		die("open");
	struct statx stx;
	if (statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, &stx) < 0)
		die("statx");
	uint64_t size = stx.stx_size;
	if (size < sizeof msg) {
		if (ftruncate(fd, sizeof msg) < 0)
			die("ftruncate");
		size = sizeof msg;
	}
	unsigned char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		die("mmap");
	for (size_t i = 0; i < sizeof msg; i++)
		p[i] = (unsigned char)msg[i];
	if (msync(p, size, MS_SYNC) < 0)
		die("msync");
	if (munmap(p, size) < 0)
		die("munmap");
	if (close(fd) < 0)
		die("close");
	return 0;
}
