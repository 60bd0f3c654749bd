/* test_batch.c - `mmaplab batch` over a generated class: the expected CSV rows and JSON for correct,
 * one-bug, non-compiling, hanging and crashing programs; warnings for what is not a student; the
 * same results with -j 1 and -j 2; --resume regrades nothing finished; --only regrades one student;
 * SIGINT leaves no half-written file, no scratch directory and no process behind. */
#include "classlib.h"

#include <signal.h>
#include <sys/prctl.h>

/* The environment of every batch here: short limits for the hanging program, with room for
 * Valgrind on a busy machine (its floor becomes 6 s). */
static char *fast_env[] = { "MMAPLAB_TIME_SCALE=0.4", "NO_COLOR=1", NULL };

/* A class of every kind of student, plus entries that are not students. */
static void make_class(const char *subs)
{
	char *d = make_subdir(subs, "2021001");
	put_variant(d, "read_map.c", NULL, NULL);                /* correct, as a directory */
	free(d);
	put_variant(subs, "2021002.c", NULL, NULL);              /* correct, as one file */
	put_variant(subs, "2021003.c", BUG_NO_MUNMAP);           /* forgets munmap */
	put_variant(subs, "2021004.c", BUG_LOOP_LE);             /* prints one byte too many */
	put(subs, "2021005.c", broken_c);                        /* does not compile */
	put(subs, "2021006.c", hang_c);                          /* never ends */
	put(subs, "2021007.c", crash_c);                         /* SIGSEGV */
	free(make_subdir(subs, "2021008"));                      /* no .c file at all */
	put_variant(subs, "김민지.c", NULL, NULL);                /* a Korean name */
	put(subs, "notes.txt", "not a student\n");
	put_variant(subs, ".hidden.c", NULL, NULL);
}

/* The status word of a check in a CSV row: columns are student, score, max_score, then the checks
 * in rubric order (build open size mmap run output munmap close valgrind ...). */
static char *status_of(const char *csv, const char *id, int check_index)
{
	char *row = csv_row(csv, id);
	cr_assert_not_null(row, "no row for %s in:\n%s", id, csv);
	char *f = csv_field(row, 3 + check_index);
	free(row);
	return f;
}

#define CHECK_BUILD 0
#define CHECK_RUN 4
#define CHECK_OUTPUT 5
#define CHECK_MUNMAP 6

static void expect_field(const char *csv, const char *id, int field, const char *want)
{
	char *row = csv_row(csv, id);
	cr_assert_not_null(row, "no row for %s in:\n%s", id, csv);
	char *got = csv_field(row, field);
	cr_expect_str_eq(got, want, "%s field %d: got '%s', want '%s' (row %s)", id, field, got, want, row);
	free(got);
	free(row);
}

static void expect_status(const char *csv, const char *id, int check, const char *want)
{
	char *got = status_of(csv, id, check);
	cr_expect_str_eq(got, want, "%s check #%d: got %s, want %s", id, check, got, want);
	free(got);
}

Test(batch, grades_a_class_and_the_same_with_one_job, .timeout = 300)
{
	char *tmp = make_shared_temp_dir();
	char *subs = make_subdir(tmp, "subs");
	char *out2 = path_in(tmp, "out-j2"), *out1 = path_in(tmp, "out-j1");
	make_class(subs);

	struct grader_run r = BATCH(fast_env, "-j", "2", "--seed=4242", "--out", out2, "read-map", subs);
	cr_assert_eq(r.status, 1, "one student (2021008) cannot be graded: exit 1, got %d\n%s", r.status, r.err);
	cr_expect(strstr(r.err, "notes.txt") && strstr(r.err, ".hidden.c"), "warnings for non-students:\n%s", r.err);
	cr_expect(strstr(r.out, "검사별로 통과한 학생") && strstr(r.out, "점수 분포"), "class summary:\n%s", r.out);

	char *csv_path = path_in(out2, "summary.csv");
	char *csv = slurp(csv_path);
	static const char header[] = "\xef\xbb\xbfstudent,score,max_score,build,open,size,mmap,run,output,munmap,";
	cr_assert_eq(strncmp(csv, header, strlen(header)), 0, "BOM and header:\n%s", csv);
	cr_expect(strstr(csv, ",error\n") != NULL, "the error column closes the header");
	cr_expect_null(strstr(csv, "notes"), "no row for a non-student");
	cr_expect_null(strstr(csv, "hidden"), "no row for a hidden file");
	/* Rows sorted by id: the digits first, then the Korean name. */
	const char *p1 = strstr(csv, "\n2021001,"), *p8 = strstr(csv, "\n2021008,"), *pk = strstr(csv, "\n김민지,");
	cr_assert(p1 && p8 && pk && p1 < p8 && p8 < pk, "sorted rows:\n%s", csv);

	expect_field(csv, "2021001", 1, "14");
	expect_field(csv, "2021002", 1, "14");
	expect_field(csv, "김민지", 1, "14");
	expect_status(csv, "2021003", CHECK_MUNMAP, "fail");
	expect_status(csv, "2021003", CHECK_OUTPUT, "pass");
	expect_status(csv, "2021004", CHECK_OUTPUT, "fail");
	expect_status(csv, "2021004", CHECK_MUNMAP, "pass");
	expect_status(csv, "2021005", CHECK_BUILD, "fail");
	expect_field(csv, "2021005", 1, "0");
	expect_status(csv, "2021006", CHECK_RUN, "fail");
	expect_status(csv, "2021007", CHECK_RUN, "fail");
	/* A student who could not be graded: empty score, the reason in the last column. */
	char *row = csv_row(csv, "2021008");
	cr_expect(!strncmp(row, "2021008,,14,", 12) && strstr(row, ".c 파일이 없다"), "error row: %s", row);
	free(row);

	/* Each graded student's JSON is the object `grade --format=json` prints, with the batch's seed. */
	char *json_path = path_in(out2, "2021003.json");
	json_error_t e;
	json_t *j = json_load_file(json_path, 0, &e);
	cr_assert_not_null(j, "%s: %s", json_path, e.text);
	cr_expect_eq(json_integer_value(json_object_get(j, "seed")), 4242);
	cr_expect_str_eq(check_status(j, "munmap"), "fail");
	char *single_path = path_in(subs, "2021003.c");
	struct grader_run g = GRADER("grade", "--format=json", "--seed=4242", "read-map", single_path);
	json_t *jg = parse_report(&g);
	const char *key;
	json_t *v;
	json_object_foreach(jg, key, v)
		cr_expect_not_null(json_object_get(j, key), "the batch JSON lacks %s", key);
	cr_expect_eq(json_integer_value(json_object_get(j, "score")), json_integer_value(json_object_get(jg, "score")),
	             "batch and grade disagree on 2021003:\n%s", g.out);
	json_decref(jg);
	json_decref(j);
	grader_run_free(&g);
	cr_expect(!exists(path_in(out2, "2021008.json")) && exists(path_in(out2, "2021008.error")),
	          "no JSON for a student who could not be graded, an .error instead");
	char *txt = slurp(path_in(out2, "2021004.txt"));
	cr_expect(strstr(txt, "[실패] output") && !strchr(txt, '\033'), "the Korean text report, no colour:\n%s", txt);
	free(txt);
	cr_expect(!exists(path_in(out2, ".partial")), "the temporary directory is gone");
	cr_expect(exists(path_in(out2, "report.html")), "report.html is written at the end");

	/* One job at a time: the same seed gives the same summary, byte for byte. */
	struct grader_run r1 = BATCH(fast_env, "-j", "1", "--seed=4242", "--out", out1, "read-map", subs);
	cr_assert_eq(r1.status, 1, "%s", r1.err);
	char *csv1 = slurp(path_in(out1, "summary.csv"));
	cr_expect_str_eq(csv1, csv, "-j 1 and -j 2 disagree");

	free(csv1);
	free(csv);
	grader_run_free(&r);
	grader_run_free(&r1);
	remove_dir(tmp);
}

/* A small class that grades fast: two correct students and one that does not compile. */
static void make_small_class(const char *subs)
{
	put_variant(subs, "a.c", NULL, NULL);
	put_variant(subs, "b.c", NULL, NULL);
	put(subs, "c.c", broken_c);
}

Test(batch, resume_regrades_only_what_is_missing, .timeout = 120)
{
	char *tmp = make_shared_temp_dir();
	char *subs = make_subdir(tmp, "subs"), *out = path_in(tmp, "out");
	make_small_class(subs);

	struct grader_run r = BATCH(fast_env, "--out", out, "read-map", subs);
	cr_assert_eq(r.status, 0, "every student graded (scores do not matter): %s", r.err);
	char *a = path_in(out, "a.json"), *b = path_in(out, "b.json"), *c = path_in(out, "c.json");
	long long ma = mtime_ns(a), mb = mtime_ns(b), mc = mtime_ns(c);
	json_t *ja = json_load_file(a, 0, NULL);
	json_int_t seed = json_integer_value(json_object_get(ja, "seed"));
	json_decref(ja);
	grader_run_free(&r);

	r = BATCH(fast_env, "--resume", "--out", out, "read-map", subs);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.err, "학생 0명을 채점한다"), "nothing to regrade:\n%s", r.err);
	cr_expect(mtime_ns(a) == ma && mtime_ns(b) == mb && mtime_ns(c) == mc, "no JSON was rewritten");
	grader_run_free(&r);

	/* A lost result is graded again, with the batch's seed. */
	cr_assert_eq(unlink(b), 0);
	r = BATCH(fast_env, "--resume", "--out", out, "read-map", subs);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.err, "학생 1명을 채점한다"), "one student to regrade:\n%s", r.err);
	cr_expect(mtime_ns(a) == ma && mtime_ns(c) == mc, "the finished ones were left alone");
	json_t *jb = json_load_file(b, 0, NULL);
	cr_assert_not_null(jb, "b was graded again");
	cr_expect_eq(json_integer_value(json_object_get(jb, "seed")), seed, "with the recorded seed");
	json_decref(jb);
	grader_run_free(&r);

	/* --seed may not contradict the recorded one. */
	r = BATCH(fast_env, "--resume", "--seed=1", "--out", out, "read-map", subs);
	cr_expect_eq(r.status, 2, "a conflicting seed is a usage error: %s", r.err);
	grader_run_free(&r);
	remove_dir(tmp);
}

Test(batch, only_regrades_one_student_and_the_summary, .timeout = 120)
{
	char *tmp = make_shared_temp_dir();
	char *subs = make_subdir(tmp, "subs"), *out = path_in(tmp, "out");
	make_small_class(subs);

	struct grader_run r = BATCH(fast_env, "--out", out, "read-map", subs);
	cr_assert_eq(r.status, 0, "%s", r.err);
	grader_run_free(&r);
	char *a = path_in(out, "a.json"), *c = path_in(out, "c.json");
	long long ma = mtime_ns(a);
	char *csv = slurp(path_in(out, "summary.csv"));
	expect_field(csv, "c", 1, "0");
	free(csv);

	/* The student fixes the program; the instructor regrades that student alone. */
	put_variant(subs, "c.c", NULL, NULL);
	r = BATCH(fast_env, "--only", "c", "--out", out, "read-map", subs);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.err, "학생 1명을 채점한다"), "%s", r.err);
	cr_expect_eq(mtime_ns(a), ma, "the others are not regraded");
	json_t *ja = json_load_file(a, 0, NULL), *jc = json_load_file(c, 0, NULL);
	cr_assert(ja && jc);
	cr_expect_eq(json_integer_value(json_object_get(jc, "seed")), json_integer_value(json_object_get(ja, "seed")),
	             "the same seed as the rest of the batch");
	json_decref(ja);
	json_decref(jc);
	csv = slurp(path_in(out, "summary.csv"));
	expect_field(csv, "c", 1, "14");
	expect_field(csv, "a", 1, "14");
	free(csv);
	grader_run_free(&r);

	r = BATCH(fast_env, "--only", "nobody", "--out", out, "read-map", subs);
	cr_expect_eq(r.status, 2, "an unknown student is a usage error");
	grader_run_free(&r);
	remove_dir(tmp);
}

/* The pids listed as children of pid (every thread's list). */
static size_t children_of(pid_t pid, pid_t *out, size_t max)
{
	char path[300];
	size_t n = 0;

	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	DIR *tasks = opendir(path);
	struct dirent *de;
	if (!tasks)
		return 0;
	while ((de = readdir(tasks)) != NULL && n < max) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "/proc/%d/task/%s/children", (int)pid, de->d_name);
		FILE *f = fopen(path, "r");
		int child;
		while (f && n < max && fscanf(f, "%d", &child) == 1)
			out[n++] = child;
		if (f)
			fclose(f);
	}
	closedir(tasks);
	return n;
}

Test(batch, interrupt_leaves_nothing_behind_and_resume_finishes, .timeout = 180)
{
	char *tmp = make_shared_temp_dir();
	char *subs = make_subdir(tmp, "subs"), *out = path_in(tmp, "out"), *scratch = make_subdir(tmp, "scratch");
	put(subs, "h1.c", hang_c);
	put(subs, "h2.c", hang_c);
	put(subs, "h3.c", hang_c);
	put_variant(subs, "ok.c", NULL, NULL);
	char *tmpdir_env;
	cr_assert_neq(asprintf(&tmpdir_env, "TMPDIR=%s", scratch), -1);

	/* Whatever the batch leaves running is re-parented to this test process, whatever namespaces
	   the runs had, and shows up among its children. */
	cr_assert_eq(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, 1);
		dup2(devnull, 2);
		putenv(tmpdir_env);
		execl(grader_path(), grader_path(), "batch", "-j", "2", "--out", out, "read-map", subs, (char *)NULL);
		_exit(127);
	}
	/* Let the workers start their runs (the hanging ones run for 10 s or more). */
	pid_t kids[64];
	sleep(3);
	cr_assert_geq(children_of(pid, kids, 64), 2, "the batch runs two workers");
	cr_assert_eq(kill(pid, SIGINT), 0);
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 130, "exit status 130 after SIGINT (status %#x)", status);

	size_t left = children_of(getpid(), kids, 64);
	cr_expect_eq(left, 0, "no process of the batch is left (first: %d)", left ? (int)kids[0] : 0);
	cr_expect(dir_is_empty(scratch), "every scratch directory was removed");
	cr_expect(!exists(path_in(out, ".partial")), "no temporary directory in the output");
	cr_expect_eq(count_suffix(out, ".json") + count_suffix(out, ".txt"),
	             2 * exists(path_in(out, "h1.json")) + 2 * exists(path_in(out, "h2.json")) +
	             2 * exists(path_in(out, "h3.json")) + 2 * exists(path_in(out, "ok.json")),
	             "every .json comes with its .txt");
	cr_expect(!exists(path_in(out, "h1.json")) && !exists(path_in(out, "h2.json")),
	          "the students being graded got no result");
	cr_expect(!exists(path_in(out, "summary.csv")), "no summary of an unfinished batch");

	/* Afterwards, --resume grades the rest with the same seed. */
	char *resume_env[] = { "MMAPLAB_TIME_SCALE=0.1", tmpdir_env, NULL };
	struct grader_run r = BATCH(resume_env, "--resume", "-j", "2", "--out", out, "read-map", subs);
	cr_expect_eq(r.status, 0, "%s", r.err);
	char *csv = slurp(path_in(out, "summary.csv"));
	expect_field(csv, "ok", 1, "14");
	expect_status(csv, "h1", CHECK_RUN, "fail");
	free(csv);
	cr_expect(dir_is_empty(scratch), "nothing left in TMPDIR");
	grader_run_free(&r);
	remove_dir(tmp);
}

Test(batch, usage_errors)
{
	char *tmp = make_shared_temp_dir();
	struct grader_run r = BATCH(NULL, "read-map");
	cr_expect_eq(r.status, 2);
	grader_run_free(&r);
	r = BATCH(NULL, "no-such-lab", tmp);
	cr_expect_eq(r.status, 2);
	grader_run_free(&r);
	r = BATCH(NULL, "-j", "0", "read-map", tmp);
	cr_expect_eq(r.status, 2);
	grader_run_free(&r);
	char *missing = path_in(tmp, "missing");
	r = BATCH(NULL, "read-map", missing);
	cr_expect_eq(r.status, 2, "a missing submissions directory: %s", r.err);
	grader_run_free(&r);
	remove_dir(tmp);
}

/* A student id as long as a file name may be (here 247 bytes) still fits ID.json and ID.txt, but
 * not ID.page.html: that student is graded all the same and simply has no page; the batch goes on. */
Test(batch, an_id_too_long_for_its_page_is_still_graded, .timeout = 120)
{
	char *tmp = make_shared_temp_dir();
	char *subs = make_subdir(tmp, "subs"), *out = path_in(tmp, "out");
	char id[248];

	memset(id, 's', sizeof id - 1);
	id[sizeof id - 1] = '\0';
	char *d = make_subdir(subs, id);
	put_variant(d, "read_map.c", NULL, NULL);
	free(d);
	put_variant(subs, "short.c", NULL, NULL);

	struct grader_run r = BATCH(fast_env, "--out", out, "read-map", subs);
	cr_assert_eq(r.status, 0, "every student graded: exit %d\n%s", r.status, r.err);
	char json[4400], page[4400];
	snprintf(json, sizeof json, "%s/%s.json", out, id);
	snprintf(page, sizeof page, "%s/%s.page.html", out, id);
	cr_assert(exists(json), "the long id's JSON report is there");
	cr_assert_not(exists(page), "its page could not be named");
	char *csv = slurp(path_in(out, "summary.csv"));
	expect_field(csv, id, 1, "14");
	expect_field(csv, "short", 1, "14");
	free(csv);
	cr_assert(exists(path_in(out, "short.page.html")), "the others still get their page");
	grader_run_free(&r);
	remove_dir(tmp);
}
