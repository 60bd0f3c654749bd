/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: fopen(path, "r")로 열고 fileno로 얻은 기술자로 fstat, mmap 한 뒤 매핑 직후 fclose로 닫는다. fopen("r")은 O_RDONLY 열기이고 fclose가 기술자를 닫으며 FILE 구조체도 해제하므로 모든 검사를 통과해야 한다.
 * why: 빈 파일과 오류 처리도 규칙대로다 (오류는 perror, 종료 코드 1).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	FILE *fp = fopen(path, "r");
	if (fp == NULL) {
		perror("fopen");
		return 1;
	}
	int fd = fileno(fp);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		perror("fstat");
		fclose(fp);
		return 1;
	}
	printf("File size is %jd\n", (intmax_t)st.st_size);
	if (st.st_size == 0) {
		fclose(fp);
		return 0;
	}
	const char *text = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (text == MAP_FAILED) {
		perror("mmap");
		fclose(fp);
		return 1;
	}
	if (fclose(fp) == EOF) {
		perror("fclose");
		return 1;
	}
	for (off_t i = 0; i < st.st_size; i++)
		printf("Found character %c at %jd\n", text[i], (intmax_t)i);
	if (munmap((void *)text, (size_t)st.st_size) < 0) {
		perror("munmap");
		return 1;
	}
	return 0;
}
