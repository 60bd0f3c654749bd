/* report_html.h - what the parts of a grading's page share: report_html.c writes the page (verdict,
 * timelines, outcomes, Valgrind, output), report_html_map.c draws the file and its mappings.
 *
 * Everything is drawn from the grade_result the text report prints: the runs' evidence, and the
 * references each check's evidence records (check.h's evidence_ref). Anchors are stable so that a
 * check's links land on what it cites: run-NAME, rIeSEQ (an event of run I), rImK (mapping K),
 * rIbytes (the byte view), rIfK (finding K), out-CHECK (an output window). */
#ifndef MMAPLAB_REPORT_HTML_H
#define MMAPLAB_REPORT_HTML_H

#include "report.h"
#include "util.h"

/* Appends a message of the language table, formatted, then HTML-escaped. */
void page_msg(struct strbuf *sb, enum msg_id m, ...);

/* The index of the run whose trace holds e (found by address), or -1. */
int page_run_of_event(const struct grade_result *r, const struct trace_event *e);

/* Appends, space-separated and escaped, the ids of the checks that did not pass and cite e
 * (REF_EVENT); returns how many there are. */
size_t page_citing_event(struct strbuf *sb, const struct grade_result *r, const struct trace_event *e);

/* The file of run i as pages, its mappings, msync and munmap ranges over it, and a byte-scale view
 * of the end of the file (an SVG and the same facts as a list). Every bar a check that did not pass
 * cites is drawn, up to MAX_BARS others of each kind, and a note says how many were left out. A bar
 * links to its call's row of the timeline when drawn[index of the call in the run's trace] says the
 * row is there (drawn NULL: no links). */
void page_file_map(struct strbuf *sb, const struct grade_result *r, size_t i, const bool *drawn);

/* The bytes of run i's file before and after it, as rows of 16, with the bytes the run changed,
 * those past the end of the file and those a check cites marked. Nothing when there is nothing to
 * compare. */
void page_byte_diff(struct strbuf *sb, const struct grade_result *r, size_t i);

#endif
