/* util.h - small helpers shared by every module: checked allocation, a growable string, reading a
 * whole file, and the one place that reports a fatal error of the grader itself. */
#ifndef MMAPLAB_UTIL_H
#define MMAPLAB_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The grader's exit statuses (documented in README.md and docs-ko/grader.md). */
enum {
	EXIT_ALL_PASSED = 0,   /* every graded check passed */
	EXIT_SOME_FAILED = 1,  /* a check failed or was skipped */
	EXIT_CANNOT_GRADE = 2, /* usage error, or the grader cannot work here */
	EXIT_INTERRUPTED = 130,/* stopped by SIGINT/SIGTERM; everything was cleaned up */
};

/* Allocation that cannot fail: on exhaustion the grader prints why and exits with
 * EXIT_CANNOT_GRADE, since no verdict is trustworthy after that. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte string, always NUL-terminated. */
struct strbuf {
	char *data;
	size_t len;
	size_t cap;
};
void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_append(struct strbuf *sb, const void *data, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
/* Takes the buffer out of sb (the caller frees it) and leaves sb empty, owning nothing (sb_free
 * is then optional; appending again works). */
char *sb_steal(struct strbuf *sb);

/* Reads at most max bytes of the file into a new NUL-terminated buffer. Returns 0 and sets *data,
 * *len (and *truncated when the file was longer than max); -1 with errno set otherwise. */
int read_file(const char *path, size_t max, char **data, size_t *len, bool *truncated);

/* Writes all n bytes to fd, retrying on EINTR and short writes. Returns 0, or -1 with errno set. */
int write_all(int fd, const void *data, size_t n);

/* Seconds on the monotonic clock (for elapsed times; dies if the clock cannot be read). */
double monotonic_seconds(void);

/* A fatal error of the grader itself (not of the submission): prints "mmaplab: WHAT: strerror"
 * and exits with EXIT_CANNOT_GRADE after the registered cleanup ran. */
void die_errno(const char *what) __attribute__((noreturn));
void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* A file written under a temporary name and renamed into place when complete, so that a reader
 * (or a later run) never sees half of it. */
struct atomic_file {
	FILE *f;
	char *tmp;
	char *final;
};

/* Opens a new temporary file in dir, which must be on the same filesystem as final (final's own
 * directory, or a staging directory beside it). Returns the stream, or NULL with errno set. */
FILE *atomic_open_in(struct atomic_file *af, const char *dir, const char *final);

/* Closes the file and renames it to its final name. Returns 0, or -1 with errno set (the temporary
 * file is then removed). */
int atomic_commit(struct atomic_file *af);

/* Closes and removes the temporary file: nothing replaces final. */
void atomic_discard(struct atomic_file *af);

/* A function that die() and die_errno() call before exiting (removes scratch directories, kills
 * children). Only one; later calls replace it. */
void set_fatal_cleanup(void (*fn)(void));

#endif
