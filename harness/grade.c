/* grade.c - one grading, from sources to judged checks (see grade.h). */
#define _GNU_SOURCE
#include "grade.h"
#include "build.h"
#include "fixture.h"
#include "msg.h"
#include "scratch.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- check results ---------------------------------------------------------------------------- */

static char *format_msg(enum msg_id m, va_list ap)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_vprintf(&sb, msg(m), ap);
	return sb_steal(&sb);
}

#define SET_FIELD(field, m)                       \
	do {                                      \
		va_list ap;                       \
		va_start(ap, m);                  \
		free(r->field);                   \
		r->field = format_msg(m, ap);     \
		va_end(ap);                       \
	} while (0)

void check_pass(struct check_result *r, enum msg_id m, ...)
{
	r->status = CHECK_PASS;
	SET_FIELD(message, m);
}

void check_fail(struct check_result *r, enum msg_id m, ...)
{
	r->status = CHECK_FAIL;
	SET_FIELD(message, m);
}

void check_skip(struct check_result *r, enum msg_id m, ...)
{
	r->status = CHECK_SKIP;
	SET_FIELD(message, m);
}

void check_note(struct check_result *r, enum msg_id m, ...)
{
	SET_FIELD(note, m);
}

void check_expected(struct check_result *r, enum msg_id m, ...)
{
	SET_FIELD(expected, m);
}

void check_hint(struct check_result *r, enum msg_id m, ...)
{
	SET_FIELD(hint, m);
}

void check_evidence(struct check_result *r, enum msg_id label, const char *text)
{
	if (r->evidence.len)
		sb_putc(&r->evidence, '\n');
	sb_printf(&r->evidence, "%s%s", msg(label), text);
}

void check_evidence_msg(struct check_result *r, enum msg_id m, ...)
{
	va_list ap;

	if (r->evidence.len)
		sb_putc(&r->evidence, '\n');
	va_start(ap, m);
	sb_vprintf(&r->evidence, msg(m), ap);
	va_end(ap);
}

/* ---- runs ------------------------------------------------------------------------------------- */

static const char *const run_names[RUN_KIND_COUNT] = {
	[RUN_NORMAL] = "normal", [RUN_MEMCHECK] = "memcheck", [RUN_MISSING] = "missing",
	[RUN_INJECT_MMAP] = "inject-mmap", [RUN_INJECT_MSYNC] = "inject-msync",
	[RUN_EMPTY] = "empty", [RUN_SHORT] = "short",
};

static enum fixture_kind fixture_of(enum run_kind k)
{
	switch (k) {
	case RUN_MISSING:
		return FIXTURE_NONE;
	case RUN_EMPTY:
		return FIXTURE_EMPTY;
	case RUN_SHORT:
		return FIXTURE_SHORT;
	default:
		return FIXTURE_TEXT;
	}
}

static bool is_traced(enum run_kind k)
{
	return k == RUN_NORMAL || k == RUN_INJECT_MMAP || k == RUN_INJECT_MSYNC || k == RUN_EMPTY ||
	       k == RUN_SHORT;
}

/* Everything one run needs to be started; freed after the grading. */
struct planned_run {
	enum run_kind kind;
	char *log;           /* strace log or Valgrind report, outside the run's directory */
	char *inject;        /* "-e inject=..." value, or NULL */
	char *argv[24];
	char *envp[8];
	struct run_spec spec;
};

/* MMAPLAB_TIME_SCALE multiplies every time limit of the runs (a slow machine may need 2; the tests
 * of hanging programs use less than 1 so that they finish sooner). */
static double time_scale(void)
{
	const char *s = getenv("MMAPLAB_TIME_SCALE");
	char *end;
	double v;

	if (!s || !*s)
		return 1.0;
	v = strtod(s, &end);
	return *end || v <= 0.01 || v > 100 ? 1.0 : v;
}

/* Prepares the run's directory with its lab file and its command line. */
static void plan_run(struct planned_run *p, struct evidence *ev, enum run_kind kind, const char *scratch,
                     const char *program, const char *logs)
{
	struct run_evidence *run = &ev->runs[kind];
	const struct lab_def *lab = ev->lab;
	char *name = xasprintf("run-%s", run_names[kind]);
	size_t n = 0;

	p->kind = kind;
	run->kind = kind;
	run->performed = true;
	run->dir = scratch_subdir(scratch, name);
	free(name);
	char *real = realpath(run->dir, NULL);
	if (!real)
		die_errno("realpath");
	run->lab_path = xasprintf("%s/%s", real, lab->lab_file);
	free(real);
	if (fixture_of(kind) != FIXTURE_NONE) {
		fixture_make(fixture_of(kind), ev->seed, ev->page_size, &run->before, &run->before_len);
		fixture_write(run->lab_path, run->before, run->before_len);
	}
	p->log = xasprintf("%s/%s.log", logs, run_names[kind]);
	if (is_traced(kind)) {
		run->traced = true;
		p->argv[n++] = "strace";
		p->argv[n++] = "-f";
		p->argv[n++] = "-y";
		p->argv[n++] = "-qq";
		p->argv[n++] = "-o";
		p->argv[n++] = p->log;
		if (p->inject) {
			p->argv[n++] = "-e";
			p->argv[n++] = p->inject;
		}
		p->argv[n++] = "--";
	} else if (kind == RUN_MEMCHECK) {
		run->memchecked = true;
		p->argv[n++] = "valgrind";
		p->argv[n++] = "--tool=memcheck";
		p->argv[n++] = "--leak-check=full";
		p->argv[n++] = "--show-leak-kinds=definite,indirect";
		p->argv[n++] = "--errors-for-leak-kinds=definite,indirect";
		p->argv[n++] = "--track-fds=yes";
		p->argv[n++] = "--num-callers=12";
		p->argv[n++] = xasprintf("--log-file=%s", p->log);
	}
	p->argv[n++] = (char *)program;
	p->argv[n++] = (char *)lab->lab_file;
	p->argv[n] = NULL;
	p->envp[0] = "PATH=/usr/local/bin:/usr/bin:/bin";
	p->envp[1] = "LC_ALL=C";
	p->envp[2] = xasprintf("HOME=%s", run->dir);
	p->envp[3] = xasprintf("TMPDIR=%s", run->dir);
	p->envp[4] = NULL;
	bool memcheck = kind == RUN_MEMCHECK;
	double limit = (memcheck ? lab->memcheck_seconds : lab->run_seconds) * time_scale();
	p->spec = (struct run_spec){
		.name = run_names[kind],
		.argv = p->argv,
		.envp = p->envp,
		.cwd = run->dir,
		.wall_limit = limit,
		.cpu_limit = (unsigned)(limit + 0.999),
		/* Valgrind reserves a large address space of its own. */
		.as_limit = memcheck ? 0 : 4ULL << 30,
		.fsize_limit = 64ULL << 20,
		.stdout_cap = 8 << 20,
		.stderr_cap = 1 << 20,
	};
}

static void free_plan(struct planned_run *p)
{
	if (p->kind == RUN_MEMCHECK)
		for (size_t i = 0; p->argv[i]; i++)
			if (!strncmp(p->argv[i], "--log-file=", 11))
				free(p->argv[i]);
	free(p->envp[2]);
	free(p->envp[3]);
	free(p->log);
	free(p->inject);
}

/* Reads what a finished run left: the lab file, the trace, the Valgrind report. */
static void collect_run(struct evidence *ev, const struct planned_run *p, const struct run_result *res)
{
	struct run_evidence *run = &ev->runs[p->kind];
	bool truncated;

	run->res = *res;
	/* The file may have been replaced by a huge one: read only a little more than it was. */
	if (read_file(run->lab_path, run->before_len + (1 << 20), &run->after, &run->after_len, &truncated) == 0)
		run->after_exists = true;
	if (run->traced) {
		if (trace_parse_file(p->log, &run->trace) == -1)
			memset(&run->trace, 0, sizeof run->trace);
		lab_view_build(&run->trace, run->lab_path, run->dir, &run->view);
	}
	if (run->memchecked && memcheck_parse_file(p->log, &run->report) == -1)
		memset(&run->report, 0, sizeof run->report);
}

/* The injection that makes the lab file's first call `name` fail with err, or NULL when the normal
 * run made no such call. */
static char *plan_injection(const struct evidence *ev, const char *name, const char *err)
{
	const struct run_evidence *normal = &ev->runs[RUN_NORMAL];
	const struct lab_view *v = &normal->view;
	const struct trace_event *target = NULL;

	if (!strcmp(name, "mmap") && v->map_count > 0)
		target = v->maps[0].call;
	else if (!strcmp(name, "msync")) {
		const struct lab_map *m = lab_view_main_map(v);
		for (size_t i = 0; i < v->msync_count && !target; i++)
			if (m && v->msyncs[i]->seq > m->call->seq)
				target = v->msyncs[i];
	}
	if (!target || target->pid != v->main_pid)
		return NULL;
	size_t when = trace_call_ordinal(&normal->trace, target);
	return when ? xasprintf("inject=%s:error=%s:when=%zu", target->name, err, when) : NULL;
}

/* Whether the injection run failed the lab file's call (and not some other mmap). */
static bool injection_hit(const struct run_evidence *run, enum run_kind kind)
{
	const struct lab_view *v = &run->view;

	if (kind == RUN_INJECT_MMAP) {
		for (size_t i = 0; i < v->map_count; i++)
			if (v->maps[i].call->injected)
				return true;
		return false;
	}
	for (size_t i = 0; i < v->msync_count; i++)
		if (v->msyncs[i]->injected)
			return true;
	return false;
}

static double now_seconds(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		die_errno("clock_gettime");
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs the planned runs of one phase at once and collects them. */
static void run_phase(struct grade_result *out, struct planned_run *plans, size_t n, int jobs)
{
	struct run_spec specs[RUN_KIND_COUNT];
	struct run_result results[RUN_KIND_COUNT];

	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++)
		specs[i] = plans[i].spec;
	int orphans = sandbox_run_all(specs, results, n, jobs);
	if (orphans < 0)
		out->interrupted = true;
	else
		out->ev.orphans += orphans;
	for (size_t i = 0; i < n; i++) {
		collect_run(&out->ev, &plans[i], &results[i]);
		double t = results[i].wall_seconds;
		if (plans[i].kind == RUN_MEMCHECK)
			out->timing.memcheck += t;
		else if (is_traced(plans[i].kind))
			out->timing.traced += t;
		else
			out->timing.plain += t;
	}
}

/* ---- grading ---------------------------------------------------------------------------------- */

static bool selected(const struct grade_options *opt, const struct check_def *c)
{
	return opt->step <= 0 || c->step <= opt->step;
}

int grade(const struct grade_options *opt, struct grade_result *out)
{
	const struct lab_def *lab = opt->lab;
	struct sources src;
	enum msg_id why;
	const char *why_arg;
	double started = now_seconds();

	memset(out, 0, sizeof *out);
	if (sources_find(opt->submission, &src, &why, &why_arg) == -1) {
		fprintf(stderr, "mmaplab: ");
		fprintf(stderr, msg(why), why_arg);
		fputc('\n', stderr);
		return -1;
	}
	out->lab = lab;
	out->submission = opt->submission;
	out->step = opt->step;
	out->seed = opt->seed_given ? opt->seed : seed_fresh();
	struct evidence *ev = &out->ev;
	long page = sysconf(_SC_PAGESIZE);
	ev->lab = lab;
	ev->page_size = page > 0 ? (size_t)page : 4096;
	ev->seed = out->seed;

	char *scratch = scratch_create();
	char *bin_dir = scratch_subdir(scratch, "build");
	char *logs = scratch_subdir(scratch, "logs");
	char *program = xasprintf("%s/prog", bin_dir);

	ev->built = build_program(&src, program, bin_dir, &ev->compiler_output, &ev->compile_timed_out,
	                          &out->timing.compile);
	sources_free(&src);

	/* The runs the selected checks read. */
	unsigned wanted = 0;
	for (size_t i = 0; i < lab->check_count; i++)
		if (selected(opt, &lab->checks[i]))
			wanted |= lab->checks[i].runs;
	if (!ev->built || sandbox_interrupted())
		wanted = 0;

	struct planned_run plans[RUN_KIND_COUNT];
	size_t np = 0;
	memset(plans, 0, sizeof plans);
	/* Phase 1: every run that needs nothing from another. Valgrind, the slowest, goes first so that
	   the others overlap with it. */
	static const enum run_kind phase1[] = { RUN_MEMCHECK, RUN_NORMAL, RUN_MISSING, RUN_EMPTY, RUN_SHORT };
	for (size_t i = 0; i < sizeof phase1 / sizeof phase1[0]; i++)
		if (wanted & RUN_BIT(phase1[i]))
			plan_run(&plans[np++], ev, phase1[i], scratch, program, logs);
	run_phase(out, plans, np, opt->jobs);

	/* Phase 2: the injections, aimed at the calls the normal run made. */
	size_t np2 = np;
	static const struct { enum run_kind kind; const char *call, *err; } injections[] = {
		{ RUN_INJECT_MMAP, "mmap", "ENOMEM" },
		{ RUN_INJECT_MSYNC, "msync", "EIO" },
	};
	for (size_t i = 0; i < 2 && !out->interrupted; i++) {
		enum run_kind k = injections[i].kind;
		char *inject;

		if (!(wanted & RUN_BIT(k)))
			continue;
		inject = plan_injection(ev, injections[i].call, injections[i].err);
		if (!inject)
			continue;
		ev->runs[k].inject_planned = true;
		plans[np2].inject = inject;
		plan_run(&plans[np2], ev, k, scratch, program, logs);
		np2++;
	}
	run_phase(out, plans + np, np2 - np, opt->jobs);
	for (size_t i = np; i < np2; i++)
		ev->runs[plans[i].kind].inject_hit = injection_hit(&ev->runs[plans[i].kind], plans[i].kind);
	for (size_t i = 0; i < np2; i++)
		free_plan(&plans[i]);

	/* Judge the selected checks, in rubric order. */
	out->checks = xcalloc(lab->check_count, sizeof *out->checks);
	for (size_t i = 0; i < lab->check_count; i++) {
		const struct check_def *c = &lab->checks[i];
		struct check_result *r;

		if (!selected(opt, c))
			continue;
		r = &out->checks[out->count++];
		r->def = c;
		sb_init(&r->evidence);
		if (out->interrupted)
			check_skip(r, M_SKIP_INTERRUPTED);
		else if (strcmp(c->id, "build") && !ev->built)
			check_skip(r, M_SKIP_BUILD);
		else
			c->judge(ev, r);
		if (r->status == CHECK_FAIL && !r->hint)
			check_hint(r, c->hint);
		r->score = r->status == CHECK_PASS ? c->points : 0;
		out->score += r->score;
		out->max_score += c->points;
	}
	out->passed = out->count > 0;
	for (size_t i = 0; i < out->count; i++)
		if (out->checks[i].status != CHECK_PASS)
			out->passed = false;

	if (opt->keep) {
		out->kept_dir = xstrdup(scratch);
		scratch_forget(scratch);
	} else {
		if (remove_tree(scratch) == -1)
			fprintf(stderr, "mmaplab: %s: %s\n", scratch, strerror(errno));
		scratch_forget(scratch);
	}
	free(program);
	free(bin_dir);
	free(logs);
	free(scratch);
	out->timing.total = now_seconds() - started;
	return 0;
}

void grade_result_free(struct grade_result *r)
{
	for (size_t i = 0; i < r->count; i++) {
		struct check_result *c = &r->checks[i];

		free(c->message);
		free(c->note);
		free(c->expected);
		free(c->hint);
		sb_free(&c->evidence);
	}
	free(r->checks);
	free(r->kept_dir);
	struct evidence *ev = &r->ev;
	free(ev->compiler_output);
	for (int k = 0; k < RUN_KIND_COUNT; k++) {
		struct run_evidence *run = &ev->runs[k];

		if (!run->performed)
			continue;
		run_result_free(&run->res);
		free(run->dir);
		free(run->lab_path);
		free(run->before);
		free(run->after);
		if (run->traced) {
			lab_view_free(&run->view);
			trace_free(&run->trace);
		}
		if (run->memchecked)
			memcheck_free(&run->report);
	}
	memset(r, 0, sizeof *r);
}

/* ---- preflight -------------------------------------------------------------------------------- */

/* Whether name is an executable on PATH. */
static bool on_path(const char *name)
{
	const char *path = getenv("PATH");
	char *copy, *save = NULL;
	bool found = false;

	if (!path)
		path = "/usr/bin:/bin";
	copy = xstrdup(path);
	for (char *dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
		char *full = xasprintf("%s/%s", *dir ? dir : ".", name);
		found = access(full, X_OK) == 0;
		free(full);
	}
	free(copy);
	return found;
}

int grade_preflight(const struct lab_def *lab, int step)
{
	unsigned wanted = 0;

	for (size_t i = 0; i < lab->check_count; i++)
		if (step <= 0 || lab->checks[i].step <= step)
			wanted |= lab->checks[i].runs;
	static const struct { const char *tool; unsigned runs; } tools[] = {
		{ "gcc", ~0u },
		{ "strace", RUN_BIT(RUN_NORMAL) | RUN_BIT(RUN_EMPTY) | RUN_BIT(RUN_SHORT) },
		{ "valgrind", RUN_BIT(RUN_MEMCHECK) },
	};
	for (size_t i = 0; i < sizeof tools / sizeof tools[0]; i++)
		if ((tools[i].runs & (wanted | 1u)) && !on_path(tools[i].tool)) {
			fprintf(stderr, "mmaplab: ");
			fprintf(stderr, msg(M_ERR_TOOL_MISSING), tools[i].tool);
			fputc('\n', stderr);
			return -1;
		}
	if (!(wanted & RUN_BIT(RUN_NORMAL)))
		return 0;

	/* ptrace can be forbidden (containers' seccomp profiles, Yama): find out before grading, so
	   that no student is failed for the platform's refusal. */
	char *argv[] = { "strace", "-f", "-qq", "-o", "/dev/null", "--", "true", NULL };
	char *envp[] = { "PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=C", NULL };
	struct run_spec spec = {
		.name = "preflight", .argv = argv, .envp = envp, .cwd = "/",
		.wall_limit = 10, .cpu_limit = 10, .stdout_cap = 4096, .stderr_cap = 4096,
	};
	struct run_result r;
	(void)sandbox_run_all(&spec, &r, 1, 1);
	bool ok = r.started && r.exited && r.exit_code == 0;
	if (!ok) {
		fprintf(stderr, "mmaplab: ");
		fputs(msg(M_ERR_PTRACE), stderr);
		fputc('\n', stderr);
		if (r.err_len)
			fprintf(stderr, "  strace: %s", r.err);
	}
	run_result_free(&r);
	return ok ? 0 : -1;
}
