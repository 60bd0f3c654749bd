/* grade.c - one grading, from sources to judged checks (see grade.h). */
#define _GNU_SOURCE
#include "grade.h"
#include "build.h"
#include "fixture.h"
#include "msg.h"
#include "contain.h"
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

/* What every run of one grading shares: how far it is contained, as which user, what it may not
 * see. */
struct jail {
	enum contain_level level;
	uid_t uid;                /* (uid_t)-1 when the runs keep the grader's user */
	gid_t gid;
	char *user;               /* the name strace -u finds in `passwd` */
	char *passwd, *group;     /* bound over /etc/passwd and /etc/group in traced runs */
	const char *logs;         /* root-only directory of the strace logs */
	const char *scratch;      /* the grading's scratch directory */
	char *hidden[8];
	size_t hidden_count;
};

/* Gives path to the run's user (CONTAIN_ROOT), so that the program may write its own directory
 * and its lab file and nothing else. */
static void give_to_run_user(const struct jail *j, const char *path)
{
	if (j->uid != (uid_t)-1 && chown(path, j->uid, j->gid) == -1)
		die("cannot give %s to the run's user: %s", path, strerror(errno));
}

/* Writes a copy of an /etc file with one more line (the run's user or group). */
static char *etc_copy(const char *scratch, const char *name, const char *line)
{
	char *from = xasprintf("/etc/%s", name), *to = xasprintf("%s/etc-%s", scratch, name);
	char *data = NULL;
	size_t len = 0;
	struct strbuf sb;

	sb_init(&sb);
	if (read_file(from, 4 << 20, &data, &len, NULL) == 0) {
		sb_append(&sb, data, len);
		if (len && data[len - 1] != '\n')
			sb_putc(&sb, '\n');
		free(data);
	}
	sb_puts(&sb, line);
	fixture_write(to, sb.data, sb.len);
	sb_free(&sb);
	free(from);
	return to;
}

/* The repository the grader was built in (the directory above build/ holding harness/), or NULL:
 * its solutions and tests are hidden from the runs. */
static char *repository_root(void)
{
	char *exe = realpath("/proc/self/exe", NULL);

	for (int up = 0; exe && up < 3; up++) {
		char *slash = strrchr(exe, '/');
		if (!slash || slash == exe)
			break;
		*slash = '\0';
		char *probe = xasprintf("%s/harness/grade.c", exe);
		bool found = access(probe, F_OK) == 0;
		free(probe);
		if (found)
			return exe;
	}
	free(exe);
	return NULL;
}

/* Hides dir from the runs unless the scratch directory lies inside it (then hiding it would hide
 * the runs' own directories too). */
static void jail_hide(struct jail *j, const char *dir, const char *scratch)
{
	size_t n;

	if (!dir || !*dir || !strcmp(dir, "/") || j->hidden_count == sizeof j->hidden / sizeof j->hidden[0])
		return;
	n = strlen(dir);
	if (!strncmp(scratch, dir, n) && (scratch[n] == '/' || scratch[n] == '\0'))
		return;
	j->hidden[j->hidden_count++] = xstrdup(dir);
}

static void jail_init(struct jail *j, const struct grade_options *opt, const char *scratch,
                      const char *submission_dir, const char *logs)
{
	memset(j, 0, sizeof *j);
	j->level = contain_level();
	j->uid = (uid_t)-1;
	j->gid = (gid_t)-1;
	j->logs = logs;
	j->scratch = scratch;
	if (j->level == CONTAIN_NONE)
		return;
	if (j->level == CONTAIN_ROOT) {
		j->uid = contain_run_uid();
		j->gid = (gid_t)j->uid;
		j->user = xasprintf("mmaplab%u", (unsigned)j->uid);
		char *line = xasprintf("%s:x:%u:%u:mmaplab run:/nonexistent:/usr/sbin/nologin\n", j->user,
		                       (unsigned)j->uid, (unsigned)j->gid);
		j->passwd = etc_copy(scratch, "passwd", line);
		free(line);
		line = xasprintf("%s:x:%u:\n", j->user, (unsigned)j->gid);
		j->group = etc_copy(scratch, "group", line);
		free(line);
	}
	char *repo = repository_root();
	jail_hide(j, repo, scratch);
	free(repo);
	jail_hide(j, submission_dir, scratch);
	for (size_t i = 0; i < sizeof opt->hide / sizeof opt->hide[0] && opt->hide[i]; i++) {
		char *real = realpath(opt->hide[i], NULL);
		jail_hide(j, real, scratch);
		free(real);
	}
	/* MMAPLAB_HIDE: more directories, separated by ':' (an instructor's hidden tests, a copy of
	   the grader that lives outside its repository). */
	const char *more = getenv("MMAPLAB_HIDE");
	if (more && *more) {
		char *copy = xstrdup(more), *save = NULL;
		for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
			char *real = realpath(dir, NULL);
			jail_hide(j, real, scratch);
			free(real);
		}
		free(copy);
	}
}

static void jail_free(struct jail *j)
{
	free(j->user);
	free(j->passwd);
	free(j->group);
	for (size_t i = 0; i < j->hidden_count; i++)
		free(j->hidden[i]);
}

/* The containment of one run: its own directory writable (and the logs, for strace as root). */
static void jail_confine(const struct jail *j, struct containment *c, const char *dir, bool traced)
{
	memset(c, 0, sizeof *c);
	c->uid = j->uid;
	c->gid = j->gid;
	c->program_is_traced = traced;
	if (traced && j->user) {
		c->passwd_file = j->passwd;
		c->group_file = j->group;
	}
	c->reach = j->scratch;
	c->writable[0] = dir;
	c->writable[1] = traced ? j->logs : NULL;
	for (size_t i = 0; i < j->hidden_count; i++)
		c->hidden[i] = j->hidden[i];
}

/* Everything one run needs to be started; freed after the grading. */
struct planned_run {
	int index;           /* in lab->runs */
	char *log;           /* strace log or Valgrind report, outside the run's directory */
	char *inject;        /* "inject=..." value for strace -e, or NULL */
	char *argv[40];
	char *owned[40];     /* strings of argv this plan allocated */
	size_t owned_count;
	char *envp[8];
	struct containment contain;
	struct run_spec spec;
};

static char *own(struct planned_run *p, char *s)
{
	if (p->owned_count < sizeof p->owned / sizeof p->owned[0])
		p->owned[p->owned_count++] = s;
	return s;
}

/* MMAPLAB_TIME_SCALE multiplies every time limit of the runs (a slow machine may need 2; the tests
 * of hanging programs use less than 1 so that they finish sooner). */
double time_scale(void)
{
	const char *s = getenv("MMAPLAB_TIME_SCALE");
	char *end;
	double v;

	if (!s || !*s)
		return 1.0;
	v = strtod(s, &end);
	return *end || v <= 0.01 || v > 100 ? 1.0 : v;
}

/* The program's arguments with "{file}" and "{seed}" filled in. */
static void add_program_args(struct planned_run *p, size_t *n, const struct run_def *def,
                             const struct lab_def *lab, uint64_t seed)
{
	static const char *const just_the_file[] = { "{file}", NULL };
	const char *const *args = def->args ? def->args : just_the_file;

	for (size_t i = 0; args[i] && *n + 2 < sizeof p->argv / sizeof p->argv[0]; i++) {
		if (!strcmp(args[i], "{file}"))
			p->argv[(*n)++] = (char *)lab->lab_file;
		else if (!strcmp(args[i], "{seed}"))
			p->argv[(*n)++] = own(p, xasprintf("%llu", (unsigned long long)seed));
		else
			p->argv[(*n)++] = (char *)args[i];
	}
}

/* Prepares the run's directory with its lab file and its command line. */
static void plan_run(struct planned_run *p, struct evidence *ev, int index, const char *scratch,
                     const char *program, const char *logs, const struct jail *jail)
{
	struct run_evidence *run = &ev->runs[index];
	const struct lab_def *lab = ev->lab;
	const struct run_def *def = &lab->runs[index];
	char *name = xasprintf("run-%s", def->name);
	size_t n = 0;

	p->index = index;
	run->def = def;
	run->performed = true;
	run->dir = scratch_subdir(scratch, name);
	free(name);
	char *real = realpath(run->dir, NULL);
	if (!real)
		die_errno("realpath");
	run->lab_path = xasprintf("%s/%s", real, lab->lab_file);
	free(real);
	give_to_run_user(jail, run->dir);
	if (def->fixture != FIXTURE_NONE) {
		fixture_make(def->fixture, ev->seed, ev->page_size, &run->before, &run->before_len);
		fixture_write(run->lab_path, run->before, run->before_len);
		give_to_run_user(jail, run->lab_path);
	}
	p->log = xasprintf("%s/%s.log", logs, def->name);
	if (def->tool == TOOL_STRACE) {
		run->traced = true;
		p->argv[n++] = "strace";
		p->argv[n++] = "-f";
		p->argv[n++] = "-y";
		p->argv[n++] = "-qq";
		p->argv[n++] = "-o";
		p->argv[n++] = p->log;
		if (jail->user) {
			/* strace stays root, out of the program's reach; the program runs as the user. */
			p->argv[n++] = "-u";
			p->argv[n++] = jail->user;
		}
		if (p->inject) {
			p->argv[n++] = "-e";
			p->argv[n++] = p->inject;
		}
		p->argv[n++] = "--";
	} else if (def->tool == TOOL_MEMCHECK) {
		run->memchecked = true;
		p->argv[n++] = "valgrind";
		p->argv[n++] = "--tool=memcheck";
		p->argv[n++] = "--leak-check=full";
		p->argv[n++] = "--show-leak-kinds=definite,indirect";
		p->argv[n++] = "--errors-for-leak-kinds=definite,indirect";
		p->argv[n++] = "--track-fds=yes";
		p->argv[n++] = "--num-callers=12";
		/* A pipe, not a file: the program runs in Valgrind's process and could rewrite a file,
		   but it can only add to a pipe, before Valgrind's own summary. */
		p->argv[n++] = "--log-fd=3";
	}
	p->argv[n++] = (char *)program;
	add_program_args(p, &n, def, lab, ev->seed);
	p->argv[n] = NULL;
	p->envp[0] = "PATH=/usr/local/bin:/usr/bin:/bin";
	p->envp[1] = "LC_ALL=C";
	p->envp[2] = own(p, xasprintf("HOME=%s", run->dir));
	p->envp[3] = own(p, xasprintf("TMPDIR=%s", run->dir));
	p->envp[4] = NULL;
	bool memcheck = def->tool == TOOL_MEMCHECK;
	double limit = (memcheck ? lab->memcheck_seconds : lab->run_seconds) * time_scale();
	p->spec = (struct run_spec){
		.name = def->name,
		.argv = p->argv,
		.envp = p->envp,
		.cwd = run->dir,
		.wall_limit = limit,
		.cpu_limit = (unsigned)(limit + 0.999),
		/* Valgrind needs address space of its own beside the program's: more, but a bound, so
		   that a 20 GiB malloc fails instead of filling the machine's memory. */
		.as_limit = memcheck ? 8ULL << 30 : 4ULL << 30,
		.fsize_limit = 64ULL << 20,
		.stdout_cap = 8 << 20,
		.stderr_cap = 1 << 20,
		.capture_fd3 = memcheck,
		.log_cap = 8 << 20,
	};
	if (jail->level != CONTAIN_NONE) {
		jail_confine(jail, &p->contain, run->dir, def->tool == TOOL_STRACE);
		p->spec.contain = &p->contain;
	}
}

static void free_plan(struct planned_run *p)
{
	for (size_t i = 0; i < p->owned_count; i++)
		free(p->owned[i]);
	free(p->log);
	free(p->inject);
}

/* Reads what a finished run left: the lab file, the trace, the Valgrind report. */
static void collect_run(struct evidence *ev, const struct planned_run *p, const struct run_result *res)
{
	struct run_evidence *run = &ev->runs[p->index];
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
	if (run->memchecked) {
		memcheck_parse(res->log ? res->log : "", res->log_len, &run->report);
		/* Kept for --keep and for reading by hand. */
		fixture_write(p->log, res->log ? res->log : "", res->log_len);
	}
	/* strace as PID 1 of its namespace cannot die of the program's signal as strace otherwise
	   does: the trace says how the program ended. */
	if (run->traced && run->view.fatal_signal && !run->res.timed_out && !run->res.output_capped) {
		int sig = signal_number(run->view.fatal_signal->signal_name);
		if (sig > 0) {
			run->res.signaled = true;
			run->res.exited = false;
			run->res.term_signal = sig;
		}
	}
	ev->orphans += res->leftovers;
}

/* The call of the aim run that an injection run makes fail: the lab file's first mapping for mmap,
 * the first msync of the mapping for msync, else the first call of that name on the lab file. */
static const struct trace_event *injection_target(const struct run_evidence *aim, const char *name)
{
	const struct lab_view *v = &aim->view;

	if (!strcmp(name, "mmap"))
		return v->map_count > 0 ? v->maps[0].call : NULL;
	if (!strcmp(name, "msync")) {
		const struct lab_map *m = lab_view_main_map(v);
		for (size_t i = 0; m && i < v->msync_count; i++)
			if (v->msyncs[i]->seq > m->call->seq)
				return v->msyncs[i];
		return NULL;
	}
	for (size_t i = 0; i < aim->trace.count; i++) {
		const struct trace_event *e = &aim->trace.events[i];

		if (e->kind != TRACE_CALL || !e->name || strcmp(e->name, name))
			continue;
		for (size_t a = 0; a < e->nargs; a++)
			if (e->args[a].fd_path && !strcmp(e->args[a].fd_path, aim->lab_path))
				return e;
	}
	return NULL;
}

/* strace's -e inject value that fails the target call of def, or NULL when the aim run made none. */
static char *plan_injection(const struct evidence *ev, const struct run_def *def)
{
	const struct run_evidence *aim = &ev->runs[def->aim_run];
	const struct trace_event *target = aim->traced ? injection_target(aim, def->inject_call) : NULL;

	/* strace counts calls per process: only the main process's call can be aimed at. */
	if (!target || target->pid != aim->view.main_pid)
		return NULL;
	size_t when = trace_call_ordinal(&aim->trace, target);
	return when ? xasprintf("inject=%s:error=%s:when=%zu", target->name, def->inject_error, when) : NULL;
}

/* Whether the injection run failed the lab file's call (and not some other one of that name). */
static bool injection_hit(const struct run_evidence *run)
{
	const struct trace_event *target = injection_target(run, run->def->inject_call);

	return target && target->injected;
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
	struct run_spec specs[RUN_MAX];
	struct run_result results[RUN_MAX];

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
		enum run_tool tool = out->lab->runs[plans[i].index].tool;
		if (tool == TOOL_MEMCHECK)
			out->timing.memcheck += t;
		else if (tool == TOOL_STRACE)
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
	/* A size- and inode-capped tmpfs, private to the grader: a program that fills its disk fills
	   only this. (Not with --keep: it would vanish with the grader.) */
	if (contain_level() != CONTAIN_NONE && !opt->keep)
		(void)contain_mount_scratch(scratch, 256, 20000);
	if (chmod(scratch, 0711) == -1)
		die_errno("chmod(scratch)");
	char *bin_dir = scratch_subdir(scratch, "build");
	char *src_dir = scratch_subdir(scratch, "src");
	char *logs = scratch_subdir(scratch, "logs");
	if (chmod(logs, 0700) == -1)
		die_errno("chmod(logs)");
	char *program = xasprintf("%s/prog", bin_dir);
	struct jail jail;
	struct sources copies;
	struct containment compile_contain;

	jail_init(&jail, opt, scratch, src.include_dir, logs);
	sources_copy(&src, src_dir, &copies);
	sources_free(&src);
	ev->sources = xcalloc(copies.count, sizeof *ev->sources);
	for (size_t i = 0; i < copies.count; i++)
		ev->sources[ev->source_count++] = xstrdup(strrchr(copies.files[i], '/') + 1);
	give_to_run_user(&jail, bin_dir);
	jail_confine(&jail, &compile_contain, bin_dir, false);
	ev->built = build_program(&copies, program, bin_dir,
	                          jail.level != CONTAIN_NONE ? &compile_contain : NULL,
	                          &ev->compiler_output, &ev->compile_timed_out, &out->timing.compile);
	sources_free(&copies);
	out->isolation = contain_level_name(jail.level);

	/* The runs the selected checks read. */
	unsigned wanted = 0;
	for (size_t i = 0; i < lab->check_count; i++)
		if (selected(opt, &lab->checks[i]))
			wanted |= lab->checks[i].runs;
	/* An injection run needs the run it aims from. */
	for (size_t i = 0; i < lab->run_count; i++)
		if ((wanted & RUN_BIT(i)) && lab->runs[i].inject_call)
			wanted |= RUN_BIT(lab->runs[i].aim_run);
	if (!ev->built || sandbox_interrupted())
		wanted = 0;

	struct planned_run plans[RUN_MAX];
	size_t np = 0;
	memset(plans, 0, sizeof plans);
	/* Phase 1: every run that needs nothing from another. Valgrind, the slowest, goes first so that
	   the others overlap with it. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < lab->run_count; i++) {
			const struct run_def *def = &lab->runs[i];
			bool memcheck_pass = pass == 0;

			if (!(wanted & RUN_BIT(i)) || def->inject_call || (def->tool == TOOL_MEMCHECK) != memcheck_pass)
				continue;
			plan_run(&plans[np++], ev, (int)i, scratch, program, logs, &jail);
		}
	run_phase(out, plans, np, opt->jobs);

	/* Phase 2: the injections, aimed at the calls their aim run made. */
	size_t np2 = np;
	for (size_t i = 0; i < lab->run_count && !out->interrupted; i++) {
		const struct run_def *def = &lab->runs[i];
		char *inject;

		if (!(wanted & RUN_BIT(i)) || !def->inject_call)
			continue;
		inject = plan_injection(ev, def);
		if (!inject)
			continue;
		ev->runs[i].inject_planned = true;
		plans[np2].inject = inject;
		plan_run(&plans[np2], ev, (int)i, scratch, program, logs, &jail);
		np2++;
	}
	run_phase(out, plans + np, np2 - np, opt->jobs);
	for (size_t i = np; i < np2; i++)
		ev->runs[plans[i].index].inject_hit = injection_hit(&ev->runs[plans[i].index]);
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
	jail_free(&jail);
	free(program);
	free(bin_dir);
	free(src_dir);
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
	for (size_t i = 0; i < ev->source_count; i++)
		free(ev->sources[i]);
	free(ev->sources);
	for (int k = 0; k < RUN_MAX; k++) {
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
	bool need_strace = false, need_valgrind = false;
	for (size_t i = 0; i < lab->run_count; i++)
		if (wanted & RUN_BIT(i)) {
			need_strace |= lab->runs[i].tool == TOOL_STRACE;
			need_valgrind |= lab->runs[i].tool == TOOL_MEMCHECK;
		}
	const struct { const char *tool; bool needed; } tools[] = {
		{ "gcc", true }, { "strace", need_strace }, { "valgrind", need_valgrind },
	};
	for (size_t i = 0; i < sizeof tools / sizeof tools[0]; i++)
		if (tools[i].needed && !on_path(tools[i].tool)) {
			fprintf(stderr, "mmaplab: ");
			fprintf(stderr, msg(M_ERR_TOOL_MISSING), tools[i].tool);
			fputc('\n', stderr);
			return -1;
		}
	if (!need_strace)
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
