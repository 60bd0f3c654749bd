/* progress.h - a batch's progress on stderr: on a terminal a bar redrawn in place (done/total,
 * failures so far, time left); otherwise one plain line per student, which logs keep readably. */
#ifndef MMAPLAB_PROGRESS_H
#define MMAPLAB_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "classtable.h"

struct progress {
	bool tty;
	size_t total, done;
	size_t failed;        /* graded below full marks, or not graded at all */
	size_t errors;        /* could not be graded */
	double started, drawn_at;
	bool drawn;           /* a bar is on the screen and must be erased before other output */
};

/* Starts counting total students; tty decides between the bar and plain lines. */
void progress_init(struct progress *p, size_t total, bool tty);

/* Counts one student who ended (its row read back from the output directory) and shows it. */
void progress_student(struct progress *p, const struct class_row *row);

/* Redraws the bar (on a terminal, at most a few times a second) so the time left stays current. */
void progress_tick(struct progress *p);

/* Erases the bar. */
void progress_end(struct progress *p);

#endif
