/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: printf 없이 fputs와 putchar만으로 출력하고 숫자도 직접 자릿수로 바꿔 찍는다. 바이트는 printf 버전과 같으므로 output을 통과하고 나머지 검사도 통과한다.
 * why: 오류는 err(3) 계열(err)로 "프로그램: 메시지: strerror"를 표준 에러에 쓰고 1로 끝난다.
 */
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void put_number(unsigned long long v)
{
	char digits[24];
	int n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n > 0)
		putchar(digits[--n]);
}

int main(int argc, char *argv[])
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		err(1, "%s", path);
	struct stat st;
	if (fstat(fd, &st) < 0)
		err(1, "fstat");
	unsigned long long size = (unsigned long long)st.st_size;

	fputs("File size is ", stdout);
	put_number(size);
	putchar('\n');
	if (size == 0) {
		if (close(fd) < 0)
			err(1, "close");
		return 0;
	}

	const unsigned char *p = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		err(1, "mmap");
	for (unsigned long long i = 0; i < size; i++) {
		fputs("Found character ", stdout);
		putchar(p[i]);
		fputs(" at ", stdout);
		put_number(i);
		putchar('\n');
	}
	if (munmap((void *)p, size) < 0)
		err(1, "munmap");
	if (close(fd) < 0)
		err(1, "close");
	return 0;
}
