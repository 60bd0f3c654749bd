/* lab.h - what a lab is: its file, how its program is run, its checks with steps and points.
 *
 * A lab is data first: an instructor changes points, steps or time limits in lab_<name>.c without
 * reading the parser. Checks read evidence (struct evidence, grade.h); they never run programs. */
#ifndef MMAPLAB_LAB_H
#define MMAPLAB_LAB_H

#include <stdbool.h>
#include <stddef.h>

#include "msg.h"

struct evidence;
struct check_result;

#include "fixture.h"

/* How a run is watched. */
enum run_tool {
	TOOL_PLAIN,        /* run as it is */
	TOOL_STRACE,       /* under strace -f -y: the trace and the lab file's calls are evidence */
	TOOL_MEMCHECK,     /* under Valgrind Memcheck: its report is evidence */
};

/* One run of the program a lab makes. The program gets `args` (NULL: just the lab file), in which
 * "{file}" stands for the lab file's name and "{seed}" for the grading's seed. */
struct run_def {
	const char *name;          /* "normal", "inject-mmap", ...: the run's directory and log name */
	enum run_tool tool;
	enum fixture_kind fixture;
	const char *const *args;
	/* An injection run: strace makes the call `inject_call` that the run it follows made on the
	   lab file fail with inject_error (strace -e inject=...:when=N). */
	const char *inject_call;
	const char *inject_error;
	/* Or a whole strace -e inject= value used as it is, aimed at no call of another run: for what
	   has no lab file to aim at, e.g. "exit_group:signal=SIGKILL:when=1" (every process dies at
	   its first exit_group) or "clone,clone3,?vfork,?fork:error=EAGAIN:when=1" (the first child
	   cannot be made, whatever call makes it). strace's when=N counts per process and per call,
	   so it fires in every process that reaches it. Such a run plays the traced role
	   (judges.h), and its judge finds the injected call in its trace (trace_event.injected). */
	const char *inject_fixed;
	/* The name of the run this one starts after, or NULL: an injection aims at what that run did;
	   a Valgrind run gets a time limit from that run's CPU time and is not needed at all when that
	   run timed out or flooded its output (the same input cannot end differently under Valgrind). */
	const char *follows;
	/* The id of the check that judges how this run ended: its exit, its signal, its limits (disk,
	   files, time, output). When the run exhausts its disk or file cap, that check fails. Several
	   ids, separated by spaces, when labs sharing the table judge it with different checks: the
	   one the lab has and that declares the run. */
	const char *judged_by;
	/* The input case this run tries, as a student reads it ("빈 파일일 때"), for messages that must
	   say which case went wrong; M_NONE for the normal file. */
	enum msg_id case_name;
};

/* The runs of the two file labs (read-map, write-msync), in the order of file_lab_runs[]. */
enum run_kind {
	RUN_NORMAL,        /* under strace, on the normal text file */
	RUN_MEMCHECK,      /* under Valgrind Memcheck, on the normal text file */
	RUN_MISSING,       /* no lab file */
	RUN_INJECT_MMAP,   /* under strace, ENOMEM injected into the lab file's mmap */
	RUN_INJECT_MSYNC,  /* under strace, EIO injected into the lab mapping's msync */
	RUN_EMPTY,         /* under strace, on an empty lab file */
	RUN_SHORT,         /* under strace, on a lab file shorter than "hello mmap!" */
	RUN_PLAIN,         /* untraced, on the normal text file: does the program behave the same when
	                      nobody watches? (output, content and run compare it with RUN_NORMAL) */
	RUN_KIND_COUNT
};
extern const struct run_def file_lab_runs[RUN_KIND_COUNT];

/* The most runs a lab may define (bits of check_def.runs). */
#define RUN_MAX 16
#define RUN_BIT(index) (1u << (index))

/* Judges one check from the evidence and fills the result (check_pass/check_fail/check_skip). */
typedef void (*judge_fn)(const struct evidence *ev, struct check_result *res);

struct check_def {
	const char *id;            /* part of the interface: reports, JSON, --step tables */
	int step;                  /* the lab step that introduces it (1-based) */
	int points;
	unsigned runs;             /* RUN_BIT()s of the lab's runs (indices into lab_def.runs) it reads:
	                              the only runs its judge may read (judges.h's run_of aborts on
	                              another), and the runs a --step grading makes for it */
	enum msg_id title;         /* what it checks, one short line */
	enum msg_id hint;          /* the general hint shown under a failure (a judge may add more) */
	const char *man;           /* the man page to read, e.g. "mmap(2)" */
	judge_fn judge;
};

struct lab_def {
	const char *name;          /* "read-map" */
	const char *folder;        /* "labs/01-read-map" */
	const char *program;       /* the file the student writes, "read_map.c" */
	enum msg_id title;
	int steps;
	const char *lab_file;      /* "link.txt": made in the run's directory and passed as argv[1] */
	int open_access;           /* O_RDONLY or O_RDWR */
	bool needs_write;          /* PROT_WRITE and MAP_SHARED required (write-msync) */
	const struct run_def *runs;
	size_t run_count;
	double run_seconds;        /* wall-clock and CPU limit of a plain or traced run */
	double memcheck_seconds;   /* the most a Valgrind run may take (see runs.h for its limit) */
	const struct check_def *checks;
	size_t check_count;
};

extern const struct lab_def lab_read_map;
extern const struct lab_def lab_write_msync;
extern const struct lab_def lab_perf;
extern const struct lab_def lab_share_map;

/* The labs, in course order, NULL-terminated. */
extern const struct lab_def *const all_labs[];

/* The lab called name, or NULL. */
const struct lab_def *lab_find(const char *name);

/* The index of the run called name in lab, or -1. */
int lab_run_index(const struct lab_def *lab, const char *name);

/* The check of lab called id, or NULL. */
const struct check_def *lab_check(const struct lab_def *lab, const char *id);

#endif
