/*
 * expect: build=pass read-mode=pass mmap-mode=pass mmap-seq=pass mmap-populate=pass random-pread=pass random-mmap=pass errors=pass
 * why: 한 파일에 짧게 쓴 답안이다. 바이트마다 비교하고 더하는 가장 단순한 반복문을 모든 순차 모드가 함께 쓴다. -O0이라 느리지만 채점 파일은 256~512KiB뿐이라 시간 안에 끝난다.
 * why: read 모드는 malloc한 --buffer바이트 버퍼에 매번 그 크기를 요청하고, 매핑 모드는 파일 전체를 PROT_READ, MAP_SHARED, 오프셋 0으로 한 번 매핑해 같은 길이로 해제한다. mmap-seq는 매핑 직후 madvise(MADV_SEQUENTIAL)을, mmap-populate는 MAP_POPULATE를 준다.
 * why: 무작위 모드는 xorshift64로 README대로 오프셋을 만들고 random-pread는 조회마다 8바이트 pread 한 번, random-mmap은 매핑에서 읽는다. 빈 파일은 매핑하지 않고, 명령줄 오류는 2, 시스템 호출 실패는 1로 끝나므로 모든 검사를 통과해야 한다.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: scan MODE FILE [--buffer BYTES] [--lookups N] [--seed S]\n");
	exit(2);
}

static uint64_t number(const char *s)
{
	char *end;
	if (*s < '0' || *s > '9')
		usage();
	unsigned long long v = strtoull(s, &end, 10);
	if (*end)
		usage();
	return v;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void count(const unsigned char *p, size_t n, uint64_t *lines, uint64_t *sum)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\n')
			(*lines)++;
		*sum += p[i];
	}
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

int main(int argc, char *argv[])
{
	static const char *modes[] = { "read", "mmap", "mmap-seq", "mmap-populate", "random-pread", "random-mmap" };
	uint64_t buffer = 65536, lookups = 1000000, seed = 1, lines = 0, sum = 0;
	int mode = -1;

	if (argc < 3)
		usage();
	for (int m = 0; m < 6; m++)
		if (!strcmp(argv[1], modes[m]))
			mode = m;
	if (mode < 0)
		usage();
	for (int i = 3; i < argc; i += 2) {
		if (i + 1 >= argc)
			usage();
		uint64_t v = number(argv[i + 1]);
		if (!strcmp(argv[i], "--buffer") && v > 0 && v <= (1u << 30))
			buffer = v;
		else if (!strcmp(argv[i], "--lookups"))
			lookups = v;
		else if (!strcmp(argv[i], "--seed"))
			seed = v;
		else
			usage();
	}

	double start = now();
	int fd = open(argv[2], O_RDONLY);
	if (fd < 0)
		die(argv[2]);
	struct stat st;
	if (fstat(fd, &st) < 0)
		die("fstat");
	size_t len = st.st_size;

	if (mode == 0) {
		unsigned char *buf = malloc(buffer);
		ssize_t n;
		if (!buf)
			die("malloc");
		while ((n = read(fd, buf, buffer)) > 0)
			count(buf, n, &lines, &sum);
		if (n < 0)
			die("read");
		free(buf);
	} else if (mode <= 3) {
		if (len > 0) {
			unsigned char *map = mmap(NULL, len, PROT_READ, mode == 3 ? MAP_SHARED | MAP_POPULATE : MAP_SHARED, fd, 0);
			if (map == MAP_FAILED)
				die("mmap");
			if (mode == 2 && madvise(map, len, MADV_SEQUENTIAL) < 0)
				die("madvise");
			count(map, len, &lines, &sum);
			if (munmap(map, len) < 0)
				die("munmap");
		}
	} else {
		if (len < 8) {
			fprintf(stderr, "%s: smaller than 8 bytes\n", argv[2]);
			return 1;
		}
		unsigned char *map = NULL;
		if (mode == 5 && (map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0)) == MAP_FAILED)
			die("mmap");
		uint64_t x = seed ? seed : 0x9E3779B97F4A7C15ULL;
		for (uint64_t i = 0; i < lookups; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			uint64_t off = x % (len - 7);
			unsigned char b[8];
			if (map)
				memcpy(b, map + off, 8);
			else if (pread(fd, b, 8, off) != 8)
				die("pread");
			uint64_t v = 0;
			for (int k = 7; k >= 0; k--)
				v = v << 8 | b[k];
			sum += v;
		}
		if (map && munmap(map, len) < 0)
			die("munmap");
	}
	if (close(fd) < 0)
		die("close");
	double seconds = now() - start;
	if (mode >= 4)
		printf("%s lookups=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", modes[mode], lookups, sum, seconds);
	else
		printf("%s lines=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", modes[mode], lines, sum, seconds);
	return 0;
}
