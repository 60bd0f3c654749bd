/* workers.h - grading students in parallel, one forked worker process per student.
 *
 * A worker is a grader of its own: it becomes a subreaper (sandbox_init), grades one submission with
 * its runs one at a time, writes ID.txt and ID.json under temporary names and renames them into
 * place, then exits. The parent keeps at most `jobs` workers, reaps them, and records a student
 * whose worker could not grade (no .c file), crashed or overran as ID.error. One student's crash,
 * hang or compile error therefore costs only that student's own time limits. */
#ifndef MMAPLAB_WORKERS_H
#define MMAPLAB_WORKERS_H

#include <stddef.h>
#include <stdint.h>

#include "lab.h"
#include "outdir.h"
#include "roster.h"

struct pool_config {
	const struct lab_def *lab;
	uint64_t seed;            /* the same seed grades every student on the same file */
	int jobs;
	const char *self;         /* how the grader was called, for the replay command in reports */
	const struct outdir *out;
	double watchdog;          /* seconds after which a worker is stopped (a grader bug, not a student's) */
	/* Called in the parent after each student ended, and now and then while waiting (st NULL). */
	void (*event)(void *ctx, const struct student *st);
	void *ctx;
};

/* Grades students[0..n). Returns 0, or -1 when SIGINT/SIGTERM arrived: every worker (and every run
 * of theirs) was then stopped and reaped, and what they had not finished was never renamed into
 * place. */
int pool_run(const struct pool_config *c, const struct student *const *students, size_t n);

#endif
