/* test_fuzz_regressions.c - every input the fuzzers (make fuzz) ever found a fault with, kept in
 * tests/fuzz/regressions/ (trace-* for the strace reader, memcheck-* for the Valgrind reader) and
 * read again here; `make sanitize` runs this suite under AddressSanitizer and UBSan. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memcheck.h"
#include "rules.h"
#include "trace.h"
#include "util.h"

static const char *root(void)
{
	const char *r = getenv("MMAPLAB_ROOT");
	return r && *r ? r : ".";
}

Test(fuzz, regressions_parse_cleanly)
{
	char dir[4096];
	struct dirent *de;
	int seen = 0;

	snprintf(dir, sizeof dir, "%s/tests/fuzz/regressions", root());
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "cannot open %s", dir);
	while ((de = readdir(d))) {
		char path[8192], *data;
		size_t len;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		cr_assert_eq(read_file(path, 64 << 20, &data, &len, NULL), 0, "cannot read %s", path);
		if (!strncmp(de->d_name, "trace-", 6)) {
			struct trace t;
			struct lab_view v;
			cr_assert_eq(trace_parse(data, len, &t), 0, "%s", de->d_name);
			lab_view_build(&t, "/tmp/fx/run/link.txt", "/tmp/fx/run", &v);
			cr_expect_leq(v.open_count, t.count, "%s: more opens than events", de->d_name);
			lab_view_free(&v);
			trace_free(&t);
		} else if (!strncmp(de->d_name, "memcheck-", 9)) {
			struct memcheck_report r;
			cr_assert_eq(memcheck_parse(data, len, &r), 0, "%s", de->d_name);
			cr_expect_geq(r.definitely_lost_bytes, 0, "%s: a saturated count went negative", de->d_name);
			memcheck_free(&r);
		}
		free(data);
		seen++;
	}
	closedir(d);
	cr_assert_gt(seen, 0, "no regression inputs found in %s", dir);
}
