/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=fail error-open=pass error-mmap=pass empty-file=pass
 * why: 한 줄마다 malloc한 버퍼에 snprintf로 문장을 만들어 출력하고 free하지 않는다. 버퍼를 가리키는 포인터가 다음 반복에서 덮어써지므로 Memcheck가 definitely lost 블록을 보고해 valgrind가 실패한다.
 * why: 출력 바이트와 시스템 호출은 올바른 프로그램과 같으므로 나머지는 모두 통과한다.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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
	char *map = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	for (off_t i = 0; i < st.st_size; i++) {
		char *line = malloc(64);
		if (line == NULL) {
			perror("malloc");
			return 1;
		}
		snprintf(line, 64, "Found character %c at %jd\n", map[i], (intmax_t)i);
		fputs(line, stdout);
		/* BUG: line is never freed */
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
