/* fixture.c - see fixture.h. */
#define _GNU_SOURCE
#include "fixture.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/random.h>
#include <string.h>
#include <unistd.h>

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void rng_init(struct rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

uint64_t rng_between(struct rng *r, uint64_t lo, uint64_t hi)
{
	/* The modulo bias is irrelevant for spans this small. */
	return lo + rng_next(r) % (hi - lo + 1);
}

uint64_t seed_fresh(void)
{
	uint64_t seed;
	ssize_t n;

	do
		n = getrandom(&seed, sizeof seed, 0);
	while (n == -1 && errno == EINTR);
	if (n != (ssize_t)sizeof seed)
		die_errno("getrandom");
	/* Seeds are printed for replaying: keep them short enough to type. */
	return seed % 1000000000ULL;
}

/* Printable ASCII with a newline now and then, so that a diff of it stays readable. */
static void fill_text(struct rng *r, char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint64_t v = rng_between(r, 0, 99);

		buf[i] = v < 3 ? '\n' : (char)rng_between(r, 0x20, 0x7e);
	}
}

void fixture_make(enum fixture_kind kind, uint64_t seed, size_t page_size, char **data, size_t *len)
{
	struct rng r;

	/* Each kind draws from its own stream, so that adding a kind changes no other file. */
	rng_init(&r, seed * 8 + (uint64_t)kind);
	switch (kind) {
	case FIXTURE_TEXT:
	case FIXTURE_TEXT_NL16:
		/* 1 to 3 whole pages and then part of one more: more than one page, ending mid-page. */
		*len = (size_t)rng_between(&r, 1, 3) * page_size + (size_t)rng_between(&r, 1, page_size - 1);
		break;
	case FIXTURE_SHORT:
		*len = (size_t)rng_between(&r, 1, 10);
		break;
	case FIXTURE_BINARY:
		*len = (size_t)rng_between(&r, 256 << 10, 512 << 10);
		break;
	case FIXTURE_EMPTY:
	case FIXTURE_NONE:
		*len = 0;
		break;
	}
	*data = xmalloc(*len + 1);
	if (kind == FIXTURE_BINARY)
		for (size_t i = 0; i < *len; i++)
			(*data)[i] = (char)(rng_next(&r) >> 56);
	else
		fill_text(&r, *data, *len);
	if (kind == FIXTURE_TEXT_NL16)
		(*data)[rng_between(&r, 0, 15)] = '\n';
	if (kind == FIXTURE_SHORT) {
		/* A newline in a ten-byte file only makes the diff harder to read. */
		for (size_t i = 0; i < *len; i++)
			if ((*data)[i] == '\n')
				(*data)[i] = 'x';
	}
	(*data)[*len] = '\0';
}

void fixture_write(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

	if (fd == -1)
		die("cannot write the lab file %s: %s", path, strerror(errno));
	if (write_all(fd, data, len) == -1)
		die_errno("write(lab file)");
	if (close(fd) == -1)
		die_errno("close(lab file)");
}
