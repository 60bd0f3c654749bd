/* roster.c - see roster.h. */
#define _GNU_SOURCE
#include "roster.h"
#include "msg.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Prints "mmaplab: " and a warning from the language table about one entry. */
static void warn_entry(enum msg_id m, const char *name)
{
	fputs("mmaplab: ", stderr);
	fprintf(stderr, msg(m), name);
	fputc('\n', stderr);
}

/* Orders students by id, then by path so that kim/ comes before kim.c whatever readdir said. */
static int by_id(const void *a, const void *b)
{
	const struct student *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c ? c : strcmp(x->path, y->path);
}

/* Whether the directory path is results or holds it. */
static bool holds(const char *path, const char *results)
{
	char *real = results ? realpath(path, NULL) : NULL;
	size_t n = real ? strlen(real) : 0;
	bool yes = real && !strncmp(results, real, n) && (results[n] == '/' || results[n] == '\0');

	free(real);
	return yes;
}

/* The student id of an entry, or NULL when the entry is not a student (a warning says why). */
static char *entry_id(const char *dir, const char *name, const char *results)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	size_t len = strlen(name);
	char *id = NULL;

	/* stat, not lstat: a link to a student's directory is that student. */
	if (stat(path, &st) == -1)
		warn_entry(M_BATCH_SKIP_ENTRY, name);
	else if (S_ISDIR(st.st_mode) && holds(path, results))
		warn_entry(M_BATCH_SKIP_RESULTS, name);
	else if (S_ISDIR(st.st_mode))
		id = xstrdup(name);
	else if (S_ISREG(st.st_mode) && len > 2 && !strcmp(name + len - 2, ".c"))
		id = xstrndup(name, len - 2);
	else
		warn_entry(M_BATCH_SKIP_ENTRY, name);
	free(path);
	return id;
}

/* Lists dir's students, sorted by id, warning about every entry that is not one. */
int roster_scan(const char *dir, const char *results, struct roster *out)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t cap = 16;

	out->n = 0;
	out->v = NULL;
	if (!d) {
		fputs("mmaplab: ", stderr);
		fprintf(stderr, msg(errno == ENOENT ? M_ERR_NO_SUCH_PATH : M_ERR_CANNOT_READ), dir);
		fputc('\n', stderr);
		return -1;
	}
	out->v = xmalloc(cap * sizeof *out->v);
	while ((errno = 0, de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (de->d_name[0] == '.') {
			warn_entry(M_BATCH_SKIP_HIDDEN, de->d_name);
			continue;
		}
		char *id = entry_id(dir, de->d_name, results);
		if (!id)
			continue;
		if (out->n == cap) {
			cap *= 2;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		out->v[out->n].id = id;
		out->v[out->n].path = xasprintf("%s/%s", dir, de->d_name);
		out->n++;
	}
	if (errno != 0)
		die_errno("readdir");
	if (closedir(d) == -1)
		die_errno("closedir");
	qsort(out->v, out->n, sizeof *out->v, by_id);
	/* Two entries with one id would write the same files: keep the first. */
	size_t kept = 0;
	for (size_t i = 0; i < out->n; i++) {
		if (kept > 0 && !strcmp(out->v[kept - 1].id, out->v[i].id)) {
			warn_entry(M_BATCH_SKIP_DUPLICATE, out->v[i].path);
			free(out->v[i].id);
			free(out->v[i].path);
			continue;
		}
		out->v[kept++] = out->v[i];
	}
	out->n = kept;
	return 0;
}

/* The student called id, or NULL. */
const struct student *roster_find(const struct roster *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].id, id))
			return &r->v[i];
	return NULL;
}

/* Frees the list. */
void roster_free(struct roster *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].id);
		free(r->v[i].path);
	}
	free(r->v);
	r->v = NULL;
	r->n = 0;
}
