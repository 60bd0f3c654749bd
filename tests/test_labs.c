/* test_labs.c - the guided labs against the grader: every solution passes every step with full
 * marks, every starter compiles and passes nothing but `build`, and each README's step headings
 * name exactly the checks that the grader's --step table introduces at that step. */
#include "testlib.h"

#include <ctype.h>

struct lab_case {
	const char *lab, *folder, *solution;
	int steps;
};

static const struct lab_case lab_cases[] = {
	{ "read-map", "labs/01-read-map", "solutions/read-map", 5 },
	{ "write-msync", "labs/02-write-msync", "solutions/write-msync", 6 },
	{ "share-map", "labs/04-share-map", "solutions/share-map", 6 },
};

static char *repo_path(const char *rel)
{
	char *p;
	cr_assert_neq(asprintf(&p, "%s/%s", repo_root(), rel), -1);
	return p;
}

/* The check ids a README's heading "### N단계: ... (`a`, `b`)" names for step n, space-separated
 * and sorted as they appear; NULL when there is no such heading. */
static char *readme_step_ids(const char *folder, int n)
{
	char *path, rel[300], prefix[32], line[1024];
	char *found = NULL;

	snprintf(rel, sizeof rel, "%s/README.md", folder);
	path = repo_path(rel);
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "cannot open %s", path);
	snprintf(prefix, sizeof prefix, "### %d단계", n);
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, prefix, strlen(prefix)))
			continue;
		char *open = strrchr(line, '(');
		cr_assert_not_null(open, "%s: the heading of step %d names no checks", rel, n);
		char buf[1024] = "";
		for (char *p = strchr(open, '`'); p; p = strchr(p, '`')) {
			char *end = strchr(p + 1, '`');
			if (!end)
				break;
			strncat(buf, p + 1, (size_t)(end - p - 1));
			strcat(buf, " ");
			p = end + 1;
		}
		found = strdup(buf);
		break;
	}
	fclose(f);
	free(path);
	return found;
}

/* The ids of the checks a report says were introduced at step n, in rubric order. */
static char *report_step_ids(json_t *report, int n)
{
	char buf[1024] = "";
	size_t i;
	json_t *c;

	json_array_foreach(json_object_get(report, "checks"), i, c)
		if (json_integer_value(json_object_get(c, "step")) == n) {
			strcat(buf, json_string_value(json_object_get(c, "id")));
			strcat(buf, " ");
		}
	return strdup(buf);
}

Test(labs, solutions_pass_every_step_with_full_marks, .timeout = 600)
{
	for (size_t l = 0; l < sizeof lab_cases / sizeof lab_cases[0]; l++) {
		char *sol = repo_path(lab_cases[l].solution);

		for (int step = 1; step <= lab_cases[l].steps + 1; step++) {
			char step_arg[32];
			/* The last round grades every step at once, with another seed. */
			if (step <= lab_cases[l].steps)
				snprintf(step_arg, sizeof step_arg, "--step=%d", step);
			else
				snprintf(step_arg, sizeof step_arg, "--seed=%d", 99991);
			struct grader_run r = GRADER("grade", "--format=json", step_arg, (char *)lab_cases[l].lab, sol);
			json_t *j = parse_report(&r);

			cr_expect_eq(r.status, 0, "%s %s: exit %d\n%s", lab_cases[l].lab, step_arg, r.status, r.out);
			cr_expect_eq(json_integer_value(json_object_get(j, "score")),
			             json_integer_value(json_object_get(j, "max_score")), "%s %s: not full marks",
			             lab_cases[l].lab, step_arg);
			json_decref(j);
			grader_run_free(&r);
		}
		free(sol);
	}
}

Test(labs, readme_steps_match_the_grader, .timeout = 120)
{
	for (size_t l = 0; l < sizeof lab_cases / sizeof lab_cases[0]; l++) {
		char *sol = repo_path(lab_cases[l].solution);
		struct grader_run r = GRADER("grade", "--format=json", (char *)lab_cases[l].lab, sol);
		json_t *j = parse_report(&r);

		for (int step = 1; step <= lab_cases[l].steps; step++) {
			char *readme = readme_step_ids(lab_cases[l].folder, step);
			char *grader = report_step_ids(j, step);

			cr_assert_not_null(readme, "%s/README.md has no heading for step %d", lab_cases[l].folder, step);
			cr_expect_str_eq(readme, grader, "%s step %d: README names '%s', the grader '%s'",
			                 lab_cases[l].lab, step, readme, grader);
			free(readme);
			free(grader);
		}
		cr_expect_null(readme_step_ids(lab_cases[l].folder, lab_cases[l].steps + 1),
		               "%s/README.md has more steps than the grader", lab_cases[l].folder);
		json_decref(j);
		grader_run_free(&r);
		free(sol);
	}
}

Test(labs, starters_compile_and_pass_only_build, .timeout = 120)
{
	for (size_t l = 0; l < sizeof lab_cases / sizeof lab_cases[0]; l++) {
		char *folder = repo_path(lab_cases[l].folder);
		struct grader_run r = GRADER("grade", "--format=json", (char *)lab_cases[l].lab, folder);
		json_t *j = parse_report(&r);
		size_t i;
		json_t *c;

		cr_expect_eq(r.status, 1, "%s: a starter must not pass", lab_cases[l].lab);
		json_array_foreach(json_object_get(j, "checks"), i, c) {
			const char *id = json_string_value(json_object_get(c, "id"));
			const char *status = json_string_value(json_object_get(c, "status"));

			if (!strcmp(id, "build")) {
				cr_expect_str_eq(status, "pass", "%s: the starter must compile", lab_cases[l].lab);
				cr_expect(json_is_null(json_object_get(c, "note")),
				          "%s: the starter must compile without warnings", lab_cases[l].lab);
			} else {
				cr_expect_str_neq(status, "pass", "%s: the starter passes %s: %s", lab_cases[l].lab, id,
				                  json_string_value(json_object_get(c, "message")));
			}
		}
		/* The checks of step 1 that the student writes first fail (not skip): something to do. */
		cr_expect_str_eq(check_status(j, "open"), "fail");
		cr_expect_str_eq(check_status(j, "size"), "fail");
		json_decref(j);
		grader_run_free(&r);
		free(folder);
	}
}
