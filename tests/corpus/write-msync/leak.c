/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=fail error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: 쓸 문자열을 strdup으로 복사해 쓰고 free하지 않는다. 포인터가 main의 지역 변수에만 있다가 사라지므로 Memcheck가 definitely lost를 보고해 valgrind가 실패한다.
 * why: 파일에 쓰는 바이트와 시스템 호출은 올바른 프로그램과 같으므로 나머지는 모두 통과한다.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	const char *msg = "hello mmap!";
	size_t len = strlen(msg);

	int fd = open("link.txt", O_RDWR);
	if (fd < 0) {
		perror("open");
		return 1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		perror("fstat");
		close(fd);
		return 1;
	}
	if ((size_t)st.st_size < len) {
		fprintf(stderr, "link.txt is %lld bytes, shorter than the %zu bytes to write\n",
			(long long)st.st_size, len);
		close(fd);
		return 1;
	}
	char *map = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	char *copy = strdup(msg);   /* BUG: never freed */
	if (copy == NULL) {
		perror("strdup");
		return 1;
	}
	for (size_t i = 0; i < len; i++)
		map[i] = copy[i];
	copy = NULL;
	if (msync(map, st.st_size, MS_SYNC) < 0) {
		perror("msync");
		munmap(map, st.st_size);
		close(fd);
		return 1;
	}
	if (munmap(map, st.st_size) < 0) {
		perror("munmap");
		close(fd);
		return 1;
	}
	if (close(fd) < 0) {
		perror("close");
		return 1;
	}
	return 0;
}
