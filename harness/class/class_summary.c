/* class_summary.c - what a batch prints at the end: how many students passed each check, and the
 * distribution of scores as a small histogram, so that the instructor sees the class at a glance. */
#include "classtable.h"
#include "msg.h"
#include "util.h"

#include <stdlib.h>

#define BAR_WIDTH 30

/* Prints a bar of count out of most, scaled to BAR_WIDTH ('#' so that any terminal shows it). */
static void print_bar(FILE *f, size_t count, size_t most)
{
	size_t n = most ? (count * BAR_WIDTH + most - 1) / most : 0;

	for (size_t i = 0; i < BAR_WIDTH; i++)
		fputc(i < n ? '#' : '.', f);
}

/* One line per check: passed / graded. */
static void print_checks(FILE *f, const struct class_table *t, size_t graded)
{
	fputs(msg(M_BATCH_SUMMARY_CHECKS), f);
	fputc('\n', f);
	for (size_t k = 0; k < t->lab->check_count; k++) {
		size_t passed = 0;

		for (size_t i = 0; i < t->n; i++)
			if (t->rows[i].state == ROW_GRADED && t->rows[i].cells[k] == CELL_PASS)
				passed++;
		fprintf(f, "  %-12s %4zu/%-4zu ", t->lab->checks[k].id, passed, graded);
		print_bar(f, passed, graded);
		fputc('\n', f);
	}
}

/* The histogram: one row per score up to 20 points, else ten ranges, highest first. */
static void print_scores(FILE *f, const struct class_table *t)
{
	int max = t->max_score > 0 ? t->max_score : 1;
	int width = max <= 20 ? 1 : (max + 9) / 10;
	int buckets = max / width + 1;
	size_t *count = xcalloc((size_t)buckets, sizeof *count), most = 0;

	for (size_t i = 0; i < t->n; i++) {
		const struct class_row *r = &t->rows[i];
		int s = r->score < 0 ? 0 : r->score > max ? max : r->score;

		if (r->state == ROW_GRADED && ++count[s / width] > most)
			most = count[s / width];
	}
	fputs(msg(M_BATCH_SUMMARY_SCORES), f);
	fputc('\n', f);
	for (int b = buckets - 1; b >= 0; b--) {
		int lo = b * width, hi = lo + width - 1 > max ? max : lo + width - 1;
		char *label = lo == hi ? xasprintf(msg(M_BATCH_POINTS), lo) : xasprintf(msg(M_BATCH_POINT_RANGE), lo, hi);

		fprintf(f, "  %8s ", label);
		print_bar(f, count[b], most);
		fprintf(f, " %zu\n", count[b]);
		free(label);
	}
	free(count);
}

/* Prints the counts, the mean, the pass counts per check and the histogram. */
void class_summary_print(FILE *f, const struct class_table *t)
{
	size_t graded = 0;
	long total = 0;

	for (size_t i = 0; i < t->n; i++)
		if (t->rows[i].state == ROW_GRADED) {
			graded++;
			total += t->rows[i].score;
		}
	fputc('\n', f);
	fprintf(f, msg(M_BATCH_SUMMARY_HEAD), t->lab->name, t->n, graded, t->n - graded);
	fputc('\n', f);
	if (graded == 0)
		return;
	fprintf(f, msg(M_BATCH_SUMMARY_MEAN), (double)total / (double)graded, t->max_score);
	fputs("\n\n", f);
	print_checks(f, t, graded);
	fputc('\n', f);
	print_scores(f, t);
}
