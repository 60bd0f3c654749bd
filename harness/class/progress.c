/* progress.c - see progress.h. */
#include "progress.h"
#include "msg.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

#define BAR_CELLS 24


/* Starts the clock and draws an empty bar on a terminal. */
void progress_init(struct progress *p, size_t total, bool tty)
{
	*p = (struct progress){ .tty = tty, .total = total, .started = monotonic_seconds() };
	progress_tick(p);
}

/* "about 1m 20s left", from the mean time per student so far (students overlap, so this already
 * accounts for -j). */
static char *time_left(const struct progress *p)
{
	if (p->done == 0)
		return xstrdup(msg(M_PROGRESS_ESTIMATING));
	double per = (monotonic_seconds() - p->started) / (double)p->done;
	long left = (long)(per * (double)(p->total - p->done) + 0.5);
	return xasprintf(msg(M_PROGRESS_LEFT), left / 60, left % 60);
}

/* Draws the bar over the current line: [#####.....] 12/50  실패 3 (채점 불가 1)  남은 시간 ... */
static void draw(struct progress *p)
{
	size_t filled = p->total ? p->done * BAR_CELLS / p->total : BAR_CELLS;
	char *left = time_left(p);

	fputs("\r\033[K[", stderr);
	for (size_t i = 0; i < BAR_CELLS; i++)
		fputc(i < filled ? '#' : '.', stderr);
	fprintf(stderr, "] %zu/%zu  ", p->done, p->total);
	fprintf(stderr, msg(M_PROGRESS_FAILED), p->failed, p->errors);
	fprintf(stderr, "  %s", left);
	fflush(stderr);
	free(left);
	p->drawn = true;
	p->drawn_at = monotonic_seconds();
}

/* Counts a finished student, then redraws the bar or prints its line. */
void progress_student(struct progress *p, const struct class_row *row)
{
	p->done++;
	if (row->state != ROW_GRADED)
		p->errors++;
	if (row->state != ROW_GRADED || !row->passed)
		p->failed++;
	if (p->tty) {
		draw(p);
		return;
	}
	fprintf(stderr, "[%zu/%zu] %s ", p->done, p->total, row->id);
	if (row->state == ROW_GRADED)
		fprintf(stderr, "%d/%d\n", row->score, row->max_score);
	else
		fprintf(stderr, "%s: %s\n", msg(M_PROGRESS_NOT_GRADED), row->error);
}

/* Redraws the bar at most four times a second. */
void progress_tick(struct progress *p)
{
	if (p->tty && (!p->drawn || monotonic_seconds() - p->drawn_at >= 0.25))
		draw(p);
}

/* Erases the bar so that the summary starts on a clean line. */
void progress_end(struct progress *p)
{
	if (p->drawn)
		fputs("\r\033[K", stderr);
	fflush(stderr);
	p->drawn = false;
}
