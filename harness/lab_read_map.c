/* lab_read_map.c - lab 1: map a file read-only and print every byte.
 *
 * The program opens link.txt read-only, learns its size, maps it PROT_READ/MAP_SHARED, prints
 * "File size is N" and "Found character C at I" for every byte, unmaps and closes. Points, steps and
 * time limits are set in the table at the end of this file. */
#include "judges.h"
#include "text.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* What the program must print for the file: the note's format, byte by byte. */
static char *expected_output(const char *data, size_t len, size_t *out_len)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_printf(&sb, "File size is %zu\n", len);
	for (size_t i = 0; i < len; i++) {
		sb_puts(&sb, "Found character ");
		sb_putc(&sb, data[i]);
		sb_printf(&sb, " at %zu\n", i);
	}
	*out_len = sb.len;
	return sb_steal(&sb);
}

/* Adds "line N: expected ... / got ..." evidence for the first line where got and want differ. */
static void evidence_first_difference(struct check_result *res, const char *want, size_t want_len,
                                      const char *got, size_t got_len)
{
	size_t line = 0, pos = 0;

	/* Find the line of the first differing byte. */
	while (pos < want_len && pos < got_len && want[pos] == got[pos]) {
		if (want[pos] == '\n')
			line++;
		pos++;
	}
	const char *wl = "", *gl = "";
	size_t wn = 0, gn = 0;
	bool want_has = nth_line(want, want_len, line, &wl, &wn) == 0;
	bool got_has = nth_line(got, got_len, line, &gl, &gn) == 0;
	struct strbuf sb;

	sb_init(&sb);
	if (want_has)
		sb_escaped(&sb, wl, wn);
	check_evidence_msg(res, M_OUTPUT_LINE_WANT, line + 1, want_has ? sb.data : "(EOF)");
	sb_free(&sb);
	sb_init(&sb);
	if (got_has)
		sb_escaped(&sb, gl, gn);
	check_evidence_msg(res, M_OUTPUT_LINE_GOT, line + 1, got_has ? sb.data : "(EOF)");
	check_ref_output(res, got, got_len, want, want_len);
	sb_free(&sb);
}

static void judge_output(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, RUN_NORMAL);
	const struct run_result *r = &run->res;
	size_t want_len;
	char *want = expected_output(run->before, run->before_len, &want_len);

	if (r->timed_out) {
		check_skip(res, M_SKIP_TIMEOUT);
	} else if (r->output_capped) {
		check_fail(res, M_OUTPUT_FLOOD, r->out_len);
	} else if (run->view.read_count > 0) {
		/* The bytes must come through the mapping, even when what was printed is right. */
		check_fail(res, M_OUTPUT_READ_CALL, call_name(run->view.reads[0]));
		check_hint(res, M_H_READ_CALL);
		evidence_call(res, run->view.reads[0]);
	} else if (r->out_len == want_len && memcmp(r->out, want, want_len) == 0) {
		const struct run_evidence *untraced = run_of(ev, RUN_PLAIN);
		const struct run_result *u = &untraced->res;

		/* The untraced run prints the same file: a program that looks for its tracer and
		   behaves only while watched is caught here. */
		if (untraced->performed && !run_ended_abnormally(untraced) &&
		    (u->out_len != want_len || memcmp(u->out, want, want_len) != 0)) {
			check_fail(res, M_OUTPUT_UNTRACED_DIFF);
			evidence_first_difference(res, want, want_len, u->out, u->out_len);
		} else {
			check_pass(res, M_OUTPUT_OK, run->before_len + 1);
		}
	} else {
		check_fail(res, r->out_len == 0 ? M_OUTPUT_EMPTY : M_OUTPUT_DIFF);
		check_expected(res, M_OUTPUT_EXPECT, run->before_len, run->before_len);
		if (r->out_len)
			evidence_first_difference(res, want, want_len, r->out, r->out_len);
		if (r->signaled)
			evidence_run_end(res, run);
	}
	free(want);
}

static void judge_empty_file(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, RUN_EMPTY);
	const struct run_result *r = &run->res;
	static const char want[] = "File size is 0\n";

	check_expected(res, M_EMPTY_EXPECT);
	if (fail_if_abnormal(run, res))
		return;
	if (run->view.map_count > 0) {
		const struct lab_map *em = &run->view.maps[0];
		if (em->ok)
			check_fail(res, M_EMPTY_MAPPED_OK, em->length);
		else
			check_fail(res, M_EMPTY_MAPPED);
		evidence_call(res, em->call);
		evidence_run_end(res, run);
		return;
	}
	if (r->exit_code != 0) {
		check_fail(res, M_EMPTY_EXIT, r->exit_code);
		evidence_run_end(res, run);
		return;
	}
	if (r->out_len != sizeof want - 1 || memcmp(r->out, want, sizeof want - 1) != 0) {
		struct strbuf sb;

		check_fail(res, M_EMPTY_OUTPUT);
		sb_init(&sb);
		sb_escaped(&sb, r->out, r->out_len > 200 ? 200 : r->out_len);
		check_evidence(res, M_EV_STDOUT, sb.data);
		sb_free(&sb);
		return;
	}
	check_pass(res, M_EMPTY_OK);
}

static const struct check_def checks[] = {
	/* id            step pts runs                                  title               hint               man          judge */
	{ "build",        1, 1, 0,                                     M_T_BUILD,          M_H_BUILD,         "gcc(1)",     judge_build },
	{ "open",         1, 1, RUN_BIT(RUN_NORMAL),                   M_T_OPEN_READ,      M_H_OPEN_READ,     "open(2)",    judge_open },
	{ "size",         1, 1, RUN_BIT(RUN_NORMAL),                   M_T_SIZE,           M_H_SIZE,          "fstat(2)",   judge_size },
	{ "mmap",         2, 2, RUN_BIT(RUN_NORMAL),                   M_T_MMAP_READ,      M_H_MMAP_READ,     "mmap(2)",    judge_mmap },
	{ "run",          2, 1, RUN_BIT(RUN_NORMAL) | RUN_BIT(RUN_PLAIN), M_T_RUN,            M_H_RUN,           "signal(7)",  judge_run },
	{ "output",       2, 2, RUN_BIT(RUN_NORMAL) | RUN_BIT(RUN_PLAIN), M_T_OUTPUT,         M_H_OUTPUT,        "printf(3)",  judge_output },
	{ "munmap",       3, 1, RUN_BIT(RUN_NORMAL),                   M_T_MUNMAP,         M_H_MUNMAP,        "munmap(2)",  judge_munmap },
	{ "close",        3, 1, RUN_BIT(RUN_NORMAL),                   M_T_CLOSE,          M_H_CLOSE,         "close(2)",   judge_close },
	{ "valgrind",     3, 1, RUN_BIT(RUN_NORMAL) | RUN_BIT(RUN_MEMCHECK), M_T_VALGRIND, M_H_VALGRIND,     "valgrind(1)", judge_valgrind },
	{ "error-open",   4, 1, RUN_BIT(RUN_MISSING),                  M_T_ERROR_OPEN,     M_H_ERROR_OPEN,    "open(2)",    judge_error_open },
	{ "error-mmap",   4, 1, RUN_BIT(RUN_NORMAL) | RUN_BIT(RUN_INJECT_MMAP), M_T_ERROR_MMAP, M_H_ERROR_MMAP, "mmap(2)", judge_error_mmap },
	{ "empty-file",   5, 1, RUN_BIT(RUN_EMPTY),                    M_T_EMPTY_FILE,     M_H_EMPTY_FILE,    "mmap(2)",    judge_empty_file },
};

const struct lab_def lab_read_map = {
	.name = "read-map",
	.folder = "labs/01-read-map",
	.program = "read_map.c",
	.title = M_LAB_READ_MAP,
	.steps = 5,
	.lab_file = "link.txt",
	.open_access = O_RDONLY,
	.needs_write = false,
	.runs = file_lab_runs,
	.run_count = RUN_KIND_COUNT,
	.run_seconds = 5,
	.memcheck_seconds = 60,
	.checks = checks,
	.check_count = sizeof checks / sizeof checks[0],
};
