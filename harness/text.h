/* text.h - turning bytes a program produced into text a person or a JSON parser can take. */
#ifndef MMAPLAB_TEXT_H
#define MMAPLAB_TEXT_H

#include <stddef.h>

#include "util.h"

/* Appends s[0..n) with C escapes (\n, \t, \\, \xNN) for control bytes, bytes that are not valid
 * UTF-8, and characters a terminal acts on (C1 controls, bidirectional overrides); valid UTF-8 text
 * such as a student's Korean message is kept. */
void sb_escaped(struct strbuf *sb, const char *s, size_t n);

/* A copy of s in which every byte that is not part of valid UTF-8 (and every control character but
 * \n and \t) is written as the four characters \xNN, so that a JSON library accepts it. */
char *utf8_sanitize(const char *s);

/* Appends s as HTML text or attribute value: &, <, >, " and ' as entities, and every byte that is
 * not valid UTF-8 as \xNN (as utf8_sanitize does), so that nothing from a student becomes markup. */
void sb_html(struct strbuf *sb, const char *s);

/* sb_html for s[0..n), which may hold NUL bytes (written as \x00, the rest still shown): for bytes a
 * program printed or a file holds. */
void sb_html_n(struct strbuf *sb, const char *s, size_t n);

/* The length of the longest start of s[0..n) that is at most max bytes and does not end inside a
 * valid UTF-8 sequence (n itself when n <= max): where to cut a long line before an ellipsis. */
size_t utf8_cut(const char *s, size_t n, size_t max);

/* Appends a hex and character view of data[from..from+count) (clamped to len), one line, e.g.
 * "0000: 68 65 6c 6c 6f  |hello|". */
void sb_hexline(struct strbuf *sb, const char *data, size_t len, size_t from, size_t count);

/* The n-th line (0-based) of s[0..len) without its newline: sets *line and *line_len; returns 0, or
 * -1 when s has fewer lines. */
int nth_line(const char *s, size_t len, size_t n, const char **line, size_t *line_len);

#endif
