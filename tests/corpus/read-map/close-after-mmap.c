/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 파일 기술자를 mmap 직후에 닫는다. 매핑은 기술자와 무관하게 유지되므로 출력과 munmap에 문제가 없고 모든 검사를 통과해야 한다.
 * why: 빈 파일은 매핑하지 않고 "File size is 0"만 출력한 뒤 0을 반환하며, 실패하는 호출은 모두 perror로 표준 에러에 알리고 1로 끝난다.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	int fd = open(path, O_RDONLY);
	if (fd == -1) {
		perror(path);
		return EXIT_FAILURE;
	}

	struct stat sb;
	if (fstat(fd, &sb) == -1) {
		perror("fstat");
		close(fd);
		return EXIT_FAILURE;
	}
	printf("File size is %jd\n", (intmax_t)sb.st_size);
	if (sb.st_size == 0) {
		close(fd);
		return EXIT_SUCCESS;
	}

	char *map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return EXIT_FAILURE;
	}
	/* the mapping keeps its own reference to the file: the descriptor is no longer needed */
	if (close(fd) == -1) {
		perror("close");
		munmap(map, (size_t)sb.st_size);
		return EXIT_FAILURE;
	}

	for (off_t i = 0; i < sb.st_size; i++)
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);

	if (munmap(map, (size_t)sb.st_size) == -1) {
		perror("munmap");
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
