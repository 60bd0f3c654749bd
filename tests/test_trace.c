/* test_trace.c - unit tests of the strace log parser (harness/trace.c).
 *
 * The fixtures under tests/fixtures/strace/ are logs of real runs of `strace -f -y -qq -o FILE`
 * (strace 6.1) made in a scratch directory /tmp/exp holding link.txt (6756 bytes); see the README
 * there. Tests run from the repository root, or from $MMAPLAB_ROOT when it is set. */
#include <criterion/criterion.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace.h"
#include "util.h"

#define LAB "/tmp/exp/link.txt"

/* Returns the path of fixture `name` (static buffer). */
static const char *fixture_path(const char *name)
{
	static char path[4096];
	const char *root = getenv("MMAPLAB_ROOT");

	snprintf(path, sizeof path, "%s/tests/fixtures/strace/%s", root && *root ? root : ".", name);
	return path;
}

/* Parses fixture `name` into *t, failing the test when it cannot be read. */
static void load(const char *name, struct trace *t)
{
	cr_assert_eq(trace_parse_file(fixture_path(name), t), 0, "cannot read fixture %s", fixture_path(name));
	cr_assert_gt(t->count, 0, "fixture %s gave no events", name);
}

/* Parses the NUL-terminated text s. */
static void parse_text(const char *s, struct trace *t)
{
	cr_assert_eq(trace_parse(s, strlen(s), t), 0, "trace_parse failed");
}

/* The n-th (from 0) call named `name`, or NULL. */
static const struct trace_event *nth_call(const struct trace *t, const char *name, size_t n)
{
	for (size_t i = 0; i < t->count; i++) {
		const struct trace_event *ev = &t->events[i];

		if (ev->kind == TRACE_CALL && strcmp(ev->name, name) == 0 && n-- == 0)
			return ev;
	}
	return NULL;
}

/* The n-th call named `name` whose argument `argi` is a descriptor of path (or NULL). */
static const struct trace_event *call_on(const struct trace *t, const char *name, size_t argi,
                                         const char *path, size_t n)
{
	for (size_t i = 0; i < t->count; i++) {
		const struct trace_event *ev = &t->events[i];

		if (ev->kind != TRACE_CALL || strcmp(ev->name, name) != 0 || ev->nargs <= argi)
			continue;
		if (ev->args[argi].fd_path && strcmp(ev->args[argi].fd_path, path) == 0 && n-- == 0)
			return ev;
	}
	return NULL;
}

/* Counts the events of a kind. */
static size_t count_kind(const struct trace *t, enum trace_event_kind kind)
{
	size_t n = 0;

	for (size_t i = 0; i < t->count; i++)
		n += t->events[i].kind == kind;
	return n;
}

/* The numeric value of argument i of ev; fails the test when it is not a number. */
static long long arg_num(const struct trace_event *ev, size_t i)
{
	long long v = 0;

	cr_assert_lt(i, ev->nargs, "%s has only %zu arguments", ev->name, ev->nargs);
	cr_assert(trace_arg_number(&ev->args[i], &v), "argument %zu of %s is not a number: %s", i,
	          ev->name, ev->args[i].text);
	return v;
}

/* Checks the structural promises of trace.h on every event: used on good and on garbage input. */
static void check_invariants(const struct trace *t)
{
	for (size_t i = 0; i < t->count; i++) {
		const struct trace_event *ev = &t->events[i];

		cr_assert_eq(ev->seq, i, "event %zu has seq %zu", i, ev->seq);
		cr_assert_not_null(ev->line, "event %zu has no line", i);
		cr_assert(ev->kind >= TRACE_CALL && ev->kind <= TRACE_OTHER, "event %zu kind %d", i, ev->kind);
		if (ev->kind == TRACE_CALL) {
			cr_assert_not_null(ev->name, "call %zu has no name", i);
			cr_assert_not_null(ev->ret_text, "call %zu has no ret_text", i);
			cr_assert(ev->nargs == 0 || ev->args, "call %zu: nargs without args", i);
			for (size_t j = 0; j < ev->nargs; j++) {
				cr_assert_not_null(ev->args[j].text, "call %zu arg %zu", i, j);
				cr_assert(ev->args[j].fd < 0 || ev->args[j].fd_path,
				          "call %zu arg %zu: fd without path", i, j);
			}
			cr_assert(ev->ret_fd < 0 || ev->ret_fd_path, "call %zu: ret_fd without path", i);
		}
		if (ev->kind == TRACE_SIGNAL || ev->kind == TRACE_KILLED)
			cr_assert_not_null(ev->signal_name, "event %zu has no signal name", i);
	}
}

Test(trace_fixture, read_map_open_size_mmap_munmap_close)
{
	struct trace t;
	const struct trace_event *open, *st, *mm, *un, *cl;
	long long size = 0;

	load("read-map-normal.log", &t);
	check_invariants(&t);

	open = nth_call(&t, "openat", 2);
	cr_assert_not_null(open, "third openat (after ld.so.cache and libc)");
	cr_assert_eq(open->pid, 5213, "pid prefix");
	cr_assert_eq(open->nargs, 3, "openat argument count");
	cr_assert_str_eq(open->args[0].text, "AT_FDCWD</tmp/exp>", "dirfd as printed");
	cr_assert_eq(open->args[0].fd, -1, "AT_FDCWD is not a descriptor");
	cr_assert_str_eq(open->args[0].fd_path, "/tmp/exp", "AT_FDCWD keeps the working directory");
	cr_assert_str_eq(open->args[1].text, "\"link.txt\"", "file name argument");
	cr_assert(trace_flag_has(open->args[2].text, "O_RDONLY"), "open flags %s", open->args[2].text);
	cr_assert(!trace_flag_has(open->args[2].text, "O_RDWR"), "open flags %s", open->args[2].text);
	cr_assert(open->ret_known, "openat returned a number");
	cr_assert_eq(open->ret, 3, "openat result");
	cr_assert_eq(open->ret_fd, 3, "returned descriptor");
	cr_assert_str_eq(open->ret_fd_path, LAB, "returned descriptor's path");
	cr_assert_null(open->err_name, "a success has no errno");

	st = call_on(&t, "newfstatat", 0, LAB, 0);
	cr_assert_not_null(st, "fstat of the lab file shows as newfstatat(fd, \"\", ...)");
	cr_assert(trace_struct_field(st->args[2].text, "st_size", &size), "st_size in %s", st->args[2].text);
	cr_assert_eq(size, 6756, "st_size of the lab file");
	cr_assert_str_eq(st->args[3].text, "AT_EMPTY_PATH", "fstat flag");

	mm = call_on(&t, "mmap", 4, LAB, 0);
	cr_assert_not_null(mm, "mmap of the lab file");
	cr_assert_eq(mm->nargs, 6, "mmap argument count");
	cr_assert_eq(arg_num(mm, 0), 0, "mmap address NULL");
	cr_assert_eq(arg_num(mm, 1), 6756, "mmap length for %s", LAB);
	cr_assert_str_eq(mm->args[2].text, "PROT_READ", "mmap protection");
	cr_assert(trace_flag_has(mm->args[3].text, "MAP_SHARED"), "mmap flags %s", mm->args[3].text);
	cr_assert_eq(arg_num(mm, 4), 3, "mmap descriptor");
	cr_assert_eq(arg_num(mm, 5), 0, "mmap offset");
	cr_assert(mm->ret_known, "mmap result is a number");
	cr_assert_eq(mm->ret, 0x7fe99ff85000LL, "mmap result (hex)");
	cr_assert_str_eq(mm->ret_text, "0x7fe99ff85000", "mmap ret_text");

	un = nth_call(&t, "munmap", 1);
	cr_assert_not_null(un, "munmap of the mapping");
	cr_assert_eq(arg_num(un, 0), mm->ret, "munmap address = mmap result");
	cr_assert_eq(arg_num(un, 1), 6756, "munmap length");
	cr_assert_gt(un->seq, mm->seq, "munmap after mmap");

	cl = call_on(&t, "close", 0, LAB, 0);
	cr_assert_not_null(cl, "close of the lab file");
	cr_assert_eq(cl->args[0].fd, 3, "closed descriptor");
	cr_assert_eq(cl->ret, 0, "close result");
	cr_assert_gt(cl->seq, un->seq, "close after munmap");

	cr_assert_eq(count_kind(&t, TRACE_OTHER), 0, "every line of a normal run is understood");
	trace_free(&t);
}

Test(trace_fixture, exit_group_has_unknown_result)
{
	struct trace t;
	const struct trace_event *ex;

	load("read-map-normal.log", &t);
	ex = &t.events[t.count - 1];
	cr_assert_eq(ex->kind, TRACE_CALL, "last event is exit_group");
	cr_assert_str_eq(ex->name, "exit_group", "last call");
	cr_assert_str_eq(ex->ret_text, "?", "exit_group never returns");
	cr_assert(!ex->ret_known, "'?' is not a number");
	cr_assert_eq(arg_num(ex, 0), 0, "exit status argument");
	trace_free(&t);
}

Test(trace_fixture, execve_arguments_with_arrays_and_comments)
{
	struct trace t;
	const struct trace_event *ex;

	load("read-map-normal.log", &t);
	ex = nth_call(&t, "execve", 0);
	cr_assert_not_null(ex, "execve");
	cr_assert_eq(ex->nargs, 3, "commas inside [..] do not split");
	cr_assert_str_eq(ex->args[1].text, "[\"./readmap\", \"link.txt\"]", "argv array");
	cr_assert_str_eq(ex->args[2].text, "0x7ffc1b415b50 /* 41 vars */", "envp with comment");
	trace_free(&t);
}

Test(trace_fixture, lines_without_pid)
{
	struct trace t;
	const struct trace_event *mm;

	load("no-pid.log", &t);
	check_invariants(&t);
	for (size_t i = 0; i < t.count; i++)
		cr_assert_eq(t.events[i].pid, 0, "no pid prefix without -f (event %zu)", i);
	mm = call_on(&t, "mmap", 4, LAB, 0);
	cr_assert_not_null(mm, "mmap of the lab file without pid prefix");
	cr_assert_eq(arg_num(mm, 1), 6756, "mmap length");
	cr_assert_eq(count_kind(&t, TRACE_OTHER), 0, "all lines understood");
	trace_free(&t);
}

Test(trace_fixture, write_msync_fopen_stat_lseek_msync_flags)
{
	struct trace t;
	const struct trace_event *fopen_ev, *fclose_ev, *rdwr, *st, *end, *set, *ms1, *ms2;
	long long size = 0;

	load("write-msync-variants.log", &t);
	check_invariants(&t);

	/* fopen("link.txt", "r") is a plain openat O_RDONLY; fclose a plain close. */
	fopen_ev = call_on(&t, "openat", 0, "/tmp/exp", 2);
	cr_assert_not_null(fopen_ev, "openat of fopen");
	cr_assert_str_eq(fopen_ev->args[2].text, "O_RDONLY", "fopen \"r\" flags");
	fclose_ev = call_on(&t, "close", 0, LAB, 0);
	cr_assert_not_null(fclose_ev, "close of fclose");
	cr_assert_eq(fclose_ev->seq, fopen_ev->seq + 1, "fclose right after fopen");

	rdwr = call_on(&t, "openat", 0, "/tmp/exp", 3);
	cr_assert_not_null(rdwr, "second open");
	cr_assert(trace_flag_has(rdwr->args[2].text, "O_RDWR"), "flags %s", rdwr->args[2].text);
	cr_assert(trace_flag_has(rdwr->args[2].text, "O_CLOEXEC"), "flags %s", rdwr->args[2].text);

	/* stat("link.txt") is newfstatat(AT_FDCWD<cwd>, "link.txt", {...}, 0). */
	st = call_on(&t, "newfstatat", 0, "/tmp/exp", 0);
	cr_assert_not_null(st, "stat by name");
	cr_assert_str_eq(st->args[1].text, "\"link.txt\"", "stat name");
	cr_assert(trace_struct_field(st->args[2].text, "st_size", &size), "st_size");
	cr_assert_eq(size, 6756, "stat size");

	end = call_on(&t, "lseek", 0, LAB, 0);
	cr_assert_not_null(end, "lseek SEEK_END");
	cr_assert_str_eq(end->args[2].text, "SEEK_END", "whence");
	cr_assert_eq(end->ret, 6756, "lseek(SEEK_END) gives the size");
	set = call_on(&t, "lseek", 0, LAB, 1);
	cr_assert_not_null(set, "lseek SEEK_SET");
	cr_assert_str_eq(set->args[2].text, "SEEK_SET", "whence");

	ms1 = nth_call(&t, "msync", 0);
	ms2 = nth_call(&t, "msync", 1);
	cr_assert_not_null(ms1, "first msync");
	cr_assert_not_null(ms2, "second msync");
	cr_assert(trace_flag_has(ms1->args[2].text, "MS_SYNC"), "flags %s", ms1->args[2].text);
	cr_assert(trace_flag_has(ms1->args[2].text, "MS_INVALIDATE"), "flags %s", ms1->args[2].text);
	cr_assert(!trace_flag_has(ms1->args[2].text, "MS_ASYNC"), "flags %s", ms1->args[2].text);
	cr_assert(trace_flag_has(ms2->args[2].text, "MS_ASYNC"), "flags %s", ms2->args[2].text);
	cr_assert(!trace_flag_has(ms2->args[2].text, "MS_SYNC"), "MS_SYNC is not a prefix match of MS_ASYNC");
	cr_assert_eq(arg_num(ms2, 1), 11, "msync length");
	cr_assert_eq(arg_num(ms1, 0), call_on(&t, "mmap", 4, LAB, 0)->ret, "msync at the mapping");
	trace_free(&t);
}

Test(trace_fixture, statx_fopen_fseek_populate)
{
	struct trace t;
	const struct trace_event *sx, *ls, *mm;
	long long size = 0, mask = 0;

	load("statx-fopen.log", &t);
	check_invariants(&t);
	sx = call_on(&t, "statx", 0, LAB, 0);
	cr_assert_not_null(sx, "statx of the lab file");
	cr_assert_eq(sx->nargs, 5, "statx argument count");
	cr_assert(trace_struct_field(sx->args[4].text, "stx_size", &size), "stx_size in %s", sx->args[4].text);
	cr_assert_eq(size, 6756, "stx_size");
	cr_assert(!trace_struct_field(sx->args[4].text, "stx_mask", &mask), "stx_mask is not a number");
	cr_assert(!trace_struct_field(sx->args[4].text, "size", &size), "\"size\" is not \"stx_size\"");

	/* fseek(f, 0, SEEK_END) in glibc does not lseek to the end: it fstat()s, then reads the tail. */
	ls = call_on(&t, "lseek", 0, LAB, 0);
	cr_assert_not_null(ls, "lseek of fseek");
	cr_assert_str_eq(ls->args[2].text, "SEEK_SET", "glibc's fseek(SEEK_END) seeks with SEEK_SET");
	cr_assert_eq(ls->ret, 4096, "to the last block");

	mm = call_on(&t, "mmap", 4, LAB, 0);
	cr_assert_not_null(mm, "mmap");
	cr_assert(trace_flag_has(mm->args[3].text, "MAP_SHARED"), "flags %s", mm->args[3].text);
	cr_assert(trace_flag_has(mm->args[3].text, "MAP_POPULATE"), "flags %s", mm->args[3].text);
	cr_assert_lt(call_on(&t, "close", 0, LAB, 0)->seq, nth_call(&t, "munmap", 1)->seq,
	             "this program closes before munmap");
	trace_free(&t);
}

Test(trace_fixture, segfault_signal_and_kill)
{
	struct trace t;
	const struct trace_event *sig, *killed;

	load("segv.log", &t);
	check_invariants(&t);
	sig = &t.events[t.count - 2];
	killed = &t.events[t.count - 1];
	cr_assert_eq(sig->kind, TRACE_SIGNAL, "--- SIGSEGV ... --- line");
	cr_assert_str_eq(sig->signal_name, "SIGSEGV", "signal name");
	cr_assert_eq(sig->pid, 5234, "signal pid");
	cr_assert_eq(killed->kind, TRACE_KILLED, "+++ killed by +++ line");
	cr_assert_str_eq(killed->signal_name, "SIGSEGV", "killing signal");
	cr_assert_eq(count_kind(&t, TRACE_EXIT), 0, "-qq prints no exit line");
	trace_free(&t);
}

Test(trace_fixture, fork_interleaved_pairs)
{
	struct trace t;
	const struct trace_event *child_mmap, *wait, *sleep;
	size_t merged = 0;

	load("fork.log", &t);
	check_invariants(&t);
	child_mmap = call_on(&t, "mmap", 4, LAB, 0);
	cr_assert_not_null(child_mmap, "the child's mmap");
	cr_assert_neq(child_mmap->pid, nth_call(&t, "execve", 0)->pid, "mmap happened in the child");
	cr_assert_eq(arg_num(child_mmap, 1), 100, "child's mmap length");

	wait = nth_call(&t, "wait4", 0);
	cr_assert_not_null(wait, "wait4 (merged)");
	cr_assert_eq(wait->nargs, 4, "wait4 has its 4 arguments after the merge");
	cr_assert_str_eq(wait->args[1].text, "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]", "status from the resumed half");
	cr_assert_eq(wait->ret, child_mmap->pid, "wait4 result");
	cr_assert_not_null(strstr(wait->line, "<unfinished ...>\n"), "merged line keeps both halves: %s", wait->line);
	cr_assert_not_null(strstr(wait->line, "<... wait4 resumed>"), "merged line keeps both halves: %s", wait->line);
	/* Completion order: the child's exit_group comes before the parent's wait4 finished. */
	cr_assert_lt(nth_call(&t, "exit_group", 0)->seq, wait->seq, "wait4 completes after the child exits");

	sleep = nth_call(&t, "clock_nanosleep", 0);
	cr_assert_eq(sleep->nargs, 4, "clock_nanosleep arguments");
	cr_assert_str_eq(sleep->args[2].text, "{tv_sec=0, tv_nsec=50000000}", "request");
	cr_assert_str_eq(sleep->args[3].text, "NULL", "remainder from the resumed half");
	for (size_t i = 0; i < t.count; i++)
		merged += strchr(t.events[i].line, '\n') != NULL;
	cr_assert_eq(merged, 3, "three unfinished/resumed pairs in fork.log");
	cr_assert_eq(count_kind(&t, TRACE_OTHER), 0, "no line left over");
	trace_free(&t);
}

Test(trace_fixture, threads_pairs_merge_per_pid)
{
	struct trace t;
	const struct trace_event *a, *b;

	load("threads.log", &t);
	check_invariants(&t);
	a = call_on(&t, "mmap", 4, LAB, 0);
	b = call_on(&t, "mmap", 4, LAB, 1);
	cr_assert_not_null(a, "first thread's mmap (a merged pair)");
	cr_assert_not_null(b, "second thread's mmap");
	cr_assert_neq(a->pid, b->pid, "two threads");
	cr_assert_eq(a->nargs, 6, "merged mmap keeps 6 arguments");
	cr_assert_str_eq(a->args[5].text, "0", "offset before the marker");
	cr_assert_eq(a->ret, 0x7f5fa097b000LL, "result from the resumed half");
	cr_assert_eq(nth_call(&t, "munmap", 1)->pid, a->pid, "munmap by the same thread");
	cr_assert_eq(arg_num(nth_call(&t, "munmap", 1), 0), a->ret, "munmap of that mapping");
	cr_assert_eq(count_kind(&t, TRACE_OTHER), 0, "no line left over");
	trace_free(&t);
}

Test(trace_fixture, interrupted_calls_restart_and_core_dump)
{
	struct trace t;
	const struct trace_event *intr, *restart, *stopped = NULL, *killed = NULL;

	load("interrupt.log", &t);
	check_invariants(&t);
	intr = NULL;
	for (size_t i = 0; i < t.count; i++) {
		const struct trace_event *ev = &t.events[i];

		if (!intr && ev->kind == TRACE_CALL && strcmp(ev->name, "clock_nanosleep") == 0 && !ev->ret_known)
			intr = ev;
		if (ev->kind == TRACE_OTHER && strstr(ev->line, "stopped by SIGSTOP"))
			stopped = ev;
		if (ev->kind == TRACE_KILLED)
			killed = ev;
	}
	cr_assert_not_null(intr, "an interrupted clock_nanosleep");
	cr_assert_eq(intr->pid, 5325, "in the child");
	cr_assert_str_eq(intr->err_name, "ERESTART_RESTARTBLOCK", "error of an interrupted sleep");
	cr_assert_str_eq(intr->ret_text, "? ERESTART_RESTARTBLOCK (Interrupted by signal)", "ret_text");
	cr_assert_str_eq(intr->args[3].text, "{tv_sec=0, tv_nsec=799790666}", "remaining time from the resumed half");

	restart = nth_call(&t, "restart_syscall", 0);
	cr_assert_not_null(restart, "restart_syscall");
	cr_assert_eq(restart->nargs, 1, "one argument");
	cr_assert_str_eq(restart->args[0].text, "<... resuming interrupted clock_nanosleep ...>", "argument text");
	cr_assert_eq(restart->ret, 0, "result");
	restart = nth_call(&t, "restart_syscall", 1);
	cr_assert_not_null(restart, "the child's restart_syscall, itself a pair");
	cr_assert_eq(restart->nargs, 1, "the marker is not an argument");
	cr_assert_eq(restart->pid, 5325, "pid");

	cr_assert_not_null(stopped, "--- stopped by SIGSTOP --- is kept as TRACE_OTHER");
	cr_assert_not_null(killed, "killed child");
	cr_assert_str_eq(killed->signal_name, "SIGSEGV", "killing signal with (core dumped)");
	cr_assert_eq(killed->pid, 5350, "pid of the killed child");
	trace_free(&t);
}

Test(trace_fixture, strange_file_name_and_deleted)
{
	struct trace t;
	const char *name = "/tmp/exp/we,ird \"na>me\nx.txt";
	const struct trace_event *op, *wr, *mm, *ls, *rd, *dir;
	size_t n;
	char *bytes;

	load("weird-name.log", &t);
	check_invariants(&t);
	op = nth_call(&t, "openat", 2);
	cr_assert_not_null(op, "open of the strange file");
	cr_assert_eq(op->nargs, 4, "openat with mode");
	cr_assert_str_eq(op->ret_fd_path, name, "decoded returned path");
	cr_assert_eq(arg_num(op, 3), 0644, "mode is octal");

	wr = call_on(&t, "write", 0, name, 1);
	cr_assert_not_null(wr, "second write, found by decoded path");
	cr_assert_eq(wr->nargs, 3, "commas and quotes of the path do not split");
	cr_assert_str_eq(wr->args[0].text, "3</tmp/exp/we,ird \\\"na\\76me\\nx.txt>", "fd text as printed");
	cr_assert(!wr->args[0].fd_deleted, "not yet deleted");
	cr_assert_str_eq(wr->args[1].text, "\"x\\ty\\n\\1\\\"z\"", "escaped buffer as printed");
	bytes = trace_unescape(wr->args[1].text + 1, strlen(wr->args[1].text) - 2, &n);
	cr_assert_eq(n, 7, "decoded buffer length");
	cr_assert_eq(memcmp(bytes, "x\ty\n\001\"z", 7), 0, "decoded buffer bytes");
	free(bytes);

	mm = call_on(&t, "mmap", 4, name, 0);
	cr_assert_not_null(mm, "mmap of the strange file");
	cr_assert_eq(mm->nargs, 6, "mmap arguments");
	cr_assert(trace_flag_has(mm->args[3].text, "MAP_PRIVATE"), "flags");

	ls = call_on(&t, "lseek", 0, name, 0);
	cr_assert_not_null(ls, "lseek after unlink, path without the deleted mark");
	cr_assert(ls->args[0].fd_deleted, "strace 6.1 prints <path>(deleted)");
	cr_assert_eq(ls->args[0].fd, 3, "descriptor of a deleted file");
	rd = call_on(&t, "read", 0, name, 0);
	cr_assert_not_null(rd, "read");
	cr_assert_str_eq(rd->args[1].text, "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"...", "truncated string keeps ...");
	cr_assert_eq(arg_num(rd, 2), 200, "read size");
	cr_assert(call_on(&t, "close", 0, name, 0)->args[0].fd_deleted, "close of the deleted file");

	dir = call_on(&t, "close", 0, "/tmp/exp", 0);
	cr_assert_not_null(dir, "directory descriptor path");
	cr_assert_eq(dir->args[0].fd, 4, "directory descriptor");
	trace_free(&t);
}

Test(trace_fixture, injected_mmap_failure)
{
	struct trace t;
	const struct trace_event *mm, *fc;

	load("inject-mmap.log", &t);
	check_invariants(&t);
	mm = call_on(&t, "mmap", 4, LAB, 0);
	cr_assert_not_null(mm, "mmap of the lab file");
	cr_assert(mm->ret_known, "-1 is a number");
	cr_assert_eq(mm->ret, -1, "failed mmap");
	cr_assert_str_eq(mm->err_name, "ENOMEM", "injected errno");
	cr_assert(mm->injected, "(INJECTED) mark");
	cr_assert_str_eq(mm->ret_text, "-1 ENOMEM (Cannot allocate memory) (INJECTED)", "ret_text");
	for (size_t i = 0; i < t.count; i++)
		if (&t.events[i] != mm && t.events[i].kind == TRACE_CALL)
			cr_assert(!t.events[i].injected, "only one injection (%s)", t.events[i].name);

	fc = nth_call(&t, "fcntl", 0);
	cr_assert_not_null(fc, "fcntl of perror");
	cr_assert_eq(fc->ret, 0x8001, "hex result followed by a comment");
	cr_assert_null(fc->err_name, "no errno");
	trace_free(&t);
}

Test(trace_fixture, injected_msync_failure)
{
	struct trace t;
	const struct trace_event *ms, *wr;

	load("inject-msync.log", &t);
	ms = nth_call(&t, "msync", 0);
	cr_assert_not_null(ms, "msync");
	cr_assert_str_eq(ms->args[2].text, "MS_SYNC", "flags");
	cr_assert_eq(ms->ret, -1, "result");
	cr_assert_str_eq(ms->err_name, "EIO", "errno");
	cr_assert(ms->injected, "injected");
	wr = call_on(&t, "write", 0, "/tmp/exp/err", 0);
	cr_assert_not_null(wr, "message on stderr");
	cr_assert_str_eq(wr->args[1].text, "\"msync: Input/output error\\n\"", "stderr text");
	trace_free(&t);
}

Test(trace_fixture, missing_file)
{
	struct trace t;
	const struct trace_event *op;

	load("missing.log", &t);
	op = nth_call(&t, "openat", 2);
	cr_assert_not_null(op, "open of the missing file");
	cr_assert_str_eq(op->args[1].text, "\"link.txt\"", "name of the missing lab file");
	cr_assert_eq(op->ret, -1, "failed open");
	cr_assert_str_eq(op->err_name, "ENOENT", "errno");
	cr_assert(!op->injected, "a real failure");
	cr_assert_eq(op->ret_fd, -1, "no descriptor");
	cr_assert_null(call_on(&t, "mmap", 4, LAB, 0), "nothing mapped");
	trace_free(&t);
}

Test(trace_fixture, durations_are_ignored)
{
	struct trace t;
	const struct trace_event *op, *mm;

	load("timed.log", &t);
	check_invariants(&t);
	op = call_on(&t, "newfstatat", 0, LAB, 0);
	cr_assert_not_null(op, "fstat with -T");
	op = nth_call(&t, "openat", 2);
	cr_assert_str_eq(op->ret_text, "3</tmp/exp/link.txt>", "duration stripped from ret_text");
	cr_assert_eq(op->ret_fd, 3, "fd result with -T");
	cr_assert_str_eq(op->ret_fd_path, LAB, "fd path with -T");
	mm = call_on(&t, "mmap", 4, LAB, 0);
	cr_assert_str_eq(mm->ret_text, "0x7f504e263000", "duration stripped");
	cr_assert_str_eq(nth_call(&t, "exit_group", 0)->ret_text, "?", "no duration on exit_group");
	trace_free(&t);
}

Test(trace_fixture, exit_lines_with_q)
{
	struct trace t;
	size_t seen = 0;

	load("exit-status-q.log", &t);
	check_invariants(&t);
	for (size_t i = 0; i < t.count; i++) {
		const struct trace_event *ev = &t.events[i];

		if (ev->kind != TRACE_EXIT)
			continue;
		if (ev->pid == 5383)
			cr_assert_eq(ev->exit_status, 3, "child's exit status");
		else
			cr_assert_eq(ev->exit_status, 0, "parent's exit status");
		cr_assert_null(ev->signal_name, "an exit has no signal");
		seen++;
	}
	cr_assert_eq(seen, 2, "two +++ exited with +++ lines");
	trace_free(&t);
}

Test(trace_synthetic, unfinished_at_end_is_kept)
{
	struct trace t;

	parse_text("10  read(0,  <unfinished ...>\n11  write(1, \"x\", 1) = 1\n", &t);
	check_invariants(&t);
	cr_assert_eq(t.count, 2, "two calls");
	cr_assert_str_eq(t.events[0].name, "write", "the finished call first");
	cr_assert_str_eq(t.events[1].name, "read", "the unfinished call at the end");
	cr_assert_str_eq(t.events[1].ret_text, "?", "unknown result");
	cr_assert(!t.events[1].ret_known, "unknown result");
	cr_assert_eq(t.events[1].nargs, 1, "the trailing comma adds no argument");
	cr_assert_eq(t.events[1].pid, 10, "pid");
	trace_free(&t);
}

Test(trace_synthetic, unfinished_then_exit_is_flushed_before_exit)
{
	struct trace t;

	parse_text("7  futex(0x1, FUTEX_WAIT, 0, NULL <unfinished ...>\n7  +++ killed by SIGKILL +++\n", &t);
	cr_assert_eq(t.count, 2, "call and kill");
	cr_assert_str_eq(t.events[0].name, "futex", "pending call flushed first");
	cr_assert_eq(t.events[0].nargs, 4, "its arguments");
	cr_assert_eq(t.events[1].kind, TRACE_KILLED, "then the kill");
	cr_assert_str_eq(t.events[1].signal_name, "SIGKILL", "signal");
	trace_free(&t);
}

Test(trace_synthetic, unfinished_closed_in_place)
{
	struct trace t;

	parse_text("5  read(0,  <unfinished ...>) = ?\n", &t);
	cr_assert_eq(t.count, 1, "one call");
	cr_assert_eq(t.events[0].kind, TRACE_CALL, "a call");
	cr_assert_eq(t.events[0].nargs, 1, "marker dropped");
	cr_assert_str_eq(t.events[0].args[0].text, "0", "argument");
	trace_free(&t);
}

Test(trace_synthetic, orphan_resumed_is_other)
{
	struct trace t;

	parse_text("5  <... read resumed>\"x\", 1) = 1\n6  read(0, <unfinished ...>\n5  <... read resumed>\"y\", 1) = 1\n", &t);
	check_invariants(&t);
	cr_assert_eq(t.events[0].kind, TRACE_OTHER, "resumed without unfinished");
	cr_assert_eq(t.events[1].kind, TRACE_OTHER, "resumed of another pid");
	cr_assert_eq(t.events[2].kind, TRACE_CALL, "pid 6's read flushed at the end");
	trace_free(&t);
}

Test(trace_synthetic, pid_bracket_form_and_garbage_lines)
{
	struct trace t;

	parse_text("[pid  4242] close(3) = 0\nstrace: Process 1 attached\n\n12345\nfoo bar\n--- stopped by SIGTSTP ---\n"
	           "+++ superseded by execve in pid 9 +++\n", &t);
	check_invariants(&t);
	cr_assert_eq(t.count, 6, "the empty line is dropped, the rest kept");
	cr_assert_eq(t.events[0].pid, 4242, "[pid N] prefix");
	cr_assert_eq(t.events[0].args[0].fd, -1, "close(3) without -y path has no fd");
	cr_assert_eq(arg_num(&t.events[0], 0), 3, "but it is a number");
	for (size_t i = 1; i < t.count; i++)
		cr_assert_eq(t.events[i].kind, TRACE_OTHER, "line %zu is not a call", i);
	trace_free(&t);
}

Test(trace_synthetic, older_strace_formats)
{
	struct trace t;

	/* strace 5.x: no path after AT_FDCWD, " (deleted)" inside the brackets. */
	parse_text("openat(AT_FDCWD, \"a\", O_RDONLY) = 3</x/a>\nclose(3</x/a (deleted)>) = 0\n", &t);
	cr_assert_eq(t.events[0].args[0].fd, -1, "AT_FDCWD");
	cr_assert_null(t.events[0].args[0].fd_path, "no path printed");
	cr_assert_str_eq(t.events[1].args[0].fd_path, "/x/a", "deleted mark removed");
	cr_assert(t.events[1].args[0].fd_deleted, "deleted inside the brackets");
	trace_free(&t);
}

Test(trace_synthetic, return_value_forms)
{
	struct trace t;

	parse_text("a() = 0x7f8225bde000\nb() = -1 (errno 4095)\nc() = 0 <0.000012>\nd() = 42 (INJECTED)\n"
	           "e() = ? <unavailable>\nf()\ng() = 0xffffffffffffffff\nh() = 99999999999999999999\n"
	           "dup(2</x>) = 4</y>(deleted) <0.000001>\n", &t);
	check_invariants(&t);
	cr_assert_eq(t.count, 9, "nine calls");
	cr_assert_eq(t.events[0].ret, 0x7f8225bde000LL, "hex");
	cr_assert_eq(t.events[1].ret, -1, "errno number");
	cr_assert_null(t.events[1].err_name, "no errno name");
	cr_assert_str_eq(t.events[2].ret_text, "0", "-T stripped");
	cr_assert(t.events[3].injected && t.events[3].ret == 42, "injected success");
	cr_assert_str_eq(t.events[4].ret_text, "?", "unavailable duration stripped");
	cr_assert_str_eq(t.events[5].ret_text, "?", "no return part");
	cr_assert_eq(t.events[6].ret, -1LL, "all-ones hex keeps its bits");
	cr_assert_eq(t.events[7].ret, INT64_MAX, "decimal overflow saturates");
	cr_assert_eq(t.events[8].ret_fd, 4, "returned fd");
	cr_assert_str_eq(t.events[8].ret_fd_path, "/y", "returned fd of a deleted file");
	trace_free(&t);
}

Test(trace_synthetic, nul_bytes_and_no_newline)
{
	static const char buf[] = "close(3) = 0\nwr\0ite(1) = 1\nclose(4) = 0";
	struct trace t;

	cr_assert_eq(trace_parse(buf, sizeof buf - 1, &t), 0, "parse");
	check_invariants(&t);
	cr_assert_eq(t.count, 3, "three lines");
	cr_assert_eq(t.events[1].kind, TRACE_OTHER, "a line with NUL is not a call");
	cr_assert_str_eq(t.events[1].line, "wr?ite(1) = 1", "NUL shown as ?");
	cr_assert_eq(t.events[2].kind, TRACE_CALL, "last line without newline");
	cr_assert_eq(arg_num(&t.events[2], 0), 4, "its argument");
	trace_free(&t);
}

Test(trace_synthetic, giant_line)
{
	size_t n = 4u << 20;
	struct strbuf sb;
	struct trace t;

	sb_init(&sb);
	sb_puts(&sb, "123  write(1</tmp/o>, \"");
	for (size_t i = 0; i < n; i++)
		sb_putc(&sb, i % 7 == 0 ? ',' : 'a');
	sb_puts(&sb, "\", 4194304) = 4194304\n");
	cr_assert_eq(trace_parse(sb.data, sb.len, &t), 0, "parse");
	cr_assert_eq(t.count, 1, "one event");
	cr_assert_eq(t.events[0].nargs, 3, "commas inside the string do not split");
	cr_assert_eq(strlen(t.events[0].args[1].text), n + 2, "whole string kept");
	cr_assert_eq(t.events[0].ret, 4194304, "result");
	trace_free(&t);
	sb_free(&sb);
}

Test(trace_synthetic, deep_nesting_and_unbalanced)
{
	struct strbuf sb;
	struct trace t;

	sb_init(&sb);
	sb_puts(&sb, "x(");
	for (int i = 0; i < 100000; i++)
		sb_putc(&sb, "([{"[i % 3]);
	sb_puts(&sb, ") = 0\ny(\"unterminated, 1) = 0\nz(3<no close, 1) = 0\nw(]]]}}}, 1) = 0\n");
	cr_assert_eq(trace_parse(sb.data, sb.len, &t), 0, "parse");
	check_invariants(&t);
	cr_assert_eq(t.count, 4, "four lines");
	cr_assert_eq(t.events[0].kind, TRACE_OTHER, "never closed");
	cr_assert_eq(t.events[1].kind, TRACE_OTHER, "unterminated string");
	cr_assert_eq(t.events[2].kind, TRACE_OTHER, "unterminated annotation");
	cr_assert_eq(t.events[3].kind, TRACE_CALL, "extra closers at depth 0 close the call");
	trace_free(&t);
	sb_free(&sb);
}

Test(trace_helpers, unescape)
{
	size_t n;
	char *s;

	s = trace_unescape("a\\nb\\t\\\"\\\\\\76\\0\\x41\\1", 21, &n);
	cr_assert_eq(n, 10, "decoded length");
	cr_assert_eq(memcmp(s, "a\nb\t\"\\>\0A\001", 10), 0, "decoded bytes");
	free(s);
	s = trace_unescape("\\", 1, &n);
	cr_assert_str_eq(s, "\\", "a lone backslash stays");
	free(s);
	s = trace_unescape("\\777\\x\\q", 8, &n);
	cr_assert_eq(n, 3, "overlong octal and empty hex");
	cr_assert_eq((unsigned char)s[0], 0xff, "octal masked to a byte");
	cr_assert_eq(memcmp(s + 1, "xq", 2), 0, "unknown escapes keep the character");
	free(s);
	s = trace_unescape("abc", 0, NULL);
	cr_assert_str_eq(s, "", "empty input");
	free(s);
}

Test(trace_helpers, flag_has)
{
	cr_assert(trace_flag_has("PROT_READ|PROT_WRITE", "PROT_WRITE"), "second flag");
	cr_assert(trace_flag_has("MAP_SHARED|0x20", "MAP_SHARED"), "with a number");
	cr_assert(trace_flag_has("MAP_SHARED|0x20", "0x20"), "the number itself");
	cr_assert(!trace_flag_has("MAP_SHARED_VALIDATE", "MAP_SHARED"), "not a prefix match");
	cr_assert(!trace_flag_has("PROT_READ", "PROT_READ|PROT_WRITE"), "a set is not a flag");
	cr_assert(!trace_flag_has("", "X"), "empty text");
	cr_assert(!trace_flag_has(NULL, "X"), "NULL text");
	cr_assert(!trace_flag_has("A||B", ""), "empty flag");
}

Test(trace_helpers, arg_number)
{
	struct trace_arg a = { .fd = -1 };
	long long v = 0;

	a.text = "NULL";
	cr_assert(trace_arg_number(&a, &v) && v == 0, "NULL is 0");
	a.text = "0x1000";
	cr_assert(trace_arg_number(&a, &v) && v == 4096, "hex");
	a.text = "-1";
	cr_assert(trace_arg_number(&a, &v) && v == -1, "negative");
	a.text = "0644";
	cr_assert(trace_arg_number(&a, &v) && v == 0644, "octal mode");
	a.text = "12abc";
	cr_assert(!trace_arg_number(&a, &v), "trailing junk");
	a.text = "PROT_READ";
	cr_assert(!trace_arg_number(&a, &v), "a flag is not a number");
	a.text = "";
	cr_assert(!trace_arg_number(&a, &v), "empty");
	cr_assert(!trace_arg_number(NULL, &v), "no argument");
}

Test(trace_helpers, struct_field)
{
	long long v = 0;

	cr_assert(trace_struct_field("{st_mode=S_IFREG|0644, st_size=6756, ...}", "st_size", &v), "st_size");
	cr_assert_eq(v, 6756, "value");
	cr_assert(!trace_struct_field("{st_mode=S_IFREG|0644, st_size=6756, ...}", "size", &v), "suffix of a key");
	cr_assert(!trace_struct_field("{st_mode=S_IFREG|0644, ...}", "st_mode", &v), "not numeric");
	cr_assert(!trace_struct_field("{name=\"st_size=5\", x=1}", "st_size", &v), "inside a string");
	cr_assert(!trace_struct_field("{fd=3</a, st_size=5>, x=1}", "st_size", &v), "inside a path");
	cr_assert(trace_struct_field("{a={b=1}, st_size=0x10}", "st_size", &v) && v == 16, "hex after nesting");
	cr_assert(!trace_struct_field(NULL, "st_size", &v), "NULL text");
}

/* A deterministic generator, so a failure can be reproduced. */
static uint32_t next_random(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

Test(trace_robustness, random_bytes)
{
	/* Bytes that matter to the parser come up often; the rest is any byte at all. */
	static const char alphabet[] = "0123 =(),[]{}<>\"\\.-+?|x\n<... resumed>unfinished SIG+++---";
	uint32_t state = 20240601;
	char buf[600];

	for (int round = 0; round < 4000; round++) {
		size_t len = next_random(&state) % sizeof buf;
		struct trace t;

		for (size_t i = 0; i < len; i++) {
			uint32_t r = next_random(&state);

			buf[i] = r % 4 == 0 ? (char)(r >> 8) : alphabet[(r >> 8) % (sizeof alphabet - 1)];
		}
		cr_assert_eq(trace_parse(buf, len, &t), 0, "round %d", round);
		check_invariants(&t);
		trace_free(&t);
	}
}

/* Parses exactly buf[0..n) from a copy of that size, so that reading past it is caught by the
 * sanitizers and by Valgrind, and checks the result. */
static void parse_copy(const char *buf, size_t n, const char *what, size_t where)
{
	char *copy = xmalloc(n);
	struct trace t;

	memcpy(copy, buf, n);
	cr_assert_eq(trace_parse(copy, n, &t), 0, "%s cut at %zu", what, where);
	check_invariants(&t);
	trace_free(&t);
	free(copy);
}

Test(trace_robustness, every_cut_of_every_fixture)
{
	static const char *const names[] = {
		"read-map-normal.log", "write-msync-variants.log", "segv.log", "fork.log", "threads.log",
		"weird-name.log", "interrupt.log", "inject-mmap.log", "inject-msync.log", "missing.log",
		"timed.log", "statx-fopen.log", "exit-status-q.log", "no-pid.log",
	};

	for (size_t f = 0; f < sizeof names / sizeof names[0]; f++) {
		char *data;
		size_t len;

		cr_assert_eq(read_file(fixture_path(names[f]), 1 << 20, &data, &len, NULL), 0, "read %s", names[f]);
		/* Every line alone, cut at every length: all the half-written tokens. */
		for (size_t start = 0; start < len; ) {
			const char *nl = memchr(data + start, '\n', len - start);
			size_t end = nl ? (size_t)(nl - data) : len;

			for (size_t cut = start; cut <= end; cut++)
				parse_copy(data + start, cut - start, names[f], cut);
			start = end + 1;
		}
		/* The whole log cut after every line and at every 61st byte: pairs left half-done. (Every
		   byte of the whole log would take minutes under Valgrind.) */
		for (size_t cut = 0; cut <= len; cut++)
			if (cut % 61 == 0 || cut == len || (cut > 0 && data[cut - 1] == '\n'))
				parse_copy(data, cut, names[f], cut);
		free(data);
	}
}
