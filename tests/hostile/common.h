/* common.h - the part every hostile program shares: it opens, maps and reports the lab file like
 * a correct read-map program, so that only its attack decides how it is graded. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Prints the lab file as read-map must; returns 0, or 1 after an error message. */
static int behave(const char *path)
{
	int fd = open(path, O_RDONLY);
	struct stat st;

	if (fd == -1 || fstat(fd, &st) == -1) {
		perror(path);
		return 1;
	}
	printf("File size is %jd\n", (intmax_t)st.st_size);
	if (st.st_size == 0)
		return close(fd) == -1;
	char *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	for (off_t i = 0; i < st.st_size; i++)
		printf("Found character %c at %jd\n", map[i], (intmax_t)i);
	if (munmap(map, (size_t)st.st_size) == -1 || close(fd) == -1) {
		perror("munmap/close");
		return 1;
	}
	return 0;
}
