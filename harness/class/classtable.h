/* classtable.h - a class's results read back from a batch's output directory: one row per student
 * (graded, could not be graded, or not graded yet) and one column per check in rubric order. The
 * summary, the class summary and the HTML page are all written from this table, so they agree. */
#ifndef MMAPLAB_CLASSTABLE_H
#define MMAPLAB_CLASSTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lab.h"

enum row_state {
	ROW_GRADED,     /* ID.json is there */
	ROW_ERROR,      /* ID.error says why it could not be graded */
	ROW_MISSING,    /* neither: not graded yet (an interrupted batch, a student added later) */
};

enum cell { CELL_NONE, CELL_PASS, CELL_FAIL, CELL_SKIP };

struct class_row {
	char *id;
	enum row_state state;
	int score, max_score;
	bool passed;
	uint64_t seed;
	enum cell *cells;     /* one per column */
	char *error;          /* ROW_ERROR and ROW_MISSING: why there is no score */
};

struct class_table {
	const struct lab_def *lab;
	int max_score;        /* the lab's full marks */
	struct class_row *rows;
	size_t n;
};

/* Reads the rows of ids[0..n) (kept in that order) from the output directory root. */
void class_load(struct class_table *t, const struct lab_def *lab, const char *root, char *const *ids, size_t n);

/* Reads one student's row. */
void class_load_row(struct class_row *row, const struct lab_def *lab, const char *root, const char *id);
void class_row_free(struct class_row *row);

/* The students root holds a result for (ID.json or ID.error), sorted by id; *n gets the count. */
char **class_ids_in(const char *root, size_t *n);

/* The lab of the results in root: the manifest's, else the first student JSON's; NULL when root
 * holds no result of a known lab. */
const struct lab_def *class_lab_in(const char *root);

void class_free(struct class_table *t);

/* The word for a cell in summary.csv and the JSON ("pass", "fail", "skip", ""). */
const char *cell_id(enum cell c);

/* The writers of a class table (summary_csv.c, class_summary.c, class_page.c). Each returns 0, or
 * -1 with errno set when the file could not be written. */
int summary_csv_write(FILE *f, const struct class_table *t);
void class_summary_print(FILE *f, const struct class_table *t);
int class_page_write(FILE *f, const struct class_table *t, const char *root);

#endif
