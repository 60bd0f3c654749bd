/* rules.h - what a trace says about the lab file, process by process.
 *
 * The dynamic loader and libc open, map and close files of their own; only calls that concern the
 * lab file count. strace -y names the file behind every descriptor, so an open, fstat, mmap or close
 * is the lab file's when that path is the lab file's; a mapping is then followed by the address mmap
 * returned, which munmap and msync must name.
 *
 * Processes and threads are followed as the kernel keeps them: a fork (clone without CLONE_VM)
 * gives the child a copy of its parent's address space and descriptor table, a thread (CLONE_VM)
 * shares them; an munmap or msync acts on its own process's address space, a close or dup on its
 * own descriptor table. So a child's munmap of its inherited copy does not unmap the parent's
 * mapping, and a released mapping is never credited with a later call at the same address. */
#ifndef MMAPLAB_RULES_H
#define MMAPLAB_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "trace.h"

struct lab_open {
	const struct trace_event *call;
	bool ok;                   /* returned a descriptor */
	long fd;
	int access;                /* O_RDONLY, O_WRONLY or O_RDWR; -1 when it could not be read */
	bool closed;               /* the descriptor it returned was closed later by the same table */
};

/* A descriptor of the lab file still open in the main process when the trace ends: from an open or
 * a dup (dup, dup2, dup3, fcntl F_DUPFD). */
struct lab_fd {
	long fd;
	const struct trace_event *made_by;
};

struct lab_map {
	const struct trace_event *call;
	bool ok;
	unsigned long long addr;   /* what mmap returned */
	unsigned long long length; /* the length argument */
	long long offset;
	long fd;
	const char *prot;          /* the flag texts as strace printed them */
	const char *flags;
	int space;                 /* the address space it was made in (0: the main process's) */
	const struct trace_event *unmapped_by;   /* the munmap, in its own address space, that removed
	                                            it (or a part of it), or the mremap that moved it */
	/* The size of the file as that process last learned it before this mmap: the result of its
	   fstat/stat/statx/lseek(SEEK_END), or the length of its ftruncate. */
	bool seen_known;
	unsigned long long seen_size;
	/* An mremap made a new mapping of it (call = the mremap): its index + 1 in maps, or 0. */
	size_t moved_to;
};

struct lab_view {
	int main_pid;              /* the pid of the program's execve, 0 if none was seen */
	struct lab_open *opens;    size_t open_count;
	const struct trace_event **sizes; size_t size_count;   /* fstat/stat/statx/lseek(SEEK_END) on it */
	struct lab_map *maps;      size_t map_count;           /* mmap of it, in order */
	const struct trace_event **msyncs;  size_t msync_count;  /* msync overlapping a lab mapping */
	const struct trace_event **munmaps; size_t munmap_count; /* munmap overlapping a lab mapping */
	const struct trace_event **closes;  size_t close_count;  /* close of a lab descriptor */
	struct lab_fd *left_open;  size_t left_open_count;     /* the main process's, at the end */
	/* Bytes of the lab file moved by a system call instead of through the mapping: read, pread64,
	   readv, preadv, preadv2, and sendfile, splice, copy_file_range from it; write, pwrite64,
	   writev, pwritev, pwritev2, and sendfile, splice, copy_file_range into it. Failed calls are
	   left out. */
	const struct trace_event **reads;   size_t read_count;
	const struct trace_event **writes;  size_t write_count;
	const struct trace_event *fatal_signal;  /* the first "+++ killed by" of the main pid, or NULL */
};

/* Whether e is a call that makes a process or a thread: clone, clone3, fork or vfork, whether or not
 * it succeeded (its return value, when positive, is the new pid). */
bool trace_call_makes_process(const struct trace_event *e);

/* Builds the view of trace t for the lab file at lab_path (absolute, resolved); cwd resolves
 * relative paths of calls without a directory descriptor. */
void lab_view_build(const struct trace *t, const char *lab_path, const char *cwd, struct lab_view *v);
void lab_view_free(struct lab_view *v);

/* The first successful mapping of the lab file (by any process or thread), or the first attempt if
 * none succeeded, or NULL. */
const struct lab_map *lab_view_main_map(const struct lab_view *v);

/* Where mapping m ended up after the mremaps that moved it (m itself when none did). */
const struct lab_map *lab_map_final(const struct lab_view *v, const struct lab_map *m);

/* Whether a write to the lab file only extends it rather than putting bytes in it: made before any
 * mapping and writing only zero bytes (the lseek + one-byte write idiom, padding with zeros), which
 * is what ftruncate does. */
bool lab_write_only_extends(const struct lab_view *v, const struct trace_event *w);

/* The 1-based position of `call` among the calls named like it made by the same pid: what strace's
 * inject=NAME:when=N counts. With only_path, only calls with an argument naming that path count
 * (what strace -P makes it count). */
size_t trace_call_ordinal(const struct trace *t, const struct trace_event *call, const char *only_path);

/* The most calls named `name` that any pid other than `pid` made (with only_path: on that path): an
 * injection when=N aimed at pid's call would also hit a pid that made N or more. */
size_t trace_most_calls_elsewhere(const struct trace *t, const char *name, int pid, const char *only_path);

/* Rounds n up to a whole number of pages. */
unsigned long long round_pages(unsigned long long n, size_t page);

/* The call's text for evidence: the line without the pid prefix. */
const char *call_text(const struct trace_event *e);

/* Whether flag (e.g. "CLONE_VM") is one of the call's flags: it appears in some argument as a whole
 * name, not as part of a longer one (CLONE_VMX), wherever strace printed it (clone's flags=...,
 * clone3's struct, a bare flags argument). Reads only the argument texts. */
bool call_has_flag(const struct trace_event *e, const char *flag);

/* The access mode (O_RDONLY...) named in an open flag text, or -1. */
int open_access_of(const char *flags);

#endif
