/* test_gradescope.c - the Gradescope autograder: `grade --format=gradescope` follows results.json's
 * format, and the zip's run_autograder, run against a temporary directory laid out as Gradescope
 * lays out /autograder, finds the lab's file inside an uploaded repository, grades it, and writes a
 * clear 0-point result when it cannot. The zip ships every folder of the grader's sources, and one
 * case builds the grader from them alone, as setup.sh does. */
#include "classlib.h"
#include "shipped.h"

/* The zip `make gradescope` built (make test passes its path). */
static const char *zip_path(void)
{
	const char *zip = getenv("MMAPLAB_GRADESCOPE_ZIP");
	static char path[4096];

	if (zip && *zip)
		return zip;
	snprintf(path, sizeof path, "%s/build/gradescope-autograder.zip", repo_root());
	return path;
}

/* A fresh /autograder with the zip unpacked in source/ and empty submission/ and results/. */
static char *fake_autograder(void)
{
	char *root = make_shared_temp_dir();
	char *source = make_subdir(root, "source");
	free(make_subdir(root, "submission"));
	free(make_subdir(root, "results"));
	struct grader_run r = run_command((char *const[]){ "unzip", "-q", (char *)zip_path(), "-d", source, NULL }, NULL);
	cr_assert_eq(r.status, 0, "unzip %s: %s", zip_path(), r.err);
	grader_run_free(&r);
	free(source);
	return root;
}

/* Runs source/run_autograder of root with the grader under test, or with the one built from the
 * zip's sources when own_build (as on Gradescope), and returns results/results.json, parsed. */
static json_t *run_autograder(const char *root, bool own_build)
{
	char *script = path_in(root, "source/run_autograder"), *env_root, *env_bin;
	cr_assert_neq(asprintf(&env_root, "MMAPLAB_AUTOGRADER=%s", root), -1);
	cr_assert_neq(asprintf(&env_bin, "MMAPLAB_BIN=%s", grader_path()), -1);
	/* An empty MMAPLAB_BIN (make test exports one) makes the script use source/build/mmaplab. */
	char *env[] = { env_root, own_build ? "MMAPLAB_BIN=" : env_bin, NULL };
	struct grader_run r = run_command((char *const[]){ script, NULL }, env);
	cr_assert_eq(r.status, 0, "run_autograder exits 0 whatever the score: %d\n%s", r.status, r.err);
	char *results = path_in(root, "results/results.json");
	json_error_t e;
	json_t *j = json_load_file(results, 0, &e);
	cr_assert_not_null(j, "results.json is not JSON (%s):\n%s", e.text, r.err);
	grader_run_free(&r);
	free(results);
	free(script);
	return j;
}

/* The lab the zip grades (lab.conf) and its full marks, from the grader itself. */
static char *zip_lab(const char *root, int *max_score)
{
	char *conf = slurp(path_in(root, "source/lab.conf"));
	conf[strcspn(conf, "\n")] = '\0';
	struct grader_run r = GRADER("list", "--format=json");
	json_t *labs = parse_report(&r), *lab;
	size_t i;
	*max_score = -1;
	json_array_foreach(labs, i, lab)
		if (!strcmp(json_string_value(json_object_get(lab, "name")), conf))
			*max_score = (int)json_integer_value(json_object_get(lab, "max_score"));
	cr_assert_geq(*max_score, 1, "lab.conf names an unknown lab: %s", conf);
	json_decref(labs);
	grader_run_free(&r);
	return conf;
}

/* Checks results.json against Gradescope's format: a score, one test per check with name, score,
 * max_score, status passed/failed and output; returns the sum of the tests' scores. */
static int check_format(json_t *j)
{
	json_t *tests = json_object_get(j, "tests"), *t;
	size_t i;
	int sum = 0;

	cr_assert(json_is_number(json_object_get(j, "score")), "a top-level score");
	cr_assert(json_is_array(tests), "a tests array");
	json_array_foreach(tests, i, t) {
		const char *status = json_string_value(json_object_get(t, "status"));
		cr_expect(json_is_string(json_object_get(t, "name")), "test %zu has a name", i);
		cr_expect(json_is_string(json_object_get(t, "output")), "test %zu has an output", i);
		cr_expect(json_is_number(json_object_get(t, "max_score")), "test %zu has a max_score", i);
		cr_expect(status && (!strcmp(status, "passed") || !strcmp(status, "failed")), "test %zu status", i);
		cr_expect_str_eq(json_string_value(json_object_get(t, "visibility")), "visible");
		sum += (int)json_integer_value(json_object_get(t, "score"));
	}
	cr_expect_eq(sum, json_integer_value(json_object_get(j, "score")), "the tests add up to the score");
	return sum;
}

Test(gradescope, zip_holds_the_scripts_and_the_sources)
{
	struct grader_run r = run_command((char *const[]){ "unzip", "-Z1", (char *)zip_path(), NULL }, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	static const char *const wanted[] = { "setup.sh", "run_autograder", "lab.conf", "Makefile", "harness/grade.c",
	                                      "harness/main.c", "scripts/lab-submission.sh" };
	for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
		char *line;
		cr_assert_neq(asprintf(&line, "\n%s\n", wanted[i]), -1);
		/* At the root of the archive: Gradescope looks for the scripts there. */
		cr_expect(strstr(r.out, line + 1) == r.out || strstr(r.out, line), "the zip holds %s:\n%s", wanted[i], r.out);
		free(line);
	}
	grader_run_free(&r);
	char *root = fake_autograder();
	struct stat st;
	char *script = path_in(root, "source/run_autograder"), *source = path_in(root, "source");
	cr_assert_eq(stat(script, &st), 0);
	cr_expect(st.st_mode & S_IXUSR, "run_autograder keeps its executable bit");
	expect_ships_the_sources(source);
	free(source);
	remove_dir(root);
}

Test(gradescope, grades_a_whole_repository_upload, .timeout = 300)
{
	char *root = fake_autograder();
	int max;
	char *lab = zip_lab(root, &max);
	/* The student uploaded a repository: the lab's file is a few directories down, beside a README,
	   and a stray copy hides in .git. */
	char *sub = path_in(root, "submission");
	char *nested = make_subdir(sub, "my-repo");
	char *labdir = make_subdir(nested, "lab");
	char *git = make_subdir(sub, ".git");
	put(nested, "README.md", "# my mmaplab work\n");
	struct grader_run l = GRADER("list", "--format=json");
	json_t *labs = parse_report(&l), *o;
	size_t i;
	const char *program = NULL;
	json_array_foreach(labs, i, o)
		if (!strcmp(json_string_value(json_object_get(o, "name")), lab))
			program = json_string_value(json_object_get(o, "program"));
	cr_assert_not_null(program);
	char *solution;
	cr_assert_neq(asprintf(&solution, "%s/solutions/%s/%s", repo_root(), lab, program), -1);
	char *copy = path_in(labdir, program);
	write_text(copy, slurp(solution));
	put(git, program, "this is not C\n");

	/* The zip's sources build the way setup.sh builds them (make in source/). */
	char *source = path_in(root, "source"), *built = path_in(root, "source/build/mmaplab");
	struct grader_run b = run_command((char *const[]){ "make", "-s", "-C", source, "-j", "2", NULL }, NULL);
	cr_assert_eq(b.status, 0, "the zip's sources build:\n%s", b.err);
	cr_assert(exists(built));
	expect_built_from_what_ships(source);
	grader_run_free(&b);
	json_t *j = run_autograder(root, true);
	cr_expect_eq(check_format(j), max, "the solution gets full marks: %s", json_dumps(j, 0));
	cr_expect_eq(json_integer_value(json_object_get(j, "score")), max);
	json_decref(j);
	json_decref(labs);
	grader_run_free(&l);
	remove_dir(root);
}

Test(gradescope, a_bug_loses_its_check_with_the_reason, .timeout = 120)
{
	char *root = fake_autograder();
	int max;
	char *lab = zip_lab(root, &max);
	if (strcmp(lab, "read-map"))
		cr_skip_test("the bug below is a read-map bug; the zip grades %s", lab);
	char *sub = path_in(root, "submission");
	put_variant(sub, "read_map.c", BUG_NO_MUNMAP);
	json_t *j = run_autograder(root, false);
	check_format(j);
	cr_expect_eq(json_integer_value(json_object_get(j, "score")), max - 1);
	json_t *tests = json_object_get(j, "tests"), *t;
	size_t i;
	bool seen = false;
	json_array_foreach(tests, i, t) {
		const char *name = json_string_value(json_object_get(t, "name"));
		if (strncmp(name, "munmap:", 7))
			continue;
		seen = true;
		cr_expect_str_eq(json_string_value(json_object_get(t, "status")), "failed");
		const char *output = json_string_value(json_object_get(t, "output"));
		cr_expect(strstr(output, "힌트: ") && strstr(output, "기대: "), "the output explains:\n%s", output);
	}
	cr_expect(seen, "a test for the munmap check");
	json_decref(j);
	remove_dir(root);
}

Test(gradescope, no_lab_file_gives_zero_and_a_korean_reason, .timeout = 60)
{
	char *root = fake_autograder();
	put(path_in(root, "submission"), "main.c", "int main(void) { return 0; }\n");
	json_t *j = run_autograder(root, false);
	cr_expect_eq(json_integer_value(json_object_get(j, "score")), 0);
	cr_expect_eq(json_array_size(json_object_get(j, "tests")), 0);
	const char *output = json_string_value(json_object_get(j, "output"));
	cr_expect(output && strstr(output, "찾지 못했다"), "a Korean reason: %s", output);
	json_decref(j);
	remove_dir(root);
}
