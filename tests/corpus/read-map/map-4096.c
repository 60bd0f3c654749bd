/*
 * expect: build=pass open=pass size=pass mmap=fail run=pass output=fail munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 파일 크기 대신 한 페이지(#define MAP_LEN 4096)만 고정으로 매핑하고, 매핑 밖을 읽지 않으려고 출력도 MAP_LEN까지만 한다. 매핑 길이가 파일 크기(또는 페이지 단위로 올린 크기)가 아니므로 mmap이 실패한다.
 * why: 실습 파일은 한 페이지보다 길어서 4096번째 바이트부터의 줄이 빠지므로 output도 실패한다. 고정 길이로 매핑하면 나머지 바이트는 읽을 수 없으니 피할 수 없는 연쇄다. munmap은 매핑한 길이 그대로 해제하므로 통과하고, 나머지도 통과한다.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAP_LEN 4096   /* BUG: one page is not the whole file */

int main(void)
{
	int fd = open("link.txt", O_RDONLY);
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
	printf("File size is %jd\n", (intmax_t)st.st_size);
	if (st.st_size == 0) {
		close(fd);
		return 0;
	}
	char *map = mmap(NULL, MAP_LEN, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	for (off_t i = 0; i < st.st_size && i < MAP_LEN; i++)
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);
	if (munmap(map, MAP_LEN) < 0) {
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
