/* rules.c - the lab file's story in a trace (see rules.h). */
#include "rules.h"
#include "util.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *call_text(const struct trace_event *e)
{
	const char *p = e->line;

	/* "1234  mmap(...)": skip the pid strace -f puts first. */
	while (*p >= '0' && *p <= '9')
		p++;
	if (p != e->line && *p == ' ') {
		while (*p == ' ')
			p++;
		return p;
	}
	return e->line;
}

unsigned long long round_pages(unsigned long long n, size_t page)
{
	return (n + page - 1) / page * page;
}

int open_access_of(const char *flags)
{
	if (!flags)
		return -1;
	if (trace_flag_has(flags, "O_RDWR") || strstr(flags, "O_RDWR"))
		return O_RDWR;
	if (trace_flag_has(flags, "O_WRONLY") || strstr(flags, "O_WRONLY"))
		return O_WRONLY;
	if (trace_flag_has(flags, "O_RDONLY") || strstr(flags, "O_RDONLY"))
		return O_RDONLY;
	return -1;
}

/* Joins dir and a relative path and removes ".", ".." and repeated slashes. */
static char *normalize_path(const char *dir, const char *path)
{
	char *joined = path[0] == '/' ? xstrdup(path) : xasprintf("%s/%s", dir ? dir : "", path);
	char *out = xmalloc(strlen(joined) + 2);
	size_t len = 0;
	char *save = NULL;

	for (char *part = strtok_r(joined, "/", &save); part; part = strtok_r(NULL, "/", &save)) {
		if (!strcmp(part, "."))
			continue;
		if (!strcmp(part, "..")) {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
			continue;
		}
		out[len++] = '/';
		size_t n = strlen(part);
		memcpy(out + len, part, n);
		len += n;
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	free(joined);
	return out;
}

/* Decodes a quoted path argument ("link.txt") or returns NULL when it is not a plain string. */
static char *quoted_arg(const struct trace_arg *a)
{
	size_t n = strlen(a->text);

	if (n < 2 || a->text[0] != '"' || a->text[n - 1] != '"')
		return NULL; /* NULL pointer, or a truncated string ("..."...): not a whole path */
	return trace_unescape(a->text + 1, n - 2, NULL);
}

/* Whether the path given by a (dirfd, path) pair of arguments names the lab file. dir_arg < 0 means
 * the call has no directory argument. */
static bool path_is_lab(const struct trace_event *e, int dir_arg, int path_arg, const char *lab_path,
                        const char *cwd)
{
	if ((size_t)path_arg >= e->nargs)
		return false;
	char *path = quoted_arg(&e->args[path_arg]);
	if (!path)
		return false;
	const char *dir = cwd;
	if (dir_arg >= 0 && (size_t)dir_arg < e->nargs && e->args[dir_arg].fd_path)
		dir = e->args[dir_arg].fd_path;
	char *full = normalize_path(dir, path);
	bool same = !strcmp(full, lab_path);
	free(full);
	free(path);
	return same;
}

static bool fd_is_lab(const struct trace_event *e, size_t arg, const char *lab_path)
{
	return arg < e->nargs && e->args[arg].fd >= 0 && e->args[arg].fd_path &&
	       !strcmp(e->args[arg].fd_path, lab_path);
}

static bool is_empty_path(const struct trace_event *e, size_t arg)
{
	return arg < e->nargs && !strcmp(e->args[arg].text, "\"\"");
}

static bool succeeded(const struct trace_event *e)
{
	return e->ret_known && e->ret >= 0 && !e->err_name;
}

#define PUSH(array, count, value)                                                  \
	do {                                                                       \
		(array) = xrealloc((array), ((count) + 1) * sizeof *(array));     \
		(array)[(count)++] = (value);                                      \
	} while (0)

/* An open, openat, creat or openat2 of the lab file. */
static void see_open(const struct trace_event *e, const char *lab_path, const char *cwd, struct lab_view *v)
{
	int dir_arg = -1, path_arg = 0, flags_arg = 1;

	if (!strcmp(e->name, "openat") || !strcmp(e->name, "openat2")) {
		dir_arg = 0;
		path_arg = 1;
		flags_arg = 2;
	} else if (strcmp(e->name, "open") && strcmp(e->name, "creat")) {
		return;
	}
	bool lab = e->ret_fd_path ? !strcmp(e->ret_fd_path, lab_path)
	                          : path_is_lab(e, dir_arg, path_arg, lab_path, cwd);
	if (!lab)
		return;
	struct lab_open o = { .call = e, .ok = succeeded(e), .fd = e->ret_fd >= 0 ? e->ret_fd : -1 };
	if (!strcmp(e->name, "creat"))
		o.access = O_WRONLY;
	else
		o.access = (size_t)flags_arg < e->nargs ? open_access_of(e->args[flags_arg].text) : -1;
	if (o.ok && o.fd < 0 && e->ret_known)
		o.fd = (long)e->ret;
	PUSH(v->opens, v->open_count, o);
}

/* A call that tells the size of the lab file: the stat family on it, or lseek(fd, 0, SEEK_END). */
static void see_size(const struct trace_event *e, const char *lab_path, const char *cwd, struct lab_view *v)
{
	const char *n = e->name;
	bool lab = false;

	if (!strcmp(n, "fstat") || !strcmp(n, "fstat64"))
		lab = fd_is_lab(e, 0, lab_path);
	else if (!strcmp(n, "newfstatat") || !strcmp(n, "fstatat64") || !strcmp(n, "statx"))
		lab = is_empty_path(e, 1) ? fd_is_lab(e, 0, lab_path) : path_is_lab(e, 0, 1, lab_path, cwd);
	else if (!strcmp(n, "stat") || !strcmp(n, "lstat") || !strcmp(n, "stat64") || !strcmp(n, "lstat64"))
		lab = path_is_lab(e, -1, 0, lab_path, cwd);
	else if (!strcmp(n, "lseek") || !strcmp(n, "_llseek"))
		lab = fd_is_lab(e, 0, lab_path) && e->nargs >= 3 &&
		      strstr(e->args[e->nargs - 1].text, "SEEK_END") != NULL;
	if (lab && succeeded(e))
		PUSH(v->sizes, v->size_count, e);
}

static bool arg_number(const struct trace_event *e, size_t i, unsigned long long *out)
{
	long long value;

	if (i >= e->nargs || !trace_arg_number(&e->args[i], &value))
		return false;
	*out = (unsigned long long)value;
	return true;
}

static void see_mmap(const struct trace_event *e, const char *lab_path, struct lab_view *v)
{
	if ((strcmp(e->name, "mmap") && strcmp(e->name, "mmap2")) || e->nargs < 6 || !fd_is_lab(e, 4, lab_path))
		return;
	struct lab_map m = { .call = e, .ok = succeeded(e) };
	unsigned long long off = 0;

	m.addr = (unsigned long long)e->ret;
	(void)arg_number(e, 1, &m.length);
	(void)arg_number(e, 5, &off);
	m.offset = (long long)off;
	m.fd = e->args[4].fd;
	m.prot = e->args[2].text;
	m.flags = e->args[3].text;
	PUSH(v->maps, v->map_count, m);
}

/* Whether [addr, addr+len) touches a page of a lab mapping (made before the call). */
static struct lab_map *overlapping_map(struct lab_view *v, const struct trace_event *e, size_t page)
{
	unsigned long long addr, len;

	if (!arg_number(e, 0, &addr) || !arg_number(e, 1, &len))
		return NULL;
	unsigned long long end = addr + round_pages(len ? len : 1, page);
	for (size_t i = 0; i < v->map_count; i++) {
		struct lab_map *m = &v->maps[i];

		if (!m->ok || m->call->seq > e->seq)
			continue;
		unsigned long long mend = m->addr + round_pages(m->length, page);
		if (addr < mend && m->addr < end)
			return m;
	}
	return NULL;
}

void lab_view_build(const struct trace *t, const char *lab_path, const char *cwd, struct lab_view *v)
{
	long page_size = sysconf(_SC_PAGESIZE);
	size_t page = page_size > 0 ? (size_t)page_size : 4096;

	memset(v, 0, sizeof *v);
	for (size_t i = 0; i < t->count; i++) {
		const struct trace_event *e = &t->events[i];

		if (e->kind == TRACE_CALL && !v->main_pid && !strcmp(e->name, "execve"))
			v->main_pid = e->pid;
	}
	if (!v->main_pid && t->count > 0)
		v->main_pid = t->events[0].pid;
	for (size_t i = 0; i < t->count; i++) {
		const struct trace_event *e = &t->events[i];

		if (e->kind == TRACE_KILLED && e->pid == v->main_pid && !v->fatal_signal)
			v->fatal_signal = e;
		if (e->kind != TRACE_CALL || !e->name)
			continue;
		see_open(e, lab_path, cwd, v);
		see_size(e, lab_path, cwd, v);
		see_mmap(e, lab_path, v);
		if (!strcmp(e->name, "msync") && overlapping_map(v, e, page))
			PUSH(v->msyncs, v->msync_count, e);
		if (!strcmp(e->name, "munmap")) {
			struct lab_map *m = overlapping_map(v, e, page);
			if (m) {
				PUSH(v->munmaps, v->munmap_count, e);
				if (succeeded(e) && !m->unmapped_by)
					m->unmapped_by = e;
			}
		}
		if (!strcmp(e->name, "close") && fd_is_lab(e, 0, lab_path)) {
			PUSH(v->closes, v->close_count, e);
			/* The most recent open that returned this descriptor is now closed. */
			for (size_t k = v->open_count; k-- > 0;)
				if (v->opens[k].ok && v->opens[k].fd == e->args[0].fd && !v->opens[k].closed &&
				    v->opens[k].call->pid == e->pid) {
					v->opens[k].closed = succeeded(e);
					break;
				}
		}
	}
}

void lab_view_free(struct lab_view *v)
{
	free(v->opens);
	free(v->sizes);
	free(v->maps);
	free(v->msyncs);
	free(v->munmaps);
	free(v->closes);
	memset(v, 0, sizeof *v);
}

const struct lab_map *lab_view_main_map(const struct lab_view *v)
{
	for (size_t i = 0; i < v->map_count; i++)
		if (v->maps[i].ok)
			return &v->maps[i];
	return v->map_count ? &v->maps[0] : NULL;
}

size_t trace_call_ordinal(const struct trace *t, const struct trace_event *call)
{
	size_t n = 0;

	for (size_t i = 0; i < t->count; i++) {
		const struct trace_event *e = &t->events[i];

		/* strace counts a call when it is entered; an unfinished call merged later still entered
		   in order of its start, which for one pid is the order of completion too. */
		if (e->kind == TRACE_CALL && e->pid == call->pid && e->name && !strcmp(e->name, call->name))
			n++;
		if (e == call)
			return n;
	}
	return 0;
}
