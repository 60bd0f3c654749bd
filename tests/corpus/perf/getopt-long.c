/*
 * expect: build=pass read-mode=pass mmap-mode=pass mmap-seq=pass mmap-populate=pass random-pread=pass random-mmap=pass errors=pass
 * why: 옵션을 getopt_long으로 읽는 답안이다. glibc의 getopt_long은 옵션이 아닌 인자를 뒤로 돌려 두므로 `scan read FILE --buffer 3001`처럼 옵션이 MODE와 FILE 뒤에 와도 읽히고, 남은 인자가 정확히 MODE와 FILE 둘인지 따로 확인한다.
 * why: 모르는 옵션이나 값이 빠진 옵션은 getopt_long이 '?'를 돌려주고 메시지를 표준 오류에 쓰므로 사용법을 덧붙여 2로 끝난다. 모르는 모드도 사용법과 2로 끝나고, 없는 파일은 open의 perror와 1로 끝난다.
 * why: 각 모드는 README대로 시스템 호출을 부른다. 매핑 모드는 mmap, madvise, munmap의 반환값을 모두 확인하고 빈 파일은 매핑하지 않으며, random-pread는 조회마다 8바이트 pread 한 번이다. 모든 검사를 통과해야 한다.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *prog = "scan";

static void usage(void)
{
	fprintf(stderr, "usage: %s MODE FILE [--buffer BYTES] [--lookups N] [--seed S]\n", prog);
	exit(2);
}

static uint64_t num(const char *opt, const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || errno || *end) {
		fprintf(stderr, "%s: --%s wants a number, not '%s'\n", prog, opt, s);
		usage();
	}
	return v;
}

static void count(const unsigned char *p, size_t n, uint64_t *lines, uint64_t *sum)
{
	for (size_t i = 0; i < n; i++) {
		*lines += p[i] == '\n';
		*sum += p[i];
	}
}

static uint64_t load8(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

int main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "buffer", required_argument, NULL, 'b' },
		{ "lookups", required_argument, NULL, 'l' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	uint64_t buffer = 65536, lookups = 1000000, seed = 1;
	int c;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			buffer = num("buffer", optarg);
			if (buffer == 0 || buffer > (UINT64_C(1) << 30)) {
				fprintf(stderr, "%s: --buffer must be 1..1073741824\n", prog);
				usage();
			}
			break;
		case 'l':
			lookups = num("lookups", optarg);
			break;
		case 's':
			seed = num("seed", optarg);
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 2)
		usage();
	const char *mode = argv[optind], *path = argv[optind + 1];
	bool is_read = !strcmp(mode, "read");
	bool seq = !strcmp(mode, "mmap-seq"), populate = !strcmp(mode, "mmap-populate");
	bool mapped = !strcmp(mode, "mmap") || seq || populate;
	bool rpread = !strcmp(mode, "random-pread"), rmmap = !strcmp(mode, "random-mmap");
	if (!is_read && !mapped && !rpread && !rmmap) {
		fprintf(stderr, "%s: unknown mode '%s'\n", prog, mode);
		usage();
	}

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int fd = open(path, O_RDONLY);
	if (fd == -1) {
		perror(path);
		return 1;
	}
	uint64_t lines = 0, sum = 0;
	struct stat st = { 0 };
	if (!is_read && fstat(fd, &st) == -1) {
		perror("fstat");
		return 1;
	}
	size_t len = (size_t)st.st_size;

	if (is_read) {
		unsigned char *buf = malloc(buffer);
		if (!buf) {
			perror("malloc");
			return 1;
		}
		for (;;) {
			ssize_t n = read(fd, buf, buffer);
			if (n == -1) {
				perror("read");
				return 1;
			}
			if (n == 0)
				break;
			count(buf, (size_t)n, &lines, &sum);
		}
		free(buf);
	} else if (mapped) {
		if (len != 0) {
			unsigned char *map = mmap(NULL, len, PROT_READ, populate ? MAP_SHARED | MAP_POPULATE : MAP_SHARED, fd, 0);
			if (map == MAP_FAILED) {
				perror("mmap");
				return 1;
			}
			if (seq && madvise(map, len, MADV_SEQUENTIAL) == -1) {
				perror("madvise");
				return 1;
			}
			count(map, len, &lines, &sum);
			if (munmap(map, len) == -1) {
				perror("munmap");
				return 1;
			}
		}
	} else {
		if (len < 8) {
			fprintf(stderr, "%s: %s has %zu bytes, fewer than 8\n", prog, path, len);
			return 1;
		}
		unsigned char *map = NULL;
		if (rmmap) {
			map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
			if (map == MAP_FAILED) {
				perror("mmap");
				return 1;
			}
		}
		uint64_t x = seed == 0 ? 0x9E3779B97F4A7C15ULL : seed;
		for (uint64_t i = 0; i < lookups; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			size_t off = (size_t)(x % (len - 7));
			if (rmmap) {
				sum += load8(map + off);
			} else {
				unsigned char b[8];
				ssize_t n = pread(fd, b, sizeof b, (off_t)off);
				if (n == -1) {
					perror("pread");
					return 1;
				}
				if (n != 8) {
					fprintf(stderr, "%s: short pread at %zu\n", prog, off);
					return 1;
				}
				sum += load8(b);
			}
		}
		if (rmmap && munmap(map, len) == -1) {
			perror("munmap");
			return 1;
		}
	}
	if (close(fd) == -1) {
		perror("close");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (rpread || rmmap)
		printf("%s lookups=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode, lookups, sum, secs);
	else
		printf("%s lines=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode, lines, sum, secs);
	return 0;
}
