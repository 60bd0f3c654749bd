/* test_classroom.c - the GitHub Classroom template: `make classroom` assembles a repository whose
 * workflow names the lab and calls the kit's script; that script, run here as the workflow runs it,
 * builds the vendored kit, grades once and hands the reporter one test per check whose points add
 * up to the kit's score; the lab's `make check` works inside the template too. The template ships
 * every folder of the grader's sources, and the grader its workflow runs is built from them alone. */
#include "classlib.h"
#include "shipped.h"

/* Assembles the read-map template into a new directory and returns it. */
static char *make_template(char **tmp)
{
	*tmp = make_shared_temp_dir();
	char *repo = path_in(*tmp, "repo"), *out, *root;
	cr_assert_neq(asprintf(&out, "CLASSROOM_OUT=%s", repo), -1);
	root = (char *)repo_root();
	struct grader_run r = run_command((char *const[]){ "make", "-s", "-C", root, "classroom", "LAB=read-map", out, NULL },
	                                  NULL);
	cr_assert_eq(r.status, 0, "make classroom: %s", r.err);
	grader_run_free(&r);
	free(out);
	return repo;
}

/* The value after "key:" on the workflow line that holds it (malloc'd), or NULL. */
static char *yaml_value(const char *yaml, const char *key)
{
	const char *p = strstr(yaml, key);
	if (!p)
		return NULL;
	p += strlen(key);
	while (*p == ' ')
		p++;
	return strndup(p, strcspn(p, "\n"));
}

/* Runs the workflow's grading step in repo and returns the reporter's input, decoded and parsed. */
static json_t *run_workflow_step(const char *repo, const char *workflow)
{
	char *run = yaml_value(workflow, "run: "), *lab = yaml_value(workflow, "MMAPLAB_LAB: ");
	cr_assert(run && lab, "the workflow has a run step and names the lab:\n%s", workflow);
	char *output = path_in(repo, "../github-output"), *e_out, *e_ws, *e_lab, *cmd;
	unlink(output);
	cr_assert_neq(asprintf(&e_out, "GITHUB_OUTPUT=%s", output), -1);
	cr_assert_neq(asprintf(&e_ws, "GITHUB_WORKSPACE=%s", repo), -1);
	cr_assert_neq(asprintf(&e_lab, "MMAPLAB_LAB=%s", lab), -1);
	cr_assert_neq(asprintf(&cmd, "cd '%s' && %s", repo, run), -1);
	/* MMAPLAB_INSTALL=no: the tests never run apt-get; the machine has what .ci/run installed. An
	   empty MMAPLAB_BIN (make test exports the grader under test) makes the script build and run
	   the template's own kit, as on GitHub. */
	char *env[] = { e_out, e_ws, e_lab, "MMAPLAB_INSTALL=no", "MMAPLAB_BIN=", NULL };
	struct grader_run r = run_command((char *const[]){ "bash", "-c", cmd, NULL }, env);
	cr_assert_eq(r.status, 0, "the step exits 0 so that the reporter runs:\n%s", r.err);
	char *written = slurp(output);
	cr_assert_eq(strncmp(written, "result=", 7), 0, "a `result` step output: %s", written);
	written[strcspn(written, "\n")] = '\0';
	char *decode;
	cr_assert_neq(asprintf(&decode, "printf '%%s' '%s' | base64 -d", written + 7), -1);
	struct grader_run d = run_command((char *const[]){ "sh", "-c", decode, NULL }, NULL);
	cr_assert_eq(d.status, 0);
	json_error_t e;
	json_t *j = json_loads(d.out, 0, &e);
	cr_assert_not_null(j, "the result decodes to JSON (%s): %s", e.text, d.out);
	grader_run_free(&r);
	grader_run_free(&d);
	free(decode);
	free(written);
	free(cmd);
	free(run);
	free(lab);
	return j;
}

/* The sum of the tests' scores: what the reporter sends GitHub Classroom as the grade. */
static int classroom_points(json_t *result)
{
	json_t *tests = json_object_get(result, "tests"), *t;
	size_t i;
	int sum = 0;
	json_array_foreach(tests, i, t)
		sum += (int)json_integer_value(json_object_get(t, "score"));
	return sum;
}

Test(classroom, template_workflow_grade_equals_the_kit_score, .timeout = 300)
{
	char *tmp, *repo = make_template(&tmp);
	char *workflow_path = path_in(repo, ".github/workflows/classroom.yml");
	char *workflow = slurp(workflow_path);
	cr_expect(strstr(workflow, "classroom-resources/autograding-grading-reporter"), "the reporter step");
	cr_expect(strstr(workflow, "runners: mmaplab") && strstr(workflow, "MMAPLAB_RESULTS:"),
	          "the reporter reads the grading step's output");
	struct stat st;
	char *readme = path_in(repo, "README.md"), *starter = path_in(repo, "read_map.c");
	cr_assert_eq(lstat(readme, &st), 0);
	cr_expect(S_ISREG(st.st_mode), "the template holds real files, not links into the kit");
	cr_expect(exists(starter) && exists(path_in(repo, "Makefile")) && exists(path_in(repo, ".mmaplab/classroom/grade.sh")));
	char *shipped = path_in(repo, ".mmaplab");
	expect_ships_the_sources(shipped);

	/* The solution: full marks, every test passes. */
	write_variant(starter, NULL, NULL);
	json_t *j = run_workflow_step(repo, workflow);
	cr_expect_str_eq(json_string_value(json_object_get(j, "status")), "pass");
	cr_expect_eq(json_integer_value(json_object_get(j, "max_score")), 14);
	cr_expect_eq(classroom_points(j), 14);
	cr_expect_eq(json_array_size(json_object_get(j, "tests")), 12, "one test per check");
	json_decref(j);
	expect_built_from_what_ships(shipped);

	/* A bug: the Classroom points are the kit's score, check by check. */
	write_variant(starter, BUG_LOOP_LE);
	j = run_workflow_step(repo, workflow);
	struct grader_run g = GRADER("grade", "--format=json", "read-map", starter);
	json_t *kit = parse_report(&g);
	cr_expect_eq(classroom_points(j), json_integer_value(json_object_get(kit, "score")));
	cr_expect_str_eq(json_string_value(json_object_get(j, "status")), "fail");
	json_t *tests = json_object_get(j, "tests"), *t;
	size_t i;
	json_array_foreach(tests, i, t) {
		const char *name = json_string_value(json_object_get(t, "name"));
		if (!strncmp(name, "output:", 7)) {
			cr_expect_str_eq(json_string_value(json_object_get(t, "status")), "fail");
			cr_expect(strstr(json_string_value(json_object_get(t, "message")), "힌트: "), "a hint for the student");
		}
	}
	json_decref(kit);
	json_decref(j);
	grader_run_free(&g);

	/* The lab's own `make check` uses the kit in .mmaplab. */
	write_variant(starter, NULL, NULL);
	struct grader_run m = run_command((char *const[]){ "make", "-s", "-C", repo, "check", NULL }, NULL);
	cr_expect_eq(m.status, 0, "make check in the template:\n%s%s", m.out, m.err);
	/* ... and writes the page of the grading into the kit's build directory, never the student's folder. */
	char *page = path_in(repo, ".mmaplab/build/check/read-map.html");
	cr_expect(strstr(m.err, "자세히 보기: ") && strstr(m.err, page), "make check names its page:\n%s", m.err);
	cr_expect(exists(page), "the page is there");
	free(page);
	grader_run_free(&m);

	/* No lab file: an errored result worth 0 of 14, with the reason. */
	cr_assert_eq(unlink(starter), 0);
	j = run_workflow_step(repo, workflow);
	cr_expect_str_eq(json_string_value(json_object_get(j, "status")), "error");
	cr_expect_eq(classroom_points(j), 0);
	cr_expect_eq(json_integer_value(json_object_get(j, "max_score")), 14);
	json_decref(j);
	free(shipped);
	remove_dir(tmp);
}

Test(classroom, guide_says_the_grade_is_feedback)
{
	char *guide = path_in(repo_root(), "docs-ko/instructor-guide.md");
	char *text = slurp(guide);
	cr_expect(strstr(text, "GitHub Classroom") && strstr(text, "워크플로") && strstr(text, "피드백"),
	          "the instructor guide warns that students control the workflow");
	free(text);
}
