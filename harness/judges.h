/* judges.h - the judgements both labs share, each reading the evidence of one grading. A lab's own
 * checks (output, content, msync, the edge cases) live in its lab_<name>.c. */
#ifndef MMAPLAB_JUDGES_H
#define MMAPLAB_JUDGES_H

#include "grade.h"

void judge_build(const struct evidence *ev, struct check_result *res);
void judge_open(const struct evidence *ev, struct check_result *res);
void judge_size(const struct evidence *ev, struct check_result *res);
void judge_mmap(const struct evidence *ev, struct check_result *res);
void judge_run(const struct evidence *ev, struct check_result *res);
void judge_munmap(const struct evidence *ev, struct check_result *res);
void judge_close(const struct evidence *ev, struct check_result *res);
void judge_valgrind(const struct evidence *ev, struct check_result *res);
void judge_error_open(const struct evidence *ev, struct check_result *res);
void judge_error_mmap(const struct evidence *ev, struct check_result *res);
void judge_error_msync(const struct evidence *ev, struct check_result *res);

/* The error checks' judgement of one run where something was made to fail: sets M_ERR_EXPECT as
 * expected, then fails on an abnormal end, a status of 0, or nothing on stderr (blaming stdout when
 * the program printed anything there), and passes with ok (one argument: the exit status). A lab
 * adds its own rules after a pass. */
void judge_error_run(const struct run_evidence *run, struct check_result *res, enum msg_id ok);

/* Whether the valgrind check counts finding f of run (a memcheck run) against the program: every
 * error, definitely and indirectly lost leaks, and descriptors left open that the program opened,
 * but not the lab file's (the close check judges those) nor inherited ones. */
bool judge_finding_counts(const struct run_evidence *run, const struct memcheck_finding *f);

/* Helpers for the labs' own judges. */

/* The evidence of one run (performed or not), by its index in the lab's runs. A run the check being
 * judged (ev->reader) does not declare is a broken lab table: the grader stops (abort) with the
 * check's and the run's names, in tests and in use alike. */
const struct run_evidence *run_of(const struct evidence *ev, int index);

/* The part a run plays in a check's declaration. */
enum run_role {
	ROLE_TRACED,     /* under strace, nothing injected: normal, a perf mode, empty, short */
	ROLE_INJECTED,   /* under strace with a call made to fail */
	ROLE_MEMCHECK,   /* under Valgrind */
	ROLE_PLAIN,      /* untraced: plain, missing */
};

/* The first run the check being judged declares in that role: shared judges find their runs this
 * way, never by a lab's index. A check that declares none is a broken lab table (abort). */
const struct run_evidence *declared_run(const struct evidence *ev, enum run_role role);

/* The same, or NULL when the check declares no run in that role. */
const struct run_evidence *find_declared_run(const struct evidence *ev, enum run_role role);

/* True when the run ended abnormally (signal, time limit, output cap): calls the program would
 * have made later are missing for that reason, not because it forgot them. */
bool run_ended_abnormally(const struct run_evidence *run);

/* Adds how the run ended as evidence ("exit status 1", "killed by SIGSEGV", ...), and the last
 * lines of its standard error when there are any. */
void evidence_run_end(struct check_result *res, const struct run_evidence *run);

/* The call's name as the student wrote it (open for openat, fstat or stat for newfstatat, pread for
 * pread64 ...): what messages name. */
const char *call_name(const struct trace_event *e);

/* Adds one strace call line as evidence. */
void evidence_call(struct check_result *res, const struct trace_event *call);

/* Fails the check and returns true when the run did not end by itself (time limit, output cap,
 * signal); used first by judges that look at a run's outcome. */
bool fail_if_abnormal(const struct run_evidence *run, struct check_result *res);

/* Skips the check and returns true when the run ended abnormally: a call missing from its trace
 * may only be missing because the program died first (the run check reports that). */
bool skip_if_abnormal(const struct run_evidence *run, struct check_result *res);

/* Fails the check and returns true when the successful mapping m is not of the whole file with the
 * lab's protection, shared, at offset 0; notes a read-only MAP_PRIVATE (it reads the same bytes, so
 * it passes). The length must be the size the program learned before mapping (lab_map.seen_size;
 * `size`, the file's size, when it learned none), or that size rounded up to whole pages. */
bool fail_if_mapping_wrong(const struct evidence *ev, const struct lab_map *m, unsigned long long size,
                           struct check_result *res);

/* Fails the check and returns true when the munmap u does not remove the mapping m whole: the
 * address mmap returned, the same number of pages, and a result of 0. */
bool fail_if_unmap_wrong(const struct evidence *ev, const struct lab_map *m, const struct trace_event *u,
                         struct check_result *res);

/* Fails check c and returns true when a run that c judges (run_def.judged_by) used up its
 * directory's bytes or files: only that check fails, the others judge their evidence as usual. */
bool fail_if_space_used_up(const struct evidence *ev, const struct check_def *c, struct check_result *res);

/* "mount: Operation not permitted": why a run could not start (a static buffer). */
const char *run_start_error(const struct run_result *r);

/* Fails (or, when the run ended abnormally, skips) the check and returns true unless the first
 * munmap after the mapping m removes it whole (fail_if_unmap_wrong). */
bool fail_if_not_unmapped(const struct evidence *ev, const struct run_evidence *run, const struct lab_map *m,
                          struct check_result *res);

/* The lab mapping that the checks judge (see lab_view_main_map), only if it succeeded. */
const struct lab_map *ok_main_map(const struct run_evidence *run);

#endif
