/* outdir.h - a batch's output directory: one file per student and per kind (ID.json, ID.txt and
 * ID.page.html, or ID.error for a student who could not be graded), the manifest .batch.json, and
 * writes that no reader ever sees half of (a temporary file in DIR/.partial, then rename()). */
#ifndef MMAPLAB_OUTDIR_H
#define MMAPLAB_OUTDIR_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

struct outdir {
	char *root;      /* DIR */
	char *partial;   /* DIR/.partial: files being written; removed when the batch ends */
	int lock_fd;     /* DIR/.batch.lock, held (flock) while this batch writes DIR */
};

/* Makes DIR (with its parents) and an empty DIR/.partial, and takes DIR's lock. Returns 0, or -1
 * after printing why (another batch holds the lock); dies when DIR cannot be made. */
int outdir_open(struct outdir *o, const char *root);

/* Removes DIR/.partial and releases the lock. */
void outdir_close(struct outdir *o);

/* A student's page of the grading is ID.page.html: never report.html, the class page, whatever the
 * student is called. */
#define STUDENT_PAGE_EXT "page.html"

/* The path DIR/ID.EXT (malloc'd). */
char *outdir_file(const char *root, const char *id, const char *ext);

/* Opens a new temporary file in DIR/.partial for final (util.h's atomic_file; atomic_commit renames
 * it into place). Dies when it cannot (the grader's own directory). */
FILE *atomic_open(struct atomic_file *af, const struct outdir *o, const char *final);

/* Writes text as the whole of DIR/ID.EXT atomically. Dies when it cannot. */
void outdir_write(const struct outdir *o, const char *id, const char *ext, const char *text);

/* Records that a student could not be graded: ID.error holds why; ID.json, ID.txt and the page go
 * away. */
void outdir_record_error(const struct outdir *o, const char *id, const char *reason);

/* Records that a student was graded: a stale ID.error goes away (ID.json is already in place). */
void outdir_record_graded(const struct outdir *o, const char *id);

/* What DIR/.batch.json says about the batch: the lab, the seed every student is graded with, and
 * the students of the last run (so that `mmaplab report DIR` shows the class, not stale files). */
struct manifest {
	char *lab;
	uint64_t seed;
	char **students;
	size_t count;
};

/* Reads the manifest of root. Returns 0, or -1 when there is none (or it is unreadable). */
int manifest_read(const char *root, struct manifest *m);
void manifest_write(const struct outdir *o, const struct manifest *m);
void manifest_free(struct manifest *m);

#endif
