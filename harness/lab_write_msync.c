/* lab_write_msync.c - lab 2: map a file read-write, write "hello mmap!", msync(MS_SYNC), unmap.
 *
 * Standard output is not graded: the file is. On Linux the page cache is shared, so the file looks
 * right even without msync; that msync(MS_SYNC) was called is therefore judged from the trace.
 * Points, steps and time limits are set in the table at the end of this file. */
#include "judges.h"
#include "text.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char greeting[] = "hello mmap!";
#define GREETING_LEN (sizeof greeting - 1)

/* Adds a byte view of both files around the first byte where they differ. */
static void evidence_byte_diff(struct check_result *res, const char *want, size_t want_len,
                               const char *got, size_t got_len)
{
	size_t at = 0;
	struct strbuf sb;

	while (at < want_len && at < got_len && want[at] == got[at])
		at++;
	size_t from = at >= 8 ? (at - 8) / 16 * 16 : 0;
	check_evidence_msg(res, M_CONTENT_FIRST_DIFF, at);
	sb_init(&sb);
	sb_hexline(&sb, want, want_len, from, 16);
	check_evidence(res, M_EV_WANT_BYTES, sb.data);
	sb_free(&sb);
	sb_init(&sb);
	sb_hexline(&sb, got, got_len, from, 16);
	check_evidence(res, M_EV_GOT_BYTES, sb.data);
	sb_free(&sb);
}

static void judge_content(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, RUN_NORMAL);
	size_t len = run->before_len;
	char *want = xmalloc(len + 1);

	memcpy(want, run->before, len);
	memcpy(want, greeting, GREETING_LEN < len ? GREETING_LEN : len);
	check_expected(res, M_CONTENT_EXPECT, len);
	if (run->res.timed_out) {
		check_skip(res, M_SKIP_TIMEOUT);
	} else if (!run->after_exists) {
		check_fail(res, M_CONTENT_GONE);
	} else if (run->after_len == len && memcmp(run->after, want, len) == 0) {
		const struct run_evidence *untraced = run_of(ev, RUN_PLAIN);

		/* The file after the untraced run must be the same: see judge_output in lab 1. */
		if (untraced->performed && !run_ended_abnormally(untraced) &&
		    (!untraced->after_exists || untraced->after_len != len || memcmp(untraced->after, want, len) != 0)) {
			check_fail(res, M_CONTENT_UNTRACED_DIFF);
			if (untraced->after_exists)
				evidence_byte_diff(res, want, len, untraced->after, untraced->after_len);
		} else {
			check_pass(res, M_CONTENT_OK);
		}
	} else {
		const struct lab_map *m = ok_main_map(run);

		if (!m || !trace_flag_has(m->flags, "MAP_SHARED")) {
			/* Nothing was mapped, or the mapping was private: the mmap check reports that bug. */
			check_skip(res, M_SKIP_NO_SHARED_MAPPING);
		} else if (run->after_len != len) {
			check_fail(res, M_CONTENT_SIZE, len, run->after_len);
		} else {
			check_fail(res, M_CONTENT_DIFF);
			evidence_byte_diff(res, want, len, run->after, run->after_len);
		}
	}
	free(want);
}

/* What is wrong with one msync of the lab mapping m, or 0 when it is right. */
static enum msg_id msync_problem(const struct trace_event *s, const struct lab_map *m)
{
	long long addr = 0, len = 0;

	if (m->unmapped_by && s->seq > m->unmapped_by->seq)
		return M_MSYNC_AFTER_MUNMAP;
	if (s->nargs < 3 || !trace_flag_has(s->args[2].text, "MS_SYNC"))
		return M_MSYNC_NOT_SYNC;
	(void)trace_arg_number(&s->args[0], &addr);
	(void)trace_arg_number(&s->args[1], &len);
	if ((unsigned long long)addr > m->addr || (unsigned long long)(addr + len) < m->addr + GREETING_LEN)
		return M_MSYNC_RANGE;
	if (!s->ret_known || s->ret != 0)
		return M_MSYNC_FAILED;
	return 0;
}

static void judge_msync(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, RUN_NORMAL);
	const struct lab_view *v = &run->view;
	const struct lab_map *m = ok_main_map(run);

	if (!m) {
		check_skip(res, M_SKIP_NO_MAPPING);
		return;
	}
	check_expected(res, M_MSYNC_EXPECT, m->addr, GREETING_LEN);
	enum msg_id first_problem = 0;
	const struct trace_event *first = NULL;
	for (size_t i = 0; i < v->msync_count; i++) {
		const struct trace_event *s = v->msyncs[i];
		enum msg_id p;

		if (s->seq < m->call->seq)
			continue;
		p = msync_problem(s, m);
		if (p == 0) {
			check_pass(res, M_MSYNC_OK, s->args[2].text);
			return;
		}
		if (!first) {
			first = s;
			first_problem = p;
		}
	}
	if (!first) {
		if (skip_if_abnormal(run, res))
			return;
		check_fail(res, M_MSYNC_NONE);
		evidence_call(res, m->call);
		if (m->unmapped_by)
			evidence_call(res, m->unmapped_by);
		return;
	}
	if (first_problem == M_MSYNC_FAILED)
		check_fail(res, M_MSYNC_FAILED, first->err_name ? first->err_name : "?");
	else if (first_problem == M_MSYNC_NOT_SYNC)
		check_fail(res, M_MSYNC_NOT_SYNC, first->nargs >= 3 ? first->args[2].text : "?");
	else
		check_fail(res, first_problem);
	evidence_call(res, m->call);
	evidence_call(res, first);
	if (first_problem == M_MSYNC_AFTER_MUNMAP)
		evidence_call(res, m->unmapped_by);
}

static void judge_short_file(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, RUN_SHORT);
	const struct run_result *r = &run->res;
	bool unchanged = run->after_exists && run->after_len == run->before_len &&
	                 memcmp(run->after, run->before, run->before_len) == 0;
	bool grown = run->after_exists && run->after_len >= GREETING_LEN &&
	             memcmp(run->after, greeting, GREETING_LEN) == 0;
	struct strbuf sb;

	check_expected(res, M_SHORT_EXPECT, run->before_len);
	if (fail_if_abnormal(run, res))
		return;
	if (r->exit_code == 0 && grown) {
		check_pass(res, M_SHORT_GROWN, run->after_len);
		return;
	}
	if (r->exit_code != 0 && unchanged && r->err_len > 0) {
		check_pass(res, M_SHORT_REFUSED, r->exit_code);
		return;
	}
	if (r->exit_code != 0) {
		check_fail(res, unchanged ? M_SHORT_NO_MESSAGE : M_SHORT_CHANGED_REFUSED, r->exit_code);
		evidence_run_end(res, run);
		return;
	}
	if (unchanged) {
		check_fail(res, M_SHORT_NOTHING);
		return;
	}
	if (run->after_exists && run->after_len != run->before_len) {
		/* The file was grown, so nothing was lost past its end: the store itself went elsewhere. */
		check_fail(res, M_SHORT_NOT_WRITTEN, run->before_len, run->after_len);
		return;
	}
	/* Exit 0 without the whole greeting: the stores past the end went to the zero-filled rest of
	   the last page, which is never written to the file. */
	check_fail(res, M_SHORT_LOST, run->before_len, run->after_exists ? run->after_len : 0);
	sb_init(&sb);
	sb_escaped(&sb, run->before, run->before_len);
	check_evidence(res, M_EV_FILE_BEFORE, sb.data);
	sb_free(&sb);
	sb_init(&sb);
	if (run->after_exists)
		sb_escaped(&sb, run->after, run->after_len);
	check_evidence(res, M_EV_FILE_AFTER, sb.data);
	sb_free(&sb);
	if (run->view.map_count > 0)
		evidence_call(res, run->view.maps[0].call);
	check_hint(res, M_H_SHORT_LOST, run->before_len, run->before_len);
}

static const struct check_def checks[] = {
	/* id            step pts runs                                  title               hint               man          judge */
	{ "build",        1, 1, 0,                                     M_T_BUILD,          M_H_BUILD,         "gcc(1)",     judge_build },
	{ "open",         1, 1, RUN_BIT(RUN_NORMAL),                   M_T_OPEN_RDWR,      M_H_OPEN_RDWR,     "open(2)",    judge_open },
	{ "size",         1, 1, RUN_BIT(RUN_NORMAL),                   M_T_SIZE,           M_H_SIZE,          "fstat(2)",   judge_size },
	{ "mmap",         2, 2, RUN_BIT(RUN_NORMAL),                   M_T_MMAP_WRITE,     M_H_MMAP_WRITE,    "mmap(2)",    judge_mmap },
	{ "run",          2, 1, RUN_BIT(RUN_NORMAL) | RUN_BIT(RUN_PLAIN), M_T_RUN,            M_H_RUN,           "signal(7)",  judge_run },
	{ "content",      2, 2, RUN_BIT(RUN_NORMAL) | RUN_BIT(RUN_PLAIN), M_T_CONTENT,        M_H_CONTENT,       "mmap(2)",    judge_content },
	{ "msync",        3, 2, RUN_BIT(RUN_NORMAL),                   M_T_MSYNC,          M_H_MSYNC,         "msync(2)",   judge_msync },
	{ "munmap",       4, 1, RUN_BIT(RUN_NORMAL),                   M_T_MUNMAP,         M_H_MUNMAP,        "munmap(2)",  judge_munmap },
	{ "close",        4, 1, RUN_BIT(RUN_NORMAL),                   M_T_CLOSE,          M_H_CLOSE,         "close(2)",   judge_close },
	{ "valgrind",     4, 1, RUN_BIT(RUN_NORMAL) | RUN_BIT(RUN_MEMCHECK), M_T_VALGRIND, M_H_VALGRIND,     "valgrind(1)", judge_valgrind },
	{ "error-open",   5, 1, RUN_BIT(RUN_MISSING),                  M_T_ERROR_OPEN,     M_H_ERROR_OPEN,    "open(2)",    judge_error_open },
	{ "error-mmap",   5, 1, RUN_BIT(RUN_NORMAL) | RUN_BIT(RUN_INJECT_MMAP), M_T_ERROR_MMAP, M_H_ERROR_MMAP, "mmap(2)", judge_error_mmap },
	{ "error-msync",  5, 1, RUN_BIT(RUN_NORMAL) | RUN_BIT(RUN_INJECT_MSYNC), M_T_ERROR_MSYNC, M_H_ERROR_MSYNC, "msync(2)", judge_error_msync },
	{ "short-file",   6, 1, RUN_BIT(RUN_SHORT),                    M_T_SHORT_FILE,     M_H_SHORT_FILE,    "ftruncate(2)", judge_short_file },
};

const struct lab_def lab_write_msync = {
	.name = "write-msync",
	.folder = "labs/02-write-msync",
	.program = "write_msync.c",
	.title = M_LAB_WRITE_MSYNC,
	.steps = 6,
	.lab_file = "link.txt",
	.open_access = O_RDWR,
	.needs_write = true,
	.runs = file_lab_runs,
	.run_count = RUN_KIND_COUNT,
	.run_seconds = 5,
	.memcheck_seconds = 60,
	.checks = checks,
	.check_count = sizeof checks / sizeof checks[0],
};
