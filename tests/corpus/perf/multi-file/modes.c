/* modes.c - the six ways of the perf lab, one function each. */
#include "modes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void add(struct result *r, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\n')
			r->lines++;
		r->sum += p[i];
	}
}

int scan_read(int fd, size_t buffer, struct result *r)
{
	unsigned char *buf = malloc(buffer);
	ssize_t n;

	if (buf == NULL) {
		fprintf(stderr, "malloc(%zu): %s\n", buffer, strerror(errno));
		return -1;
	}
	while ((n = read(fd, buf, buffer)) > 0)
		add(r, buf, (size_t)n);
	if (n < 0)
		perror("read");
	free(buf);
	return n < 0 ? -1 : 0;
}

int scan_map(int fd, size_t len, enum map_hint hint, struct result *r)
{
	if (len == 0)   /* mmap of length 0 fails with EINVAL; nothing to scan anyway */
		return 0;
	int flags = hint == HINT_POPULATE ? MAP_SHARED | MAP_POPULATE : MAP_SHARED;
	unsigned char *map = mmap(NULL, len, PROT_READ, flags, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return -1;
	}
	int rc = 0;
	if (hint == HINT_SEQUENTIAL && madvise(map, len, MADV_SEQUENTIAL) != 0) {
		perror("madvise");
		rc = -1;
	} else {
		add(r, map, len);
	}
	if (munmap(map, len) != 0) {
		perror("munmap");
		rc = -1;
	}
	return rc;
}

static uint64_t next(uint64_t *x, size_t len)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x % (len - 7);
}

static uint64_t le64(const unsigned char *b)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v += (uint64_t)b[i] << (i * 8);
	return v;
}

static int need8(size_t len)
{
	if (len >= 8)
		return 0;
	fprintf(stderr, "scan: the random modes need at least 8 bytes, the file has %zu\n", len);
	return -1;
}

int random_pread(int fd, size_t len, uint64_t lookups, uint64_t seed, struct result *r)
{
	uint64_t x = seed ? seed : 0x9E3779B97F4A7C15ULL;
	unsigned char b[8];

	if (need8(len))
		return -1;
	for (uint64_t i = 0; i < lookups; i++) {
		ssize_t n = pread(fd, b, 8, (off_t)next(&x, len));
		if (n < 0) {
			perror("pread");
			return -1;
		}
		if (n != 8) {
			fprintf(stderr, "pread: read %zd bytes of 8\n", n);
			return -1;
		}
		r->sum += le64(b);
	}
	return 0;
}

int random_mmap(int fd, size_t len, uint64_t lookups, uint64_t seed, struct result *r)
{
	uint64_t x = seed ? seed : 0x9E3779B97F4A7C15ULL;

	if (need8(len))
		return -1;
	const unsigned char *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return -1;
	}
	for (uint64_t i = 0; i < lookups; i++)
		r->sum += le64(map + next(&x, len));
	if (munmap((void *)map, len) != 0) {
		perror("munmap");
		return -1;
	}
	return 0;
}
