/* runs.c - see runs.h. */
#define _GNU_SOURCE
#include "runs.h"
#include "fixture.h"
#include "scratch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

/* Everything one run needs to be started; freed when the runs are done. */
struct planned_run {
	int index;           /* in lab->runs */
	char *log;           /* strace log or Valgrind report, outside the run's directory */
	char *log_dir;       /* a strace run's own log directory, or NULL */
	char *inject;        /* "inject=..." value for strace -e, or NULL */
	bool inject_by_path; /* strace -P the lab file: the injection counts only calls on it */
	bool inject_unreachable; /* the aim's call was made, but strace cannot single it out */
	char *argv[40];
	char *owned[40];     /* strings of argv this plan allocated */
	size_t owned_count;
	char *envp[8];
	struct containment contain;
	struct run_spec spec;
	struct run_result result;
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

/* The tool's part of the command line: strace or Valgrind with their options. */
static size_t add_tool_args(struct planned_run *p, const struct run_def *def, const struct jail *jail,
                            char *lab_path)
{
	size_t n = 0;

	if (def->tool == TOOL_STRACE) {
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
		if (p->inject_by_path) {
			p->argv[n++] = "-P";
			p->argv[n++] = lab_path;
		}
		p->argv[n++] = "--";
	} else if (def->tool == TOOL_MEMCHECK) {
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
	return n;
}

/* Prepares the run's capped directory with its lab file, and its command line with a wall-clock
 * limit of `limit` seconds. */
static void plan_run(struct planned_run *p, struct workspace *ws, struct evidence *ev, int index,
                     double limit)
{
	struct run_evidence *run = &ev->runs[index];
	const struct lab_def *lab = ev->lab;
	const struct run_def *def = &lab->runs[index];
	char *name = xasprintf("run-%s", def->name);

	p->index = index;
	run->def = def;
	run->performed = true;
	run->dir = scratch_subdir(ws->scratch, name);
	free(name);
	if (def->fixture != FIXTURE_NONE)
		fixture_make(def->fixture, ev->seed, ev->page_size, &run->before, &run->before_len);
	/* Room for one file as large as RLIMIT_FSIZE beside the lab file. */
	run->disk_cap_mib = RUN_DISK_MIB + (run->before_len + (1 << 20) - 1) / (1 << 20);
	run->inode_cap = RUN_INODES;
	run->capped = jail_cap(&ws->jail, run->dir, run->disk_cap_mib, run->inode_cap);
	char *real = realpath(run->dir, NULL);
	if (!real)
		die_errno("realpath");
	run->lab_path = xasprintf("%s/%s", real, lab->lab_file);
	free(real);
	jail_give(&ws->jail, run->dir);
	if (def->fixture != FIXTURE_NONE) {
		fixture_write(run->lab_path, run->before, run->before_len);
		jail_give(&ws->jail, run->lab_path);
	}
	run->traced = def->tool == TOOL_STRACE;
	if (run->traced) {
		/* strace writes its log as root into a directory of its own: at level namespaces the
		   program runs as the same user and could write there too, so the worst it can do is
		   spoil its own run's log. */
		p->log_dir = xasprintf("%s/%s", ws->logs, def->name);
		if (mkdir(p->log_dir, 0700) == -1)
			die("cannot make %s: %s", p->log_dir, strerror(errno));
		(void)jail_cap(&ws->jail, p->log_dir, (RUN_FILE_LIMIT >> 20) + 1, 16);
		if (chmod(p->log_dir, 0700) == -1)
			die_errno("chmod(log directory)");
		p->log = xasprintf("%s/strace.log", p->log_dir);
	} else {
		p->log = xasprintf("%s/%s.log", ws->logs, def->name);
	}
	run->memchecked = def->tool == TOOL_MEMCHECK;
	size_t n = add_tool_args(p, def, &ws->jail, run->lab_path);
	p->argv[n++] = ws->program;
	add_program_args(p, &n, def, lab, ev->seed);
	p->argv[n] = NULL;
	p->envp[0] = "PATH=/usr/local/bin:/usr/bin:/bin";
	p->envp[1] = "LC_ALL=C";
	p->envp[2] = own(p, xasprintf("HOME=%s", run->dir));
	p->envp[3] = own(p, xasprintf("TMPDIR=%s", run->dir));
	p->envp[4] = NULL;
	bool memcheck = def->tool == TOOL_MEMCHECK;
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
		.fsize_limit = RUN_FILE_LIMIT,
		.stdout_cap = 8 << 20,
		.stderr_cap = 1 << 20,
		.capture_fd3 = memcheck,
		.log_cap = LOG_CAP_MIB << 20,
	};
	if (ws->jail.level != CONTAIN_NONE) {
		jail_confine(&ws->jail, &p->contain, run->dir, p->log_dir);
		p->spec.contain = &p->contain;
	}
}

static void free_plan(struct planned_run *p)
{
	for (size_t i = 0; i < p->owned_count; i++)
		free(p->owned[i]);
	free(p->log);
	free(p->log_dir);
	free(p->inject);
}

/* Whether the run used up its directory's bytes or files (only a capped directory can say). */
static void measure_space(struct run_evidence *run)
{
	struct statvfs st;

	if (!run->capped || statvfs(run->dir, &st) == -1)
		return;
	/* A write that failed for want of space leaves less than it tried to write; 64 KiB is less
	   than any write that would matter and more than tmpfs's rounding. */
	run->disk_full = (unsigned long long)st.f_bavail * st.f_frsize < (64ULL << 10);
	/* Valgrind removes its own few temporary files when it ends: nearly none left is full. */
	run->inodes_full = st.f_favail < 16;
}

/* Reads what a finished run left: the lab file, the trace, the Valgrind report. Then frees its
 * directory's space (a capped directory is unmounted; --keep keeps the directory). */
static void collect_run(struct evidence *ev, struct planned_run *p)
{
	struct run_evidence *run = &ev->runs[p->index];
	const struct run_result *res = &p->result;
	bool truncated;

	run->res = *res;
	measure_space(run);
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
	if (run->capped && remove_tree(run->dir) == -1 && errno != ENOENT)
		fprintf(stderr, "mmaplab: %s: %s\n", run->dir, strerror(errno));
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

/* strace's -e inject value that fails the target call of def in whichever process or thread made
 * it, or NULL when the aim run made none (*unreachable: it made one that strace cannot single out).
 *
 * strace 6.1 counts when=N per tracee and fires in every tracee at its N-th such call: the aim is
 * safe when no other tracee made N. With -P (*by_path) it counts only the calls on the lab file,
 * which reaches an mmap of it in a thread or a child; msync names no file, so -P never matches it. */
static char *plan_injection(const struct run_evidence *aim, const struct run_def *def, bool *by_path,
                            bool *unreachable)
{
	const struct trace_event *target = aim->traced ? injection_target(aim, def->inject_call) : NULL;

	*by_path = *unreachable = false;
	if (!target)
		return NULL;
	size_t when = trace_call_ordinal(&aim->trace, target, NULL);
	if (when && trace_most_calls_elsewhere(&aim->trace, target->name, target->pid, NULL) < when)
		return xasprintf("inject=%s:error=%s:when=%zu", target->name, def->inject_error, when);
	when = trace_call_ordinal(&aim->trace, target, aim->lab_path);
	if (when && trace_most_calls_elsewhere(&aim->trace, target->name, target->pid, aim->lab_path) < when) {
		*by_path = true;
		return xasprintf("inject=%s:error=%s:when=%zu", target->name, def->inject_error, when);
	}
	*unreachable = true;
	return NULL;
}

/* Whether the injection run failed the lab file's call (and not some other one of that name). */
static bool injection_hit(const struct run_evidence *run)
{
	const struct trace_event *target = injection_target(run, run->def->inject_call);

	return target && target->injected;
}

/* The index of the run def follows, or -1; a name that is not a run of the lab is a broken table. */
static int followed(const struct lab_def *lab, const struct run_def *def)
{
	if (!def->follows)
		return -1;
	int f = lab_run_index(lab, def->follows);
	if (f < 0) {
		fprintf(stderr, "mmaplab: lab %s: run %s follows unknown run %s\n", lab->name, def->name,
		        def->follows);
		abort();
	}
	return f;
}

unsigned runs_wanted(const struct lab_def *lab, int step)
{
	unsigned wanted = 0;

	for (size_t i = 0; i < lab->check_count; i++)
		if (step <= 0 || lab->checks[i].step <= step)
			wanted |= lab->checks[i].runs;
	/* A run needs the run it follows; follows never form a cycle, so one pass per level. */
	for (size_t pass = 0; pass < lab->run_count; pass++)
		for (size_t i = 0; i < lab->run_count; i++) {
			int f = followed(lab, &lab->runs[i]);
			if ((wanted & RUN_BIT(i)) && f >= 0)
				wanted |= RUN_BIT(f);
		}
	return wanted;
}

/* The wall-clock limit of a run, or a negative number when it is not needed (see runs.h). An
 * injection run whose aim made no such call is not needed either. */
static double run_limit(const struct evidence *ev, int index, struct planned_run *p)
{
	const struct lab_def *lab = ev->lab;
	const struct run_def *def = &lab->runs[index];
	int f = followed(lab, def);
	const struct run_evidence *before = f >= 0 ? &ev->runs[f] : NULL;

	if (def->inject_fixed) {
		p->inject = xasprintf("inject=%s", def->inject_fixed);
		return lab->run_seconds * time_scale();
	}
	if (def->inject_call) {
		p->inject = before ? plan_injection(before, def, &p->inject_by_path, &p->inject_unreachable) : NULL;
		return p->inject ? lab->run_seconds * time_scale() : -1;
	}
	if (def->tool != TOOL_MEMCHECK)
		return lab->run_seconds * time_scale();
	if (!before)
		return lab->memcheck_seconds * time_scale();
	if (before->res.timed_out || before->res.output_capped)
		return -1;
	double limit = MEMCHECK_CPU_FACTOR * before->res.cpu_seconds;
	if (limit < MEMCHECK_FLOOR_SECONDS)
		limit = MEMCHECK_FLOOR_SECONDS;
	if (limit > lab->memcheck_seconds)
		limit = lab->memcheck_seconds;
	return limit * time_scale();
}

enum run_state { RUN_WAITING, RUN_STARTED, RUN_ENDED };

bool runs_perform(struct workspace *ws, struct evidence *ev, unsigned wanted, double timing[3])
{
	const struct lab_def *lab = ev->lab;
	struct planned_run *plans = xcalloc(lab->run_count, sizeof *plans);
	enum run_state state[RUN_MAX] = { 0 };
	int by_start[RUN_MAX];
	struct sandbox_set *set = sandbox_set_new();

	for (;;) {
		/* Start every run whose followed run has ended; a run found not needed ends at once, and
		   a run that follows it is then looked at again. */
		for (bool again = true; again;) {
			again = false;
			for (size_t i = 0; i < lab->run_count; i++) {
				int f = followed(lab, &lab->runs[i]);

				if (!(wanted & RUN_BIT(i)) || state[i] != RUN_WAITING ||
				    (f >= 0 && state[f] != RUN_ENDED))
					continue;
				double limit = run_limit(ev, (int)i, &plans[i]);
				if (limit < 0) {
					/* Not needed: the evidence says so (def set, not performed). */
					ev->runs[i].def = &lab->runs[i];
					ev->runs[i].cancelled = lab->runs[i].tool == TOOL_MEMCHECK;
					ev->runs[i].inject_unreachable = plans[i].inject_unreachable;
					state[i] = RUN_ENDED;
					again = true;
					continue;
				}
				plan_run(&plans[i], ws, ev, (int)i, limit);
				ev->runs[i].inject_planned = plans[i].inject != NULL;
				by_start[sandbox_start(set, &plans[i].spec, &plans[i].result)] = (int)i;
				state[i] = RUN_STARTED;
			}
		}
		long k = sandbox_wait(set);
		if (k < 0)
			break;
		int i = by_start[k];
		collect_run(ev, &plans[i]);
		if (plans[i].inject && lab->runs[i].inject_call)
			ev->runs[i].inject_hit = injection_hit(&ev->runs[i]);
		double t = ev->runs[i].res.wall_seconds;
		timing[lab->runs[i].tool == TOOL_STRACE ? 0 : lab->runs[i].tool == TOOL_MEMCHECK ? 1 : 2] += t;
		state[i] = RUN_ENDED;
	}
	int orphans = sandbox_set_free(set);
	if (orphans > 0)
		ev->stray += orphans;
	for (size_t i = 0; i < lab->run_count; i++)
		free_plan(&plans[i]);
	free(plans);
	return orphans >= 0;
}
