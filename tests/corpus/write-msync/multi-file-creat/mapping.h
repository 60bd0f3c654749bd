#ifndef MAPPING_H
#define MAPPING_H

#include <stddef.h>

struct mapping {
	int fd;
	char *addr;
	size_t len;
};

/* Opens PATH read-write, makes it at least MIN bytes long and maps all of it shared.
 * Returns 0, or -1 after a message on stderr. */
int mapping_open(struct mapping *m, const char *path, size_t min);

/* msync(MS_SYNC) of the whole mapping. Returns 0 or -1 after a message. */
int mapping_sync(struct mapping *m);

/* munmap + close. Returns 0 or -1 after a message. */
int mapping_close(struct mapping *m);

#endif
