/*
 * expect: build=pass open=pass size=pass mmap=pass run=fail content=skip msync=skip munmap=skip close=skip valgrind=skip error-open=pass error-mmap=pass error-msync=skip short-file=pass
 * why: 쓰기 반복을 while (i < len) map[i] = msg[i]; 로 쓰고 i++를 빠뜨려 map[0]에 'h'만 끝없이 쓴다. 매핑까지는 올바르게 한 뒤 멈추지 않으므로 시간 제한(10초)에 걸려 강제 종료되고 run이 실패한다.
 * why: 시간 제한으로 죽은 실행의 파일 내용은 판단하지 않으므로 content는 skip이다. msync, munmap, close는 볼 수 없으므로 skip이고, Valgrind 실행도 60초 제한에 걸려 보고서가 끝나지 않으므로 valgrind도 실패다. msync 호출이 없어 error-msync는 skip이다. 파일 없음, mmap 실패, 짧은 파일(매핑 전에 거부)은 반복에 이르기 전에 끝나므로 통과한다.
 * why: 채점기 규칙: 프로그램이 시그널, 시간 제한, 출력 제한으로 끝나 그 뒤의 호출(munmap, close, msync)을 볼 수 없으면 그 검사들은 실패가 아니라 skip이다. 원인인 버그 하나는 run 하나로만 실패한다.
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
	size_t i = 0;
	while (i < len)
		map[i] = msg[i];   /* BUG: i is never incremented */
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
