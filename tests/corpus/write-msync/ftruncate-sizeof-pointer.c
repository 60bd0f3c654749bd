/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=fail
 * why: 짧은 파일을 ftruncate로 늘리지만 길이로 sizeof msg를 넘긴다. msg는 const char * 포인터라 sizeof는 문자열 길이(11)가 아니라 포인터 크기 8이므로 파일이 8바이트가 되고, 매핑 길이도 8이 된다. 11바이트를 쓰면 8번째 이후는 파일 끝 너머라 사라져 파일은 "hello mm"이 되고(9~10바이트 파일은 오히려 줄어든다) 종료 코드 0이므로 short-file이 실패한다.
 * why: 정상 파일에서는 ftruncate를 부르지 않으므로 나머지는 모두 통과한다.
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
		/* grow the file so that every byte written lands inside it */
		if (ftruncate(fd, sizeof msg) < 0) {   /* BUG: sizeof a pointer is 8, not 11 */
			perror("ftruncate");
			close(fd);
			return 1;
		}
		st.st_size = sizeof msg;
	}
	char *map = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return 1;
	}
	for (size_t i = 0; i < len; i++)
		map[i] = msg[i];
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
