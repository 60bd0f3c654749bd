/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=fail error-open=pass error-mmap=pass empty-file=pass
 * why: 디버깅용 기록 파일 mmap.log를 fopen("w")으로 열어 매핑 주소를 적고 fclose하지 않는다. 종료 때 실습 파일이 아닌 기술자가 열려 있으므로 Memcheck의 --track-fds 보고에 걸려 valgrind가 실패한다.
 * why: 실습 파일 자체는 O_RDONLY로 열고 닫으며 표준 출력도 그대로이므로 나머지는 모두 통과한다 (mmap.log 열기는 open 검사의 대상이 아니다).
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
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	FILE *log = fopen("mmap.log", "w");   /* BUG: never closed */
	if (log == NULL) {
		perror("mmap.log");
		munmap(map, st.st_size);
		close(fd);
		return 1;
	}
	fprintf(log, "mapped %jd bytes at %p\n", (intmax_t)st.st_size, (void *)map);
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
