/* test_robust.c - submissions that crash, hang, flood, leave processes behind, print bytes that are
 * not UTF-8 or take their own directory away: the grader must give a verdict within its limits,
 * stay valid, and leave no process and no file behind. */
#include "testlib.h"

#include "contain.h"

#include <dirent.h>
#include <signal.h>

/* A common prologue: open and map the lab file, so that the checks have something to judge. */
#define PROLOGUE                                                                      \
	"#include <fcntl.h>\n#include <stdint.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n" \
	"#include <sys/mman.h>\n#include <sys/stat.h>\n#include <unistd.h>\n"             \
	"int main(int argc, char **argv) {\n"                                             \
	"  (void)argc; int fd = open(argv[1], O_RDONLY); struct stat st;\n"                \
	"  if (fd == -1 || fstat(fd, &st) == -1) { perror(\"open\"); return 1; }\n"       \
	"  char *map = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);\n"          \
	"  if (map == MAP_FAILED) { perror(\"mmap\"); return 1; }\n"

struct graded {
	struct grader_run run;
	json_t *report;
	char *tmp;
};

/* Whether a process runs a program from under dir (its executable path starts with dir). */
static int processes_under(const char *dir)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	int found = 0;

	cr_assert_not_null(d);
	while ((de = readdir(d))) {
		char link[300], target[4096];
		ssize_t n;

		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		snprintf(link, sizeof link, "/proc/%s/exe", de->d_name);
		n = readlink(link, target, sizeof target - 1);
		if (n <= 0)
			continue;
		target[n] = '\0';
		if (!strncmp(target, dir, strlen(dir)))
			found++;
	}
	closedir(d);
	return found;
}

/* Writes body after PROLOGUE into a fresh directory and grades it with TMPDIR set to another fresh
 * directory, with the time limits scaled by `scale`. */
static struct graded grade_program(const char *lab, const char *body, const char *scale)
{
	struct graded g;
	char *src_dir = make_temp_dir(), path[4200], tmp_env[4200], scale_env[64];

	g.tmp = make_temp_dir();
	snprintf(path, sizeof path, "%s/prog.c", src_dir);
	char *source;
	cr_assert_neq(asprintf(&source, "%s%s\n}\n", PROLOGUE, body), -1);
	write_text(path, source);
	free(source);
	snprintf(tmp_env, sizeof tmp_env, "TMPDIR=%s", g.tmp);
	snprintf(scale_env, sizeof scale_env, "MMAPLAB_TIME_SCALE=%s", scale);
	char *env[] = { tmp_env, scale_env, NULL };
	char *argv[] = { (char *)grader_path(), "grade", "--format=json", "--seed=1", (char *)lab, path, NULL };
	g.run = run_command(argv, env);
	cr_assert(g.run.status == 0 || g.run.status == 1, "exit status %d, stderr:\n%s", g.run.status, g.run.err);
	g.report = parse_report(&g.run);
	cr_assert_str_eq(check_status(g.report, "build"), "pass", "the test program must compile: %s", g.run.out);
	remove_dir(src_dir);
	free(src_dir);
	return g;
}

/* Nothing may outlive the grading: no process from the scratch directory, no file in TMPDIR. */
static void assert_nothing_left(struct graded *g)
{
	cr_assert_eq(processes_under(g->tmp), 0, "a process of the submission outlived the grader");
	cr_assert(dir_is_empty(g->tmp), "the grader left files in TMPDIR %s", g->tmp);
	remove_dir(g->tmp);
	free(g->tmp);
	json_decref(g->report);
	grader_run_free(&g->run);
}

Test(robust, crash_fails_run_only_with_the_signal, .timeout = 120)
{
	struct graded g = grade_program("read-map",
		"  printf(\"File size is %jd\\n\", (intmax_t)st.st_size); fflush(stdout);\n"
		"  volatile char *p = NULL; *p = map[0];\n  return 0;", "1");

	cr_assert_str_eq(check_status(g.report, "run"), "fail");
	cr_assert(strstr(check_message(g.report, "run"), "SIGSEGV"), "names the signal: %s",
	          check_message(g.report, "run"));
	cr_assert_str_eq(check_status(g.report, "mmap"), "pass", "the mapping itself was right");
	cr_assert_str_eq(check_status(g.report, "munmap"), "skip", "not a second failure for the crash");
	cr_assert_str_eq(check_status(g.report, "close"), "skip", "not a third failure for the crash");
	assert_nothing_left(&g);
}

Test(robust, hang_is_stopped_at_the_limit, .timeout = 120)
{
	struct graded g = grade_program("read-map", "  for (;;) pause();", "0.2");

	cr_assert_str_eq(check_status(g.report, "run"), "fail");
	cr_assert_str_eq(check_status(g.report, "output"), "skip");
	/* The same input under Valgrind could only hang too: not run, not a second failure. */
	cr_assert_str_eq(check_status(g.report, "valgrind"), "skip");
	cr_assert(strstr(check_message(g.report, "valgrind"), "run"), "points at run: %s",
	          check_message(g.report, "valgrind"));
	/* A bound that only a hang of the grader would break (the 15 s target is make bench's). */
	cr_assert_lt(g.run.seconds, 60, "took %.1f s", g.run.seconds);
	assert_nothing_left(&g);
}

Test(robust, output_flood_is_capped, .timeout = 120)
{
	struct graded g = grade_program("read-map",
		"  for (;;) fputs(\"Found character x at 0 and then a great deal more of the same\\n\", stdout);",
		"0.5");

	cr_assert_str_eq(check_status(g.report, "run"), "fail");
	cr_assert_str_eq(check_status(g.report, "output"), "fail");
	cr_assert_lt(strlen(g.run.out), 200000, "the report stays small");
	assert_nothing_left(&g);
}

Test(robust, escaped_daemon_is_killed, .timeout = 120)
{
	struct graded g = grade_program("read-map",
		"  if (fork() == 0) { setsid(); if (fork() == 0) { for (;;) sleep(1000); } _exit(0); }\n"
		"  munmap(map, st.st_size); close(fd); return 0;", "0.2");

	cr_assert_str_eq(check_status(g.report, "run"), "fail", "%s", check_message(g.report, "run"));
	assert_nothing_left(&g);
}

Test(robust, bytes_that_are_not_utf8_keep_json_valid, .timeout = 120)
{
	struct graded g = grade_program("read-map",
		"  fputs(\"\\xff\\xfe\\x01 not UTF-8 \\xc3\\x28\\n\", stdout);\n"
		"  fputs(\"\\xff\\xfe\\x01 not UTF-8 \\xc3\\x28\\n\", stderr);\n"
		"  return 3;", "1");

	/* parse_report already proved the JSON valid; the output check shows the bytes escaped. */
	cr_assert_str_eq(check_status(g.report, "output"), "fail");
	cr_assert_str_eq(check_status(g.report, "run"), "fail");
	assert_nothing_left(&g);
}

Test(robust, scratch_directory_taken_away_is_still_removed, .timeout = 120)
{
	struct graded g = grade_program("read-map",
		"  mkdir(\"deep\", 0700); mkdir(\"deep/er\", 0700);\n"
		"  close(creat(\"deep/er/f\", 0600)); chmod(\"deep/er\", 0); chmod(\"deep\", 0); chmod(\".\", 0);\n"
		"  munmap(map, st.st_size); close(fd); return 0;", "1");

	cr_assert_str_eq(check_status(g.report, "munmap"), "pass");
	assert_nothing_left(&g);
}

/* Ctrl-C during a grading: exit status 130, no process of the submission left, TMPDIR empty. */
Test(robust, interrupt_cleans_up_and_exits_130, .timeout = 120)
{
	char *src_dir = make_temp_dir(), *tmp = make_temp_dir(), path[4200], tmp_env[4200];
	char *source;

	cr_assert_neq(asprintf(&source, "%s  for (;;) pause();\n}\n", PROLOGUE), -1);
	snprintf(path, sizeof path, "%s/prog.c", src_dir);
	write_text(path, source);
	free(source);
	snprintf(tmp_env, sizeof tmp_env, "TMPDIR=%s", tmp);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, 1);
		dup2(devnull, 2);
		putenv(tmp_env);
		execl(grader_path(), grader_path(), "grade", "read-map", path, (char *)NULL);
		_exit(127);
	}
	/* Long enough for the runs to have started (they hang until their 10 s limit). */
	sleep(3);
	cr_assert_eq(kill(pid, SIGINT), 0);
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 130, "exit status %d", WEXITSTATUS(status));
	cr_assert_eq(processes_under(tmp), 0, "a process of the submission outlived the interrupt");
	/* As root the program ran as the grading's own run user: none of its processes may remain. */
	uid_t run_user = (uid_t)(CONTAIN_UID_BASE + (unsigned long)pid % 100000);
	DIR *d = opendir("/proc");
	struct dirent *de;
	int left = 0;
	while (d && (de = readdir(d))) {
		struct stat st;
		snprintf(path, sizeof path, "/proc/%s", de->d_name);
		left += de->d_name[0] >= '1' && de->d_name[0] <= '9' && stat(path, &st) == 0 && st.st_uid == run_user;
	}
	if (d)
		closedir(d);
	cr_assert_eq(left, 0, "%d processes of the run user outlived the interrupt", left);
	cr_assert(dir_is_empty(tmp), "the interrupted grader left files in TMPDIR %s", tmp);
	remove_dir(src_dir);
	remove_dir(tmp);
	free(src_dir);
	free(tmp);
}

/* A program that fills its directory: only the checks that judge how each run ended fail, each
 * naming the limit, and the grader itself (its logs, later runs) is untouched. */
Test(robust, full_disk_fails_the_run_check_naming_the_limit, .timeout = 120)
{
	struct graded g = grade_program("read-map",
		"  static char chunk[1 << 20];\n"
		"  for (int f = 0; f < 200; f++) { char name[32]; snprintf(name, sizeof name, \"fill%d\", f);\n"
		"    FILE *out = fopen(name, \"w\"); if (!out) break;\n"
		"    int full = 0; for (int k = 0; k < 64 && !full; k++) full = fwrite(chunk, 1, sizeof chunk, out) != sizeof chunk;\n"
		"    if (fclose(out) == EOF || full) break; }\n"
		"  (void)map; return 0;", "1");

	cr_assert_str_eq(check_status(g.report, "run"), "fail");
	cr_assert(strstr(check_message(g.report, "run"), "디스크 한도"), "names the disk limit: %s",
	          check_message(g.report, "run"));
	cr_assert_str_eq(check_status(g.report, "mmap"), "pass", "the mapping is judged as usual");
	cr_assert_str_eq(check_status(g.report, "valgrind"), "fail", "its own run filled its own disk");
	assert_nothing_left(&g);
}

/* --keep needs directories that outlive the grader's mount namespace, so they are not capped: the
 * report must not claim the full isolation. */
Test(robust, keep_reports_no_disk_caps, .timeout = 120)
{
	struct graded g = grade_program("read-map", "  (void)map; return 0;", "1");
	const char *level = json_string_value(json_object_get(g.report, "isolation"));
	cr_assert_not_null(level);
	cr_assert_null(strstr(level, "no disk caps"), "a grading without --keep is capped: %s", level);
	assert_nothing_left(&g);

	char *src_dir = make_temp_dir(), *tmp = make_temp_dir(), path[4200], tmp_env[4200];
	snprintf(path, sizeof path, "%s/prog.c", src_dir);
	write_text(path, PROLOGUE "  (void)map; return 0;\n}\n");
	snprintf(tmp_env, sizeof tmp_env, "TMPDIR=%s", tmp);
	char *env[] = { tmp_env, NULL };
	char *argv[] = { (char *)grader_path(), "grade", "--format=json", "--keep", "read-map", path, NULL };
	struct grader_run r = run_command(argv, env);
	json_t *j = parse_report(&r);
	const char *kept = json_string_value(json_object_get(j, "isolation"));
	cr_assert_not_null(kept);
	if (strcmp(kept, "none"))
		cr_assert(strstr(kept, "(no disk caps)"), "--keep says its runs were not capped: %s", kept);
	json_decref(j);
	grader_run_free(&r);
	remove_dir(tmp);
	remove_dir(src_dir);
	free(tmp);
	free(src_dir);
}
