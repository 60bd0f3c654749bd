/* classtable.c - see classtable.h. */
#define _GNU_SOURCE
#include "classtable.h"
#include "msg.h"
#include "outdir.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* The CSV and JSON word of a cell. */
const char *cell_id(enum cell c)
{
	return c == CELL_PASS ? "pass" : c == CELL_FAIL ? "fail" : c == CELL_SKIP ? "skip" : "";
}

/* The cell of a JSON status word. */
static enum cell cell_of(const char *status)
{
	if (!status)
		return CELL_NONE;
	return !strcmp(status, "pass") ? CELL_PASS : !strcmp(status, "fail") ? CELL_FAIL :
	       !strcmp(status, "skip") ? CELL_SKIP : CELL_NONE;
}

/* Fills row from a parsed student JSON; false when it is not a result of this lab. */
static bool row_from_json(struct class_row *row, const struct lab_def *lab, json_t *j)
{
	json_t *checks = json_object_get(j, "checks"), *c;
	const char *name = json_string_value(json_object_get(j, "lab"));
	size_t i;

	if (!name || strcmp(name, lab->name) || !json_is_array(checks) ||
	    !json_is_integer(json_object_get(j, "score")) || !json_is_integer(json_object_get(j, "max_score")))
		return false;
	row->score = (int)json_integer_value(json_object_get(j, "score"));
	row->max_score = (int)json_integer_value(json_object_get(j, "max_score"));
	row->passed = json_is_true(json_object_get(j, "passed"));
	row->seed = (uint64_t)json_integer_value(json_object_get(j, "seed"));
	json_array_foreach(checks, i, c) {
		const char *id = json_string_value(json_object_get(c, "id"));

		for (size_t k = 0; id && k < lab->check_count; k++)
			if (!strcmp(lab->checks[k].id, id))
				row->cells[k] = cell_of(json_string_value(json_object_get(c, "status")));
	}
	return true;
}

/* The first line of DIR/ID.error, or NULL when there is none. */
static char *read_error(const char *root, const char *id)
{
	char *path = outdir_file(root, id, "error"), *data = NULL;
	size_t len;

	if (read_file(path, 64 << 10, &data, &len, NULL) == 0)
		data[strcspn(data, "\n")] = '\0';
	free(path);
	return data;
}

/* Reads one student's row: graded from ID.json, else why from ID.error, else not graded yet. */
void class_load_row(struct class_row *row, const struct lab_def *lab, const char *root, const char *id)
{
	char *path = outdir_file(root, id, "json");
	json_error_t e;
	json_t *j = json_load_file(path, 0, &e);

	memset(row, 0, sizeof *row);
	row->id = xstrdup(id);
	row->cells = xcalloc(lab->check_count, sizeof *row->cells);
	if (j && row_from_json(row, lab, j)) {
		row->state = ROW_GRADED;
	} else if (j) {
		row->state = ROW_ERROR;
		row->error = xasprintf(msg(M_BATCH_BAD_RESULT), path, lab->name);
	} else if ((row->error = read_error(root, id)) != NULL) {
		row->state = ROW_ERROR;
	} else {
		row->state = ROW_MISSING;
		row->error = xstrdup(msg(M_BATCH_NOT_GRADED));
	}
	json_decref(j);
	free(path);
}

/* Frees a row. */
void class_row_free(struct class_row *row)
{
	free(row->id);
	free(row->cells);
	free(row->error);
	memset(row, 0, sizeof *row);
}

/* Reads the rows of ids in order; full marks come from the lab's rubric. */
void class_load(struct class_table *t, const struct lab_def *lab, const char *root, char *const *ids, size_t n)
{
	t->lab = lab;
	t->max_score = 0;
	for (size_t k = 0; k < lab->check_count; k++)
		t->max_score += lab->checks[k].points;
	t->n = n;
	t->rows = xcalloc(n, sizeof *t->rows);
	for (size_t i = 0; i < n; i++)
		class_load_row(&t->rows[i], lab, root, ids[i]);
}

/* Frees the table's rows. */
void class_free(struct class_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		class_row_free(&t->rows[i]);
	free(t->rows);
	t->rows = NULL;
	t->n = 0;
}

/* qsort order of C strings, by bytes. */
static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The id of a result file name (ID.json or ID.error), or NULL for any other file. */
static char *result_id(const char *name)
{
	static const char *const exts[] = { ".json", ".error" };
	size_t len = strlen(name);

	if (name[0] == '.')
		return NULL;
	for (size_t i = 0; i < 2; i++) {
		size_t el = strlen(exts[i]);
		if (len > el && !strcmp(name + len - el, exts[i]))
			return xstrndup(name, len - el);
	}
	return NULL;
}

/* The sorted, distinct ids of DIR's ID.json and ID.error files. */
char **class_ids_in(const char *root, size_t *n)
{
	DIR *d = opendir(root);
	struct dirent *de;
	size_t cap = 16, count = 0;
	char **ids;

	*n = 0;
	if (!d)
		return NULL;
	ids = xmalloc(cap * sizeof *ids);
	while ((errno = 0, de = readdir(d)) != NULL) {
		char *id = result_id(de->d_name);

		if (!id)
			continue;
		if (count == cap) {
			cap *= 2;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[count++] = id;
	}
	if (errno != 0)
		die_errno("readdir");
	if (closedir(d) == -1)
		die_errno("closedir");
	qsort(ids, count, sizeof *ids, by_string);
	/* kim.json and kim.error (a stale one) are one student. */
	size_t kept = 0;
	for (size_t i = 0; i < count; i++) {
		if (kept > 0 && !strcmp(ids[kept - 1], ids[i])) {
			free(ids[i]);
			continue;
		}
		ids[kept++] = ids[i];
	}
	*n = kept;
	return ids;
}

/* The lab of DIR's results: the manifest's, else the first student JSON's. */
const struct lab_def *class_lab_in(const char *root)
{
	struct manifest m;
	const struct lab_def *lab = NULL;

	if (manifest_read(root, &m) == 0) {
		lab = lab_find(m.lab);
		manifest_free(&m);
		return lab;
	}
	size_t n;
	char **ids = class_ids_in(root, &n);
	for (size_t i = 0; i < n; i++) {
		char *path = outdir_file(root, ids[i], "json");
		json_t *j = lab ? NULL : json_load_file(path, 0, NULL);
		const char *name = json_string_value(json_object_get(j, "lab"));

		if (name)
			lab = lab_find(name);
		json_decref(j);
		free(path);
		free(ids[i]);
	}
	free(ids);
	return lab;
}
