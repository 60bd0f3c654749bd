/*
 * expect: build=fail open=skip size=skip mmap=skip run=skip output=skip munmap=skip close=skip valgrind=skip error-open=skip error-mmap=skip empty-file=skip
 * why: 세미콜론이 빠지고 선언하지 않은 변수 size를 쓰므로 컴파일되지 않는다. build가 실패하면 실행할 프로그램이 없으므로 나머지 검사는 모두 skip이다.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	int fd = open("link.txt", O_RDONLY)
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		perror("link.txt");
		return 1;
	}
	printf("File size is %ld\n", (long)size);
	return 0;
}
