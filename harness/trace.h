/* trace.h - read the log that `strace -f -y -qq -o FILE` writes into a list of calls.
 *
 * The log is untrusted: the traced program controls the strings strace prints (paths, buffers), so
 * the parser accepts any bytes, never crashes, and keeps what it cannot understand as raw text. */
#ifndef MMAPLAB_TRACE_H
#define MMAPLAB_TRACE_H

#include <stdbool.h>
#include <stddef.h>

/* One argument as strace printed it, split at top-level commas. */
struct trace_arg {
	char *text;     /* the argument exactly as printed, e.g. `3</tmp/x/link.txt>`, `"abc"...`, `PROT_READ|PROT_WRITE` */
	long fd;        /* for `N<path>` (strace -y): N; otherwise -1 (also for `AT_FDCWD<path>`,
	                   which is not a descriptor) */
	char *fd_path;  /* for `N<path>`: the path with strace's escapes decoded and the deleted mark
	                   removed; for `AT_FDCWD<path>`: the working directory (fd stays -1);
	                   otherwise NULL */
	bool fd_deleted;/* the file was deleted: strace 6.x prints `N<path>(deleted)`, older versions
	                   `N<path (deleted)>`; both are recognised */
};

enum trace_event_kind {
	TRACE_CALL,     /* a system call, finished (an unfinished/resumed pair is merged into one) */
	TRACE_SIGNAL,   /* `--- SIGSEGV {...} ---` */
	TRACE_EXIT,     /* `+++ exited with N +++` */
	TRACE_KILLED,   /* `+++ killed by SIGX [(core dumped)] +++` */
	TRACE_OTHER,    /* anything else: kept so that nothing is silently lost */
};

struct trace_event {
	enum trace_event_kind kind;
	int pid;                /* 0 when the line had no pid prefix */
	size_t seq;             /* position in the log, in order of completion of the call */
	char *line;             /* the whole line as strace printed it, pid included (for a merged
	                           pair: the unfinished line, '\n', the resumed line), for evidence */

	/* TRACE_CALL */
	char *name;             /* e.g. "openat", "mmap" */
	struct trace_arg *args;
	size_t nargs;
	char *ret_text;         /* the text after " = ", e.g. "0x7f..", "-1 ENOENT (No such file...)", "?" */
	bool ret_known;         /* the return value was a number (not "?") */
	long long ret;          /* the number (hex or decimal; negative for -1) */
	long ret_fd;            /* `= 3</path>`: 3, else -1 */
	char *ret_fd_path;      /* `= 3</path>`: the decoded path, else NULL */
	char *err_name;         /* "ENOENT" when the call failed (also for `= ? ERESTARTSYS ...`),
	                           else NULL */
	bool injected;          /* strace marked the result "(INJECTED)" */

	/* TRACE_SIGNAL, TRACE_KILLED: the signal's name, e.g. "SIGSEGV"; TRACE_EXIT: NULL */
	char *signal_name;
	/* TRACE_EXIT: the exit status */
	int exit_status;
};

struct trace {
	struct trace_event *events;
	size_t count;
};

/* Parses the whole log held in buf[0..len) (allocation uses util.h's x* functions). Returns 0.
 * Lines that cannot be understood become TRACE_OTHER events (so do `--- stopped by SIGSTOP ---`, a
 * `<... X resumed>` with no unfinished X of the same pid before it, and any line holding a NUL
 * byte); empty lines are dropped. A call left unfinished at the end of the log, or when its process
 * exits, is kept as a TRACE_CALL with ret_text "?" and ret_known false. */
int trace_parse(const char *buf, size_t len, struct trace *out);

/* Reads FILE and parses it as trace_parse does (only its first 256 MiB). Returns 0, or -1 with errno
 * set. */
int trace_parse_file(const char *path, struct trace *out);

void trace_free(struct trace *t);

/* Parses a flag set such as `PROT_READ|PROT_WRITE` or `MAP_SHARED|0x20`: true when the token `flag`
 * appears as one of the |-separated names. */
bool trace_flag_has(const char *text, const char *flag);

/* Parses an argument printed as a number (decimal, 0x hex, 0644 octal, NULL as 0, `N<path>` as N).
 * Returns true on success. */
bool trace_arg_number(const struct trace_arg *arg, long long *value);

/* The value of `key=` inside a struct printed by strace, e.g. key "st_size" in
 * `{st_mode=S_IFREG|0644, st_size=6756, ...}` or "stx_size" in a statx buffer. Returns true when found. */
bool trace_struct_field(const char *text, const char *key, long long *value);

/* Decodes a string as strace prints it inside quotes or in -y paths (\n, \t, \", \\, \NNN octal,
 * \xNN hex). Returns a newly allocated NUL-terminated string; *len (if not NULL) gets its length,
 * which may include NUL bytes. Returns NULL on allocation failure. */
char *trace_unescape(const char *s, size_t n, size_t *len);

#endif
