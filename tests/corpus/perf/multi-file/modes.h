/* modes.h - the ways scan reads a file. Each returns 0, or -1 after telling stderr why. */
#ifndef MODES_H
#define MODES_H

#include <stddef.h>
#include <stdint.h>

struct result {
	uint64_t lines;   /* '\n' bytes (sequential modes) */
	uint64_t sum;     /* byte sum, or sum of the 8-byte values (random modes) */
};

enum map_hint { HINT_NONE, HINT_SEQUENTIAL, HINT_POPULATE };

int scan_read(int fd, size_t buffer, struct result *r);
int scan_map(int fd, size_t len, enum map_hint hint, struct result *r);
int random_pread(int fd, size_t len, uint64_t lookups, uint64_t seed, struct result *r);
int random_mmap(int fd, size_t len, uint64_t lookups, uint64_t seed, struct result *r);

#endif
