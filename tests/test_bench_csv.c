/* test_bench_csv.c - the benchmark's CSV writer (bench/csv.c): exact bytes, RFC 4180 quoting, missing
 * values, misuse and write errors reported once at the end; and a tiny run of the benchmark itself
 * (build/mmap-bench, or MMAPLAB_BENCH) whose CSV files are read back and checked row by row. */
#include "testlib.h"

#include <math.h>

/* The writer is compiled into this test from its source, so that the one pattern rule of the
 * Makefile builds every suite. */
#include "../bench/csv.c"

/* A writer on a memory stream: the test reads back exactly what was written. */
struct mem {
	char *buf;
	size_t len;
	FILE *f;
};

static void mem_open(struct mem *m)
{
	m->buf = NULL;
	m->len = 0;
	m->f = open_memstream(&m->buf, &m->len);
	cr_assert_not_null(m->f, "open_memstream: %s", strerror(errno));
}

static void mem_close(struct mem *m)
{
	cr_assert_eq(fclose(m->f), 0);
	free(m->buf);
}

static const char *const header3[] = { "state", "method", "median" };

Test(bench_csv, header_and_rows_byte_for_byte)
{
	struct mem m;
	struct csv_writer w;

	mem_open(&m);
	cr_assert_eq(csv_begin(&w, m.f, header3, 3), 0);
	csv_str(&w, "cached");
	csv_str(&w, "read-4k");
	csv_double(&w, 1.5, 6);
	csv_end_row(&w);
	csv_str(&w, "cold");
	csv_u64(&w, UINT64_MAX);
	csv_double(&w, 1234567.0, 6);
	csv_end_row(&w);
	cr_assert_eq(csv_end(&w), 0);
	cr_expect_str_eq(m.buf, "state,method,median\ncached,read-4k,1.5\ncold,18446744073709551615,1.23457e+06\n");
	mem_close(&m);
}

Test(bench_csv, quotes_fields_that_need_it)
{
	static const char *const header[] = { "a", "b,c", "d" };
	struct mem m;
	struct csv_writer w;

	mem_open(&m);
	cr_assert_eq(csv_begin(&w, m.f, header, 3), 0);
	csv_str(&w, "say \"hi\"");
	csv_str(&w, "two\nlines");
	csv_str(&w, "cr\r");
	csv_end_row(&w);
	csv_str(&w, "");
	csv_str(&w, NULL);
	csv_str(&w, " spaces stay ");
	csv_end_row(&w);
	cr_assert_eq(csv_end(&w), 0);
	cr_expect_str_eq(m.buf, "a,\"b,c\",d\n\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\n,, spaces stay \n");
	mem_close(&m);
}

Test(bench_csv, missing_numbers_are_empty_fields)
{
	struct mem m;
	struct csv_writer w;

	mem_open(&m);
	cr_assert_eq(csv_begin(&w, m.f, header3, 3), 0);
	csv_double(&w, NAN, 6);
	csv_double(&w, INFINITY, 6);
	csv_double(&w, 1e-7, 3);
	csv_end_row(&w);
	cr_assert_eq(csv_end(&w), 0);
	cr_expect_str_eq(m.buf, "state,method,median\n,,1e-07\n");
	mem_close(&m);
}

/* Every misuse ends in csv_end() == -1 with EINVAL. */
static void expect_einval(void (*misuse)(struct csv_writer *))
{
	struct mem m;
	struct csv_writer w;

	mem_open(&m);
	cr_assert_eq(csv_begin(&w, m.f, header3, 3), 0);
	misuse(&w);
	errno = 0;
	cr_expect_eq(csv_end(&w), -1);
	cr_expect_eq(errno, EINVAL, "errno %d (%s)", errno, strerror(errno));
	mem_close(&m);
}

static void short_row(struct csv_writer *w)
{
	csv_str(w, "only one");
	csv_end_row(w);
	csv_str(w, "a"); /* ignored: the writer has failed */
}

static void long_row(struct csv_writer *w)
{
	for (int i = 0; i < 4; i++)
		csv_u64(w, (uint64_t)i);
	csv_end_row(w);
}

static void unfinished_row(struct csv_writer *w)
{
	csv_str(w, "a");
}

static void bad_digits(struct csv_writer *w)
{
	csv_double(w, 1.0, 0);
}

Test(bench_csv, a_row_of_the_wrong_width_is_an_error)
{
	expect_einval(short_row);
	expect_einval(long_row);
}

Test(bench_csv, an_unfinished_row_or_bad_precision_is_an_error)
{
	expect_einval(unfinished_row);
	expect_einval(bad_digits);
}

Test(bench_csv, no_header_is_an_error)
{
	struct csv_writer w;
	errno = 0;
	cr_expect_eq(csv_begin(&w, stdout, header3, 0), -1);
	cr_expect_eq(errno, EINVAL);
}

Test(bench_csv, a_write_error_is_reported_at_the_end)
{
	FILE *f = fopen("/dev/full", "w");
	struct csv_writer w;

	if (!f)
		cr_skip_test("no /dev/full here");
	cr_assert_eq(csv_begin(&w, f, header3, 3), 0); /* buffered: no error yet */
	for (int i = 0; i < 3; i++)
		csv_str(&w, "x");
	csv_end_row(&w);
	errno = 0;
	cr_expect_eq(csv_end(&w), -1);
	cr_expect_eq(errno, ENOSPC, "errno %d (%s)", errno, strerror(errno));
	fclose(f);
}

/* ---- a tiny run of the benchmark ------------------------------------------------------------ */

#define COLUMNS 11

/* Splits a CSV line without quotes (the bench writes none) into at most COLUMNS fields. */
static int split(char *line, char **field)
{
	int n = 0;
	line[strcspn(line, "\n")] = '\0';
	for (char *p = line;; p++) {
		if (n == COLUMNS)
			return n + 1;
		field[n++] = p;
		p = strchr(p, ',');
		if (!p)
			return n;
		*p = '\0';
	}
}

/* Reads dir/name back; checks every row and returns a space-separated "state/method" list. */
static char *check_csv(const char *dir, const char *name, const char *unit)
{
	char path[4096], line[1024], *field[COLUMNS + 1];
	static char seen[8192];
	FILE *f;
	int rows = 0;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "r");
	cr_assert_not_null(f, "the bench wrote no %s", path);
	cr_assert_not_null(fgets(line, sizeof line, f));
	cr_expect_str_eq(line, "state,method,bytes,unit,median,min,max,reps,batch,seconds,faults\n");
	seen[0] = '\0';
	while (fgets(line, sizeof line, f)) {
		rows++;
		cr_assert_eq(split(line, field), COLUMNS, "%s row %d: not %d fields", name, rows, COLUMNS);
		cr_expect(!strcmp(field[0], "cached") || !strcmp(field[0], "cold"), "state %s", field[0]);
		cr_expect(!strcmp(field[2], "4096") || !strcmp(field[2], "16384"), "bytes %s", field[2]);
		cr_expect_str_eq(field[3], unit);
		double median = atof(field[4]), min = atof(field[5]), max = atof(field[6]);
		cr_expect(min > 0 && min <= median && median <= max, "%s %s: min %s median %s max %s", field[0],
		          field[1], field[5], field[4], field[6]);
		cr_expect(atof(field[9]) > 0, "%s %s: seconds %s", field[0], field[1], field[9]);
		if (!strcmp(field[2], "4096") && strlen(seen) + strlen(field[1]) + 10 < sizeof seen) {
			strcat(seen, field[0]);
			strcat(seen, "/");
			strcat(seen, field[1]);
			strcat(seen, " ");
		}
	}
	fclose(f);
	cr_expect_gt(rows, 0, "%s has no rows", name);
	return seen;
}

Test(bench_csv, a_tiny_run_writes_complete_csv_files, .timeout = 120)
{
	char bench[4096], dir[4096];
	const char *env = getenv("MMAPLAB_BENCH");

	if (env && *env)
		snprintf(bench, sizeof bench, "%s", env);
	else
		snprintf(bench, sizeof bench, "%s/build/mmap-bench", repo_root());
	if (access(bench, X_OK) != 0)
		cr_skip_test("%s is not built (make build/mmap-bench)", bench);
	/* Under build/, not /tmp: the cold runs need a file system with a disk behind it. */
	snprintf(dir, sizeof dir, "%s/build/test-bench-csv.XXXXXX", repo_root());
	cr_assert_not_null(mkdtemp(dir), "mkdtemp %s: %s", dir, strerror(errno));

	char *argv[] = { bench, "--max", "16K", "--reps", "1", "--cold-reps", "1", "--lookups", "1000",
	                 "--no-plot", "--dir", dir, NULL };
	struct grader_run r = run_command(argv, NULL);
	cr_assert_eq(r.status, 0, "the bench failed:\n%s\n%s", r.out, r.err);

	char *seq = check_csv(dir, "sequential.csv", "GB/s");
	static const char *const want_seq[] = { "cached/read-4k", "cached/read-1m", "cached/mmap", "cached/mmap-seq",
	                                        "cached/mmap-populate", "cached/mmap-reuse3", "cached/wc-l",
	                                        "cached/limit-scan", "cached/limit-memcpy", "cached/mmap-byteloop" };
	for (size_t i = 0; i < sizeof want_seq / sizeof want_seq[0]; i++)
		cr_expect(strstr(seq, want_seq[i]), "sequential.csv lacks %s: %s", want_seq[i], seq);
	char *rnd = check_csv(dir, "random.csv", "lookups/s");
	cr_expect(strstr(rnd, "cached/random-pread ") && strstr(rnd, "cached/random-mmap ") &&
	          strstr(rnd, "cached/random-mapped "), "random.csv: %s", rnd);

	/* The ratios come last. */
	const char *last = strstr(r.out, "loop vs mapping:");
	cr_expect_not_null(strstr(r.out, "newline count: best of ours"), "%s", r.out);
	cr_expect_not_null(last, "%s", r.out);
	if (last)
		cr_expect_null(strchr(last, '\n') ? strchr(strchr(last, '\n') + 1, '\n') : NULL,
		               "something follows the ratios:\n%s", last);

	char cmd[8300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
	grader_run_free(&r);
}
