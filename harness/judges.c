/* judges.c - see judges.h. Every judge reads evidence only; one bug should fail one check, so a
 * judge skips (with the reason) when what it looks at is missing because of another check's bug. */
#include "judges.h"
#include "text.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A broken lab table: loud, never a silent wrong verdict. */
static void table_error(const struct evidence *ev, const char *what, const char *run)
{
	fprintf(stderr, "mmaplab: lab %s, check %s: %s %s\n", ev->lab->name,
	        ev->reader ? ev->reader->id : "(none)", what, run);
	abort();
}

const struct run_evidence *run_of(const struct evidence *ev, int index)
{
	if (index < 0 || (size_t)index >= ev->lab->run_count)
		table_error(ev, "reads a run that is not in the lab:", "(index out of range)");
	if (!ev->reader || !(ev->reader->runs & RUN_BIT(index)))
		table_error(ev, "reads a run it does not declare:", ev->lab->runs[index].name);
	return &ev->runs[index];
}

static bool plays(const struct run_def *def, enum run_role role)
{
	switch (role) {
	case ROLE_TRACED:
		return def->tool == TOOL_STRACE && !def->inject_call;
	case ROLE_INJECTED:
		return def->tool == TOOL_STRACE && def->inject_call;
	case ROLE_MEMCHECK:
		return def->tool == TOOL_MEMCHECK;
	case ROLE_PLAIN:
		return def->tool == TOOL_PLAIN;
	}
	return false;
}

const struct run_evidence *find_declared_run(const struct evidence *ev, enum run_role role)
{
	for (size_t i = 0; ev->reader && i < ev->lab->run_count; i++)
		if ((ev->reader->runs & RUN_BIT(i)) && plays(&ev->lab->runs[i], role))
			return run_of(ev, (int)i);
	return NULL;
}

const struct run_evidence *declared_run(const struct evidence *ev, enum run_role role)
{
	static const char *const role_names[] = {
		[ROLE_TRACED] = "traced", [ROLE_INJECTED] = "injected", [ROLE_MEMCHECK] = "memcheck",
		[ROLE_PLAIN] = "plain",
	};

	const struct run_evidence *run = find_declared_run(ev, role);

	if (!run)
		table_error(ev, "declares no run in the role", role_names[role]);
	return run;
}

bool run_ended_abnormally(const struct run_evidence *run)
{
	const struct run_result *r = &run->res;

	return !r->started || r->timed_out || r->output_capped || r->signaled || r->interrupted;
}

const char *run_start_error(const struct run_result *r)
{
	static char text[256];

	snprintf(text, sizeof text, "%s: %s", r->start_step ? r->start_step : "execve",
	         strerror(r->start_errno));
	return text;
}

/* Whether the space-separated list of check ids names id. */
static bool names_check(const char *list, const char *id)
{
	size_t n = strlen(id);

	for (const char *p = list; p && *p;) {
		size_t len = strcspn(p, " ");
		if (len == n && !strncmp(p, id, n))
			return true;
		p += len;
		p += strspn(p, " ");
	}
	return false;
}

bool fail_if_space_used_up(const struct evidence *ev, const struct check_def *c, struct check_result *res)
{
	for (size_t i = 0; i < ev->lab->run_count; i++) {
		const struct run_evidence *run = &ev->runs[i];

		if (!(c->runs & RUN_BIT(i)) || !run->performed || !names_check(run->def->judged_by, c->id))
			continue;
		if (run->disk_full)
			check_fail(res, M_LIMIT_DISK, run->disk_cap_mib);
		else if (run->inodes_full)
			check_fail(res, M_LIMIT_INODES, run->inode_cap);
		else
			continue;
		check_hint(res, M_H_LIMIT_SPACE);
		evidence_run_end(res, run);
		return true;
	}
	return false;
}

void evidence_call(struct check_result *res, const struct trace_event *call)
{
	check_evidence(res, M_EV_STRACE, call_text(call));
	check_ref_event(res, call);
}

void evidence_run_end(struct check_result *res, const struct run_evidence *run)
{
	const struct run_result *r = &run->res;

	if (!r->started)
		check_evidence_msg(res, M_EV_NOT_STARTED, run_start_error(r));
	else if (r->timed_out)
		check_evidence_msg(res, M_EV_TIMED_OUT, run->def && run->def->tool == TOOL_MEMCHECK ? "Valgrind" : run->def && run->def->tool == TOOL_STRACE ? "strace" : "-",
		                   (int)(r->wall_seconds + 0.5));
	else if (r->output_capped)
		check_evidence_msg(res, M_EV_OUTPUT_CAPPED);
	else if (r->signaled)
		check_evidence_msg(res, M_EV_SIGNALED, signal_name(r->term_signal));
	else if (r->exited)
		check_evidence_msg(res, M_EV_EXITED, r->exit_code);
	check_ref_run(res, run);
	if (run->traced && run->view.fatal_signal)
		evidence_call(res, run->view.fatal_signal);
	if (r->err_len > 0) {
		/* The last few lines of stderr say most about why a program stopped. */
		size_t lines = 0, from = r->err_len;
		while (from > 0 && lines < 4) {
			from--;
			if (r->err[from] == '\n' && from + 1 < r->err_len)
				lines++;
		}
		if (r->err[from] == '\n')
			from++;
		struct strbuf sb;
		sb_init(&sb);
		sb_escaped(&sb, r->err + from, r->err_len - from);
		check_evidence(res, M_EV_STDERR, sb.data);
		sb_free(&sb);
	}
}

bool fail_if_abnormal(const struct run_evidence *run, struct check_result *res)
{
	const struct run_result *r = &run->res;

	if (!r->started)
		check_fail(res, M_RUN_NOT_STARTED, run_start_error(r));
	else if (r->timed_out)
		check_fail(res, M_RUN_TIMEOUT, (int)(r->wall_seconds + 0.5));
	else if (r->output_capped)
		check_fail(res, M_RUN_FLOOD);
	else if (r->signaled)
		check_fail(res, M_RUN_SIGNAL, signal_name(r->term_signal));
	else
		return false;
	evidence_run_end(res, run);
	return true;
}

bool skip_if_abnormal(const struct run_evidence *run, struct check_result *res)
{
	if (!run_ended_abnormally(run))
		return false;
	check_skip(res, M_SKIP_ABNORMAL);
	evidence_run_end(res, run);
	return true;
}

const struct lab_map *ok_main_map(const struct run_evidence *run)
{
	const struct lab_map *m = run->traced ? lab_view_main_map(&run->view) : NULL;

	return m && m->ok ? m : NULL;
}

static const char *access_name(int access)
{
	return access == O_RDWR ? "O_RDWR" : access == O_WRONLY ? "O_WRONLY" : "O_RDONLY";
}

static bool any_open_ok(const struct lab_view *v)
{
	for (size_t i = 0; i < v->open_count; i++)
		if (v->opens[i].ok)
			return true;
	return false;
}

/* The open that the checks judge: the one whose descriptor was mapped, else the first that
 * worked, else the first attempt. */
static const struct lab_open *judged_open(const struct lab_view *v)
{
	const struct lab_map *m = lab_view_main_map(v);
	const struct lab_open *best = NULL;

	if (m)
		for (size_t i = 0; i < v->open_count; i++)
			if (v->opens[i].ok && v->opens[i].fd == m->fd && v->opens[i].call->seq < m->call->seq)
				best = &v->opens[i];
	if (best)
		return best;
	for (size_t i = 0; i < v->open_count; i++)
		if (v->opens[i].ok)
			return &v->opens[i];
	return v->open_count ? &v->opens[0] : NULL;
}

void judge_build(const struct evidence *ev, struct check_result *res)
{
	if (!ev->built) {
		if (ev->compile_timed_out)
			check_fail(res, M_BUILD_TIMEOUT);
		else
			check_fail(res, M_BUILD_FAILED);
		if (ev->compiler_output && *ev->compiler_output)
			check_evidence(res, M_EV_COMPILER, ev->compiler_output);
		return;
	}
	check_pass(res, M_BUILD_OK);
	if (ev->compiler_output && *ev->compiler_output) {
		check_note(res, M_BUILD_WARNINGS);
		check_evidence(res, M_EV_COMPILER, ev->compiler_output);
	}
}

void judge_open(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = declared_run(ev, ROLE_TRACED);
	const struct lab_open *o = judged_open(&run->view);
	const char *want = access_name(ev->lab->open_access);

	check_expected(res, M_OPEN_EXPECT, ev->lab->lab_file, want);
	if (!o) {
		check_fail(res, M_OPEN_NONE, ev->lab->lab_file);
		if (run_ended_abnormally(run))
			evidence_run_end(res, run);
		return;
	}
	if (!o->ok) {
		check_fail(res, M_OPEN_FAILED, o->call->err_name ? o->call->err_name : "?");
		evidence_call(res, o->call);
		return;
	}
	if (o->access != ev->lab->open_access) {
		check_fail(res, M_OPEN_WRONG_MODE, o->access >= 0 ? access_name(o->access) : "?", want);
		evidence_call(res, o->call);
		return;
	}
	check_pass(res, M_OPEN_OK, want);
}

const char *call_name(const struct trace_event *e)
{
	/* glibc's wrappers reach the kernel under other names, which would only puzzle a student. */
	static const char *const wrappers[][2] = {
		{ "openat", "open" }, { "pread64", "pread" }, { "pwrite64", "pwrite" }, { "mmap2", "mmap" },
		{ "sendfile64", "sendfile" }, { "ftruncate64", "ftruncate" },
	};

	if (!strcmp(e->name, "newfstatat") || !strcmp(e->name, "fstatat64"))
		return e->nargs > 1 && !strcmp(e->args[1].text, "\"\"") ? "fstat" : "stat";
	for (size_t i = 0; i < sizeof wrappers / sizeof wrappers[0]; i++)
		if (!strcmp(e->name, wrappers[i][0]))
			return wrappers[i][1];
	return e->name;
}

void judge_size(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = declared_run(ev, ROLE_TRACED);
	const struct lab_view *v = &run->view;
	const struct lab_map *m = lab_view_main_map(v);

	for (size_t i = 0; i < v->size_count; i++)
		if (!m || v->sizes[i]->seq < m->call->seq) {
			check_pass(res, M_SIZE_OK, call_name(v->sizes[i]));
			return;
		}
	check_expected(res, M_SIZE_EXPECT);
	if (v->size_count > 0) {
		check_fail(res, M_SIZE_AFTER_MAP);
		evidence_call(res, m->call);
		evidence_call(res, v->sizes[0]);
		return;
	}
	check_fail(res, M_SIZE_NONE);
	if (m)
		evidence_call(res, m->call);
}

bool fail_if_mapping_wrong(const struct evidence *ev, const struct lab_map *m, unsigned long long size,
                           struct check_result *res)
{
	const struct lab_def *lab = ev->lab;
	const char *prot = lab->needs_write ? "PROT_READ|PROT_WRITE" : "PROT_READ";
	bool read = trace_flag_has(m->prot, "PROT_READ");
	bool write = trace_flag_has(m->prot, "PROT_WRITE");
	bool exec = trace_flag_has(m->prot, "PROT_EXEC");

	if (!read || exec || write != lab->needs_write) {
		check_fail(res, M_MMAP_PROT, m->prot, prot);
		evidence_call(res, m->call);
		return true;
	}
	bool shared = trace_flag_has(m->flags, "MAP_SHARED") || trace_flag_has(m->flags, "MAP_SHARED_VALIDATE");
	bool private = trace_flag_has(m->flags, "MAP_PRIVATE");
	if (!shared && !(private && !lab->needs_write)) {
		check_fail(res, private ? M_MMAP_PRIVATE_WRITE : M_MMAP_FLAGS, m->flags);
		evidence_call(res, m->call);
		return true;
	}
	if (m->offset != 0) {
		check_fail(res, M_MMAP_OFFSET, m->offset);
		evidence_call(res, m->call);
		return true;
	}
	/* The size the program itself learned before mapping (it may have grown or cut the file), else
	   the file's size: the length is that, or that rounded up to whole pages. */
	if (m->seen_known)
		size = m->seen_size;
	if (m->length != size && m->length != round_pages(size, ev->page_size)) {
		check_fail(res, m->length == size + 1 ? M_MMAP_ONE_LONGER
		                : m->length + 1 == size ? M_MMAP_ONE_SHORTER : M_MMAP_LENGTH, m->length, size);
		evidence_call(res, m->call);
		return true;
	}
	/* A read-only private mapping reads the same bytes as a shared one. */
	if (private)
		check_note(res, M_MMAP_PRIVATE_NOTE);
	return false;
}

bool fail_if_unmap_wrong(const struct evidence *ev, const struct lab_map *m, const struct trace_event *u,
                         struct check_result *res)
{
	unsigned long long pages = round_pages(m->length, ev->page_size);
	long long addr = 0, len = 0;

	(void)trace_arg_number(&u->args[0], &addr);
	if (u->nargs > 1)
		(void)trace_arg_number(&u->args[1], &len);
	if ((unsigned long long)addr != m->addr)
		check_fail(res, M_MUNMAP_ADDR, (unsigned long long)addr, m->addr);
	else if (round_pages((unsigned long long)len, ev->page_size) != pages)
		check_fail(res, M_MUNMAP_LENGTH, len, pages / ev->page_size,
		           round_pages((unsigned long long)len, ev->page_size) / ev->page_size);
	else if (!u->ret_known || u->ret != 0)
		check_fail(res, M_MUNMAP_FAILED, u->err_name ? u->err_name : "?");
	else
		return false;
	evidence_call(res, m->call);
	evidence_call(res, u);
	return true;
}

void judge_mmap(const struct evidence *ev, struct check_result *res)
{
	const struct lab_def *lab = ev->lab;
	const struct run_evidence *run = declared_run(ev, ROLE_TRACED);
	const struct lab_view *v = &run->view;
	const struct lab_map *m = lab_view_main_map(v);
	unsigned long long size = run->before_len;
	const char *prot = lab->needs_write ? "PROT_READ|PROT_WRITE" : "PROT_READ";

	if (!any_open_ok(v)) {
		check_skip(res, M_SKIP_NOT_OPENED, lab->lab_file);
		return;
	}
	check_expected(res, M_MMAP_EXPECT, size, round_pages(size, ev->page_size), prot);
	if (!m) {
		check_fail(res, M_MMAP_NONE, lab->lab_file);
		if (run_ended_abnormally(run))
			evidence_run_end(res, run);
		return;
	}
	if (!m->ok) {
		const struct lab_open *o = judged_open(v);
		/* With the descriptor opened read-only, a shared writable mapping fails with EACCES: that is
		   the open check's bug, reported there. */
		if (m->call->err_name && !strcmp(m->call->err_name, "EACCES") && o &&
		    o->access != lab->open_access) {
			check_skip(res, M_SKIP_MMAP_EACCES, access_name(o->access));
			evidence_call(res, m->call);
			return;
		}
		check_fail(res, M_MMAP_FAILED, m->call->err_name ? m->call->err_name : "?");
		evidence_call(res, m->call);
		return;
	}
	if (fail_if_mapping_wrong(ev, m, size, res))
		return;
	check_pass(res, M_MMAP_OK, m->length, m->addr);
}

/* Whether the trace shows the program's own process calling exit_group. */
static bool main_process_exited(const struct run_evidence *run)
{
	if (!run->traced)
		return false;
	for (size_t i = 0; i < run->trace.count; i++) {
		const struct trace_event *e = &run->trace.events[i];

		if (e->kind == TRACE_CALL && e->pid == run->view.main_pid && e->name &&
		    !strcmp(e->name, "exit_group"))
			return true;
	}
	return false;
}

/* The check that judges a failed call on the input file (failed_lab_call's calls). */
static const char *check_of_call(const struct trace_event *e)
{
	static const char *const checks[][2] = {
		{ "open", "open" }, { "openat", "open" }, { "openat2", "open" }, { "creat", "open" },
		{ "mmap", "mmap" }, { "mmap2", "mmap" }, { "msync", "msync" }, { "munmap", "munmap" },
		{ "close", "close" },
	};

	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
		if (!strcmp(e->name, checks[i][0]))
			return checks[i][1];
	return e->name;
}

/* The first call on the input file that failed in a run without injection: an open, mmap, msync,
 * munmap or close that returned an error. Each is judged by its own check. */
static const struct trace_event *failed_lab_call(const struct lab_view *v)
{
	const struct trace_event *first = NULL;

#define CONSIDER(e) do { if (!(e)->ret_known || (e)->ret < 0 || (e)->err_name) \
		if (!first || (e)->seq < first->seq) first = (e); } while (0)
	for (size_t i = 0; i < v->open_count; i++)
		CONSIDER(v->opens[i].call);
	for (size_t i = 0; i < v->map_count; i++)
		if (!v->maps[i].ok)
			CONSIDER(v->maps[i].call);
	for (size_t i = 0; i < v->msync_count; i++)
		CONSIDER(v->msyncs[i]);
	for (size_t i = 0; i < v->munmap_count; i++)
		CONSIDER(v->munmaps[i]);
	for (size_t i = 0; i < v->close_count; i++)
		CONSIDER(v->closes[i]);
#undef CONSIDER
	return first;
}

void judge_run(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = declared_run(ev, ROLE_TRACED);
	const struct run_result *r = &run->res;

	/* Under strace a process left behind keeps the run alive until the time limit: the trace
	   shows that the program itself had finished. */
	if (r->timed_out && main_process_exited(run)) {
		check_fail(res, M_RUN_LEFT_BEHIND, (int)(r->wall_seconds + 0.5));
		evidence_run_end(res, run);
		return;
	}
	if (fail_if_abnormal(run, res)) {
		if (r->timed_out)
			check_hint(res, M_H_RUN_TIMEOUT);
		return;
	}
	if (r->exit_code != 0) {
		/* A program that reports a failed call of the input file on stderr and stops did the right
		   thing with it: the call's own check (open, mmap, msync, munmap, close) fails it, once. */
		const struct trace_event *failed = failed_lab_call(&run->view);
		if (failed && r->err_len > 0) {
			check_skip(res, M_SKIP_RUN_FAILED_CALL, call_name(failed), check_of_call(failed));
			evidence_call(res, failed);
			evidence_run_end(res, run);
			return;
		}
		check_fail(res, M_RUN_EXIT, r->exit_code);
		evidence_run_end(res, run);
		return;
	}
	/* The same file, untraced: a program that behaves only while watched ends differently here. */
	const struct run_evidence *plain = find_declared_run(ev, ROLE_PLAIN);
	if (plain && plain->performed) {
		bool failed = fail_if_abnormal(plain, res);
		if (!failed && plain->res.exit_code != 0) {
			check_fail(res, M_RUN_EXIT, plain->res.exit_code);
			evidence_run_end(res, plain);
			failed = true;
		}
		if (failed) {
			check_evidence(res, M_EV_UNTRACED, "");
			return;
		}
	}
	/* Processes left behind by the runs this check declares (and, without namespaces, by any run:
	   there they cannot be told apart). */
	int left = r->leftovers + (plain && plain->performed ? plain->res.leftovers : 0) + ev->stray;
	if (left > 0) {
		check_fail(res, M_RUN_ORPHANS, left);
		return;
	}
	if (!any_open_ok(&run->view)) {
		/* An empty program exits 0 too: no point for doing nothing. */
		check_skip(res, M_SKIP_RUN_NOTHING, ev->lab->lab_file);
		return;
	}
	check_pass(res, M_RUN_OK, r->wall_seconds);
}

/* Whether the (addr, len) arguments of call touch a page of mapping m. */
static bool call_touches(const struct trace_event *call, const struct lab_map *m, size_t page)
{
	long long addr = 0, len = 0;

	if (call->nargs < 2 || !trace_arg_number(&call->args[0], &addr) || !trace_arg_number(&call->args[1], &len))
		return false;
	unsigned long long end = (unsigned long long)addr + round_pages(len ? (unsigned long long)len : 1, page);
	return (unsigned long long)addr < m->addr + round_pages(m->length, page) && m->addr < end;
}

bool fail_if_not_unmapped(const struct evidence *ev, const struct run_evidence *run, const struct lab_map *m,
                          struct check_result *res)
{
	const struct lab_view *v = &run->view;
	const struct trace_event *u = m->unmapped_by;

	/* Not removed: a failed munmap of it by the same process is the evidence, if there is one (an
	   munmap of another mapping is not: then this one was simply left). */
	for (size_t i = 0; i < v->munmap_count && !u; i++)
		if (v->munmaps[i]->seq > m->call->seq && v->munmaps[i]->pid == m->call->pid &&
		    call_touches(v->munmaps[i], m, ev->page_size))
			u = v->munmaps[i];
	if (u)
		return fail_if_unmap_wrong(ev, m, u, res);
	if (skip_if_abnormal(run, res))
		return true;
	if (v->munmap_count > 0)
		check_fail(res, M_MUNMAP_OTHER_ONLY, m->addr);
	else
		check_fail(res, M_MUNMAP_NONE);
	evidence_call(res, m->call);
	return true;
}

void judge_munmap(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = declared_run(ev, ROLE_TRACED);
	const struct lab_view *v = &run->view;
	const struct lab_map *m = ok_main_map(run);

	if (!m) {
		check_skip(res, M_SKIP_NO_MAPPING);
		return;
	}
	/* What is mapped at the end is what must be unmapped: follow mremap. */
	m = lab_map_final(v, m);
	check_expected(res, M_MUNMAP_EXPECT, m->addr, m->length);
	if (fail_if_not_unmapped(ev, run, m, res))
		return;
	/* Every other mapping of the lab file in the main process must go too (a child's own mappings
	   go with its exit). */
	for (size_t i = 0; i < v->map_count; i++)
		if (v->maps[i].ok && v->maps[i].space == 0 && !v->maps[i].unmapped_by) {
			check_fail(res, M_MUNMAP_LEFT);
			evidence_call(res, v->maps[i].call);
			return;
		}
	check_pass(res, M_MUNMAP_OK);
}

void judge_close(const struct evidence *ev, struct check_result *res)
{
	const struct lab_view *v = &declared_run(ev, ROLE_TRACED)->view;
	const struct run_evidence *run = declared_run(ev, ROLE_TRACED);

	if (!any_open_ok(v)) {
		check_skip(res, M_SKIP_NOT_OPENED, ev->lab->lab_file);
		return;
	}
	/* Every descriptor of the lab file the main process still held at its end, from an open or a
	   dup; a forked child's copies are closed by its own exit. */
	if (v->left_open_count > 0) {
		const struct lab_fd *f = &v->left_open[0];

		if (skip_if_abnormal(run, res))
			return;
		check_fail(res, M_CLOSE_MISSING, f->fd);
		check_expected(res, M_CLOSE_EXPECT, f->fd);
		evidence_call(res, f->made_by);
		return;
	}
	check_pass(res, M_CLOSE_OK);
}

/* Whether a descriptor Valgrind found open at exit is the lab file (judged by `close` instead). */
static bool fd_is_lab_file(const struct run_evidence *run, const char *path)
{
	if (!path)
		return false;
	/* Valgrind prints the path as the program passed it to open(): maybe relative to its cwd. */
	char *full = path[0] == '/' ? xstrdup(path) : xasprintf("%s/%s", run->dir, path);
	size_t n = strlen(full);
	/* "./link.txt" joins to ".../run-memcheck/./link.txt". */
	for (char *p = strstr(full, "/./"); p; p = strstr(full, "/./")) {
		memmove(p, p + 2, n - (size_t)(p - full) - 1);
		n -= 2;
	}
	bool same = !strcmp(full, run->lab_path);
	free(full);
	return same;
}

bool judge_finding_counts(const struct run_evidence *run, const struct memcheck_finding *f)
{
	switch (f->kind) {
	case MEMCHECK_ERROR:
		return true;
	case MEMCHECK_LEAK:
		return f->leak_kind && (!strcmp(f->leak_kind, "definitely") || !strcmp(f->leak_kind, "indirectly"));
	case MEMCHECK_OPEN_FD:
		return !f->fd_inherited && !fd_is_lab_file(run, f->fd_path);
	}
	return false;
}

void judge_valgrind(const struct evidence *ev, struct check_result *res)
{
	const struct run_evidence *run = declared_run(ev, ROLE_MEMCHECK);
	const struct memcheck_report *rep = &run->report;

	if (!any_open_ok(&declared_run(ev, ROLE_TRACED)->view)) {
		check_skip(res, M_SKIP_RUN_NOTHING, ev->lab->lab_file);
		return;
	}
	if (run->cancelled) {
		/* The same input timed out or flooded its output in the run that Valgrind follows: run
		   judges that, and Valgrind could only have taken longer. */
		const struct run_evidence *before = run_of(ev, lab_run_index(ev->lab, run->def->follows));
		check_skip(res, before->res.timed_out ? M_SKIP_VG_TIMEOUT : M_SKIP_VG_FLOOD,
		           before->def->judged_by ? before->def->judged_by : "run");
		return;
	}
	check_expected(res, M_VG_EXPECT);
	if (run->res.timed_out) {
		check_fail(res, M_VG_TIMEOUT, (int)(run->res.wall_seconds + 0.5));
		return;
	}
	if (!run->memchecked || !rep->complete) {
		check_fail(res, M_VG_INCOMPLETE);
		evidence_run_end(res, run);
		return;
	}
	size_t errors = 0, leaks = 0, fds = 0, shown = 0;
	for (size_t i = 0; i < rep->count; i++) {
		const struct memcheck_finding *f = &rep->findings[i];
		bool counts = judge_finding_counts(run, f);

		errors += counts && f->kind == MEMCHECK_ERROR;
		leaks += counts && f->kind == MEMCHECK_LEAK;
		fds += counts && f->kind == MEMCHECK_OPEN_FD;
		if (!counts || shown >= 5)
			continue;
		shown++;
		/* The student's own line, not glibc's (libc6-dbg gives libc frames file:line too). */
		const struct memcheck_frame *where =
			memcheck_source_frame(f, (const char *const *)ev->sources, ev->source_count);
		if (!where)
			where = memcheck_user_frame(f);
		char *line = where ? xasprintf("%s (%s:%d)", f->title, where->file, where->line)
		                   : xstrdup(f->title);
		check_evidence(res, M_EV_VALGRIND, line);
		check_ref_finding(res, f);
		free(line);
	}
	/* A summary that counts errors the findings did not show still fails (reader safety net). */
	if (errors == 0 && rep->error_count > 0 && leaks == 0)
		errors = (size_t)rep->error_count;
	if (errors + leaks + fds == 0) {
		check_pass(res, M_VG_OK);
		return;
	}
	check_fail(res, M_VG_FOUND, errors, leaks, fds);
}

/* The judgement of a run where something was made to fail: a message on stderr and a non-zero
 * exit status, without a signal. */
void judge_error_run(const struct run_evidence *run, struct check_result *res, enum msg_id ok)
{
	const struct run_result *r = &run->res;

	check_expected(res, M_ERR_EXPECT);
	if (fail_if_abnormal(run, res))
		return;
	if (r->exit_code == 0) {
		check_fail(res, M_ERR_EXIT0);
		evidence_run_end(res, run);
		return;
	}
	if (r->err_len == 0) {
		check_fail(res, r->out_len ? M_ERR_STDOUT : M_ERR_SILENT, r->exit_code);
		if (r->out_len) {
			struct strbuf sb;
			sb_init(&sb);
			sb_escaped(&sb, r->out, r->out_len > 200 ? 200 : r->out_len);
			check_evidence(res, M_EV_STDOUT, sb.data);
			sb_free(&sb);
		}
		return;
	}
	check_pass(res, ok, r->exit_code);
}

void judge_error_open(const struct evidence *ev, struct check_result *res)
{
	judge_error_run(declared_run(ev, ROLE_PLAIN), res, M_ERR_OPEN_OK);
}

/* The injection runs: judged only when the normal run made the call and the injection hit it. */
static void judge_injection(const struct evidence *ev, struct check_result *res, enum msg_id no_call,
                            enum msg_id ok)
{
	const struct run_evidence *run = declared_run(ev, ROLE_INJECTED);

	if (!run->inject_planned) {
		check_skip(res, run->inject_unreachable ? M_SKIP_INJECT_UNREACHABLE : no_call,
		           run->def->inject_call);
		return;
	}
	if (!run->inject_hit) {
		check_skip(res, M_SKIP_INJECT_MISSED);
		return;
	}
	judge_error_run(run, res, ok);
}

void judge_error_mmap(const struct evidence *ev, struct check_result *res)
{
	judge_injection(ev, res, M_SKIP_NO_MMAP_CALL, M_ERR_MMAP_OK);
}

void judge_error_msync(const struct evidence *ev, struct check_result *res)
{
	judge_injection(ev, res, M_SKIP_NO_MSYNC_CALL, M_ERR_MSYNC_OK);
}
