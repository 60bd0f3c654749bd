/* text.c - see text.h. */
#include "text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t utf8_sequence(const unsigned char *s, size_t avail);

/* Whether the UTF-8 sequence s[0..n) is a character a terminal acts on rather than shows: a C1
 * control (U+0080..U+009F, CSI among them) or a bidirectional override or isolate (U+202A..U+202E,
 * U+2066..U+2069), which could disguise the rest of a report line. */
static bool terminal_control(const unsigned char *s, size_t n)
{
	if (n == 2)
		return s[0] == 0xc2 && s[1] < 0xa0;
	return n == 3 && s[0] == 0xe2 &&
	       ((s[1] == 0x80 && s[2] >= 0xaa && s[2] <= 0xae) || (s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9));
}

void sb_escaped(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t seq;

		if (c == '\n')
			sb_puts(sb, "\\n");
		else if (c == '\t')
			sb_puts(sb, "\\t");
		else if (c == '\\')
			sb_puts(sb, "\\\\");
		else if (c >= 0x80 && (seq = utf8_sequence((const unsigned char *)s + i, n - i)) > 1 &&
		         !terminal_control((const unsigned char *)s + i, seq)) {
			/* A student's Korean message reads as Korean; only bytes that are not UTF-8, and the
			   characters a terminal acts on, are escaped. */
			sb_append(sb, s + i, seq);
			i += seq - 1;
		} else if (c < 0x20 || c >= 0x7f)
			sb_printf(sb, "\\x%02x", c);
		else
			sb_putc(sb, (char)c);
	}
}

/* The length of the valid UTF-8 sequence at s[0..avail) (1 to 4), or 0 when it is not valid (a
 * sequence cut short by avail is not valid). */
static size_t utf8_sequence(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0];
	size_t n;
	unsigned cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n > avail)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* The one cleaning both utf8_sanitize and sb_html_n do: valid UTF-8, \n and \t kept; NUL, other
 * control bytes, DEL and bytes that are not valid UTF-8 as \xNN; with html, & < > " ' as entities. */
static void append_clean(struct strbuf *sb, const char *s, size_t len, bool html)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	while (p < end) {
		size_t n = utf8_sequence(p, (size_t)(end - p));

		if (n == 0 || (n == 1 && *p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f) {
			sb_printf(sb, "\\x%02x", *p);
			p++;
			continue;
		}
		if (html && n == 1 && strchr("&<>\"'", *p)) {
			switch (*p) {
			case '&': sb_puts(sb, "&amp;"); break;
			case '<': sb_puts(sb, "&lt;"); break;
			case '>': sb_puts(sb, "&gt;"); break;
			case '"': sb_puts(sb, "&quot;"); break;
			default: sb_puts(sb, "&#39;"); break;
			}
		} else {
			sb_append(sb, p, n);
		}
		p += n;
	}
}

char *utf8_sanitize(const char *s)
{
	struct strbuf sb;

	sb_init(&sb);
	append_clean(&sb, s, strlen(s), false);
	return sb_steal(&sb);
}

void sb_html_n(struct strbuf *sb, const char *s, size_t n)
{
	append_clean(sb, s, n, true);
}

void sb_html(struct strbuf *sb, const char *s)
{
	append_clean(sb, s, strlen(s), true);
}

size_t utf8_cut(const char *s, size_t n, size_t max)
{
	size_t pos = 0;

	if (n <= max)
		return n;
	while (pos < max) {
		size_t k = utf8_sequence((const unsigned char *)s + pos, n - pos);

		if (k == 0)
			k = 1;
		if (pos + k > max)
			break;
		pos += k;
	}
	return pos;
}

void sb_hexline(struct strbuf *sb, const char *data, size_t len, size_t from, size_t count)
{
	if (from > len)
		from = len;
	if (count > len - from)
		count = len - from;
	sb_printf(sb, "%06zx:", from);
	for (size_t i = 0; i < count; i++)
		sb_printf(sb, " %02x", (unsigned char)data[from + i]);
	sb_puts(sb, "  |");
	for (size_t i = 0; i < count; i++) {
		unsigned char c = (unsigned char)data[from + i];
		sb_putc(sb, c >= 0x20 && c < 0x7f ? (char)c : '.');
	}
	sb_putc(sb, '|');
}

int nth_line(const char *s, size_t len, size_t n, const char **line, size_t *line_len)
{
	size_t start = 0;

	for (size_t k = 0; k < n; k++) {
		const char *nl = memchr(s + start, '\n', len - start);
		if (!nl)
			return -1;
		start = (size_t)(nl - s) + 1;
	}
	if (start >= len)
		return -1;
	const char *nl = memchr(s + start, '\n', len - start);
	*line = s + start;
	*line_len = nl ? (size_t)(nl - (s + start)) : len - start;
	return 0;
}
