/* check.h - the result of one check: its status, message, evidence, expectation and hint, set
 * through the language table (msg.h). */
#ifndef MMAPLAB_CHECK_H
#define MMAPLAB_CHECK_H

#include "lab.h"
#include "msg.h"
#include "util.h"

enum check_status { CHECK_PASS, CHECK_FAIL, CHECK_SKIP };

struct check_result {
	const struct check_def *def;
	enum check_status status;
	char *message;          /* one line: what held, what went wrong, or why it was not judged */
	char *note;             /* a remark on a pass (e.g. MAP_PRIVATE accepted), or NULL */
	struct strbuf evidence; /* lines of evidence: strace lines, Valgrind findings, a diff */
	char *expected;         /* what was expected, on a failure, or NULL */
	char *hint;             /* what to do next, on a failure, or NULL */
	int score;
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

#endif
