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

/* How many bytes from at differ (or lie past one end), up to the next byte that agrees. */
static size_t differing_run(const char *want, size_t want_len, const char *got, size_t got_len, size_t at)
{
	size_t end = at;

	while (end < want_len || end < got_len) {
		if (end < want_len && end < got_len && want[end] == got[end])
			break;
		end++;
	}
	return end - at;
}

/* The first write to the lab file by a system call that puts bytes in it (a write that only
 * extends the file before it is mapped is the lseek + write idiom, as good as ftruncate), or NULL. */
static const struct trace_event *write_by_call(const struct lab_view *v)
{
	for (size_t i = 0; i < v->write_count; i++)
		if (!lab_write_only_extends(v, v->writes[i]))
			return v->writes[i];
	return NULL;
}

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
	check_ref_bytes(res, got, at, differing_run(want, want_len, got, got_len, at));
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
	const struct trace_event *w = write_by_call(&run->view);
	if (run->res.timed_out) {
		check_skip(res, M_SKIP_TIMEOUT);
	} else if (w) {
		/* The greeting must go through the mapping, even when the file ends up right. */
		check_fail(res, M_CONTENT_WRITE_CALL, call_name(w));
		check_hint(res, M_H_WRITE_CALL);
		evidence_call(res, w);
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

	if (m->unmapped_by && s->seq > m->unmapped_by->seq && strcmp(m->unmapped_by->name, "mremap"))
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
		/* The mapping as it was when msync ran: an mremap before it moved it. */
		const struct lab_map *at = m;
		while (at->moved_to > 0 && v->maps[at->moved_to - 1].call->seq < s->seq)
			at = &v->maps[at->moved_to - 1];
		p = msync_problem(s, at);
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
	/* In the trace's order: the munmap came before the msync it spoiled. */
	evidence_call(res, m->call);
	if (first_problem == M_MSYNC_AFTER_MUNMAP)
		evidence_call(res, m->unmapped_by);
	evidence_call(res, first);
}

/* Judges one run on a file too short for the greeting (short, or empty). Passes when the file ends
 * up at least as long as the greeting and starting with it (whatever the exit status: a bug of
 * msync or munmap that makes the program fail is another check's), or when the program left the
 * file as it was, said why on stderr and failed. Returns false after failing the check. */
static bool short_case_ok(const struct run_evidence *run, struct check_result *res)
{
	const struct run_result *r = &run->res;
	bool unchanged = run->after_exists && run->after_len == run->before_len &&
	                 memcmp(run->after, run->before, run->before_len) == 0;
	bool grown = run->after_exists && run->after_len >= GREETING_LEN &&
	             memcmp(run->after, greeting, GREETING_LEN) == 0;
	const struct trace_event *w = write_by_call(&run->view);
	struct strbuf sb;

	if (fail_if_abnormal(run, res))
		return false;
	if (w) {
		check_fail(res, M_SHORT_WRITE_CALL, call_name(w));
		check_hint(res, M_H_WRITE_CALL);
		evidence_call(res, w);
		return false;
	}
	if (grown || (r->exit_code != 0 && unchanged && r->err_len > 0))
		return true;
	if (r->exit_code != 0) {
		check_fail(res, unchanged ? M_SHORT_NO_MESSAGE : M_SHORT_CHANGED_REFUSED, r->exit_code);
		evidence_run_end(res, run);
		return false;
	}
	if (unchanged) {
		check_fail(res, M_SHORT_NOTHING);
		return false;
	}
	if (run->after_exists && run->after_len != run->before_len) {
		/* The file was grown, so nothing was lost past its end: the store itself went elsewhere. */
		check_fail(res, M_SHORT_NOT_WRITTEN, run->before_len, run->after_len);
		return false;
	}
	/* Exit 0 without the whole greeting: the stores past the end went to the rest of the last
	   page, which is never written to the file. */
	check_fail(res, M_SHORT_LOST, run->before_len, run->after_exists ? run->after_len : 0);
	sb_init(&sb);
	sb_escaped(&sb, run->before, run->before_len);
	check_evidence(res, M_EV_FILE_BEFORE, sb.data);
	sb_free(&sb);
	sb_init(&sb);
	if (run->after_exists)
		sb_escaped(&sb, run->after, run->after_len);
	check_evidence(res, M_EV_FILE_AFTER, sb.data);
	/* The bytes the greeting needed past the end: the ones that never reached the file. */
	check_ref_bytes(res, run->after, run->before_len,
	                GREETING_LEN > run->before_len ? GREETING_LEN - run->before_len : 0);
	sb_free(&sb);
	if (run->view.map_count > 0)
		evidence_call(res, run->view.maps[0].call);
	check_hint(res, M_H_SHORT_LOST, run->before_len, run->before_len);
	return false;
}

static void judge_short_file(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *cases[] = { run_of(ev, RUN_SHORT), run_of(ev, RUN_EMPTY) };

	check_expected(res, M_SHORT_EXPECT, cases[0]->before_len);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (cases[i]->performed && !short_case_ok(cases[i], res)) {
			check_evidence_msg(res, M_EV_CASE, msg(cases[i]->def->case_name));
			return;
		}
	const struct run_evidence *shown = cases[0];
	if (shown->after_exists && shown->after_len >= GREETING_LEN && !memcmp(shown->after, greeting, GREETING_LEN))
		check_pass(res, M_SHORT_GROWN, shown->after_len);
	else
		check_pass(res, M_SHORT_REFUSED, shown->res.exit_code);
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
	{ "short-file",   6, 1, RUN_BIT(RUN_SHORT) | RUN_BIT(RUN_EMPTY), M_T_SHORT_FILE,     M_H_SHORT_FILE,    "ftruncate(2)", judge_short_file },
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
