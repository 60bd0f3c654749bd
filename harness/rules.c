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

static bool arg_number(const struct trace_event *e, size_t i, unsigned long long *out)
{
	long long value;

	if (i >= e->nargs || !trace_arg_number(&e->args[i], &value))
		return false;
	*out = (unsigned long long)value;
	return true;
}

/* ---- processes: which address space and descriptor table each pid uses ---------------------- */

struct proc {
	int pid;
	int space;                 /* address space id; 0 is the main process's */
	int table;                 /* descriptor table id; 0 is the main process's */
};

/* A clone, fork or vfork that returned a child's pid. */
struct birth {
	int child, parent;
	bool shares_space;         /* CLONE_VM: a thread (or vfork) */
	bool shares_table;         /* CLONE_FILES */
};

/* A descriptor of the lab file in a table. */
struct fd_entry {
	int table;
	long fd;
	long open;                 /* index in view->opens, or -1 when its origin is unknown */
	const struct trace_event *made_by;
};

/* A lab mapping present in an address space. */
struct instance {
	int space;
	size_t map;                /* index in view->maps */
};

/* pid -> index, open addressing (a fork bomb makes tens of thousands of pids: no linear search). */
struct pid_index {
	int *pids;                 /* 0: empty slot */
	size_t *at;
	size_t cap, used;
};

/* Forks beyond this many processes still get a process of their own, but an empty copy: a program
 * that forks without end must not make the view quadratic in its forks. */
#define MODEL_COPIES_MAX 1024

struct model {
	struct proc *procs;        size_t proc_count;
	struct pid_index proc_at;  /* pid -> index in procs */
	struct birth *births;      size_t birth_count;
	struct pid_index birth_at; /* child pid -> index in births (the first birth of that pid) */
	size_t copies;             /* spaces and tables copied so far */
	struct fd_entry *fds;      size_t fd_count;
	struct instance *live;     size_t live_count;
	int spaces, tables;        /* ids handed out so far */
	/* The size each address space's process last learned (index: space id). */
	unsigned long long *seen;  bool *seen_known;  size_t seen_cap;
	size_t page;
};

static size_t slot_of(const struct pid_index *ix, int pid)
{
	size_t h = ((size_t)(unsigned)pid * 2654435761u) & (ix->cap - 1);

	while (ix->pids[h] != 0 && ix->pids[h] != pid)
		h = (h + 1) & (ix->cap - 1);
	return h;
}

/* The index stored for pid, or -1. */
static long pid_lookup(const struct pid_index *ix, int pid)
{
	if (ix->cap == 0 || pid == 0)
		return -1;
	size_t h = slot_of(ix, pid);
	return ix->pids[h] == pid ? (long)ix->at[h] : -1;
}

/* Stores pid -> at unless pid is already there (pid 0, a line without one, is never stored). */
static void pid_store(struct pid_index *ix, int pid, size_t at)
{
	if (pid == 0)
		return;
	if (2 * (ix->used + 1) > ix->cap) {
		struct pid_index grown = { .cap = ix->cap ? 2 * ix->cap : 64 };
		grown.pids = xcalloc(grown.cap, sizeof *grown.pids);
		grown.at = xcalloc(grown.cap, sizeof *grown.at);
		for (size_t i = 0; i < ix->cap; i++)
			if (ix->pids[i] != 0) {
				size_t h = slot_of(&grown, ix->pids[i]);
				grown.pids[h] = ix->pids[i];
				grown.at[h] = ix->at[i];
				grown.used++;
			}
		free(ix->pids);
		free(ix->at);
		*ix = grown;
	}
	size_t h = slot_of(ix, pid);
	if (ix->pids[h] == pid)
		return;
	ix->pids[h] = pid;
	ix->at[h] = at;
	ix->used++;
}

static void pid_index_free(struct pid_index *ix)
{
	free(ix->pids);
	free(ix->at);
}

#define PUSH(array, count, value)                                                  \
	do {                                                                       \
		(array) = xrealloc((array), ((count) + 1) * sizeof *(array));     \
		(array)[(count)++] = (value);                                      \
	} while (0)

/* Whether the flag token appears anywhere in the call's arguments (clone's flags=..., clone3's
 * struct), see rules.h. */
bool call_has_flag(const struct trace_event *e, const char *flag)
{
	size_t n = strlen(flag);

	for (size_t i = 0; i < e->nargs; i++)
		for (const char *p = strstr(e->args[i].text, flag); p; p = strstr(p + 1, flag)) {
			char before = p == e->args[i].text ? '|' : p[-1], after = p[n];
			bool ident_before = before == '_' || (before >= 'A' && before <= 'Z');
			bool ident_after = after == '_' || (after >= 'A' && after <= 'Z') || (after >= '0' && after <= '9');
			if (!ident_before && !ident_after)
				return true;
		}
	return false;
}

static void note_birth(struct model *md, const struct trace_event *e)
{
	const char *n = e->name;
	struct birth b = { .parent = e->pid };

	if (!e->ret_known || e->ret <= 0)
		return;
	if (!strcmp(n, "fork")) {
		b.shares_space = b.shares_table = false;
	} else if (!strcmp(n, "vfork")) {
		b.shares_space = true;
		b.shares_table = false;
	} else if (!strcmp(n, "clone") || !strcmp(n, "clone3")) {
		b.shares_space = call_has_flag(e, "CLONE_VM");
		b.shares_table = call_has_flag(e, "CLONE_FILES");
	} else {
		return;
	}
	b.child = (int)e->ret;
	PUSH(md->births, md->birth_count, b);
	pid_store(&md->birth_at, b.child, md->birth_count - 1);
}

static struct proc *find_proc(struct model *md, int pid)
{
	long i = pid_lookup(&md->proc_at, pid);

	return i >= 0 ? &md->procs[i] : NULL;
}

/* A new address space holding a copy of `from`'s lab mappings (from < 0: empty). */
static int copy_space(struct model *md, int from)
{
	int space = md->spaces++;
	size_t n = md->live_count;

	if (from >= 0 && md->copies++ >= MODEL_COPIES_MAX)
		return space;
	for (size_t i = 0; from >= 0 && i < n; i++)
		if (md->live[i].space == from) {
			struct instance copy = { space, md->live[i].map };
			PUSH(md->live, md->live_count, copy);
		}
	return space;
}

/* A new descriptor table holding a copy of `from`'s lab descriptors. */
static int copy_table(struct model *md, int from)
{
	int table = md->tables++;
	size_t n = md->fd_count;

	if (md->copies++ >= MODEL_COPIES_MAX)
		return table;
	for (size_t i = 0; i < n; i++)
		if (md->fds[i].table == from) {
			struct fd_entry copy = md->fds[i];
			copy.table = table;
			PUSH(md->fds, md->fd_count, copy);
		}
	return table;
}

/* The process of pid, made when first seen: from its birth (a copy of its parent's space and table
 * at that moment, or shared with them), else as part of the main process (a trace cut to the lab
 * file's calls by strace -P shows no clone). */
static struct proc proc_made(struct model *md, int pid, int depth);

static struct proc proc_of(struct model *md, int pid)
{
	return proc_made(md, pid, 0);
}

/* proc_of, `depth` parents up: a parent is normally seen before its child, so the chain is short;
 * a log that says otherwise (a forged one) stops at 64 and is taken as part of the main process. */
static struct proc proc_made(struct model *md, int pid, int depth)
{
	struct proc *p = find_proc(md, pid);

	if (p)
		return *p;
	struct proc made = { .pid = pid, .space = 0, .table = 0 };
	long bi = pid_lookup(&md->birth_at, pid);
	if (bi >= 0 && md->births[bi].parent != pid && depth < 64) {
		const struct birth b = md->births[bi];
		/* Stored before the parent is made, so that a cycle of births (a forged log) ends. */
		PUSH(md->procs, md->proc_count, made);
		pid_store(&md->proc_at, pid, md->proc_count - 1);
		struct proc parent = proc_made(md, b.parent, depth + 1);
		made.space = b.shares_space ? parent.space : copy_space(md, parent.space);
		made.table = b.shares_table ? parent.table : copy_table(md, parent.table);
		*find_proc(md, pid) = made;
		return made;
	}
	PUSH(md->procs, md->proc_count, made);
	pid_store(&md->proc_at, pid, md->proc_count - 1);
	return made;
}

static struct fd_entry *find_fd(struct model *md, int table, long fd)
{
	for (size_t i = 0; i < md->fd_count; i++)
		if (md->fds[i].table == table && md->fds[i].fd == fd)
			return &md->fds[i];
	return NULL;
}

/* Removes the table's entry for fd (a close, or a dup2 onto it); the open it came from is closed
 * when that was its own descriptor. */
static void drop_fd(struct model *md, struct lab_view *v, int table, long fd)
{
	struct fd_entry *f = find_fd(md, table, fd);

	if (!f)
		return;
	if (f->open >= 0 && v->opens[f->open].call == f->made_by)
		v->opens[f->open].closed = true;
	*f = md->fds[--md->fd_count];
}

static void add_fd(struct model *md, struct lab_view *v, int table, long fd, long open,
                   const struct trace_event *made_by)
{
	drop_fd(md, v, table, fd);
	struct fd_entry f = { table, fd, open, made_by };
	PUSH(md->fds, md->fd_count, f);
}

/* ---- the lab file's calls --------------------------------------------------------------------- */

/* An open, openat, creat or openat2 of the lab file. */
static void see_open(struct model *md, const struct trace_event *e, const char *lab_path, const char *cwd,
                     struct lab_view *v)
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
	if (o.ok)
		add_fd(md, v, proc_of(md, e->pid).table, o.fd, (long)v->open_count - 1, e);
}

/* dup, dup2, dup3 and fcntl(F_DUPFD...) of a lab descriptor: the copy refers to the same open. */
static void see_dup(struct model *md, const struct trace_event *e, const char *lab_path, struct lab_view *v)
{
	const char *n = e->name;
	bool dup = !strcmp(n, "dup") || !strcmp(n, "dup2") || !strcmp(n, "dup3");
	bool fcntl_dup = !strcmp(n, "fcntl") && e->nargs >= 2 && strstr(e->args[1].text, "F_DUPFD");

	if ((!dup && !fcntl_dup) || !fd_is_lab(e, 0, lab_path) || !succeeded(e))
		return;
	int table = proc_of(md, e->pid).table;
	long newfd = e->ret_fd >= 0 ? e->ret_fd : (long)e->ret;
	if (newfd == e->args[0].fd)
		return; /* dup2(fd, fd) changes nothing */
	const struct fd_entry *from = find_fd(md, table, e->args[0].fd);
	add_fd(md, v, table, newfd, from ? from->open : -1, e);
}

/* Remembers that the process of e's address space learned the size `size` of the lab file. */
static void learn_size(struct model *md, const struct trace_event *e, unsigned long long size)
{
	int space = proc_of(md, e->pid).space;

	if ((size_t)space >= md->seen_cap) {
		size_t cap = (size_t)space + 16;
		md->seen = xrealloc(md->seen, cap * sizeof *md->seen);
		md->seen_known = xrealloc(md->seen_known, cap * sizeof *md->seen_known);
		memset(md->seen_known + md->seen_cap, 0, (cap - md->seen_cap) * sizeof *md->seen_known);
		md->seen_cap = cap;
	}
	md->seen[space] = size;
	md->seen_known[space] = true;
}

/* The size a stat-family call or lseek(SEEK_END) reported, when it can be read. */
static bool reported_size(const struct trace_event *e, unsigned long long *size)
{
	long long v;

	if (!strcmp(e->name, "lseek") || !strcmp(e->name, "_llseek")) {
		long long off;
		if (e->nargs < 2 || !trace_arg_number(&e->args[1], &off) || off != 0 || !e->ret_known)
			return false;
		*size = (unsigned long long)e->ret;
		return true;
	}
	for (size_t i = 0; i < e->nargs; i++)
		if (trace_struct_field(e->args[i].text, "st_size", &v) ||
		    trace_struct_field(e->args[i].text, "stx_size", &v)) {
			*size = (unsigned long long)v;
			return true;
		}
	return false;
}

/* A call that tells the size of the lab file: the stat family on it, or lseek(fd, 0, SEEK_END). */
static void see_size(struct model *md, const struct trace_event *e, const char *lab_path, const char *cwd,
                     struct lab_view *v)
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
	if (lab && succeeded(e)) {
		unsigned long long size;
		PUSH(v->sizes, v->size_count, e);
		if (reported_size(e, &size))
			learn_size(md, e, size);
	}
	/* A process that sets the size itself knows it too. */
	if ((!strcmp(n, "ftruncate") || !strcmp(n, "ftruncate64")) && fd_is_lab(e, 0, lab_path) && succeeded(e)) {
		unsigned long long size;
		if (arg_number(e, 1, &size))
			learn_size(md, e, size);
	}
}

/* The argument index of the lab file's descriptor that a call reads bytes from (-1: none). */
static int read_fd_arg(const char *n)
{
	if (!strcmp(n, "read") || !strcmp(n, "pread64") || !strcmp(n, "readv") || !strcmp(n, "preadv") ||
	    !strcmp(n, "preadv2") || !strcmp(n, "splice") || !strcmp(n, "copy_file_range"))
		return 0;
	if (!strcmp(n, "sendfile") || !strcmp(n, "sendfile64"))
		return 1;
	return -1;
}

/* The argument index of the lab file's descriptor that a call writes bytes to (-1: none). */
static int write_fd_arg(const char *n)
{
	if (!strcmp(n, "write") || !strcmp(n, "pwrite64") || !strcmp(n, "writev") || !strcmp(n, "pwritev") ||
	    !strcmp(n, "pwritev2") || !strcmp(n, "sendfile") || !strcmp(n, "sendfile64"))
		return 0;
	if (!strcmp(n, "splice") || !strcmp(n, "copy_file_range"))
		return 2;
	return -1;
}

/* A call that moves bytes of the lab file without the mapping. */
static void see_transfer(const struct trace_event *e, const char *lab_path, struct lab_view *v)
{
	int r = read_fd_arg(e->name), w = write_fd_arg(e->name);

	if (!succeeded(e))
		return;
	if (r >= 0 && fd_is_lab(e, (size_t)r, lab_path))
		PUSH(v->reads, v->read_count, e);
	if (w >= 0 && fd_is_lab(e, (size_t)w, lab_path))
		PUSH(v->writes, v->write_count, e);
}

static void see_mmap(struct model *md, const struct trace_event *e, const char *lab_path, struct lab_view *v)
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
	m.space = proc_of(md, e->pid).space;
	if ((size_t)m.space < md->seen_cap && md->seen_known[m.space]) {
		m.seen_known = true;
		m.seen_size = md->seen[m.space];
	}
	PUSH(v->maps, v->map_count, m);
	if (m.ok) {
		struct instance in = { m.space, v->map_count - 1 };
		PUSH(md->live, md->live_count, in);
	}
}

/* The index in md->live of the first lab mapping alive in the caller's address space that
 * [addr, addr+len) touches (a page of it), starting at *from; -1 when none. */
static long next_overlap(struct model *md, const struct lab_view *v, const struct trace_event *e, size_t from)
{
	unsigned long long addr, len;

	if (!arg_number(e, 0, &addr) || !arg_number(e, 1, &len))
		return -1;
	int space = proc_of(md, e->pid).space;
	unsigned long long end = addr + round_pages(len ? len : 1, md->page);
	for (size_t i = from; i < md->live_count; i++) {
		const struct lab_map *m = &v->maps[md->live[i].map];

		if (md->live[i].space != space)
			continue;
		unsigned long long mend = m->addr + round_pages(m->length, md->page);
		if (addr < mend && m->addr < end)
			return (long)i;
	}
	return -1;
}

/* Whether [addr, addr+len) of the call touches a lab mapping made in the caller's address space
 * before it, alive or already unmapped (an msync after munmap is still an msync of that mapping). */
static bool touches_a_map(struct model *md, const struct lab_view *v, const struct trace_event *e)
{
	unsigned long long addr, len;

	if (next_overlap(md, v, e, 0) >= 0)
		return true;
	if (!arg_number(e, 0, &addr) || !arg_number(e, 1, &len))
		return false;
	int space = proc_of(md, e->pid).space;
	unsigned long long end = addr + round_pages(len ? len : 1, md->page);
	for (size_t i = 0; i < v->map_count; i++) {
		const struct lab_map *m = &v->maps[i];
		unsigned long long mend = m->addr + round_pages(m->length, md->page);

		if (m->ok && m->space == space && m->call->seq < e->seq && addr < mend && m->addr < end)
			return true;
	}
	return false;
}

/* An munmap: every lab mapping of the caller's space that it touches is gone from that space. */
static void see_munmap(struct model *md, const struct trace_event *e, struct lab_view *v)
{
	long i = next_overlap(md, v, e, 0);

	if (i < 0)
		return;
	PUSH(v->munmaps, v->munmap_count, e);
	if (!succeeded(e))
		return;
	for (; i >= 0; i = next_overlap(md, v, e, (size_t)i)) {
		struct lab_map *m = &v->maps[md->live[i].map];

		if (m->space == md->live[i].space && !m->unmapped_by)
			m->unmapped_by = e;
		md->live[i] = md->live[--md->live_count];
	}
}

/* mremap(old, old_size, new_size, flags[, new]): the lab mapping at old, in the caller's space, now
 * lives at the address returned with new_size bytes: a new mapping (call = the mremap) that the
 * unmapping rules judge, while the old one counts as released by the mremap. */
static void see_mremap(struct model *md, const struct trace_event *e, struct lab_view *v)
{
	long i = next_overlap(md, v, e, 0);
	unsigned long long new_size;

	if (i < 0 || !succeeded(e) || !arg_number(e, 2, &new_size))
		return;
	size_t from = md->live[i].map;
	struct lab_map moved = v->maps[from];
	moved.call = e;
	moved.addr = (unsigned long long)e->ret;
	moved.length = new_size;
	moved.unmapped_by = NULL;
	moved.moved_to = 0;
	moved.space = md->live[i].space;
	PUSH(v->maps, v->map_count, moved);
	if (v->maps[from].space == moved.space && !v->maps[from].unmapped_by)
		v->maps[from].unmapped_by = e;
	v->maps[from].moved_to = v->map_count;
	md->live[i].map = v->map_count - 1;
}

/* A successful execve replaces the caller's address space (its mappings are gone). */
static void see_execve(struct model *md, const struct trace_event *e, bool first)
{
	if (first || !succeeded(e))
		return;
	struct proc *p = find_proc(md, e->pid);
	if (p)
		p->space = copy_space(md, -1);
}

bool trace_call_makes_process(const struct trace_event *e)
{
	return e->kind == TRACE_CALL && e->name &&
	       (!strcmp(e->name, "clone") || !strcmp(e->name, "clone3") || !strcmp(e->name, "fork") ||
	        !strcmp(e->name, "vfork"));
}

void lab_view_build(const struct trace *t, const char *lab_path, const char *cwd, struct lab_view *v)
{
	long page_size = sysconf(_SC_PAGESIZE);
	struct model md = { .page = page_size > 0 ? (size_t)page_size : 4096, .spaces = 1, .tables = 1 };
	const struct trace_event *first_execve = NULL;

	memset(v, 0, sizeof *v);
	for (size_t i = 0; i < t->count; i++) {
		const struct trace_event *e = &t->events[i];

		if (e->kind != TRACE_CALL || !e->name)
			continue;
		if (!first_execve && !strcmp(e->name, "execve")) {
			first_execve = e;
			v->main_pid = e->pid;
		}
		note_birth(&md, e);
	}
	if (!v->main_pid && t->count > 0)
		v->main_pid = t->events[0].pid;
	struct proc main_proc = { .pid = v->main_pid, .space = 0, .table = 0 };
	PUSH(md.procs, md.proc_count, main_proc);
	pid_store(&md.proc_at, v->main_pid, 0);
	for (size_t i = 0; i < t->count; i++) {
		const struct trace_event *e = &t->events[i];

		if (e->kind == TRACE_KILLED && e->pid == v->main_pid && !v->fatal_signal)
			v->fatal_signal = e;
		if (e->kind != TRACE_CALL || !e->name)
			continue;
		(void)proc_of(&md, e->pid);
		/* A child is a copy of its parent as it was when the clone returned (or when the child was
		   first seen, if sooner): its parent could do nothing in between. */
		if (e->ret_known && e->ret > 0 && trace_call_makes_process(e))
			(void)proc_of(&md, (int)e->ret);
		if (!strcmp(e->name, "execve"))
			see_execve(&md, e, e == first_execve);
		see_open(&md, e, lab_path, cwd, v);
		see_dup(&md, e, lab_path, v);
		see_size(&md, e, lab_path, cwd, v);
		see_mmap(&md, e, lab_path, v);
		see_transfer(e, lab_path, v);
		if (!strcmp(e->name, "mremap"))
			see_mremap(&md, e, v);
		if (!strcmp(e->name, "msync") && touches_a_map(&md, v, e))
			PUSH(v->msyncs, v->msync_count, e);
		if (!strcmp(e->name, "munmap"))
			see_munmap(&md, e, v);
		if (!strcmp(e->name, "close") && fd_is_lab(e, 0, lab_path)) {
			PUSH(v->closes, v->close_count, e);
			if (succeeded(e))
				drop_fd(&md, v, proc_of(&md, e->pid).table, e->args[0].fd);
		}
	}
	for (size_t i = 0; i < md.fd_count; i++)
		if (md.fds[i].table == 0) {
			struct lab_fd left = { md.fds[i].fd, md.fds[i].made_by };
			PUSH(v->left_open, v->left_open_count, left);
		}
	free(md.procs);
	pid_index_free(&md.proc_at);
	free(md.births);
	pid_index_free(&md.birth_at);
	free(md.seen);
	free(md.seen_known);
	free(md.fds);
	free(md.live);
}

void lab_view_free(struct lab_view *v)
{
	free(v->opens);
	free(v->sizes);
	free(v->maps);
	free(v->msyncs);
	free(v->munmaps);
	free(v->closes);
	free(v->left_open);
	free(v->reads);
	free(v->writes);
	memset(v, 0, sizeof *v);
}

const struct lab_map *lab_view_main_map(const struct lab_view *v)
{
	for (size_t i = 0; i < v->map_count; i++)
		if (v->maps[i].ok)
			return &v->maps[i];
	return v->map_count ? &v->maps[0] : NULL;
}

/* Whether the call names path by a descriptor or a returned descriptor (what strace -P matches). */
static bool call_names_path(const struct trace_event *e, const char *path)
{
	if (e->ret_fd_path && !strcmp(e->ret_fd_path, path))
		return true;
	for (size_t a = 0; a < e->nargs; a++)
		if (e->args[a].fd_path && !strcmp(e->args[a].fd_path, path))
			return true;
	return false;
}

static bool counts(const struct trace_event *e, const char *name, const char *only_path)
{
	return e->kind == TRACE_CALL && e->name && !strcmp(e->name, name) &&
	       (!only_path || call_names_path(e, only_path));
}

const struct lab_map *lab_map_final(const struct lab_view *v, const struct lab_map *m)
{
	/* Each move makes a later entry, so the chain ends. */
	while (m->moved_to > 0 && m->moved_to <= v->map_count && &v->maps[m->moved_to - 1] > m)
		m = &v->maps[m->moved_to - 1];
	return m;
}

/* Whether a write's buffer, as strace printed it ("\0\0\0", maybe cut with "..."), holds only
 * zero bytes. */
static bool writes_only_zeros(const struct trace_event *w)
{
	if ((strcmp(w->name, "write") && strcmp(w->name, "pwrite64")) || w->nargs < 2)
		return false;
	const char *p = w->args[1].text;
	if (*p++ != '"')
		return false;
	while (p[0] == '\\' && p[1] == '0' && (p[2] < '0' || p[2] > '7'))
		p += 2;
	return !strcmp(p, "\"") || !strcmp(p, "\"...");
}

bool lab_write_only_extends(const struct lab_view *v, const struct trace_event *w)
{
	for (size_t i = 0; i < v->map_count; i++)
		if (v->maps[i].call->seq < w->seq)
			return false;
	/* Zero bytes written at the end make the file longer and put nothing in it, as ftruncate does
	   (the lseek + one-byte write idiom writes one). */
	return writes_only_zeros(w);
}

size_t trace_call_ordinal(const struct trace *t, const struct trace_event *call, const char *only_path)
{
	size_t n = 0;

	for (size_t i = 0; i < t->count; i++) {
		const struct trace_event *e = &t->events[i];

		/* strace counts a call when it is entered; an unfinished call merged later still entered
		   in order of its start, which for one pid is the order of completion too. */
		if (e->pid == call->pid && counts(e, call->name, only_path))
			n++;
		if (e == call)
			return n;
	}
	return 0;
}

size_t trace_most_calls_elsewhere(const struct trace *t, const char *name, int pid, const char *only_path)
{
	struct { int pid; size_t n; } *per = NULL;
	size_t pids = 0, most = 0;

	for (size_t i = 0; i < t->count; i++) {
		const struct trace_event *e = &t->events[i];
		size_t k;

		if (e->pid == pid || !counts(e, name, only_path))
			continue;
		for (k = 0; k < pids && per[k].pid != e->pid; k++)
			;
		if (k == pids) {
			per = xrealloc(per, (pids + 1) * sizeof *per);
			per[pids].pid = e->pid;
			per[pids++].n = 0;
		}
		if (++per[k].n > most)
			most = per[k].n;
	}
	free(per);
	return most;
}
