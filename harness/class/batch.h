/* batch.h - grading a whole class at once (`mmaplab batch`) and the instructor's page of the result
 * (`mmaplab report`). See docs-ko/instructor-guide.md for the files a batch writes. */
#ifndef MMAPLAB_BATCH_H
#define MMAPLAB_BATCH_H

/* mmaplab batch [-j N] [--seed=N] [--out DIR] [--resume] [--only ID] [--lang=ko|en] LAB DIR.
 * Returns the exit status: 0 every student graded, 1 some could not be, 2 usage error or a grader
 * that cannot work here, 130 interrupted. argv[0] is "batch"; self is how the grader was called. */
int cmd_batch(int argc, char **argv, const char *self);

/* mmaplab report DIR: rewrites DIR/report.html from the results in DIR. Returns the exit status
 * (0, or 2 when DIR holds no batch). */
int cmd_report(int argc, char **argv);

#endif
