/* grade.h - one grading: compile, make the runs a lab needs, collect the evidence, judge the checks.
 *
 *   compile -> runs (sandboxed; strace / Valgrind) -> evidence (trace, memcheck report, files)
 *           -> checks (lab rules) -> struct grade_result -> report_*.c */
#ifndef MMAPLAB_GRADE_H
#define MMAPLAB_GRADE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "check.h"
#include "lab.h"
#include "memcheck.h"
#include "rules.h"
#include "sandbox.h"
#include "trace.h"
#include "util.h"

/* What one run produced. */
struct run_evidence {
	bool performed;
	const struct run_def *def;
	struct run_result res;
	char *dir;              /* the run's own directory (its cwd) */
	char *lab_path;         /* the lab file's absolute, resolved path in that directory */
	char *before;           /* the lab file before the run (NULL for FIXTURE_NONE) */
	size_t before_len;
	bool after_exists;
	char *after;            /* the lab file after the run */
	size_t after_len;
	bool traced;            /* ran under strace: trace and view are valid */
	struct trace trace;
	struct lab_view view;
	bool memchecked;        /* ran under Valgrind: report is valid */
	struct memcheck_report report;
	bool inject_hit;        /* an injection run: the injected call was the lab file's */
	bool inject_planned;    /* an injection run could be planned (the normal run made the call) */
	bool inject_unreachable;/* the normal run made the call, in a process or thread that strace's
	                           injection cannot single out (see runs.c) */
	bool cancelled;         /* a Valgrind run not needed: the run it follows timed out or flooded
	                           its output (def is set, performed is false) */
	bool capped;            /* its directory was a tmpfs of its own of disk_cap_mib MiB and
	                           inode_cap files */
	unsigned long long disk_cap_mib;
	unsigned inode_cap;
	bool disk_full;         /* it used up its directory's bytes */
	bool inodes_full;       /* it used up its directory's files */
};

struct evidence {
	const struct lab_def *lab;
	size_t page_size;
	uint64_t seed;
	bool built;
	char *compiler_output;  /* what the compiler printed (errors and warnings), maybe empty */
	bool compile_timed_out;
	int stray;              /* processes that escaped their run (only possible without namespaces,
	                           where they cannot be told apart) and were killed after the runs */
	char **sources;         /* the submission's source files, by base name (Valgrind's frames) */
	size_t source_count;
	struct run_evidence runs[RUN_MAX];
	/* The check being judged: its judge may read only the runs it declares (judges.h's run_of).
	   Set by the grading around each judge. */
	const struct check_def *reader;
};

struct grade_options {
	const struct lab_def *lab;
	const char *submission;
	int step;               /* 0: every step */
	bool seed_given;
	uint64_t seed;
	bool keep;              /* keep the scratch directory */
	const char *hide[4];    /* more directories the runs must not see (batch: the class, the
	                           results), NULL-terminated */
};

struct grade_result {
	const struct lab_def *lab;
	const char *submission;
	uint64_t seed;
	int step;
	struct check_result *checks;   /* only the checks graded (the --step filter applied) */
	size_t count;
	int score, max_score;
	bool passed;
	char *kept_dir;                /* with --keep: where the scratch directory is, else NULL */
	const char *isolation;         /* contain_level_name() of the runs' containment */
	bool interrupted;
	struct evidence ev;
	struct {
		double compile, traced, memcheck, plain, total;   /* seconds, for `make bench` */
	} timing;
};

/* Grades one submission. Returns 0, or -1 after printing to stderr why the submission cannot be
 * graded at all (no such path, no .c file): the caller exits with EXIT_CANNOT_GRADE. */
int grade(const struct grade_options *opt, struct grade_result *out);

/* Judges again, from r's evidence, the checks of steps 1..step (0: every step), as a grading with
 * --step=step would judge them: each check reads only the runs it declares, so the statuses must be
 * those of the full grading (the test of that is tests/test_corpus.c). Replaces r->checks and the
 * score. */
void grade_judge(struct grade_result *r, int step);
void grade_result_free(struct grade_result *r);

/* MMAPLAB_TIME_SCALE (default 1): every time limit of a grading is multiplied by it (runs.c). */
double time_scale(void);

/* Checks that strace and Valgrind exist and that ptrace is permitted; prints how to fix it and
 * returns -1 when not (preflight.c). */
int grade_preflight(const struct lab_def *lab, int step);

#endif
