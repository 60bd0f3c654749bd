/* roster.h - the students of a submissions directory: every sub-directory (named by student id) and
 * every .c file (student id = file name without .c) directly in it. */
#ifndef MMAPLAB_ROSTER_H
#define MMAPLAB_ROSTER_H

#include <stddef.h>

struct student {
	char *id;
	char *path;    /* DIR/entry, the submission given to grade() */
};

struct roster {
	struct student *v;   /* sorted by id (byte order, so UTF-8 names sort by code point) */
	size_t n;
};

/* Lists the students of dir. Hidden entries, other files, a second entry with an id already taken
 * (kim/ and kim.c) and the entry that holds the directory `results` (a batch's output kept inside the
 * submissions; NULL for none) are skipped with a warning on stderr. Returns 0, or -1 after printing
 * why dir cannot be read. */
int roster_scan(const char *dir, const char *results, struct roster *out);

/* The student called id, or NULL. */
const struct student *roster_find(const struct roster *r, const char *id);

void roster_free(struct roster *r);

#endif
