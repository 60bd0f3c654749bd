/* util.c - see util.h. */
#define _GNU_SOURCE
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void (*fatal_cleanup)(void);

void set_fatal_cleanup(void (*fn)(void))
{
	fatal_cleanup = fn;
}

static void run_cleanup(void)
{
	void (*fn)(void) = fatal_cleanup;

	/* Clear it first: a failure inside the cleanup must not recurse. */
	fatal_cleanup = NULL;
	if (fn)
		fn();
}

void die_errno(const char *what)
{
	int saved = errno;

	run_cleanup();
	fprintf(stderr, "mmaplab: %s: %s\n", what, strerror(saved));
	exit(EXIT_CANNOT_GRADE);
}

void die(const char *fmt, ...)
{
	va_list ap;

	run_cleanup();
	fputs("mmaplab: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_CANNOT_GRADE);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die_errno("malloc");
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		die_errno("calloc");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die_errno("realloc");
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;

	sb_init(&sb);
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	return sb_steal(&sb);
}

void sb_init(struct strbuf *sb)
{
	sb->cap = 64;
	sb->len = 0;
	sb->data = xmalloc(sb->cap);
	sb->data[0] = '\0';
}

void sb_free(struct strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
}

static void sb_reserve(struct strbuf *sb, size_t extra)
{
	if (sb->data && sb->len + extra + 1 <= sb->cap)
		return;
	if (sb->cap == 0)
		sb->cap = 64;
	while (sb->len + extra + 1 > sb->cap)
		sb->cap *= 2;
	sb->data = xrealloc(sb->data, sb->cap);
}

void sb_append(struct strbuf *sb, const void *data, size_t n)
{
	sb_reserve(sb, n);
	memcpy(sb->data + sb->len, data, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_append(sb, s, strlen(s));
}

void sb_putc(struct strbuf *sb, char c)
{
	sb_append(sb, &c, 1);
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		die("vsnprintf failed for format \"%s\"", fmt);
	sb_reserve(sb, (size_t)n);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

char *sb_steal(struct strbuf *sb)
{
	char *p = sb->data ? sb->data : xstrdup("");

	/* Empty and owning nothing: a later append allocates anew, and a caller that only returns
	   the stolen buffer leaks nothing. */
	sb->data = NULL;
	sb->len = sb->cap = 0;
	return p;
}

int read_file(const char *path, size_t max, char **data, size_t *len, bool *truncated)
{
	struct strbuf sb;
	char chunk[65536];
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd == -1)
		return -1;
	sb_init(&sb);
	if (truncated)
		*truncated = false;
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);

		if (n == -1) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			close(fd);
			sb_free(&sb);
			errno = saved;
			return -1;
		}
		if (n == 0)
			break;
		size_t take = (size_t)n;
		if (sb.len + take > max) {
			take = max - sb.len;
			if (truncated)
				*truncated = true;
		}
		sb_append(&sb, chunk, take);
		if (sb.len >= max)
			break;
	}
	if (close(fd) == -1) {
		sb_free(&sb);
		return -1;
	}
	*len = sb.len;
	*data = sb_steal(&sb);
	sb_free(&sb);
	return 0;
}

int write_all(int fd, const void *data, size_t n)
{
	const char *p = data;

	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

double monotonic_seconds(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		die_errno("clock_gettime");
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

FILE *atomic_open_in(struct atomic_file *af, const char *dir, const char *final)
{
	/* The temporary name does not derive from final's, which may be near NAME_MAX. */
	af->tmp = xasprintf("%s/.mmaplab-tmp.XXXXXX", dir);
	af->final = NULL;
	af->f = NULL;
	int fd = mkostemp(af->tmp, O_CLOEXEC);
	if (fd == -1) {
		int saved = errno;
		free(af->tmp);
		af->tmp = NULL;
		errno = saved;
		return NULL;
	}
	/* mkstemp makes 0600; reports are for other people's tools too. */
	if (fchmod(fd, 0644) == -1 || !(af->f = fdopen(fd, "w"))) {
		int saved = errno;
		(void)close(fd);
		(void)unlink(af->tmp);
		free(af->tmp);
		af->tmp = NULL;
		errno = saved;
		return NULL;
	}
	af->final = xstrdup(final);
	return af->f;
}

int atomic_commit(struct atomic_file *af)
{
	int rc = 0, saved = 0;

	if (ferror(af->f) | (fclose(af->f) == EOF)) {
		saved = errno ? errno : EIO;
		rc = -1;
	} else if (rename(af->tmp, af->final) == -1) {
		saved = errno;
		rc = -1;
	}
	if (rc == -1)
		(void)unlink(af->tmp);
	free(af->tmp);
	free(af->final);
	af->f = NULL;
	af->tmp = af->final = NULL;
	errno = saved;
	return rc;
}

void atomic_discard(struct atomic_file *af)
{
	if (af->f)
		(void)fclose(af->f);
	if (af->tmp)
		(void)unlink(af->tmp);
	free(af->tmp);
	free(af->final);
	af->f = NULL;
	af->tmp = af->final = NULL;
}
