/*
 * expect: build=pass open=pass size=pass mmap=pass run=fail output=fail munmap=skip close=skip valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 출력을 보기 좋게 하려고 개행 문자를 매핑 안에서 공백으로 바꾼다 (map[i] = ' '). PROT_READ로만 매핑한 영역에 쓰는 것이므로 첫 개행에서 SIGSEGV로 죽는다. 실습 파일에는 개행이 있으므로 정상 실행에서 반드시 죽는다.
 * why: 죽었으므로 run이 실패하고, 표준 출력은 버퍼째 사라지거나 중간에서 끊기며 개행도 바뀌어 output이 실패하고, munmap과 close는 호출 전에 죽어 볼 수 없으므로 skip이다. Memcheck에서도 같은 곳에서 "Process terminating with default action of signal 11"로 끝나지만 이것은 오류 항목(ERROR SUMMARY)이 아니고 누수나 다른 열린 기술자도 없으므로 valgrind는 통과한다 (강제 종료는 run이 판단한다). 파일 없음, mmap 실패, 빈 파일 경로에는 영향이 없다.
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
	for (off_t i = 0; i < st.st_size; i++) {
		if (map[i] == '\n')
			map[i] = ' ';   /* BUG: the mapping is PROT_READ */
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);
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
