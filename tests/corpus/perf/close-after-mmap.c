/*
 * expect: build=pass read-mode=pass mmap-mode=pass mmap-seq=pass mmap-populate=pass random-pread=pass random-mmap=pass errors=pass
 * why: 매핑하는 모드들은 open, fstat, mmap을 하는 함수 하나(map_file)를 함께 쓰고, 그 함수가 mmap 직후 파일 기술자를 close한다. 매핑은 기술자를 닫아도 남으므로 훑기와 munmap은 그 뒤에 한다.
 * why: 매핑은 여전히 한 번이고 길이가 파일 크기이며 PROT_READ, MAP_SHARED, 오프셋 0이고 같은 주소와 길이로 해제된다. close 뒤에는 이 파일에 read나 pread가 있을 수 없으니 매핑 모드의 검사도 그대로 맞는다.
 * why: 시간은 munmap이 끝난 뒤까지 잰다(매핑 모드에서는 close가 먼저 오므로). 시간은 채점하지 않는다. read와 random-pread는 기술자를 끝까지 쓰고, 빈 파일은 매핑하지 않으며 오류 처리도 맞으므로 모든 검사를 통과해야 한다.
 */
#include <errno.h>
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

static const char *mode, *path;
static uint64_t opt_buffer = 65536, opt_lookups = 1000000, opt_seed = 1;

static void usage(void)
{
	fprintf(stderr, "usage: scan read|mmap|mmap-seq|mmap-populate|random-pread|random-mmap FILE"
	                " [--buffer BYTES] [--lookups N] [--seed S]\n");
	exit(2);
}

static void fail(const char *call)
{
	fprintf(stderr, "scan: %s %s: %s\n", call, path, strerror(errno));
	exit(1);
}

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void add_bytes(const unsigned char *p, size_t n, uint64_t *lines, uint64_t *sum)
{
	size_t i;
	for (i = 0; i < n; i++) {
		*sum += p[i];
		if (p[i] == '\n')
			*lines += 1;
	}
}

/* Opens path, maps all of it with the given flags and closes the descriptor at once: the mapping
 * keeps the file. *len is 0 and NULL is returned for an empty file, which is not mapped. */
static unsigned char *map_file(int flags, size_t *len)
{
	struct stat st;
	unsigned char *p = NULL;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		fail("open");
	if (fstat(fd, &st) < 0)
		fail("fstat");
	*len = (size_t)st.st_size;
	if (*len > 0) {
		p = mmap(NULL, *len, PROT_READ, flags, fd, 0);
		if (p == MAP_FAILED)
			fail("mmap");
	}
	if (close(fd) < 0)
		fail("close");
	return p;
}

static uint64_t xorshift(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

static uint64_t little_endian(const unsigned char b[8])
{
	return (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24 |
	       (uint64_t)b[4] << 32 | (uint64_t)b[5] << 40 | (uint64_t)b[6] << 48 | (uint64_t)b[7] << 56;
}

int main(int argc, char *argv[])
{
	if (argc < 3)
		usage();
	mode = argv[1];
	path = argv[2];
	for (int i = 3; i < argc; i += 2) {
		uint64_t *dst;
		char *end;
		if (!strcmp(argv[i], "--buffer"))
			dst = &opt_buffer;
		else if (!strcmp(argv[i], "--lookups"))
			dst = &opt_lookups;
		else if (!strcmp(argv[i], "--seed"))
			dst = &opt_seed;
		else
			usage();
		if (i + 1 >= argc || argv[i + 1][0] < '0' || argv[i + 1][0] > '9')
			usage();
		errno = 0;
		*dst = strtoull(argv[i + 1], &end, 10);
		if (errno || *end)
			usage();
	}
	if (opt_buffer == 0 || opt_buffer > 1073741824)
		usage();

	int is_read = !strcmp(mode, "read"), is_mmap = !strcmp(mode, "mmap");
	int is_seq = !strcmp(mode, "mmap-seq"), is_pop = !strcmp(mode, "mmap-populate");
	int is_pread = !strcmp(mode, "random-pread"), is_rmmap = !strcmp(mode, "random-mmap");
	if (!(is_read || is_mmap || is_seq || is_pop || is_pread || is_rmmap))
		usage();

	uint64_t lines = 0, sum = 0;
	double start = seconds();

	if (is_read || is_pread) {
		int fd = open(path, O_RDONLY);
		if (fd < 0)
			fail("open");
		if (is_read) {
			unsigned char *buf = malloc(opt_buffer);
			ssize_t n;
			if (!buf)
				fail("malloc");
			while ((n = read(fd, buf, opt_buffer)) > 0)
				add_bytes(buf, (size_t)n, &lines, &sum);
			if (n < 0)
				fail("read");
			free(buf);
		} else {
			struct stat st;
			if (fstat(fd, &st) < 0)
				fail("fstat");
			if (st.st_size < 8) {
				fprintf(stderr, "scan: %s is shorter than 8 bytes\n", path);
				return 1;
			}
			uint64_t x = opt_seed ? opt_seed : 0x9E3779B97F4A7C15ULL;
			for (uint64_t i = 0; i < opt_lookups; i++) {
				unsigned char b[8];
				if (pread(fd, b, 8, (off_t)(xorshift(&x) % (uint64_t)(st.st_size - 7))) != 8)
					fail("pread");
				sum += little_endian(b);
			}
		}
		if (close(fd) < 0)
			fail("close");
	} else {
		size_t len;
		unsigned char *p = map_file(is_pop ? MAP_SHARED | MAP_POPULATE : MAP_SHARED, &len);
		if (is_rmmap) {
			if (len < 8) {
				fprintf(stderr, "scan: %s is shorter than 8 bytes\n", path);
				return 1;
			}
			uint64_t x = opt_seed ? opt_seed : 0x9E3779B97F4A7C15ULL;
			for (uint64_t i = 0; i < opt_lookups; i++)
				sum += little_endian(p + xorshift(&x) % (len - 7));
		} else if (p) {
			if (is_seq && madvise(p, len, MADV_SEQUENTIAL) < 0)
				fail("madvise");
			add_bytes(p, len, &lines, &sum);
		}
		if (p && munmap(p, len) < 0)
			fail("munmap");
	}

	double took = seconds() - start;
	if (is_pread || is_rmmap)
		printf("%s lookups=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode, opt_lookups, sum, took);
	else
		printf("%s lines=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode, lines, sum, took);
	return 0;
}
