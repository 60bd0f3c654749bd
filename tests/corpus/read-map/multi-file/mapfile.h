#ifndef MAPFILE_H
#define MAPFILE_H

#include <stddef.h>

/* a read-only view of a whole file */
struct mapfile {
	int fd;
	const char *data;   /* NULL when the file is empty */
	size_t size;
};

/* Opens and maps PATH. Returns 0, or -1 after printing the reason on stderr. */
int mapfile_open(struct mapfile *mf, const char *path);

/* Unmaps and closes. Returns 0, or -1 after printing the reason on stderr. */
int mapfile_close(struct mapfile *mf);

#endif
