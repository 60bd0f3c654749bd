/* test_cli.c - the command line: every bad input gets a clear message (Korean by default, English
 * with --lang=en) and exit status 2; list, --version, --step, the formats. */
#include "testlib.h"

/* The correct reference program of a lab, from solutions/. */
static char *solution(const char *lab, const char *file)
{
	char *p;
	cr_assert_neq(asprintf(&p, "%s/solutions/%s/%s", repo_root(), lab, file), -1);
	return p;
}

Test(cli, version_and_list)
{
	struct grader_run r = GRADER("--version");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "mmaplab 0."), "version line: %s", r.out);
	grader_run_free(&r);

	r = GRADER("list");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "read-map") && strstr(r.out, "write-msync"), "list: %s", r.out);
	cr_assert(strstr(r.out, "error-msync") && strstr(r.out, "empty-file") && strstr(r.out, "short-file"),
	          "list names every check: %s", r.out);
	grader_run_free(&r);
}

Test(cli, usage_errors_exit_2_in_korean)
{
	struct grader_run r = GRADER("grade");
	cr_assert_eq(r.status, 2, "no arguments: %d", r.status);
	cr_assert(strstr(r.err, "사용법"), "a Korean pointer to the usage: %s", r.err);
	grader_run_free(&r);

	r = GRADER("grade", "no-such-lab", "x.c");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "알 수 없는 실습") && strstr(r.err, "no-such-lab"), "unknown lab: %s", r.err);
	grader_run_free(&r);

	r = GRADER("grade", "--format=xml", "read-map", "x.c");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "--format") && strstr(r.err, "xml"), "bad format: %s", r.err);
	grader_run_free(&r);

	r = GRADER("grade", "--step=0", "read-map", "x.c");
	cr_assert_eq(r.status, 2, "step 0 is not a step");
	grader_run_free(&r);

	r = GRADER("grade", "--step=9", "read-map", "x.c");
	cr_assert_eq(r.status, 2, "read-map has 5 steps");
	grader_run_free(&r);

	r = GRADER("grade", "--seed=abc", "read-map", "x.c");
	cr_assert_eq(r.status, 2);
	grader_run_free(&r);

	r = GRADER("frobnicate");
	cr_assert_eq(r.status, 2);
	grader_run_free(&r);
}

Test(cli, bad_submissions_exit_2)
{
	char *dir = make_temp_dir();
	char path[4200];
	struct grader_run r;

	snprintf(path, sizeof path, "%s/missing.c", dir);
	r = GRADER("grade", "read-map", path);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "없다"), "missing path: %s", r.err);
	grader_run_free(&r);

	r = GRADER("grade", "read-map", dir); /* an empty directory */
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, ".c 파일이 없다"), "empty directory: %s", r.err);
	grader_run_free(&r);

	snprintf(path, sizeof path, "%s/notes.txt", dir);
	write_text(path, "not C\n");
	r = GRADER("grade", "read-map", path);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "C 소스 파일"), "non-C file: %s", r.err);
	grader_run_free(&r);

	r = GRADER("grade", "--lang=en", "read-map", path);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "neither a C source file"), "English: %s", r.err);
	grader_run_free(&r);

	remove_dir(dir);
	free(dir);
}

Test(cli, step_limits_checks_score_and_status, .timeout = 120)
{
	char *sol = solution("read-map", "read_map.c");
	struct grader_run r = GRADER("grade", "--format=json", "--step=1", "read-map", sol);
	json_t *j = parse_report(&r);

	cr_assert_eq(r.status, 0, "the solution passes step 1: %s", r.out);
	cr_assert_eq(json_array_size(json_object_get(j, "checks")), 3, "step 1 has build, open, size");
	cr_assert_not_null(check_status(j, "size"));
	cr_assert_null(check_status(j, "mmap"), "mmap belongs to step 2");
	cr_assert_eq(json_integer_value(json_object_get(j, "max_score")), 3);
	cr_assert_eq(json_integer_value(json_object_get(j, "step")), 1);
	json_decref(j);
	grader_run_free(&r);
	free(sol);
}

Test(cli, text_report_names_seed_and_replay_command, .timeout = 120)
{
	char *sol = solution("write-msync", "write_msync.c");
	struct grader_run r = GRADER("grade", "--seed=4242", "write-msync", sol);

	cr_assert_eq(r.status, 0, "the solution passes: %s", r.out);
	cr_assert(strstr(r.out, "시드: 4242"), "seed line: %s", r.out);
	cr_assert(strstr(r.out, "grade --seed=4242 write-msync"), "replay command: %s", r.out);
	cr_assert(strstr(r.out, "[통과] msync"), "check lines: %s", r.out);
	cr_assert(!strchr(r.out, '\033'), "no colour when stdout is not a terminal");
	grader_run_free(&r);
	free(sol);
}

Test(cli, same_seed_same_file_and_result, .timeout = 120)
{
	char *sol = solution("read-map", "read_map.c");
	struct grader_run a = GRADER("grade", "--format=json", "--seed=77", "read-map", sol);
	struct grader_run b = GRADER("grade", "--format=json", "--seed=77", "read-map", sol);
	json_t *ja = parse_report(&a), *jb = parse_report(&b);

	/* The output message counts the file's lines: the same seed, the same file. */
	cr_assert_str_eq(check_message(ja, "output"), check_message(jb, "output"));
	cr_assert_eq(json_integer_value(json_object_get(ja, "seed")), 77);
	cr_assert_eq(json_integer_value(json_object_get(jb, "seed")), 77);
	json_decref(ja);
	json_decref(jb);
	grader_run_free(&a);
	grader_run_free(&b);
	free(sol);
}

Test(cli, tap_output, .timeout = 120)
{
	char *sol = solution("read-map", "read_map.c");
	struct grader_run r = GRADER("grade", "--format=tap", "--lang=en", "read-map", sol);

	cr_assert_eq(r.status, 0);
	cr_assert_eq(strncmp(r.out, "TAP version 13\n1..12\n", 21), 0, "TAP header: %s", r.out);
	cr_assert(strstr(r.out, "ok 1 - build: it compiles\n"), "first test point: %s", r.out);
	cr_assert_null(strstr(r.out, "not ok"), "the solution fails nothing: %s", r.out);
	grader_run_free(&r);
	free(sol);
}

Test(cli, missing_tools_exit_2_with_the_install_command)
{
	char *env[] = { "PATH=/nonexistent", NULL };
	char *argv[] = { (char *)grader_path(), "grade", "read-map", "x.c", NULL };
	struct grader_run r = run_command(argv, env);

	cr_assert_eq(r.status, 2, "no gcc, strace or valgrind on PATH: exit %d", r.status);
	cr_assert(strstr(r.err, "gcc") && strstr(r.err, "apt-get install"), "names the tool and the fix: %s", r.err);
	grader_run_free(&r);
}

/* The fallback where namespaces are not allowed (a container without privileges) still grades a
 * correct program right, and says it ran without containment. */
Test(cli, grades_without_namespaces, .timeout = 120)
{
	char *sol = solution("write-msync", "write_msync.c");
	char *env[] = { "MMAPLAB_NO_NAMESPACES=1", NULL };
	char *argv[] = { (char *)grader_path(), "grade", "--format=json", "write-msync", sol, NULL };
	struct grader_run r = run_command(argv, env);
	json_t *j = parse_report(&r);

	cr_assert_eq(r.status, 0, "the solution passes at isolation none:\n%s", r.out);
	cr_assert_str_eq(json_string_value(json_object_get(j, "isolation")), "none");
	json_decref(j);
	grader_run_free(&r);
	free(sol);
}

/* --html to a place that cannot take a file is said in Korean before any grading (exit 2), and
 * leaves neither the page nor a temporary file behind. */
Test(cli, html_path_that_cannot_be_written_exits_2_before_grading, .timeout = 60)
{
	char *dir = make_temp_dir(), path[4200];
	char *sol = solution("read-map", "read_map.c");

	snprintf(path, sizeof path, "%s/no-such-directory/page.html", dir);
	struct grader_run r = GRADER("grade", "--html", path, "read-map", sol);
	cr_assert_eq(r.status, 2, "exit %d", r.status);
	cr_assert(strstr(r.err, "그림 페이지를") && strstr(r.err, "쓸 수 없다"), "says why in Korean: %s", r.err);
	cr_assert_eq(strlen(r.out), 0, "no grading was done: %s", r.out);
	grader_run_free(&r);

	r = GRADER("grade", "--html", dir, "read-map", sol); /* a directory */
	cr_assert_eq(r.status, 2, "exit %d", r.status);
	cr_assert(strstr(r.err, "쓸 수 없다"), "%s", r.err);
	grader_run_free(&r);
	cr_assert(dir_is_empty(dir), "no temporary file is left in %s", dir);

	/* And where it can, the page is written whole, and says where it is. */
	snprintf(path, sizeof path, "%s/page.html", dir);
	r = GRADER("grade", "--html", path, "read-map", sol);
	cr_assert_eq(r.status, 0, "exit %d: %s", r.status, r.err);
	cr_assert(strstr(r.err, path), "names the page: %s", r.err);
	char *page = slurp(path);
	cr_assert(strstr(page, "</html>"), "a whole page");
	free(page);
	grader_run_free(&r);
	remove_dir(dir);
	free(dir);
	free(sol);
}
