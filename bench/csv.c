/* csv.c - the CSV writer of csv.h. */
#include "csv.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

static void fail(struct csv_writer *w, int err)
{
	if (!w->error)
		w->error = err;
}

/* Writes s, checking the stream; the first failure is kept. */
static void put(struct csv_writer *w, const char *s, size_t n)
{
	if (w->error)
		return;
	errno = 0;
	if (n && fwrite(s, 1, n, w->f) != n)
		fail(w, errno ? errno : EIO);
}

/* The separator before every field but the first of a row. */
static bool start_field(struct csv_writer *w)
{
	if (w->error)
		return false;
	if (w->field >= w->columns) {
		fail(w, EINVAL);
		return false;
	}
	if (w->field++)
		put(w, ",", 1);
	return !w->error;
}

static void put_quoted(struct csv_writer *w, const char *s)
{
	if (!s[strcspn(s, ",\"\r\n")]) {
		put(w, s, strlen(s));
		return;
	}
	put(w, "\"", 1);
	for (const char *p = s; *p; p++) {
		put(w, p, 1);
		if (*p == '"')
			put(w, "\"", 1);   /* a quote inside a quoted field is written twice */
	}
	put(w, "\"", 1);
}

int csv_begin(struct csv_writer *w, FILE *f, const char *const *header, size_t columns)
{
	*w = (struct csv_writer){ .f = f, .columns = columns };
	if (!f || columns == 0) {
		errno = EINVAL;
		return -1;
	}
	for (size_t i = 0; i < columns; i++)
		csv_str(w, header[i]);
	csv_end_row(w);
	if (w->error) {
		errno = w->error;
		return -1;
	}
	return 0;
}

void csv_str(struct csv_writer *w, const char *s)
{
	if (start_field(w))
		put_quoted(w, s ? s : "");
}

void csv_u64(struct csv_writer *w, uint64_t v)
{
	char buf[32];
	int n = snprintf(buf, sizeof buf, "%" PRIu64, v);

	if (start_field(w))
		put(w, buf, (size_t)n);
}

void csv_double(struct csv_writer *w, double v, int digits)
{
	char buf[64];

	if (!start_field(w) || !isfinite(v))
		return;
	if (digits < 1 || digits > 17) {
		fail(w, EINVAL);
		return;
	}
	int n = snprintf(buf, sizeof buf, "%.*g", digits, v);
	put(w, buf, (size_t)n);
}

void csv_end_row(struct csv_writer *w)
{
	if (w->error)
		return;
	if (w->field != w->columns) {
		fail(w, EINVAL);
		return;
	}
	put(w, "\n", 1);
	w->field = 0;
}

int csv_end(struct csv_writer *w)
{
	if (!w->error && w->field != 0)
		fail(w, EINVAL);
	errno = 0;
	if (fflush(w->f) == EOF)
		fail(w, errno ? errno : EIO);
	if (!w->error && ferror(w->f))
		fail(w, EIO);
	if (w->error) {
		errno = w->error;
		return -1;
	}
	return 0;
}
