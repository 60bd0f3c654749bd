/* lab_share_map.c - lab 4: two processes, one mapping. The program `share_map [FILE]` maps the file
 * MAP_SHARED, forks a child that writes "hello from child" into the mapping and reads it back in
 * the parent; maps the file again MAP_PRIVATE and forks a child whose write stays its own
 * (copy-on-write); maps anonymous shared memory through which a third child returns the file's
 * newline count. Standard output holds five lines (see expected lines below).
 *
 * What the trace shows and what it cannot: process creation (clone/clone3/fork/vfork and their
 * flags), mappings and who made them, waits, writes by system call, exit_group and how each
 * process ended. A store into memory is no system call: who wrote the shared bytes is judged from
 * the file in a run where the first child is killed at its exit_group (a child that wrote has
 * written by then; a parent that writes after the wait is killed first, see judge_shared_write).
 *
 * Processes the rules of this lab need beyond the trace view of rules.c (births, waits, exit_group
 * per pid, anonymous mappings) are scanned here from struct trace. Output is judged from the
 * untraced run: under Valgrind glibc flushes stdio at every exit, _exit included, which hides the
 * lost and doubled lines this lab teaches about. Points, steps and time limits are set in the
 * tables at the end of this file. */
#define _GNU_SOURCE /* memmem */
#include "judges.h"
#include "text.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAYLOAD_LEN 16
static const char greeting[] = "hello from child";
static const char private_edit[] = "private edit 123";

/* The five lines' labels, in order. The three in the middle carry 16 bytes of a mapping each. */
enum line { LINE_SIZE, LINE_PARENT, LINE_CHILD, LINE_STILL, LINE_COUNT, LINES };
static const char *const labels[LINES] = {
	[LINE_SIZE] = "File size is ", [LINE_PARENT] = "parent sees: ", [LINE_CHILD] = "child sees: ",
	[LINE_STILL] = "parent still sees: ", [LINE_COUNT] = "child counted ",
};

enum sm_run {
	SM_NORMAL, SM_PLAIN, SM_MEMCHECK, SM_KILL, SM_MISSING, SM_INJECT_MMAP, SM_INJECT_FORK, SM_KILL_PARENT,
	SM_RUN_COUNT
};

static const char *const file_arg[] = { "{file}", NULL };

static const struct run_def runs[SM_RUN_COUNT] = {
	[SM_NORMAL] = { .name = "normal", .tool = TOOL_STRACE, .fixture = FIXTURE_TEXT_NL16, .judged_by = "run" },
	[SM_PLAIN] = { .name = "plain", .tool = TOOL_PLAIN, .fixture = FIXTURE_TEXT_NL16, .judged_by = "run" },
	[SM_MEMCHECK] = { .name = "memcheck", .tool = TOOL_MEMCHECK, .fixture = FIXTURE_TEXT_NL16,
	                  .follows = "normal", .judged_by = "valgrind" },
	/* Every process dies of SIGKILL at its first exit_group: the first child after its work, the
	   parent when it gives up. Every program ends this run killed; wait judges the parent. */
	[SM_KILL] = { .name = "kill-child", .tool = TOOL_STRACE, .fixture = FIXTURE_TEXT_NL16,
	              .inject_fixed = "exit_group:signal=SIGKILL:when=1", .judged_by = "wait" },
	[SM_MISSING] = { .name = "missing", .tool = TOOL_PLAIN, .fixture = FIXTURE_NONE, .judged_by = "error-open",
	                 .case_name = M_CASE_MISSING },
	[SM_INJECT_MMAP] = { .name = "inject-mmap", .tool = TOOL_STRACE, .fixture = FIXTURE_TEXT_NL16,
	                     .args = file_arg, .inject_call = "mmap", .inject_error = "ENOMEM",
	                     .follows = "normal", .judged_by = "error-mmap" },
	/* The first call of each name that makes a process fails; a program makes its first child with
	   one of them. "?" lets strace accept a name this architecture lacks (fork, vfork on arm64). */
	[SM_INJECT_FORK] = { .name = "inject-fork", .tool = TOOL_STRACE, .fixture = FIXTURE_TEXT_NL16,
	                     .args = file_arg, .inject_fixed = "clone,clone3,?vfork,?fork:error=EAGAIN:when=1",
	                     .judged_by = "error-fork" },
	/* Every process dies of SIGKILL at its first wait: the parent at the wait for its first child,
	   which goes on and does its work. A greeting the parent would copy in after that wait never
	   reaches the file (see judge_shared_write). */
	[SM_KILL_PARENT] = { .name = "kill-parent", .tool = TOOL_STRACE, .fixture = FIXTURE_TEXT_NL16,
	                     .inject_fixed = "wait4,waitid,?waitpid:signal=SIGKILL:when=1", .judged_by = "shared-write" },
};

/* ---- reading the trace ------------------------------------------------------------------------ */

static bool is_call(const struct trace_event *e, const char *name)
{
	return e->kind == TRACE_CALL && e->name && !strcmp(e->name, name);
}


static bool is_wait(const struct trace_event *e)
{
	return is_call(e, "wait4") || is_call(e, "waitid") || is_call(e, "waitpid");
}

static bool is_exit_group(const struct trace_event *e)
{
	return is_call(e, "exit_group");
}

/* Whether the call makes a process that shares its parent's memory: vfork, or clone/clone3 with
 * CLONE_VM (a thread, or posix_spawn's child until it runs another program). */
static bool shares_memory(const struct trace_event *e)
{
	return is_call(e, "vfork") || call_has_flag(e, "CLONE_VM");
}

static bool succeeded(const struct trace_event *e)
{
	return e->ret_known && e->ret >= 0 && !e->err_name;
}

#define BIRTHS_MAX 8

/* The main process's calls that made a process (up to BIRTHS_MAX, in order), or tried to when
 * with_failed. Returns how many. */
static size_t main_births(const struct run_evidence *run, const struct trace_event **out, bool with_failed)
{
	size_t n = 0;

	for (size_t i = 0; run->traced && i < run->trace.count && n < BIRTHS_MAX; i++) {
		const struct trace_event *e = &run->trace.events[i];

		if (e->pid == run->view.main_pid && trace_call_makes_process(e) && (with_failed || (succeeded(e) && e->ret > 0)))
			out[n++] = e;
	}
	return n;
}

/* The first call of the main process after `after` (a seq) that matches, or NULL. */
static const struct trace_event *main_call_after(const struct run_evidence *run, size_t after,
                                                 bool (*match)(const struct trace_event *))
{
	for (size_t i = 0; i < run->trace.count; i++) {
		const struct trace_event *e = &run->trace.events[i];

		if (e->pid == run->view.main_pid && e->seq > after && match(e))
			return e;
	}
	return NULL;
}

/* The index (0 for the first) of the first child the main process did not wait for (no wait call
 * after its birth and before the next birth), or -1 when it waited for every child. Without a wait,
 * what the parent prints and when that child ends is a race: only wait judges that, the checks that
 * would read the race skip. */
static int first_unwaited(const struct run_evidence *run)
{
	const struct trace_event *b[BIRTHS_MAX];
	size_t n = main_births(run, b, false);

	for (size_t k = 0; k < n; k++) {
		const struct trace_event *w = main_call_after(run, b[k]->seq, is_wait);
		if (!w || (k + 1 < n && w->seq > b[k + 1]->seq))
			return (int)k;
	}
	return -1;
}

static bool parent_waits(const struct run_evidence *run)
{
	return first_unwaited(run) < 0;
}

/* How the process pid ended in the run: true with *sig set (killed by a signal) or *status set
 * (exited), false when the trace does not say. */
static bool process_end(const struct run_evidence *run, int pid, const char **sig, int *status)
{
	bool found = false;

	for (size_t i = 0; i < run->trace.count; i++) {
		const struct trace_event *e = &run->trace.events[i];

		if (e->pid != pid)
			continue;
		if (e->kind == TRACE_KILLED) {
			*sig = e->signal_name ? e->signal_name : "?";
			return true;
		}
		if (e->kind == TRACE_EXIT) {
			*status = e->exit_status;
			return true;
		}
		long long code;
		if (is_exit_group(e) && e->nargs > 0 && trace_arg_number(&e->args[0], &code)) {
			/* killed at its exit_group, or exiting: a later +++ line decides */
			*status = (int)code;
			found = true;
		}
	}
	return found;
}

/* A failed mmap of the main process with MAP_ANONYMOUS after its second child, or NULL. */
static const struct trace_event *failed_anon(const struct run_evidence *run)
{
	const struct trace_event *b[BIRTHS_MAX];

	if (main_births(run, b, false) < 2)
		return NULL;
	for (size_t i = 0; i < run->trace.count; i++) {
		const struct trace_event *e = &run->trace.events[i];

		if (e->pid == run->view.main_pid && e->seq > b[1]->seq && (is_call(e, "mmap") || is_call(e, "mmap2")) &&
		    e->nargs >= 4 && !succeeded(e) && trace_flag_has(e->args[3].text, "MAP_ANONYMOUS"))
			return e;
	}
	return NULL;
}

/* Where the parent stopped early in the run, and whose bug that is. One bug, one check: a child
 * killed by a signal belongs to its step's check (shared-write, private, anon: the child only
 * writes into that step's mapping), a child that exited non-zero to run, a failed anonymous
 * mapping to anon. The parent stopped when it ended with a non-zero status after reporting on
 * stderr; one that goes on after a failed child is wait's (it ignored the status). */
struct early_stop {
	int step;                       /* 2..4, the step of the cause; 0: the parent did not stop early */
	const char *owner;              /* the check that owns the cause */
	const struct trace_event *call; /* the birth of the child, or the failed call */
	const char *sig;                /* the child's signal, or NULL */
	int status;                     /* the child's exit status */
	int child;                      /* which child, from 1 */
};

static struct early_stop early_stop(const struct run_evidence *run)
{
	static const char *const step_check[] = { "shared-write", "private", "anon" };
	const struct trace_event *b[BIRTHS_MAX];
	struct early_stop st = { 0 };
	size_t n = main_births(run, b, false);

	if (!run->traced || run_ended_abnormally(run) || run->res.exit_code == 0 || run->res.err_len == 0)
		return st;
	for (size_t k = 0; k < n; k++) {
		const char *sig = NULL;
		int status = 0;

		if (!process_end(run, (int)b[k]->ret, &sig, &status) || (!sig && status == 0))
			continue;
		st = (struct early_stop){ .step = (int)k + 2, .call = b[k], .sig = sig, .status = status, .child = (int)k + 1 };
		st.owner = sig && k < 3 ? step_check[k] : "run";
		return st;
	}
	const struct trace_event *anon = failed_anon(run);
	if (anon && n == 2)
		st = (struct early_stop){ .step = 4, .owner = "anon", .call = anon };
	return st;
}

/* Skips the check and returns true when the parent stopped early at a step before it (or at its
 * step, for a cause another check owns). */
static bool skip_if_stopped(const struct run_evidence *run, int step, const char *id, struct check_result *res)
{
	struct early_stop st = early_stop(run);

	if (!st.step || st.step > step || !strcmp(st.owner, id))
		return false;
	check_skip(res, M_SM_SKIP_STOPPED, st.owner);
	evidence_call(res, st.call);
	evidence_run_end(res, run);
	return true;
}

/* Fails the check and returns true when the child of its step died of a signal (early_stop). */
static bool fail_if_child_killed(const struct run_evidence *run, const char *id, struct check_result *res)
{
	struct early_stop st = early_stop(run);

	if (!st.step || !st.sig || strcmp(st.owner, id) != 0)
		return false;
	check_fail(res, M_SM_CHILD_KILLED, st.sig);
	evidence_call(res, st.call);
	evidence_run_end(res, run);
	return true;
}

static bool is_shared(const char *flags)
{
	return trace_flag_has(flags, "MAP_SHARED") || trace_flag_has(flags, "MAP_SHARED_VALIDATE");
}

/* The parent's second successful mapping of the lab file (step 3's), or NULL. */
static const struct lab_map *second_main_map(const struct run_evidence *run)
{
	const struct lab_view *v = &run->view;
	int seen = 0;

	for (size_t i = 0; i < v->map_count; i++)
		if (v->maps[i].ok && v->maps[i].call->pid == v->main_pid && ++seen == 2)
			return &v->maps[i];
	return NULL;
}

/* The parent's anonymous mapping between its second and third child, as a lab_map (call, addr,
 * length, flags); false when there is none. Found by where it sits: the dynamic linker and glibc
 * make anonymous mappings of their own, before main and at any malloc. A MAP_SHARED one is
 * preferred when there are several. */
static bool find_anon(const struct run_evidence *run, struct lab_map *out)
{
	const struct trace_event *b[BIRTHS_MAX];
	size_t n = main_births(run, b, false);
	bool found = false;

	if (n < 3)
		return false;
	for (size_t i = 0; i < run->trace.count; i++) {
		const struct trace_event *e = &run->trace.events[i];
		unsigned long long len = 0;
		long long value;

		if (e->pid != run->view.main_pid || e->seq <= b[1]->seq || e->seq >= b[2]->seq ||
		    !(is_call(e, "mmap") || is_call(e, "mmap2")) || e->nargs < 6 || !succeeded(e) ||
		    !trace_flag_has(e->args[3].text, "MAP_ANONYMOUS"))
			continue;
		if (found && is_shared(out->flags))
			continue;
		if (trace_arg_number(&e->args[1], &value))
			len = (unsigned long long)value;
		*out = (struct lab_map){ .call = e, .ok = true, .addr = (unsigned long long)e->ret, .length = len,
		                         .fd = -1, .prot = e->args[2].text, .flags = e->args[3].text };
		found = true;
	}
	return found;
}

/* ---- reading standard output ------------------------------------------------------------------ */

/* Where label starts a line of out, counted; *at gets the first such line's text after the label. */
static size_t find_line(const struct run_result *r, const char *label, const char **at)
{
	size_t n = strlen(label), count = 0;

	for (size_t i = 0; i + n <= r->out_len; i++)
		if ((i == 0 || r->out[i - 1] == '\n') && !memcmp(r->out + i, label, n)) {
			if (count++ == 0)
				*at = r->out + i + n;
		}
	return count;
}

/* The 16 bytes of a payload line (label + 16 bytes + '\n') when the line is there exactly once;
 * NULL otherwise (output judges a missing, doubled or cut line; the payload checks skip). */
static const char *payload(const struct run_result *r, enum line which)
{
	const char *at = NULL;

	if (find_line(r, labels[which], &at) != 1 || (size_t)(at - r->out) + PAYLOAD_LEN >= r->out_len ||
	    at[PAYLOAD_LEN] != '\n')
		return NULL;
	return at;
}

static char *escaped(const char *s, size_t n)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_escaped(&sb, s, n);
	return sb_steal(&sb);
}

/* Adds the bytes as evidence, escaped. */
static void evidence_bytes(struct check_result *res, enum msg_id label, const char *s, size_t n)
{
	char *text = escaped(s, n);

	check_evidence(res, label, text);
	free(text);
}

/* Skips when the payload line is not there exactly once; returns its bytes otherwise. */
static const char *payload_or_skip(const struct run_evidence *plain, enum line which, struct check_result *res)
{
	const char *p = payload(&plain->res, which);

	if (!p)
		check_skip(res, M_SM_SKIP_LINE, labels[which]);
	return p;
}

/* The skips every check after step 1 shares: no mapping of the file, no child, a parent that
 * stopped early at an earlier step (skip_if_stopped), a child up to the upto-th (from 0) that the
 * parent did not wait for. */
static bool skip_without_basis(const struct run_evidence *normal, bool need_child, int upto, int step,
                               const char *id, struct check_result *res)
{
	const struct trace_event *b[BIRTHS_MAX];

	if (!ok_main_map(normal)) {
		check_skip(res, M_SKIP_NO_MAPPING);
		return true;
	}
	if (need_child && main_births(normal, b, false) == 0) {
		if (!skip_if_abnormal(normal, res))
			check_skip(res, M_SM_SKIP_NO_FORK);
		return true;
	}
	if (skip_if_stopped(normal, step, id, res))
		return true;
	int k = first_unwaited(normal);
	if (k >= 0 && k <= upto) {
		check_skip(res, M_SM_SKIP_NO_WAIT);
		return true;
	}
	return false;
}

/* ---- the checks ------------------------------------------------------------------------------- */

static void judge_fork(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *normal = run_of(ev, SM_NORMAL);
	const struct lab_view *v = &normal->view;
	const struct lab_map *m = ok_main_map(normal);
	const struct trace_event *b[BIRTHS_MAX];

	if (!m) {
		check_skip(res, M_SKIP_NO_MAPPING);
		return;
	}
	check_expected(res, M_SM_FORK_EXPECT);
	if (main_births(normal, b, true) == 0) {
		if (skip_if_abnormal(normal, res))
			return;
		check_fail(res, M_SM_FORK_NONE);
		return;
	}
	const struct trace_event *first = b[0];
	if (!succeeded(first) || first->ret <= 0) {
		check_fail(res, M_SM_FORK_FAILED, first->err_name ? first->err_name : "?");
		evidence_call(res, first);
		return;
	}
	if (shares_memory(first)) {
		char *how = xasprintf("%s%s", first->name, is_call(first, "vfork") ? "" : "(CLONE_VM)");
		check_fail(res, M_SM_FORK_SHARES_MEMORY, how);
		free(how);
		evidence_call(res, first);
		return;
	}
	if (first->seq < m->call->seq) {
		check_fail(res, M_SM_FORK_BEFORE_MAP);
		evidence_call(res, first);
		evidence_call(res, m->call);
		return;
	}
	for (size_t i = 0; i < v->map_count; i++)
		if (v->maps[i].call->pid == (int)first->ret) {
			check_fail(res, M_SM_FORK_CHILD_MAPS);
			evidence_call(res, first);
			evidence_call(res, v->maps[i].call);
			return;
		}
	check_pass(res, M_SM_FORK_OK);
}

/* A call that writes to the file by descriptor: which argument holds the descriptor, or -1. */
static int write_fd_arg(const struct trace_event *e)
{
	static const char *const at0[] = { "write", "pwrite64", "writev", "pwritev", "pwritev2", "sendfile" };

	for (size_t i = 0; i < sizeof at0 / sizeof at0[0]; i++)
		if (is_call(e, at0[i]))
			return 0;
	return is_call(e, "copy_file_range") ? 2 : -1;
}

static bool starts_with_greeting(const struct run_evidence *run)
{
	return run->after_exists && run->after_len >= PAYLOAD_LEN && !memcmp(run->after, greeting, PAYLOAD_LEN);
}

/* Whether, in the kill-child run, the parent printed its parent sees: line although its first
 * child was killed, and then stopped (made no other process after its wait): it printed the line
 * before it knew how the child ended, before waiting, so in the other runs what the line shows
 * races with the child. A parent that goes on after the killed child ignored the status instead. */
static bool printed_before_status(const struct run_evidence *killed)
{
	const struct trace_event *b[BIRTHS_MAX];
	const char *at;

	if (!killed->performed || !killed->traced || find_line(&killed->res, labels[LINE_PARENT], &at) == 0 ||
	    main_births(killed, b, false) != 1)
		return false;
	return main_call_after(killed, b[0]->seq, is_wait) != NULL;
}

static void judge_shared_write(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *normal = run_of(ev, SM_NORMAL);
	const struct run_evidence *plain = run_of(ev, SM_PLAIN);
	const struct run_evidence *killed = run_of(ev, SM_KILL);
	const struct run_evidence *parent_killed = run_of(ev, SM_KILL_PARENT);
	const struct run_evidence *no_child = run_of(ev, SM_INJECT_FORK);

	if (skip_without_basis(normal, true, 0, 2, "shared-write", res))
		return;
	if (!is_shared(ok_main_map(normal)->flags)) {
		check_skip(res, M_SM_SKIP_NOT_SHARED);
		return;
	}
	if (printed_before_status(killed)) {
		check_skip(res, M_SM_SKIP_PRINTED_EARLY);
		return;
	}
	check_expected(res, M_SM_SHARED_EXPECT);
	for (size_t i = 0; i < normal->trace.count; i++) {
		const struct trace_event *e = &normal->trace.events[i];
		int arg = e->kind == TRACE_CALL ? write_fd_arg(e) : -1;

		if (arg >= 0 && (size_t)arg < e->nargs && e->args[arg].fd_path &&
		    !strcmp(e->args[arg].fd_path, normal->lab_path)) {
			check_fail(res, M_SM_SHARED_SYSCALL, e->name);
			evidence_call(res, e);
			return;
		}
	}
	if (fail_if_child_killed(normal, "shared-write", res) || skip_if_abnormal(plain, res))
		return;
	const char *p = payload_or_skip(plain, LINE_PARENT, res);
	if (!p)
		return;
	if (memcmp(p, greeting, PAYLOAD_LEN) != 0) {
		char *got = escaped(p, PAYLOAD_LEN);
		check_fail(res, M_SM_SHARED_PAYLOAD, got);
		free(got);
		return;
	}
	/* Who wrote it, from two runs. In kill-parent the parent dies at the wait for its first child,
	   which goes on and writes: a greeting copied in by the parent after that wait is missing. In
	   inject-fork no child is ever made: a greeting copied in by the parent before the fork is
	   there. A parent that copies it in between the fork and the wait is seen by neither. */
	const struct trace_event *b[BIRTHS_MAX], *w = NULL;
	const char *sig = NULL;
	int status = 0;
	if (parent_killed->performed && parent_killed->traced && main_births(parent_killed, b, false) > 0 &&
	    process_end(parent_killed, parent_killed->view.main_pid, &sig, &status) && sig)
		w = main_call_after(parent_killed, b[0]->seq, is_wait);
	if (w && !parent_killed->res.timed_out && !starts_with_greeting(parent_killed)) {
		check_fail(res, M_SM_SHARED_NOT_CHILD);
		evidence_call(res, w);
		if (parent_killed->after_exists)
			evidence_bytes(res, M_EV_FILE_AFTER, parent_killed->after,
			               parent_killed->after_len < PAYLOAD_LEN ? parent_killed->after_len : PAYLOAD_LEN);
		return;
	}
	bool made = false;
	for (size_t i = 0; no_child->performed && i < no_child->trace.count && !made; i++)
		made = trace_call_makes_process(&no_child->trace.events[i]) && succeeded(&no_child->trace.events[i]);
	if (no_child->performed && no_child->traced && main_births(no_child, b, true) > 0 && !made &&
	    starts_with_greeting(no_child)) {
		check_fail(res, M_SM_SHARED_BEFORE_FORK);
		evidence_call(res, b[0]);
		evidence_bytes(res, M_EV_FILE_AFTER, no_child->after, PAYLOAD_LEN);
		return;
	}
	check_pass(res, M_SM_SHARED_OK);
}

static bool writes_stderr(const struct trace_event *e)
{
	return (is_call(e, "write") || is_call(e, "writev")) && e->nargs > 0 && e->args[0].fd == 2;
}

static void judge_wait(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, SM_KILL);
	const struct run_result *r = &run->res;
	const struct trace_event *b[BIRTHS_MAX];
	const char *at;

	/* The run ends killed by design; only its limits are judged as its end. */
	if ((!r->started || r->timed_out || r->output_capped) && fail_if_abnormal(run, res))
		return;
	if (!ok_main_map(run)) {
		check_skip(res, M_SKIP_NO_MAPPING);
		return;
	}
	if (main_births(run, b, false) == 0) {
		check_skip(res, M_SM_SKIP_NO_FORK);
		return;
	}
	check_expected(res, M_SM_WAIT_EXPECT);
	const struct trace_event *w = main_call_after(run, b[0]->seq, is_wait);
	if (!w) {
		check_fail(res, M_SM_WAIT_NONE);
		evidence_call(res, b[0]);
		return;
	}
	if (find_line(r, labels[LINE_PARENT], &at) > 0) {
		check_fail(res, printed_before_status(run) ? M_SM_WAIT_PRINTED : M_SM_WAIT_IGNORED);
		evidence_call(res, w);
		evidence_bytes(res, M_EV_STDOUT, r->out, r->out_len > 200 ? 200 : r->out_len);
		return;
	}
	if (!main_call_after(run, w->seq, writes_stderr)) {
		check_fail(res, M_SM_WAIT_SILENT);
		evidence_call(res, w);
		return;
	}
	const struct trace_event *x = main_call_after(run, w->seq, is_exit_group);
	long long code = 0;
	if (!x || x->nargs < 1 || !trace_arg_number(&x->args[0], &code)) {
		check_fail(res, M_SM_WAIT_NO_EXIT);
		evidence_call(res, w);
		evidence_run_end(res, run);
		return;
	}
	if (code == 0) {
		check_fail(res, M_SM_WAIT_EXIT0);
		evidence_call(res, w);
		evidence_call(res, x);
		return;
	}
	/* The kill-child run ends at the first child; the normal run shows the waits for the others. */
	const struct run_evidence *normal = run_of(ev, SM_NORMAL);
	int k = first_unwaited(normal);
	if (k > 0) {
		const struct trace_event *nb[BIRTHS_MAX];
		main_births(normal, nb, false);
		check_fail(res, M_SM_WAIT_NONE_LATER, k + 1);
		evidence_call(res, nb[k]);
		return;
	}
	check_pass(res, M_SM_WAIT_OK);
	evidence_call(res, w);
}

static void judge_sm_run(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *normal = run_of(ev, SM_NORMAL);
	const struct run_evidence *plain = run_of(ev, SM_PLAIN);
	struct early_stop st = early_stop(normal);

	/* A parent that reports a failed child or a failed call and stops did the right thing: the
	   check that owns the cause fails it (early_stop); a child that exited non-zero is run's. */
	if (st.step && strcmp(st.owner, "run") != 0) {
		check_skip(res, M_SM_SKIP_STOPPED, st.owner);
		evidence_call(res, st.call);
		evidence_run_end(res, normal);
		return;
	}
	if (st.step) {
		check_fail(res, M_SM_RUN_CHILD_EXIT, st.child, st.status);
		evidence_call(res, st.call);
		evidence_run_end(res, normal);
		return;
	}
	if (parent_waits(normal)) {
		judge_run(ev, res);
		return;
	}
	/* A parent that does not wait leaves children running when it ends: that is wait's bug, so
	   only how the two runs ended is judged here, not the processes left behind. */
	const struct run_evidence *both[] = { normal, plain };
	for (size_t i = 0; i < 2; i++) {
		if (!both[i]->performed || fail_if_abnormal(both[i], res))
			continue;
		if (both[i]->res.exit_code != 0) {
			check_fail(res, M_RUN_EXIT, both[i]->res.exit_code);
			evidence_run_end(res, both[i]);
		}
	}
	if (res->status == CHECK_FAIL)
		return;
	check_pass(res, M_RUN_OK, normal->res.wall_seconds);
}

static void judge_private(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *normal = run_of(ev, SM_NORMAL);
	const struct run_evidence *plain = run_of(ev, SM_PLAIN);
	const struct trace_event *b[BIRTHS_MAX];

	if (skip_without_basis(normal, true, 1, 3, "private", res))
		return;
	check_expected(res, M_SM_PRIVATE_EXPECT);
	const struct lab_map *m = second_main_map(normal);
	if (!m) {
		if (skip_if_abnormal(normal, res))
			return;
		check_fail(res, M_SM_PRIVATE_NONE);
		return;
	}
	if (!trace_flag_has(m->flags, "MAP_PRIVATE")) {
		check_fail(res, M_SM_PRIVATE_FLAGS, m->flags);
		evidence_call(res, m->call);
		return;
	}
	if (!trace_flag_has(m->prot, "PROT_READ") || !trace_flag_has(m->prot, "PROT_WRITE") ||
	    trace_flag_has(m->prot, "PROT_EXEC")) {
		check_fail(res, M_SM_PRIVATE_PROT, m->prot);
		evidence_call(res, m->call);
		return;
	}
	unsigned long long size = normal->before_len;
	if (m->offset != 0 || m->length < size ||
	    round_pages(m->length, ev->page_size) != round_pages(size, ev->page_size)) {
		check_fail(res, M_SM_PRIVATE_WHOLE, size);
		evidence_call(res, m->call);
		return;
	}
	size_t n = main_births(normal, b, false);
	if (n < 2 || b[1]->seq < m->call->seq) {
		check_fail(res, n < 2 ? M_SM_PRIVATE_NO_FORK : M_SM_PRIVATE_AFTER_FORK);
		evidence_call(res, m->call);
		if (n >= 2)
			evidence_call(res, b[1]);
		return;
	}
	const struct run_evidence *files[] = { normal, plain };
	for (size_t i = 0; i < 2; i++)
		if (files[i]->after_exists && memmem(files[i]->after, files[i]->after_len, private_edit, PAYLOAD_LEN)) {
			check_fail(res, M_SM_PRIVATE_IN_FILE);
			return;
		}
	if (fail_if_child_killed(normal, "private", res) || skip_if_abnormal(plain, res))
		return;
	const char *child = payload_or_skip(plain, LINE_CHILD, res);
	if (!child)
		return;
	if (memcmp(child, private_edit, PAYLOAD_LEN) != 0) {
		char *got = escaped(child, PAYLOAD_LEN);
		check_fail(res, M_SM_PRIVATE_CHILD_LINE, got);
		free(got);
		return;
	}
	const char *parent = payload_or_skip(plain, LINE_STILL, res);
	if (!parent)
		return;
	/* The file is not written after step 2, so what it holds at the end is what it held then. */
	if (!plain->after_exists || plain->after_len < PAYLOAD_LEN || memcmp(parent, plain->after, PAYLOAD_LEN) != 0) {
		char *got = escaped(parent, PAYLOAD_LEN);
		check_fail(res, M_SM_PRIVATE_PARENT_LINE, got);
		free(got);
		if (plain->after_exists)
			evidence_bytes(res, M_EV_FILE_AFTER, plain->after,
			               plain->after_len < PAYLOAD_LEN ? plain->after_len : PAYLOAD_LEN);
		return;
	}
	check_pass(res, M_SM_PRIVATE_OK);
}

static void judge_anon(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *normal = run_of(ev, SM_NORMAL);
	const struct run_evidence *plain = run_of(ev, SM_PLAIN);
	const struct trace_event *b[BIRTHS_MAX];
	struct lab_map anon;

	if (skip_without_basis(normal, true, 2, 4, "anon", res))
		return;
	unsigned long lines = 0;
	for (size_t i = 0; plain->after_exists && i < plain->after_len; i++)
		lines += plain->after[i] == '\n';
	check_expected(res, M_SM_ANON_EXPECT, lines);
	const struct trace_event *failed = failed_anon(normal);
	if (failed && main_births(normal, b, false) < 3) {
		check_fail(res, M_SM_ANON_FAILED, failed->err_name ? failed->err_name : "?");
		evidence_call(res, failed);
		return;
	}
	if (main_births(normal, b, false) < 3) {
		if (skip_if_abnormal(normal, res))
			return;
		check_fail(res, M_SM_ANON_NO_FORK);
		return;
	}
	if (!find_anon(normal, &anon)) {
		check_fail(res, M_SM_ANON_NONE);
		evidence_call(res, b[1]);
		evidence_call(res, b[2]);
		return;
	}
	if (!is_shared(anon.flags)) {
		check_fail(res, M_SM_ANON_FLAGS, anon.flags);
		evidence_call(res, anon.call);
		return;
	}
	if (fail_if_child_killed(normal, "anon", res) || skip_if_abnormal(plain, res))
		return;
	const char *at = NULL;
	char *end;
	if (find_line(&plain->res, labels[LINE_COUNT], &at) != 1 || *at < '0' || *at > '9') {
		check_skip(res, M_SM_SKIP_LINE, labels[LINE_COUNT]);
		return;
	}
	unsigned long got = strtoul(at, &end, 10);
	if (strncmp(end, " lines\n", 7) != 0) {
		check_skip(res, M_SM_SKIP_LINE, labels[LINE_COUNT]);
		return;
	}
	if (got != lines) {
		check_fail(res, M_SM_ANON_COUNT, got);
		return;
	}
	check_pass(res, M_SM_ANON_OK, lines);
}

/* Matches one expected line at *pos; returns false and leaves *pos when it is not there. */
static bool match_line(const struct run_evidence *run, enum line which, size_t *pos)
{
	const struct run_result *r = &run->res;
	const char *s = r->out + *pos;
	size_t left = r->out_len - *pos, n = strlen(labels[which]);

	if (left < n || memcmp(s, labels[which], n) != 0)
		return false;
	s += n;
	left -= n;
	if (which == LINE_PARENT || which == LINE_CHILD || which == LINE_STILL) {
		if (left <= PAYLOAD_LEN || s[PAYLOAD_LEN] != '\n')
			return false;
		*pos += n + PAYLOAD_LEN + 1;
		return true;
	}
	size_t digits = 0;
	while (digits < left && s[digits] >= '0' && s[digits] <= '9')
		digits++;
	const char *tail = which == LINE_COUNT ? " lines\n" : "\n";
	size_t tn = strlen(tail);
	if (digits == 0 || left - digits < tn || memcmp(s + digits, tail, tn) != 0)
		return false;
	*pos += n + digits + tn;
	return true;
}

/* The label a line at pos starts with, or LINES. */
static enum line line_at(const struct run_result *r, size_t pos)
{
	for (int l = 0; l < LINES; l++) {
		size_t n = strlen(labels[l]);
		if (r->out_len - pos >= n && !memcmp(r->out + pos, labels[l], n))
			return (enum line)l;
	}
	return LINES;
}

static void judge_output(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *normal = run_of(ev, SM_NORMAL);
	const struct run_evidence *plain = run_of(ev, SM_PLAIN);
	const struct run_result *r = &plain->res;
	size_t pos = 0;

	if (skip_without_basis(normal, false, BIRTHS_MAX, 5, "output", res) || skip_if_abnormal(plain, res))
		return;
	check_expected(res, M_SM_OUTPUT_EXPECT, plain->before_len);
	for (int l = 0; l < LINES; l++) {
		if (match_line(plain, (enum line)l, &pos))
			continue;
		enum line found = line_at(r, pos);
		size_t show = r->out_len - pos < 120 ? r->out_len - pos : 120;
		if (found < (enum line)l)
			check_fail(res, M_SM_OUTPUT_DOUBLED, labels[found]);
		else if (found < LINES && found > (enum line)l)
			check_fail(res, M_SM_OUTPUT_MISSING, labels[l]);
		else if (pos == r->out_len && l > 0)
			check_fail(res, M_SM_OUTPUT_ENDS, l, labels[l]);
		else
			check_fail(res, M_SM_OUTPUT_DIFF, labels[l]);
		evidence_bytes(res, M_EV_STDOUT, r->out + pos, show);
		return;
	}
	if (pos < r->out_len) {
		enum line found = line_at(r, pos);
		if (found < LINES)
			check_fail(res, M_SM_OUTPUT_DOUBLED, labels[found]);
		else
			check_fail(res, M_SM_OUTPUT_EXTRA);
		evidence_bytes(res, M_EV_STDOUT, r->out + pos, r->out_len - pos < 120 ? r->out_len - pos : 120);
		return;
	}
	/* The size is the one value no other check reads. */
	char *want = xasprintf("%s%zu\n", labels[LINE_SIZE], plain->before_len);
	bool size_ok = !strncmp(r->out, want, strlen(want));
	free(want);
	if (!size_ok) {
		check_fail(res, M_SM_OUTPUT_SIZE);
		evidence_bytes(res, M_EV_STDOUT, r->out, strcspn(r->out, "\n"));
		return;
	}
	check_pass(res, M_SM_OUTPUT_OK);
}

static void judge_sm_munmap(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *normal = run_of(ev, SM_NORMAL);
	const struct lab_view *v = &normal->view;
	const struct lab_map *m = ok_main_map(normal);
	struct lab_map anon;

	if (!m) {
		check_skip(res, M_SKIP_NO_MAPPING);
		return;
	}
	check_expected(res, M_SM_MUNMAP_EXPECT);
	/* The parent's own mappings of the file; a child's copies and mappings go with its exit. */
	for (size_t i = 0; i < v->map_count; i++)
		if (v->maps[i].ok && v->maps[i].space == 0 && fail_if_not_unmapped(ev, normal, &v->maps[i], res))
			return;
	if (find_anon(normal, &anon)) {
		for (size_t i = 0; i < normal->trace.count; i++) {
			const struct trace_event *e = &normal->trace.events[i];
			long long addr, len = 0;

			if (e->pid != v->main_pid || e->seq <= anon.call->seq || !is_call(e, "munmap") || e->nargs < 2 ||
			    !trace_arg_number(&e->args[0], &addr) || !trace_arg_number(&e->args[1], &len))
				continue;
			unsigned long long end = (unsigned long long)addr + round_pages((unsigned long long)(len ? len : 1), ev->page_size);
			if ((unsigned long long)addr < anon.addr + round_pages(anon.length, ev->page_size) && anon.addr < end) {
				if (fail_if_unmap_wrong(ev, &anon, e, res))
					return;
				check_pass(res, M_SM_MUNMAP_OK);
				return;
			}
		}
		if (skip_if_abnormal(normal, res))
			return;
		check_fail(res, M_SM_MUNMAP_ANON_NONE);
		evidence_call(res, anon.call);
		return;
	}
	check_pass(res, M_SM_MUNMAP_OK);
}

static void judge_sm_valgrind(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *normal = run_of(ev, SM_NORMAL);

	/* Without a wait, the run ends with children still in their work and their reports cut. */
	if (ok_main_map(normal) && !parent_waits(normal)) {
		check_skip(res, M_SM_SKIP_NO_WAIT);
		return;
	}
	judge_valgrind(ev, res);
}

/* Whether standard output holds a line that is none of the five: a message printed there instead of
 * on stderr. The File size line is printed before any call fails, so output alone says nothing. */
static bool error_on_stdout(const struct run_result *r)
{
	for (size_t i = 0; i < r->out_len; i++)
		if ((i == 0 || r->out[i - 1] == '\n') && line_at(r, i) == LINES)
			return true;
	return false;
}

/* The error checks' first rule, in this lab's words: a failure status with nothing on stderr is a
 * silent failure unless a line other than the five went to stdout (judge_error_run would blame
 * stdout for the File size line). Fails the check and returns true then. */
static bool fail_if_silent(const struct run_evidence *run, struct check_result *res)
{
	const struct run_result *r = &run->res;

	if (run_ended_abnormally(run) || r->exit_code == 0 || r->err_len > 0 || error_on_stdout(r))
		return false;
	check_expected(res, M_ERR_EXPECT);
	check_fail(res, M_ERR_SILENT, r->exit_code);
	evidence_run_end(res, run);
	return true;
}

/* A program whose fork failed: the shared judgement (judge_error_run), and then no child line and
 * no wait after the failed call. */
static void judge_error_fork(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *normal = run_of(ev, SM_NORMAL);
	const struct run_evidence *run = run_of(ev, SM_INJECT_FORK);
	const struct run_result *r = &run->res;
	const struct trace_event *b[BIRTHS_MAX], *hit = NULL;
	const char *at;

	if (main_births(normal, b, true) == 0) {
		check_skip(res, M_SM_SKIP_NO_FORK);
		return;
	}
	for (size_t i = 0; i < run->trace.count && !hit; i++)
		if (trace_call_makes_process(&run->trace.events[i]) && run->trace.events[i].injected)
			hit = &run->trace.events[i];
	if (!hit) {
		if (!fail_if_abnormal(run, res))
			check_skip(res, M_SM_SKIP_FORK_MISSED);
		return;
	}
	if (fail_if_silent(run, res))
		return;
	judge_error_run(run, res, M_SM_ERR_FORK_OK);
	if (res->status != CHECK_PASS) {
		evidence_call(res, hit);
		return;
	}
	if (find_line(r, labels[LINE_CHILD], &at) || find_line(r, labels[LINE_COUNT], &at)) {
		check_fail(res, M_SM_ERR_FORK_CHILD_LINE);
		evidence_call(res, hit);
		evidence_bytes(res, M_EV_STDOUT, r->out, r->out_len > 200 ? 200 : r->out_len);
		return;
	}
	const struct trace_event *w = main_call_after(run, hit->seq, is_wait);
	if (w) {
		check_fail(res, M_SM_ERR_FORK_WAITED);
		evidence_call(res, hit);
		evidence_call(res, w);
	}
}

/* The shared judgement, and then: no process of the program died of a signal (a child that used
 * MAP_FAILED as an address), and no process was made after the failed mmap. */
static void judge_sm_error_mmap(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = run_of(ev, SM_INJECT_MMAP);
	const struct trace_event *failed = NULL;

	if (run->inject_planned && run->inject_hit && fail_if_silent(run, res))
		return;
	judge_error_mmap(ev, res);
	if (res->status != CHECK_PASS)
		return;
	for (size_t i = 0; i < run->trace.count; i++) {
		const struct trace_event *e = &run->trace.events[i];

		if (!failed && e->kind == TRACE_CALL && e->injected)
			failed = e;
		if (e->kind == TRACE_KILLED) {
			check_fail(res, M_SM_ERR_MMAP_SIGNAL, e->signal_name ? e->signal_name : "?");
			check_evidence(res, M_EV_STRACE, call_text(e));
			return;
		}
		if (failed && trace_call_makes_process(e)) {
			check_fail(res, M_SM_ERR_MMAP_FORKED);
			evidence_call(res, failed);
			evidence_call(res, e);
			return;
		}
	}
}

#define R(x) RUN_BIT(SM_##x)

static const struct check_def checks[] = {
	/* id             step pts runs                                 title                 hint                 man            judge */
	{ "build",         1, 1, 0,                                     M_T_BUILD,            M_H_BUILD,           "gcc(1)",      judge_build },
	{ "open",          1, 1, R(NORMAL),                             M_T_OPEN_RDWR,        M_H_OPEN_RDWR,       "open(2)",     judge_open },
	{ "size",          1, 1, R(NORMAL),                             M_T_SIZE,             M_H_SIZE,            "fstat(2)",    judge_size },
	{ "mmap",          1, 1, R(NORMAL),                             M_T_MMAP_WRITE,       M_H_MMAP_WRITE,      "mmap(2)",     judge_mmap },
	{ "fork",          2, 1, R(NORMAL),                             M_T_SM_FORK,          M_H_SM_FORK,         "fork(2)",     judge_fork },
	{ "shared-write",  2, 2, R(NORMAL) | R(PLAIN) | R(KILL) | R(KILL_PARENT) | R(INJECT_FORK),
	                                                                M_T_SM_SHARED_WRITE,  M_H_SM_SHARED_WRITE, "mmap(2)",     judge_shared_write },
	{ "wait",          2, 1, R(NORMAL) | R(KILL),                   M_T_SM_WAIT,          M_H_SM_WAIT,         "waitpid(2)",  judge_wait },
	{ "run",           2, 1, R(NORMAL) | R(PLAIN),                  M_T_RUN,              M_H_RUN,             "signal(7)",   judge_sm_run },
	{ "private",       3, 2, R(NORMAL) | R(PLAIN),                  M_T_SM_PRIVATE,       M_H_SM_PRIVATE,      "mmap(2)",     judge_private },
	{ "anon",          4, 2, R(NORMAL) | R(PLAIN),                  M_T_SM_ANON,          M_H_SM_ANON,         "mmap(2)",     judge_anon },
	{ "output",        5, 1, R(NORMAL) | R(PLAIN),                  M_T_OUTPUT,           M_H_SM_OUTPUT,       "fflush(3)",   judge_output },
	{ "munmap",        5, 1, R(NORMAL),                             M_T_SM_MUNMAP,        M_H_SM_MUNMAP,       "munmap(2)",   judge_sm_munmap },
	{ "close",         5, 1, R(NORMAL),                             M_T_CLOSE,            M_H_CLOSE,           "close(2)",    judge_close },
	{ "valgrind",      5, 1, R(NORMAL) | R(MEMCHECK),               M_T_VALGRIND,         M_H_VALGRIND,        "valgrind(1)", judge_sm_valgrind },
	{ "error-open",    6, 1, R(MISSING),                            M_T_ERROR_OPEN,       M_H_ERROR_OPEN,      "open(2)",     judge_error_open },
	{ "error-fork",    6, 1, R(NORMAL) | R(INJECT_FORK),            M_T_SM_ERROR_FORK,    M_H_SM_ERROR_FORK,   "fork(2)",     judge_error_fork },
	{ "error-mmap",    6, 1, R(NORMAL) | R(INJECT_MMAP),            M_T_ERROR_MMAP,       M_H_ERROR_MMAP,      "mmap(2)",     judge_sm_error_mmap },
};

const struct lab_def lab_share_map = {
	.name = "share-map",
	.folder = "labs/04-share-map",
	.program = "share_map.c",
	.title = M_LAB_SHARE_MAP,
	.steps = 6,
	.lab_file = "link.txt",
	.open_access = O_RDWR,
	.needs_write = true,
	.runs = runs,
	.run_count = SM_RUN_COUNT,
	.run_seconds = 5,
	.memcheck_seconds = 60,
	.checks = checks,
	.check_count = sizeof checks / sizeof checks[0],
};
