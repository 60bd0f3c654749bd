/* csv.h - a small CSV writer (RFC 4180 quoting, '\n' line ends) for the benchmark's results.
 *
 * A writer checks its own use: every row must have as many fields as the header, and the first
 * I/O error or misuse is kept and reported by csv_end(), so that the caller checks once. Numbers are
 * printed with the C locale's '.' (nothing here calls setlocale). */
#ifndef MMAPLAB_CSV_H
#define MMAPLAB_CSV_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct csv_writer {
	FILE *f;
	size_t columns;   /* fields per row, from the header */
	size_t field;     /* fields written in the current row */
	int error;        /* the first errno-style error, or 0 */
};

/* Starts a CSV on f (which stays the caller's to close) and writes the header row. Returns 0, or -1
 * with errno set. */
int csv_begin(struct csv_writer *w, FILE *f, const char *const *header, size_t columns);

/* One field of the current row. A string is quoted when it holds a comma, a double quote, CR or LF
 * (quotes inside are doubled). A double is printed with %.*g and the given significant digits; NaN
 * and infinities become an empty field (a missing value for spreadsheets and gnuplot). */
void csv_str(struct csv_writer *w, const char *s);
void csv_u64(struct csv_writer *w, uint64_t v);
void csv_double(struct csv_writer *w, double v, int digits);

/* Ends the current row. A row with a different number of fields than the header is an error
 * (EINVAL), and so is a field written before the header or after an error. */
void csv_end_row(struct csv_writer *w);

/* Flushes f and returns 0 if everything was written, or -1 with errno set to the first error (an
 * unfinished row is EINVAL). */
int csv_end(struct csv_writer *w);

#endif
