/* lab_perf.c - lab 3: when does mmap beat read()? The program `scan MODE FILE [options]` reads a
 * file in one of six ways and prints one line with results that can be checked exactly:
 *
 *   MODE lines=<newline bytes> sum=<sum of all bytes mod 2^64> seconds=<elapsed>
 *   MODE lookups=<N> sum=<sum of N 8-byte little-endian values mod 2^64> seconds=<elapsed>
 *
 * Each mode is judged from its output and from its trace: the read mode really reads with the
 * requested buffer size and maps nothing, the mmap modes map once and never read(), and so on.
 * Timing is printed by the program, never graded. */
#include "judges.h"
#include "text.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_ARG "3001"      /* an odd size, so that a hard-coded buffer shows */
#define BUFFER_SIZE 3001
#define LOOKUPS_ARG "500"
#define LOOKUPS 500

enum perf_run {
	PERF_READ, PERF_MMAP, PERF_MMAP_SEQ, PERF_MMAP_POPULATE, PERF_RANDOM_PREAD, PERF_RANDOM_MMAP,
	PERF_BAD_MODE, PERF_MISSING, PERF_EMPTY_READ, PERF_EMPTY_MMAP,
	/* The other input cases the guide documents: seed 0, no --seed (1), the defaults of --buffer
	   (65536) and --lookups (1000000, untraced: a million traced preads would take too long). */
	PERF_READ_DEFAULT, PERF_PREAD_SEED0, PERF_PREAD_NO_SEED, PERF_RMMAP_SEED0, PERF_RMMAP_DEFAULTS,
	PERF_RUN_COUNT
};

static const char *const args_read[] = { "read", "{file}", "--buffer", BUFFER_ARG, NULL };
static const char *const args_mmap[] = { "mmap", "{file}", NULL };
static const char *const args_mmap_seq[] = { "mmap-seq", "{file}", NULL };
static const char *const args_populate[] = { "mmap-populate", "{file}", NULL };
static const char *const args_pread[] = { "random-pread", "{file}", "--lookups", LOOKUPS_ARG, "--seed", "{seed}", NULL };
static const char *const args_rmmap[] = { "random-mmap", "{file}", "--lookups", LOOKUPS_ARG, "--seed", "{seed}", NULL };
static const char *const args_bad[] = { "frobnicate", "{file}", NULL };
static const char *const args_read_only[] = { "read", "{file}", NULL };
static const char *const args_pread_seed0[] = { "random-pread", "{file}", "--lookups", LOOKUPS_ARG, "--seed", "0", NULL };
static const char *const args_pread_no_seed[] = { "random-pread", "{file}", "--lookups", LOOKUPS_ARG, NULL };
static const char *const args_rmmap_seed0[] = { "random-mmap", "{file}", "--lookups", LOOKUPS_ARG, "--seed", "0", NULL };
static const char *const args_rmmap_defaults[] = { "random-mmap", "{file}", NULL };

static const struct run_def runs[PERF_RUN_COUNT] = {
	[PERF_READ] = { .name = "read", .tool = TOOL_STRACE, .fixture = FIXTURE_BINARY,
	                .args = args_read, .judged_by = "read-mode" },
	[PERF_MMAP] = { .name = "mmap", .tool = TOOL_STRACE, .fixture = FIXTURE_BINARY,
	                .args = args_mmap, .judged_by = "mmap-mode" },
	[PERF_MMAP_SEQ] = { .name = "mmap-seq", .tool = TOOL_STRACE, .fixture = FIXTURE_BINARY,
	                    .args = args_mmap_seq, .judged_by = "mmap-seq" },
	[PERF_MMAP_POPULATE] = { .name = "mmap-populate", .tool = TOOL_STRACE, .fixture = FIXTURE_BINARY,
	                         .args = args_populate, .judged_by = "mmap-populate" },
	[PERF_RANDOM_PREAD] = { .name = "random-pread", .tool = TOOL_STRACE, .fixture = FIXTURE_BINARY,
	                        .args = args_pread, .judged_by = "random-pread" },
	[PERF_RANDOM_MMAP] = { .name = "random-mmap", .tool = TOOL_STRACE, .fixture = FIXTURE_BINARY,
	                       .args = args_rmmap, .judged_by = "random-mmap" },
	[PERF_BAD_MODE] = { .name = "bad-mode", .tool = TOOL_PLAIN, .fixture = FIXTURE_BINARY,
	                    .args = args_bad, .judged_by = "errors", .case_name = M_CASE_BAD_MODE },
	[PERF_MISSING] = { .name = "missing", .tool = TOOL_PLAIN, .fixture = FIXTURE_NONE,
	                   .args = args_read_only, .judged_by = "errors", .case_name = M_CASE_MISSING },
	[PERF_EMPTY_READ] = { .name = "empty-read", .tool = TOOL_PLAIN, .fixture = FIXTURE_EMPTY,
	                      .args = args_read_only, .judged_by = "errors", .case_name = M_CASE_EMPTY },
	[PERF_EMPTY_MMAP] = { .name = "empty-mmap", .tool = TOOL_STRACE, .fixture = FIXTURE_EMPTY,
	                      .args = args_mmap, .judged_by = "errors", .case_name = M_CASE_EMPTY },
	[PERF_READ_DEFAULT] = { .name = "read-default", .tool = TOOL_PLAIN, .fixture = FIXTURE_BINARY,
	                        .args = args_read_only, .judged_by = "read-mode", .case_name = M_CASE_DEFAULTS },
	[PERF_PREAD_SEED0] = { .name = "random-pread-seed0", .tool = TOOL_STRACE, .fixture = FIXTURE_BINARY,
	                       .args = args_pread_seed0, .judged_by = "random-pread", .case_name = M_CASE_SEED0 },
	[PERF_PREAD_NO_SEED] = { .name = "random-pread-no-seed", .tool = TOOL_STRACE, .fixture = FIXTURE_BINARY,
	                         .args = args_pread_no_seed, .judged_by = "random-pread", .case_name = M_CASE_NO_SEED },
	[PERF_RMMAP_SEED0] = { .name = "random-mmap-seed0", .tool = TOOL_STRACE, .fixture = FIXTURE_BINARY,
	                       .args = args_rmmap_seed0, .judged_by = "random-mmap", .case_name = M_CASE_SEED0 },
	[PERF_RMMAP_DEFAULTS] = { .name = "random-mmap-defaults", .tool = TOOL_PLAIN, .fixture = FIXTURE_BINARY,
	                          .args = args_rmmap_defaults, .judged_by = "random-mmap", .case_name = M_CASE_DEFAULTS },
};

/* The offsets of the random modes: xorshift64 as the lab's README specifies it. */
static uint64_t expected_lookup_sum(const char *data, size_t len, uint64_t seed, size_t lookups)
{
	uint64_t x = seed ? seed : 0x9E3779B97F4A7C15ULL, sum = 0;

	for (size_t i = 0; i < lookups; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		size_t off = (size_t)(x % (len - 7));
		uint64_t v = 0;
		for (int b = 7; b >= 0; b--)
			v = (v << 8) | (unsigned char)data[off + (size_t)b];
		sum += v;
	}
	return sum;
}

static bool judge_output(const struct evidence *ev, const struct run_evidence *run, struct check_result *res);

/* The value of option `name` in the run's arguments ("{seed}" is the grading's seed), or `dflt`
 * when the run does not give it. */
static uint64_t run_option(const struct evidence *ev, const struct run_evidence *run, const char *name,
                           uint64_t dflt)
{
	for (size_t i = 0; run->def->args[i]; i++)
		if (!strcmp(run->def->args[i], name) && run->def->args[i + 1]) {
			const char *v = run->def->args[i + 1];
			return !strcmp(v, "{seed}") ? ev->seed : strtoull(v, NULL, 10);
		}
	return dflt;
}

/* The line a mode must print, up to " seconds=". */
static char *expected_line(const struct evidence *ev, const struct run_evidence *run)
{
	const char *mode = run->def->args[0];

	if (!strncmp(mode, "random-", 7)) {
		uint64_t lookups = run_option(ev, run, "--lookups", 1000000);
		return xasprintf("%s lookups=%" PRIu64 " sum=%" PRIu64, mode, lookups,
		                 expected_lookup_sum(run->before, run->before_len, run_option(ev, run, "--seed", 1),
		                                     (size_t)lookups));
	}
	uint64_t lines = 0, sum = 0;
	for (size_t i = 0; i < run->before_len; i++) {
		lines += run->before[i] == '\n';
		sum += (unsigned char)run->before[i];
	}
	return xasprintf("%s lines=%" PRIu64 " sum=%" PRIu64, mode, lines, sum);
}

/* The other input cases of a mode (run plainly, or traced when `traced_judge` is given): each must
 * print its right line too. Returns false after failing the check, naming the case. */
static bool other_cases_ok(const struct evidence *ev, struct check_result *res, const int *runs, size_t n,
                           bool (*traced_judge)(const struct evidence *, const struct run_evidence *,
                                                struct check_result *))
{
	for (size_t i = 0; i < n; i++) {
		const struct run_evidence *run = run_of(ev, runs[i]);

		if (!run->performed)
			continue;
		if (!judge_output(ev, run, res) || (run->traced && traced_judge && !traced_judge(ev, run, res))) {
			check_evidence_msg(res, M_EV_CASE, msg(run->def->case_name));
			return false;
		}
	}
	return true;
}

/* Whether the program printed exactly "<want> seconds=<number>\n". */
static bool output_matches(const struct run_result *r, const char *want)
{
	size_t n = strlen(want);
	const char *rest;
	char *end;

	if (r->out_len <= n || memcmp(r->out, want, n) != 0)
		return false;
	rest = r->out + n;
	if (strncmp(rest, " seconds=", 9) != 0)
		return false;
	/* A plain number: not "nan", "inf" or " 1" (strtod takes those too). */
	if (rest[9] < '0' || rest[9] > '9')
		return false;
	double seconds = strtod(rest + 9, &end);
	return seconds >= 0 && seconds < 1e9 && end[0] == '\n' && end[1] == '\0' &&
	       (size_t)(end + 1 - r->out) == r->out_len;
}

/* Judges how the run ended and what it printed; returns false (the check failed) when wrong. */
static bool judge_output(const struct evidence *ev, const struct run_evidence *run, struct check_result *res)
{
	const struct run_result *r = &run->res;
	char *want = expected_line(ev, run);
	struct strbuf sb;

	check_expected(res, M_PERF_EXPECT_LINE, want);
	if (fail_if_abnormal(run, res)) {
		free(want);
		return false;
	}
	if (r->exit_code != 0) {
		check_fail(res, M_RUN_EXIT, r->exit_code);
		evidence_run_end(res, run);
		free(want);
		return false;
	}
	bool ok = output_matches(r, want);
	if (!ok) {
		check_fail(res, M_PERF_WRONG_LINE);
		sb_init(&sb);
		sb_escaped(&sb, r->out, r->out_len > 300 ? 300 : r->out_len);
		check_evidence(res, M_EV_STDOUT, sb.data);
		sb_free(&sb);
	}
	free(want);
	return ok;
}

/* The next call of a run, from trace index *from on, on the lab file's descriptor and named like one
 * of names (NULL-terminated), or NULL; *from moves past it. */
static const struct trace_event *next_lab_call(const struct run_evidence *run, const char *const *names, size_t *from)
{
	for (; *from < run->trace.count; (*from)++) {
		const struct trace_event *e = &run->trace.events[*from];

		if (e->kind != TRACE_CALL || !e->name || e->nargs == 0 || !e->args[0].fd_path ||
		    strcmp(e->args[0].fd_path, run->lab_path))
			continue;
		for (size_t k = 0; names[k]; k++)
			if (!strcmp(e->name, names[k])) {
				(*from)++;
				return e;
			}
	}
	return NULL;
}

/* How many such calls the run made; *first is the first of them (or NULL). */
static size_t count_calls(const struct run_evidence *run, const char *const *names, const struct trace_event **first)
{
	size_t n = 0, from = 0;

	*first = NULL;
	for (const struct trace_event *e; (e = next_lab_call(run, names, &from)) != NULL; n++)
		if (!*first)
			*first = e;
	return n;
}

/* The first such call whose third argument (the byte count) is not `count`, or NULL; *got is the
 * count it asked for (-1 when unreadable). */
static const struct trace_event *first_other_count(const struct run_evidence *run, const char *const *names,
                                                   long long count, long long *got)
{
	size_t from = 0;

	for (const struct trace_event *e; (e = next_lab_call(run, names, &from)) != NULL;) {
		*got = -1;
		if (e->nargs < 3 || !trace_arg_number(&e->args[2], got) || *got != count)
			return e;
	}
	return NULL;
}

static const char *const read_calls[] = { "read", "readv", "pread64", "preadv", "preadv2", NULL };

/* The mmap modes: one successful mapping of the whole file, unmapped, and no read() of the file.
 * Returns the mapping, or NULL after failing the check. */
static const struct lab_map *judge_single_mapping(const struct evidence *ev, const struct run_evidence *run,
                                                  struct check_result *res)
{
	const struct lab_view *v = &run->view;
	const struct trace_event *read_call;
	const struct lab_map *m = ok_main_map(run);

	if (count_calls(run, read_calls, &read_call) > 0) {
		check_fail(res, M_PERF_READ_IN_MMAP_MODE, read_call->name);
		evidence_call(res, read_call);
		return NULL;
	}
	if (!m) {
		check_fail(res, M_PERF_NO_MAPPING);
		if (v->map_count)
			evidence_call(res, v->maps[0].call);
		return NULL;
	}
	size_t ok_maps = 0;
	for (size_t i = 0; i < v->map_count; i++)
		ok_maps += v->maps[i].ok;
	if (ok_maps != 1) {
		check_fail(res, M_PERF_MAPPINGS, ok_maps);
		return NULL;
	}
	if (fail_if_mapping_wrong(ev, m, run->before_len, res))
		return NULL;
	return fail_if_not_unmapped(ev, run, m, res) ? NULL : m;
}

/* The read() modes must not map the file: fails the check and returns true when one did. */
static bool fail_if_mapped(const struct run_evidence *run, struct check_result *res)
{
	if (run->view.map_count == 0)
		return false;
	check_fail(res, M_PERF_MAPPED_IN_READ_MODE);
	evidence_call(res, run->view.maps[0].call);
	return true;
}

static void judge_read_mode(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, PERF_READ);
	static const char *const plain_read[] = { "read", NULL };
	const struct trace_event *first;

	if (!judge_output(ev, run, res) || fail_if_mapped(run, res))
		return;
	size_t reads = count_calls(run, plain_read, &first);
	if (reads == 0) {
		check_fail(res, M_PERF_NO_READ);
		return;
	}
	long long count;
	const struct trace_event *other = first_other_count(run, plain_read, BUFFER_SIZE, &count);
	if (other) {
		check_fail(res, M_PERF_BUFFER_SIZE, count, BUFFER_SIZE);
		evidence_call(res, other);
		return;
	}
	static const int others[] = { PERF_READ_DEFAULT };
	if (other_cases_ok(ev, res, others, 1, NULL))
		check_pass(res, M_PERF_READ_OK, reads, BUFFER_SIZE);
}

static void judge_mmap_mode(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, PERF_MMAP);

	if (judge_output(ev, run, res) && judge_single_mapping(ev, run, res))
		check_pass(res, M_PERF_MMAP_OK);
}

static void judge_mmap_seq(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, PERF_MMAP_SEQ);
	const struct lab_map *m;

	if (!judge_output(ev, run, res) || !(m = judge_single_mapping(ev, run, res)))
		return;
	const struct trace_event *partial = NULL; /* a madvise on the mapping that covers less */
	for (size_t i = 0; i < run->trace.count; i++) {
		const struct trace_event *e = &run->trace.events[i];
		long long addr;

		if (e->kind != TRACE_CALL || strcmp(e->name, "madvise") || e->nargs < 3 ||
		    !trace_flag_has(e->args[2].text, "MADV_SEQUENTIAL") || !trace_arg_number(&e->args[0], &addr))
			continue;
		long long len = 0;
		(void)trace_arg_number(&e->args[1], &len);
		if ((unsigned long long)addr == m->addr && !partial)
			partial = e;
		/* The advice must cover the whole mapping, not its first page. */
		if ((unsigned long long)addr == m->addr && e->ret_known && e->ret == 0 && e->seq > m->call->seq &&
		    round_pages((unsigned long long)len, ev->page_size) == round_pages(m->length, ev->page_size)) {
			check_pass(res, M_PERF_MADVISE_OK);
			return;
		}
	}
	check_fail(res, partial ? M_PERF_MADVISE_PARTIAL : M_PERF_NO_MADVISE);
	evidence_call(res, m->call);
	if (partial)
		evidence_call(res, partial);
}

static void judge_mmap_populate(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, PERF_MMAP_POPULATE);
	const struct lab_map *m;

	if (!judge_output(ev, run, res) || !(m = judge_single_mapping(ev, run, res)))
		return;
	if (!trace_flag_has(m->flags, "MAP_POPULATE")) {
		check_fail(res, M_PERF_NO_POPULATE, m->flags);
		evidence_call(res, m->call);
		return;
	}
	check_pass(res, M_PERF_POPULATE_OK);
}

/* The random-pread rules on one traced run: no mapping, exactly --lookups preads of 8 bytes. */
static bool pread_run_ok(const struct evidence *ev, const struct run_evidence *run, struct check_result *res)
{
	static const char *const pread[] = { "pread64", NULL };
	const struct trace_event *first;
	uint64_t lookups = run_option(ev, run, "--lookups", 1000000);

	if (fail_if_mapped(run, res))
		return false;
	size_t n = count_calls(run, pread, &first);
	if (n != lookups) {
		check_fail(res, M_PERF_PREAD_COUNT, n, (int)lookups);
		if (first)
			evidence_call(res, first);
		return false;
	}
	long long count;
	const struct trace_event *other = first_other_count(run, pread, 8, &count);
	if (other) {
		check_fail(res, M_PERF_PREAD_SIZE, count);
		evidence_call(res, other);
		return false;
	}
	return true;
}

static void judge_random_pread(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, PERF_RANDOM_PREAD);
	static const int others[] = { PERF_PREAD_SEED0, PERF_PREAD_NO_SEED };

	if (!judge_output(ev, run, res) || !pread_run_ok(ev, run, res) ||
	    !other_cases_ok(ev, res, others, sizeof others / sizeof others[0], pread_run_ok))
		return;
	check_pass(res, M_PERF_PREAD_OK, (size_t)LOOKUPS);
}

static bool single_mapping_ok(const struct evidence *ev, const struct run_evidence *run, struct check_result *res)
{
	return judge_single_mapping(ev, run, res) != NULL;
}

static void judge_random_mmap(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, PERF_RANDOM_MMAP);
	static const int others[] = { PERF_RMMAP_SEED0, PERF_RMMAP_DEFAULTS };

	if (judge_output(ev, run, res) && judge_single_mapping(ev, run, res) &&
	    other_cases_ok(ev, res, others, sizeof others / sizeof others[0], single_mapping_ok))
		check_pass(res, M_PERF_RANDOM_MMAP_OK, LOOKUPS);
}

static void judge_errors(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *bad = run_of(ev, PERF_BAD_MODE), *missing = run_of(ev, PERF_MISSING);
	const struct run_evidence *empty_mmap = run_of(ev, PERF_EMPTY_MMAP);
	struct { const struct run_evidence *run; int status; } failing[] = { { bad, 2 }, { missing, 1 } };

	check_expected(res, M_PERF_ERRORS_EXPECT);
	for (size_t i = 0; i < 2; i++) {
		const struct run_result *r = &failing[i].run->res;

		if (fail_if_abnormal(failing[i].run, res))
			return;
		if (r->exit_code != failing[i].status || r->err_len == 0) {
			check_fail(res, M_PERF_ERROR_RUN, msg(failing[i].run->def->case_name), failing[i].status);
			evidence_run_end(res, failing[i].run);
			return;
		}
	}
	for (int k = PERF_EMPTY_READ; k <= PERF_EMPTY_MMAP; k++) {
		const struct run_evidence *run = run_of(ev, k);
		char *want = xasprintf("%s lines=0 sum=0", run->def->args[0]);
		bool ok = !run_ended_abnormally(run) && run->res.exit_code == 0 && output_matches(&run->res, want);

		free(want);
		if (!ok) {
			check_fail(res, M_PERF_EMPTY, run->def->args[0]);
			evidence_run_end(res, run);
			return;
		}
	}
	if (empty_mmap->view.map_count > 0) {
		const struct lab_map *em = &empty_mmap->view.maps[0];
		if (em->ok)
			check_fail(res, M_EMPTY_MAPPED_OK, em->length);
		else
			check_fail(res, M_EMPTY_MAPPED);
		evidence_call(res, em->call);
		return;
	}
	check_pass(res, M_PERF_ERRORS_OK);
}

#define R(k) RUN_BIT(k)
static const struct check_def checks[] = {
	/* id              step pts runs                        title                hint                 man            judge */
	{ "build",           1, 1, 0,                           M_T_BUILD,           M_H_BUILD,           "gcc(1)",      judge_build },
	{ "read-mode",       1, 2, R(PERF_READ) | R(PERF_READ_DEFAULT), M_T_PERF_READ,       M_H_PERF_READ,       "read(2)",     judge_read_mode },
	{ "mmap-mode",       2, 2, R(PERF_MMAP),                M_T_PERF_MMAP,       M_H_PERF_MMAP,       "mmap(2)",     judge_mmap_mode },
	{ "mmap-seq",        3, 1, R(PERF_MMAP_SEQ),            M_T_PERF_SEQ,        M_H_PERF_SEQ,        "madvise(2)",  judge_mmap_seq },
	{ "mmap-populate",   3, 1, R(PERF_MMAP_POPULATE),       M_T_PERF_POPULATE,   M_H_PERF_POPULATE,   "mmap(2)",     judge_mmap_populate },
	{ "random-pread",    4, 1, R(PERF_RANDOM_PREAD) | R(PERF_PREAD_SEED0) | R(PERF_PREAD_NO_SEED), M_T_PERF_PREAD,      M_H_PERF_PREAD,      "pread(2)",    judge_random_pread },
	{ "random-mmap",     4, 1, R(PERF_RANDOM_MMAP) | R(PERF_RMMAP_SEED0) | R(PERF_RMMAP_DEFAULTS), M_T_PERF_RANDOM_MMAP, M_H_PERF_RANDOM_MMAP, "mmap(2)",   judge_random_mmap },
	{ "errors",          5, 1, R(PERF_BAD_MODE) | R(PERF_MISSING) | R(PERF_EMPTY_READ) | R(PERF_EMPTY_MMAP),
	                                                        M_T_PERF_ERRORS,     M_H_PERF_ERRORS,     "mmap(2)",     judge_errors },
};

const struct lab_def lab_perf = {
	.name = "perf",
	.folder = "labs/03-perf",
	.program = "scan.c",
	.title = M_LAB_PERF,
	.steps = 5,
	.lab_file = "data.bin",
	.open_access = O_RDONLY,
	.needs_write = false,
	.runs = runs,
	.run_count = PERF_RUN_COUNT,
	.run_seconds = 5,
	.memcheck_seconds = 60,
	.checks = checks,
	.check_count = sizeof checks / sizeof checks[0],
};
