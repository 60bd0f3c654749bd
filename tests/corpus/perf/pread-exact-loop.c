/*
 * expect: build=pass read-mode=pass mmap-mode=pass mmap-seq=pass mmap-populate=pass random-pread=pass random-mmap=pass errors=pass
 * why: 반복문의 모양을 바꾼 답안이다. random-pread는 남은 조회 수를 거꾸로 세는 while 반복문 안에서 pread_exact를 부르는데, 이 함수는 8바이트를 다 받을 때까지 남은 바이트만 다시 요청하는 안쪽 반복문을 가진다.
 * why: 오프셋이 크기 - 8 이하이므로 정규 파일에서 pread는 언제나 한 번에 8바이트를 돌려주고, 그래서 안쪽 반복문은 한 번만 돌아 조회마다 pread가 정확히 한 번이다(조회 500번이면 500번).
 * why: 크기는 fstat 대신 lseek(fd, 0, SEEK_END)로 알아낸다. 매핑과 pread는 파일 오프셋을 쓰지 않으므로 그대로 맞고, read 모드는 크기가 필요 없어 lseek을 부르지 않는다. read는 do-while로 0이 나올 때까지 --buffer바이트씩 요청한다. 나머지도 README대로이므로 모든 검사를 통과해야 한다.
 */
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define SEED_ZERO 0x9E3779B97F4A7C15ULL

static int usage(void)
{
	fputs("usage: scan MODE FILE [--buffer BYTES] [--lookups N] [--seed S]\n", stderr);
	return 2;
}

static int get_u64(const char *s, uint64_t *v)
{
	char *end;
	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno || *end ? -1 : 0;
}

/* Reads exactly len bytes at off; one call unless the kernel returns less. */
static int pread_exact(int fd, unsigned char *buf, size_t len, off_t off)
{
	size_t got = 0;
	while (got < len) {
		ssize_t n = pread(fd, buf + got, len - got, off + (off_t)got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			perror("pread");
			return -1;
		}
		if (n == 0) {
			fprintf(stderr, "pread: unexpected end of file\n");
			return -1;
		}
		got += (size_t)n;
	}
	return 0;
}

static void scan_bytes(const unsigned char *p, size_t n, uint64_t acc[2])
{
	const unsigned char *end = p + n;
	for (; p != end; p++) {
		acc[0] += (*p == '\n');
		acc[1] += *p;
	}
}

int main(int argc, char *argv[])
{
	uint64_t buffer = 65536, lookups = 1000000, seed = 1;

	if (argc < 3)
		return usage();
	const char *mode = argv[1], *path = argv[2];
	for (int i = 3; i < argc; i += 2) {
		uint64_t v;
		if (get_u64(i + 1 < argc ? argv[i + 1] : NULL, &v) < 0)
			return usage();
		if (!strcmp(argv[i], "--buffer") && v >= 1 && v <= (1ULL << 30))
			buffer = v;
		else if (!strcmp(argv[i], "--lookups"))
			lookups = v;
		else if (!strcmp(argv[i], "--seed"))
			seed = v;
		else
			return usage();
	}
	int kind;   /* 0 read, 1 mapped scan, 2 random-pread, 3 random-mmap */
	int flags = MAP_SHARED, advise = 0;
	if (!strcmp(mode, "read"))
		kind = 0;
	else if (!strcmp(mode, "mmap"))
		kind = 1;
	else if (!strcmp(mode, "mmap-seq"))
		kind = 1, advise = 1;
	else if (!strcmp(mode, "mmap-populate"))
		kind = 1, flags |= MAP_POPULATE;
	else if (!strcmp(mode, "random-pread"))
		kind = 2;
	else if (!strcmp(mode, "random-mmap"))
		kind = 3;
	else
		return usage();

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		perror(path);
		return 1;
	}
	off_t size = 0;
	if (kind != 0 && (size = lseek(fd, 0, SEEK_END)) < 0) {
		perror("lseek");
		close(fd);
		return 1;
	}
	if (kind >= 2 && size < 8) {
		fprintf(stderr, "%s: fewer than 8 bytes\n", path);
		close(fd);
		return 1;
	}

	uint64_t acc[2] = { 0, 0 };   /* lines, sum */
	int status = 0;
	if (kind == 0) {
		unsigned char *buf = malloc(buffer);
		ssize_t n;
		if (buf == NULL) {
			perror("malloc");
			close(fd);
			return 1;
		}
		do {
			n = read(fd, buf, buffer);
			if (n > 0)
				scan_bytes(buf, (size_t)n, acc);
		} while (n > 0 || (n < 0 && errno == EINTR));
		if (n < 0) {
			perror("read");
			status = 1;
		}
		free(buf);
	} else if (kind == 2) {
		uint64_t x = seed ? seed : SEED_ZERO, left = lookups;
		unsigned char b[8];
		while (left-- > 0) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			if (pread_exact(fd, b, sizeof b, (off_t)(x % (uint64_t)(size - 7))) < 0) {
				status = 1;
				break;
			}
			uint64_t v;
			memcpy(&v, b, 8);
			acc[1] += le64toh(v);
		}
	} else if (size > 0) {
		unsigned char *map = mmap(NULL, (size_t)size, PROT_READ, flags, fd, 0);
		if (map == MAP_FAILED) {
			perror("mmap");
			close(fd);
			return 1;
		}
		if (advise && madvise(map, (size_t)size, MADV_SEQUENTIAL) < 0) {
			perror("madvise");
			status = 1;
		} else if (kind == 1) {
			scan_bytes(map, (size_t)size, acc);
		} else {
			uint64_t x = seed ? seed : SEED_ZERO;
			for (uint64_t i = lookups; i != 0; i--) {
				uint64_t v;
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				memcpy(&v, map + x % (uint64_t)(size - 7), 8);
				acc[1] += le64toh(v);
			}
		}
		if (munmap(map, (size_t)size) < 0) {
			perror("munmap");
			status = 1;
		}
	}
	if (close(fd) < 0) {
		perror("close");
		status = 1;
	}
	if (status)
		return status;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double sec = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (kind >= 2)
		printf("%s lookups=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode, lookups, acc[1], sec);
	else
		printf("%s lines=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode, acc[0], acc[1], sec);
	return 0;
}
