/* check.h - the result of one check: its status, message, evidence, expectation and hint, set
 * through the language table (msg.h). */
#ifndef MMAPLAB_CHECK_H
#define MMAPLAB_CHECK_H

#include "lab.h"
#include "msg.h"
#include "util.h"

enum check_status { CHECK_PASS, CHECK_FAIL, CHECK_SKIP };

struct run_evidence;
struct trace_event;
struct memcheck_finding;

/* What a line of evidence cites, so that a page can draw and mark exactly that (report_html.c) while
 * the text report prints the line. Pointers into a grading's evidence (struct evidence, grade.h),
 * which outlives its checks; an event, a finding or bytes are found in their run by address. */
enum evidence_ref_kind {
	REF_RUN,        /* how a run ended: run */
	REF_EVENT,      /* a call (or signal) of a run's trace: event */
	REF_FINDING,    /* a Valgrind finding: finding */
	REF_BYTES,      /* bytes [offset, offset + length) of a file after a run: bytes is that run's
	                   copy of the file (run_evidence.after) */
	REF_OUTPUT,     /* a run's standard output (bytes, its run_result.out) against what was expected:
	                   expected holds the expected lines first_line... (0-based) around the first line
	                   that differs (owned, capped) */
};

struct evidence_ref {
	enum evidence_ref_kind kind;
	size_t at;                            /* where the cited line starts in the evidence text */
	const struct run_evidence *run;
	const struct trace_event *event;
	const struct memcheck_finding *finding;
	const char *bytes;
	size_t offset, length;                /* REF_BYTES */
	size_t first_line;                    /* REF_OUTPUT */
	char *expected;
	size_t expected_len;
};

struct check_result {
	const struct check_def *def;
	enum check_status status;
	char *message;          /* one line: what held, what went wrong, or why it was not judged */
	char *note;             /* a remark on a pass (e.g. MAP_PRIVATE accepted), or NULL */
	struct strbuf evidence; /* lines of evidence: strace lines, Valgrind findings, a diff */
	char *expected;         /* what was expected, on a failure, or NULL */
	char *hint;             /* what to do next, on a failure, or NULL */
	int score;
	struct evidence_ref *refs;  /* what the evidence cites, in the order of its lines */
	size_t ref_count;
	size_t evidence_last;       /* where the last line of evidence starts */
};

/* Setting a result: the message is formatted from the language table (msg.h). */
void check_pass(struct check_result *r, enum msg_id m, ...);
void check_fail(struct check_result *r, enum msg_id m, ...);
void check_skip(struct check_result *r, enum msg_id m, ...);
void check_note(struct check_result *r, enum msg_id m, ...);
void check_expected(struct check_result *r, enum msg_id m, ...);
void check_hint(struct check_result *r, enum msg_id m, ...);
/* Adds a line of evidence in the language of the table (label) followed by raw text. */
void check_evidence(struct check_result *r, enum msg_id label, const char *text);
/* Adds a formatted line of evidence. */
void check_evidence_msg(struct check_result *r, enum msg_id m, ...);

/* Records what the last line of evidence cites (the evidence helpers of judges.h call these). */
void check_ref_run(struct check_result *r, const struct run_evidence *run);
void check_ref_event(struct check_result *r, const struct trace_event *e);
void check_ref_finding(struct check_result *r, const struct memcheck_finding *f);
void check_ref_bytes(struct check_result *r, const char *file, size_t offset, size_t length);
/* got[0..got_len) is a run's standard output, want what was expected: records the first difference
 * and a copy of the expected lines around it (REF_OUTPUT). */
void check_ref_output(struct check_result *r, const char *got, size_t got_len, const char *want, size_t want_len);
/* Frees what a result owns (message, evidence, references...). */
void check_result_free(struct check_result *r);

#endif
