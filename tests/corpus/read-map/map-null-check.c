/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=fail empty-file=pass
 * why: mmap 실패를 map == NULL로 검사한다. mmap은 실패할 때 NULL이 아니라 MAP_FAILED((void *)-1)를 돌려주므로 ENOMEM이 주입되면 검사를 지나쳐 그 주소를 읽다가 SIGSEGV로 죽고 error-mmap이 실패한다.
 * why: 정상 실행, 빈 파일, 파일 없음은 모두 올바르게 처리하므로 나머지는 통과한다.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
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
	if (map == NULL) {
		perror("mmap");
		close(fd);
		return 1;
	}
	for (off_t i = 0; i < st.st_size; i++)
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);
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
