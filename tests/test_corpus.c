/* test_corpus.c - the grader, end to end, on every submission of tests/corpus/: correct programs
 * written in different ways must pass every check, and each one-bug program must get exactly the
 * statuses written in its `expect:` line (one bug, one failed check, where the others hold). */
#include "testlib.h"

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
	static const char *const labs[] = { "read-map", "write-msync", "perf" };
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

ParameterizedTest(struct corpus_entry *e, corpus, grades_as_expected, .timeout = 240)
{
	char seed[64];
	const char *name = strrchr(e->path, '/') + 1;

	cr_assert(strlen(e->expect) > 0, "%s/%s has no `expect:` line", e->lab, name);
	snprintf(seed, sizeof seed, "--seed=%lu", seed_for(e->path));
	struct grader_run r = GRADER("grade", "--format=json", seed, e->lab, e->path);
	cr_assert(r.status == 0 || r.status == 1, "%s/%s: exit status %d\nstderr:\n%s", e->lab, name,
	          r.status, r.err);
	json_t *report = parse_report(&r);

	/* Every check of the lab is listed, in rubric order, with the expected status. */
	json_t *checks = json_object_get(report, "checks");
	char *expect = strdup(e->expect), *save = NULL;
	size_t listed = 0;
	bool all_pass = true;
	for (char *tok = strtok_r(expect, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		char *eq = strchr(tok, '=');
		cr_assert_not_null(eq, "%s/%s: malformed expectation '%s'", e->lab, name, tok);
		*eq = '\0';
		const char *want = eq + 1;
		json_t *c = json_array_get(checks, listed);
		cr_assert_not_null(c, "%s/%s: the report has fewer checks than the expectation", e->lab, name);
		const char *id = json_string_value(json_object_get(c, "id"));
		cr_assert_str_eq(id, tok, "%s/%s: check %zu is '%s' in the report, '%s' in the expectation",
		                 e->lab, name, listed + 1, id, tok);
		const char *got = json_string_value(json_object_get(c, "status"));
		cr_expect_str_eq(got, want, "%s/%s (%s): check %s is %s, expected %s: %s", e->lab, name, seed,
		                 id, got, want, json_string_value(json_object_get(c, "message")));
		all_pass = all_pass && !strcmp(want, "pass");
		listed++;
	}
	cr_assert_eq(listed, json_array_size(checks), "%s/%s: the expectation lists %zu checks, the report %zu",
	             e->lab, name, listed, json_array_size(checks));
	cr_assert_eq(r.status, all_pass ? 0 : 1, "%s/%s: exit status %d", e->lab, name, r.status);
	free(expect);
	json_decref(report);
	grader_run_free(&r);
}
