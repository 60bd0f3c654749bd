/* test_corpus.c - the grader, end to end, on every submission of tests/corpus/: correct programs
 * written in different ways must pass every check, and each one-bug program must get exactly the
 * statuses written in its `expect:` line (one bug, one failed check, where the others hold). */
#include "testlib.h"
#include "grade.h"
#include "judges.h"
#include "scratch.h"

#include <signal.h>

#include <criterion/parameterized.h>
#include <dirent.h>

struct corpus_entry {
	char *lab;
	char *path;      /* the submission: a .c file or a directory */
	char *expect;    /* the `id=status ...` list from its expect: line */
};

/* Criterion copies parameters into each test process: strings must live in cr_malloc memory. */
static char *cr_strdup(const char *s)
{
	char *p = cr_malloc(strlen(s) + 1);
	strcpy(p, s);
	return p;
}

static void free_entries(struct criterion_test_params *crp)
{
	struct corpus_entry *e = crp->params;

	for (size_t i = 0; i < crp->length; i++) {
		cr_free(e[i].lab);
		cr_free(e[i].path);
		cr_free(e[i].expect);
	}
	cr_free(crp->params);
}

/* The text after "expect:" in the file, up to the end of its line, or NULL. */
static char *read_expect(const char *file)
{
	FILE *f = fopen(file, "r");
	char line[4096];
	char *found = NULL;

	if (!f)
		return NULL;
	while (fgets(line, sizeof line, f)) {
		char *p = strstr(line, "expect:");
		if (!p)
			continue;
		p += strlen("expect:");
		p[strcspn(p, "\r\n")] = '\0';
		found = strdup(p);
		break;
	}
	fclose(f);
	return found;
}

static size_t list_entries(struct corpus_entry *out, size_t max)
{
	static const char *const labs[] = { "read-map", "write-msync", "perf", "share-map" };
	size_t n = 0;

	for (size_t l = 0; l < sizeof labs / sizeof labs[0]; l++) {
		char dir[4096];
		snprintf(dir, sizeof dir, "%s/tests/corpus/%s", repo_root(), labs[l]);
		DIR *d = opendir(dir);
		if (!d)
			continue;
		struct dirent *de;
		while ((de = readdir(d)) && n < max) {
			char path[8192], expect_file[8300];
			struct stat st;

			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
			if (stat(path, &st) == -1)
				continue;
			if (S_ISDIR(st.st_mode))
				snprintf(expect_file, sizeof expect_file, "%s/expect.txt", path);
			else if (strlen(de->d_name) > 2 && !strcmp(de->d_name + strlen(de->d_name) - 2, ".c"))
				snprintf(expect_file, sizeof expect_file, "%s", path);
			else
				continue;
			char *expect = read_expect(expect_file);
			if (out) {
				out[n].lab = cr_strdup(labs[l]);
				out[n].path = cr_strdup(path);
				out[n].expect = cr_strdup(expect ? expect : "");
			}
			free(expect);
			n++;
		}
		closedir(d);
	}
	return n;
}

ParameterizedTestParameters(corpus, grades_as_expected)
{
	size_t n = list_entries(NULL, 100000);
	struct corpus_entry *entries = cr_malloc(sizeof *entries * (n ? n : 1));

	n = list_entries(entries, n);
	return cr_make_param_array(struct corpus_entry, entries, n, free_entries);
}

/* A fixed seed per submission, so that a failure replays; MMAPLAB_TEST_SEED overrides it. */
static unsigned long seed_for(const char *path)
{
	const char *env = getenv("MMAPLAB_TEST_SEED");
	unsigned long h = 5381;

	if (env && *env)
		return strtoul(env, NULL, 10);
	for (const char *p = strrchr(path, '/'); p && *p; p++)
		h = h * 33 + (unsigned char)*p;
	return h % 1000000000UL;
}

static const char *status_name(enum check_status s)
{
	return s == CHECK_PASS ? "pass" : s == CHECK_FAIL ? "fail" : "skip";
}

/* Graded in this process (the grader's own library), so that the evidence of the one grading can be
 * judged again as every --step would judge it: a check reads only the runs it declares, so one
 * program and one seed must get one status per check, whatever the step. */
ParameterizedTest(struct corpus_entry *e, corpus, grades_as_expected, .timeout = 240)
{
	const char *name = strrchr(e->path, '/') + 1;
	const struct lab_def *lab = lab_find(e->lab);
	unsigned long seed = seed_for(e->path);

	cr_assert(strlen(e->expect) > 0, "%s/%s has no `expect:` line", e->lab, name);
	cr_assert_not_null(lab, "unknown lab %s", e->lab);
	sandbox_init();
	set_fatal_cleanup(scratch_cleanup_all);
	struct grade_options opt = { .lab = lab, .submission = e->path, .seed_given = true, .seed = seed };
	struct grade_result r;
	cr_assert_eq(grade(&opt, &r), 0, "%s/%s cannot be graded", e->lab, name);

	/* Every check of the lab is listed, in rubric order, with the expected status. */
	char *expect = strdup(e->expect), *save = NULL;
	size_t listed = 0;
	bool all_pass = true;
	for (char *tok = strtok_r(expect, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		char *eq = strchr(tok, '=');
		cr_assert_not_null(eq, "%s/%s: malformed expectation '%s'", e->lab, name, tok);
		*eq = '\0';
		const char *want = eq + 1;
		cr_assert_lt(listed, r.count, "%s/%s: the report has fewer checks than the expectation", e->lab, name);
		const struct check_result *c = &r.checks[listed];
		cr_assert_str_eq(c->def->id, tok, "%s/%s: check %zu is '%s' in the report, '%s' in the expectation",
		                 e->lab, name, listed + 1, c->def->id, tok);
		cr_expect_str_eq(status_name(c->status), want, "%s/%s (--seed=%lu): check %s is %s, expected %s: %s",
		                 e->lab, name, seed, tok, status_name(c->status), want, c->message);
		all_pass = all_pass && !strcmp(want, "pass");
		listed++;
	}
	cr_assert_eq(listed, r.count, "%s/%s: the expectation lists %zu checks, the report %zu", e->lab, name,
	             listed, r.count);
	cr_assert_eq(r.passed, all_pass, "%s/%s: passed is %d", e->lab, name, r.passed);

	/* The same evidence, judged as each --step would judge it. */
	enum check_status full[64];
	size_t count = r.count;
	for (size_t i = 0; i < count && i < 64; i++)
		full[i] = r.checks[i].status;
	for (int step = 1; step <= lab->steps; step++) {
		grade_judge(&r, step);
		for (size_t i = 0; i < r.count; i++)
			cr_expect_eq(r.checks[i].status, full[i], "%s/%s (--seed=%lu): %s is %s with --step=%d, %s in the full grading",
			             e->lab, name, seed, r.checks[i].def->id, status_name(r.checks[i].status), step,
			             status_name(full[i]));
	}
	free(expect);
	grade_result_free(&r);
}

/* A check that reads a run it does not declare is a broken lab table: the grader stops, naming both,
 * rather than judge from evidence a --step grading would not have. */
static void judge_reads_undeclared(const struct evidence *ev, struct check_result *res)
{
	(void)run_of(ev, RUN_MEMCHECK);
	check_pass(res, M_RUN_OK, 0.0);
}

Test(corpus, undeclared_run_read_aborts, .signal = SIGABRT)
{
	static const struct check_def broken[] = {
		{ "broken", 1, 1, RUN_BIT(RUN_NORMAL), M_T_RUN, M_H_RUN, "signal(7)", judge_reads_undeclared },
	};
	struct lab_def lab = lab_read_map;
	struct evidence ev = { .lab = &lab };
	struct check_result res = { .def = &broken[0] };

	lab.checks = broken;
	lab.check_count = 1;
	ev.reader = &broken[0];
	broken[0].judge(&ev, &res);
}
