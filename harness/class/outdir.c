/* outdir.c - see outdir.h. */
#define _GNU_SOURCE
#include "outdir.h"
#include "msg.h"
#include "report.h"
#include "scratch.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* mkdir -p: the default DIR grades/LAB usually does not exist yet. */
static void make_dirs(const char *path)
{
	char *p = xstrdup(path);

	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST)
			die("%s: %s", p, strerror(errno));
		*s = '/';
	}
	if (mkdir(p, 0755) == -1 && errno != EEXIST)
		die("%s: %s", p, strerror(errno));
	free(p);
}

/* Makes DIR and an empty DIR/.partial, and takes DIR's lock (-1 when another batch has it). */
int outdir_open(struct outdir *o, const char *root)
{
	make_dirs(root);
	o->root = xstrdup(root);
	char *lock = xasprintf("%s/.batch.lock", root);
	o->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (o->lock_fd == -1)
		die("%s: %s", lock, strerror(errno));
	free(lock);
	/* Two batches writing one DIR would mix their seeds and race on summary.csv. */
	if (flock(o->lock_fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK)
			die_errno("flock");
		fputs("mmaplab: ", stderr);
		fprintf(stderr, msg(M_BATCH_LOCKED), root);
		fputc('\n', stderr);
		if (close(o->lock_fd) == -1)
			die_errno("close");
		o->lock_fd = -1;
		return -1;
	}
	/* What a killed batch left half-written is thrown away: it was never renamed into place. */
	o->partial = xasprintf("%s/.partial", root);
	if (remove_tree(o->partial) == -1)
		die("%s: %s", o->partial, strerror(errno));
	if (mkdir(o->partial, 0700) == -1)
		die("%s: %s", o->partial, strerror(errno));
	return 0;
}

/* Removes DIR/.partial and releases the lock. */
void outdir_close(struct outdir *o)
{
	if (o->partial && remove_tree(o->partial) == -1)
		fprintf(stderr, "mmaplab: %s: %s\n", o->partial, strerror(errno));
	if (o->lock_fd != -1 && close(o->lock_fd) == -1)
		fprintf(stderr, "mmaplab: close: %s\n", strerror(errno));
	o->lock_fd = -1;
	free(o->partial);
	free(o->root);
	o->partial = o->root = NULL;
}

/* DIR/ID.EXT, malloc'd. */
char *outdir_file(const char *root, const char *id, const char *ext)
{
	return xasprintf("%s/%s.%s", root, id, ext);
}

FILE *atomic_open(struct atomic_file *af, const struct outdir *o, const char *final)
{
	if (!atomic_open_in(af, o->partial, final))
		die("%s: %s", o->partial, strerror(errno));
	return af->f;
}

/* Writes text as the whole of DIR/ID.EXT through a temporary file. */
void outdir_write(const struct outdir *o, const char *id, const char *ext, const char *text)
{
	struct atomic_file af;
	char *path = outdir_file(o->root, id, ext);

	fputs(text, atomic_open(&af, o, path));
	if (atomic_commit(&af) == -1)
		die("%s: %s", path, strerror(errno));
	free(path);
}

/* Removes DIR/ID.EXT if it is there. */
static void remove_result(const char *root, const char *id, const char *ext)
{
	char *path = outdir_file(root, id, ext);

	/* ENAMETOOLONG: a student id so long that its name with this extension cannot exist. */
	if (unlink(path) == -1 && errno != ENOENT && errno != ENAMETOOLONG)
		die("%s: %s", path, strerror(errno));
	free(path);
}

/* Leaves ID.error with the reason and no ID.json, ID.txt or page. */
void outdir_record_error(const struct outdir *o, const char *id, const char *reason)
{
	char *line = xasprintf("%s\n", reason);

	outdir_write(o, id, "error", line);
	free(line);
	/* An old result would otherwise speak for a submission that no longer grades. */
	remove_result(o->root, id, "json");
	remove_result(o->root, id, "txt");
	remove_result(o->root, id, STUDENT_PAGE_EXT);
}

/* Removes a stale ID.error of a student who is now graded. */
void outdir_record_graded(const struct outdir *o, const char *id)
{
	remove_result(o->root, id, "error");
}

/* Reads DIR/.batch.json; -1 when it is missing or not a manifest. */
int manifest_read(const char *root, struct manifest *m)
{
	char *path = outdir_file(root, ".batch", "json");
	json_t *j = json_load_file(path, 0, NULL);
	json_t *lab = json_object_get(j, "lab"), *seed = json_object_get(j, "seed");
	json_t *students = json_object_get(j, "students"), *s;
	size_t i;

	free(path);
	memset(m, 0, sizeof *m);
	if (!json_is_string(lab) || !json_is_integer(seed) || json_integer_value(seed) < 0) {
		json_decref(j);
		return -1;
	}
	m->lab = xstrdup(json_string_value(lab));
	m->seed = (uint64_t)json_integer_value(seed);
	m->students = xcalloc(json_array_size(students) + 1, sizeof *m->students);
	json_array_foreach(students, i, s)
		if (json_is_string(s))
			m->students[m->count++] = xstrdup(json_string_value(s));
	json_decref(j);
	return 0;
}

/* Writes DIR/.batch.json atomically. */
void manifest_write(const struct outdir *o, const struct manifest *m)
{
	json_t *j = json_pack("{s:s, s:s, s:I}", "lab", m->lab, "version", MMAPLAB_VERSION, "seed", (json_int_t)m->seed);
	json_t *students = json_array();

	if (!j || !students)
		die("cannot build %s/.batch.json", o->root);
	for (size_t i = 0; i < m->count; i++)
		json_array_append_new(students, jstr(m->students[i]));
	json_object_set_new(j, "students", students);
	char *text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (!text)
		die("cannot build %s/.batch.json", o->root);
	char *line = xasprintf("%s\n", text);
	outdir_write(o, ".batch", "json", line);
	free(line);
	free(text);
	json_decref(j);
}

/* Frees what manifest_read allocated (safe on a zeroed manifest). */
void manifest_free(struct manifest *m)
{
	for (size_t i = 0; i < m->count; i++)
		free(m->students[i]);
	free(m->students);
	free(m->lab);
	memset(m, 0, sizeof *m);
}
