/* report.h - writing a grade_result for a person (text, Korean or English) or a machine (JSON,
 * TAP 13). Nothing a program printed is trusted as text: it is escaped or sanitized on the way. */
#ifndef MMAPLAB_REPORT_H
#define MMAPLAB_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "grade.h"

#define MMAPLAB_VERSION "0.1.0"

/* command: the exact command line that replays this grading (seed included). */
void report_text(FILE *f, const struct grade_result *r, const char *command, bool color);
/* Returns 0, or -1 when the JSON could not be built (the caller exits EXIT_CANNOT_GRADE). */
int report_json(FILE *f, const struct grade_result *r, const char *command);
void report_tap(FILE *f, const struct grade_result *r, const char *command);
/* Gradescope's results.json (score, one test per check with its output). Returns 0, or -1 when the
 * JSON could not be built. */
int report_gradescope(FILE *f, const struct grade_result *r, const char *command);
/* One self-contained page of the grading (inline CSS and SVG, no script): the verdict, each run drawn
 * (report_html.c). Returns 0, or -1 when it could not be written. */
int report_html(FILE *f, const struct grade_result *r, const char *command);
/* Every lab as JSON (name, folder, program, max_score, checks with id, step, points, title), for
 * scripts that must not parse the localized `list`. Returns 0, or -1 when it could not be written. */
int report_labs_json(FILE *f);

/* A JSON string of s (NULL gives JSON null), with invalid UTF-8 written as \xNN (jansson rejects
 * invalid UTF-8, and a program can print any bytes). */
struct json_t *jstr(const char *s);

/* Writes root to f, indented and in insertion order, with a final newline, then releases root.
 * Returns 0, or -1 when it could not be written. */
int json_write(FILE *f, struct json_t *root);

/* The status word of a check in the current language ("통과", "PASS"...), and the JSON one. */
const char *status_word(enum check_status s);
const char *status_id(enum check_status s);

#endif
