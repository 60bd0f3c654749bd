/*
 * expect: build=pass open=pass size=pass mmap=pass run=fail output=skip munmap=skip close=skip valgrind=skip error-open=pass error-mmap=pass empty-file=pass
 * why: 출력 반복을 while (i < st.st_size); 로 써서 세미콜론 때문에 빈 문장만 끝없이 반복한다 (i가 바뀌지 않음). 매핑까지는 올바르게 한 뒤 정상 파일에서 멈추지 않으므로 시간 제한(10초)에 걸려 강제 종료되고 run이 실패한다.
 * why: 시간 제한으로 죽은 실행의 출력은 판단하지 않으므로 output은 skip이다. munmap과 close는 볼 수 없으므로 skip이고, Valgrind 실행도 60초 제한에 걸려 보고서가 끝나지 않으므로 valgrind도 실패다. 파일 없음, mmap 실패, 빈 파일(반복 전에 0 반환)은 정상적으로 끝나므로 통과한다.
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
	while (i < st.st_size);   /* BUG: the stray semicolon is the loop body */
	{
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);
		i++;
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
