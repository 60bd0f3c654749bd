/*
 * expect: build=fail open=skip size=skip mmap=skip run=skip content=skip msync=skip munmap=skip close=skip valgrind=skip error-open=skip error-mmap=skip error-msync=skip short-file=skip
 * why: msync를 mysnc로 잘못 적었다. gcc 12에서 선언 없는 함수 호출은 경고(implicit declaration)일 뿐이라 컴파일 단계는 지나가지만 링크 단계에서 undefined reference로 실패한다.
 * why: 링크 실패도 build 실패이므로 실행 파일이 없고 나머지 검사는 모두 skip이다.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	const char *msg = "hello mmap!";
	int fd = open("link.txt", O_RDWR);
	if (fd < 0) {
		perror("open");
		return 1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || st.st_size < 11) {
		fprintf(stderr, "link.txt: cannot use this file\n");
		close(fd);
		return 1;
	}
	char *map = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	memcpy(map, msg, strlen(msg));
	if (mysnc(map, st.st_size, MS_SYNC) < 0) {
		perror("msync");
		return 1;
	}
	munmap(map, st.st_size);
	close(fd);
	return 0;
}
