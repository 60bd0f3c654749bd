/*
 * expect: build=pass open=pass size=pass mmap=pass run=skip content=pass msync=fail munmap=pass close=pass valgrind=fail error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: msync와 munmap의 순서를 바꿔 munmap 뒤에 msync를 부른다. 이미 해제한 주소라 msync는 ENOMEM으로 실패하고, 프로그램은 이를 올바르게 검사해 perror 후 기술자를 닫고 1로 끝난다. msync는 매핑 뒤·해제 전에 성공해야 하므로 실패이고, 정상 파일에서 종료 코드가 1이므로 run도 실패한다 (순서 버그 하나가 여러 검사에 드러나는 것은 피할 수 없다).
 * why: Memcheck는 해제된 주소를 msync에 넘긴 것을 "Syscall param msync(start) points to unaddressable byte(s)" 오류로 보고하므로 valgrind도 실패한다 (해제한 메모리를 쓰는 것은 실제 메모리 오류다). 공유 매핑의 내용은 munmap으로도 파일에 반영되므로 content는 통과하고 munmap, close도 올바르다. EIO를 주입해도 같은 msync가 실패해 표준 에러와 1로 끝나므로 error-msync는 통과한다.
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
	for (size_t i = 0; i < len; i++)
		map[i] = msg[i];
	if (munmap(map, st.st_size) < 0) {
		perror("munmap");
		close(fd);
		return 1;
	}
	if (msync(map, st.st_size, MS_SYNC) < 0) {   /* BUG: the mapping is already gone */
		perror("msync");
		close(fd);
		return 1;
	}
	if (close(fd) < 0) {
		perror("close");
		return 1;
	}
	return 0;
}
