/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 매핑과 출력, 매핑 해제를 두 번째 스레드에서 한다. 스레드는 주소 공간을 함께 쓰므로 모든 검사를 통과해야 하고, mmap 실패 주입도 그 스레드의 호출에 닿아야 한다(strace -P).
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct job {
	int fd;
	size_t len;
	int status;
};

/* 스레드 안에서 매핑하고 모든 바이트를 출력한 뒤 매핑을 해제한다. */
static void *print_all(void *arg)
{
	struct job *job = arg;
	char *map = mmap(NULL, job->len, PROT_READ, MAP_SHARED, job->fd, 0);

	if (map == MAP_FAILED) {
		perror("mmap");
		job->status = 1;
		return NULL;
	}
	for (size_t i = 0; i < job->len; i++)
		printf("Found character %c at %zu\n", map[i], i);
	if (munmap(map, job->len) == -1) {
		perror("munmap");
		job->status = 1;
	}
	return NULL;
}

int main(int argc, char *argv[])
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	int fd = open(path, O_RDONLY);
	struct stat sb;

	if (fd == -1 || fstat(fd, &sb) == -1) {
		perror(path);
		return EXIT_FAILURE;
	}
	printf("File size is %jd\n", (intmax_t)sb.st_size);
	struct job job = { .fd = fd, .len = (size_t)sb.st_size, .status = 0 };
	if (sb.st_size > 0) {
		pthread_t t;
		int err = pthread_create(&t, NULL, print_all, &job);
		if (err != 0) {
			fprintf(stderr, "pthread_create: %s\n", strerror(err));
			return EXIT_FAILURE;
		}
		err = pthread_join(t, NULL);
		if (err != 0) {
			fprintf(stderr, "pthread_join: %s\n", strerror(err));
			return EXIT_FAILURE;
		}
	}
	if (close(fd) == -1) {
		perror("close");
		return EXIT_FAILURE;
	}
	if (fflush(stdout) == EOF)
		return EXIT_FAILURE;
	return job.status;
}
