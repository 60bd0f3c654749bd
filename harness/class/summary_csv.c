/* summary_csv.c - summary.csv: one row per student (sorted by id) with the score, full marks, one
 * column per check in rubric order and a last column `error`. UTF-8 with a byte order mark so that
 * spreadsheet programs read Korean names as UTF-8 rather than the system's legacy code page. */
#include "classtable.h"
#include "util.h"

#include <string.h>

/* Appends one field, RFC 4180 style: quoted when it holds a comma, a quote or a line break. Text
 * that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe. */
static void csv_field(struct strbuf *sb, const char *s, bool text)
{
	if (text && *s && strchr("=+-@\t\r", *s))
		sb_putc(sb, '\'');
	if (!strpbrk(s, ",\"\r\n")) {
		sb_puts(sb, s);
		return;
	}
	sb_putc(sb, '"');
	for (; *s; s++) {
		if (*s == '"')
			sb_putc(sb, '"');
		sb_putc(sb, *s);
	}
	sb_putc(sb, '"');
}

/* One student's line: a graded row has a score and a word per check; any other only the reason. */
static void csv_row(struct strbuf *sb, const struct class_table *t, const struct class_row *row)
{
	csv_field(sb, row->id, true);
	if (row->state == ROW_GRADED)
		sb_printf(sb, ",%d,%d", row->score, row->max_score);
	else
		sb_printf(sb, ",,%d", t->max_score);
	for (size_t k = 0; k < t->lab->check_count; k++) {
		sb_putc(sb, ',');
		sb_puts(sb, cell_id(row->cells[k]));
	}
	sb_putc(sb, ',');
	csv_field(sb, row->state == ROW_GRADED ? "" : row->error, true);
	sb_putc(sb, '\n');
}

/* Writes the BOM, the header and one line per student. */
int summary_csv_write(FILE *f, const struct class_table *t)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_puts(&sb, "\xef\xbb\xbfstudent,score,max_score");
	for (size_t k = 0; k < t->lab->check_count; k++)
		sb_printf(&sb, ",%s", t->lab->checks[k].id);
	sb_puts(&sb, ",error\n");
	for (size_t i = 0; i < t->n; i++)
		csv_row(&sb, t, &t->rows[i]);
	size_t written = fwrite(sb.data, 1, sb.len, f);
	int rc = written == sb.len ? 0 : -1;
	sb_free(&sb);
	return rc;
}
