/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 한 줄씩 snprintf로 지역 버퍼에 만들어 fwrite로 내보내고, 표준 출력에 setvbuf로 64KiB 정적 버퍼를 준다. 출력 방식만 다를 뿐 바이트는 같으므로 output을 통과하고 나머지도 올바르다.
 * why: 오류 메시지는 fputs로 표준 에러에 쓰고 1로 끝난다.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static char outbuf[1 << 16];

static void report(const char *what)
{
	fputs(what, stderr);
	fputs(": ", stderr);
	fputs(strerror(errno), stderr);
	fputc('\n', stderr);
}

int main(void)
{
	if (setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf) != 0) {
		report("setvbuf");
		return 1;
	}
	int fd = open("link.txt", O_RDONLY);
	if (fd == -1) {
		report("open");
		return 1;
	}
	struct stat st;
	if (fstat(fd, &st) == -1) {
		report("fstat");
		close(fd);
		return 1;
	}
	char line[64];
	int n = snprintf(line, sizeof line, "File size is %lld\n", (long long)st.st_size);
	fwrite(line, 1, (size_t)n, stdout);
	if (st.st_size == 0) {
		close(fd);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	char *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED) {
		report("mmap");
		close(fd);
		return 1;
	}
	for (long long i = 0; i < (long long)st.st_size; i++) {
		n = snprintf(line, sizeof line, "Found character %c at %lld\n", m[i], i);
		if (fwrite(line, 1, (size_t)n, stdout) != (size_t)n) {
			report("fwrite");
			break;
		}
	}
	if (munmap(m, (size_t)st.st_size) == -1) {
		report("munmap");
		close(fd);
		return 1;
	}
	if (close(fd) == -1) {
		report("close");
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
