/*
 * expect: build=pass open=pass size=pass mmap=pass run=fail output=fail munmap=skip close=skip valgrind=skip error-open=pass error-mmap=pass empty-file=pass
 * why: 출력 반복을 while (i < st.st_size)로 쓰고 i++를 빠뜨려 "Found character C at 0" 줄을 끝없이 출력한다. 출력 상한을 시험하는 제출물이다: 채점기는 표준 출력이 상한을 넘는 순간 프로그램을 멈추므로 run이 실패하고, 출력이 기대와 다르므로 output도 실패한다 (output을 건너뛰는 것은 시간 제한으로 죽었을 때뿐이다).
 * why: 멈춘 뒤의 munmap과 close는 볼 수 없으므로 skip이고, Valgrind 실행도 같은 출력 폭주로 중단되어 보고서가 끝나지 않으므로 valgrind도 실패다. 파일 없음, mmap 실패, 빈 파일(반복 전에 0 반환)은 정상적으로 끝나므로 통과한다.
 * why: 채점기 규칙: 프로그램이 시그널, 시간 제한, 출력 제한으로 끝나 그 뒤의 호출(munmap, close, msync)을 볼 수 없으면 그 검사들은 실패가 아니라 skip이다. 원인인 버그 하나는 run 하나로만 실패한다.
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
	off_t i = 0;
	while (i < st.st_size)
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);   /* BUG: i is never incremented */
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
