/* runs.h - the runs of one grading: planned from the lab's table, started as soon as what they
 * follow has ended, each in a capped directory of its own, and collected into evidence.
 *
 * Order: a run that follows none starts at once; all of them run at the same time (a program that
 * never ends costs one time limit, not one per run). A run that follows another starts when that
 * one has ended: an injection run aims at the call the followed run made; a Valgrind run gets the
 * time limit
 *
 *     clamp(MEMCHECK_CPU_FACTOR x the followed run's CPU seconds, MEMCHECK_FLOOR_SECONDS,
 *           lab->memcheck_seconds) x MMAPLAB_TIME_SCALE
 *
 * and does not run at all when the followed run timed out or flooded its output: under Valgrind
 * the same input can only take longer. CPU time, not wall time: it does not depend on what else
 * the machine is doing. */
#ifndef MMAPLAB_RUNS_H
#define MMAPLAB_RUNS_H

#include <stdbool.h>

#include "grade.h"
#include "jail.h"

#define MEMCHECK_CPU_FACTOR 40
#define MEMCHECK_FLOOR_SECONDS 15

/* Every run writes in a directory of its own, a tmpfs of RUN_DISK_MIB MiB plus the lab file's size
 * and RUN_INODES files (when the jail caps directories): room for one file as large as
 * RLIMIT_FSIZE (RUN_FILE_LIMIT) beside the lab file. */
#define RUN_FILE_LIMIT (64ULL << 20)
#define RUN_DISK_MIB 65ULL
#define RUN_INODES 2048U
/* A Valgrind report is kept up to this many MiB; a strace log, up to RUN_FILE_LIMIT (its
 * RLIMIT_FSIZE), in a directory of its own of RUN_FILE_LIMIT + 1 MiB. */
#define LOG_CAP_MIB 8ULL

/* The compiler's directory: its RLIMIT_FSIZE (build.c) and room beside it. */
#define BUILD_DISK_MIB 260ULL
#define BUILD_INODES 4096U

/* Where one grading happens: the scratch directory and its parts. */
struct workspace {
	char *scratch;            /* the grading's private directory */
	char *logs;               /* strace logs and Valgrind reports, out of the runs' reach: logs/NAME/
	                             holds the strace log of run NAME, logs/NAME.log a Valgrind report */
	char *program;            /* the compiled program */
	struct jail jail;
};

/* Performs the runs in `wanted` (RUN_BIT()s of the lab's runs; the runs they follow are added) and
 * fills ev->runs. Adds the seconds spent to *timing (traced, memcheck, plain). Returns false when
 * the grader was interrupted. */
bool runs_perform(struct workspace *ws, struct evidence *ev, unsigned wanted, double timing[3]);

/* The runs the checks of `lab` up to `step` (0: all) declare, with the runs they follow. */
unsigned runs_wanted(const struct lab_def *lab, int step);

#endif
