/* fixture.h - the lab files a grading runs on: random but reproducible from one seed, so that output
 * copied from a guess cannot pass and any grading can be replayed with --seed. */
#ifndef MMAPLAB_FIXTURE_H
#define MMAPLAB_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

/* A small, fast generator (xoshiro256**, seeded through splitmix64). Not for secrets. */
struct rng {
	uint64_t s[4];
};

void rng_init(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* A number in [lo, hi], both included. */
uint64_t rng_between(struct rng *r, uint64_t lo, uint64_t hi);

/* A fresh seed from the kernel's random source. Dies if none can be had. */
uint64_t seed_fresh(void);

/* Which file a run sees. */
enum fixture_kind {
	FIXTURE_NONE,    /* no lab file at all */
	FIXTURE_TEXT,    /* printable ASCII and newlines, more than one page, ending mid-page */
	FIXTURE_EMPTY,   /* 0 bytes */
	FIXTURE_SHORT,   /* 1 to 10 printable bytes: shorter than "hello mmap!" */
	FIXTURE_BINARY,  /* 256 to 512 KiB of bytes of every value: a signed-char sum shows */
	FIXTURE_TEXT_NL16, /* FIXTURE_TEXT with a newline among its first 16 bytes (share-map: a count
	                      made before the child's 16-byte write differs from one made after it) */
};

/* The bytes of the given kind for this seed (malloc'd in *data; *len may be 0). The same seed and
 * kind always give the same bytes on a machine with the same page size. */
void fixture_make(enum fixture_kind kind, uint64_t seed, size_t page_size, char **data, size_t *len);

/* Writes data to path (created, mode 0666 before umask). Dies on failure: that is the grader's own
 * scratch directory. */
void fixture_write(const char *path, const char *data, size_t len);

#endif
