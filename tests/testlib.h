/* testlib.h - what the end-to-end suites share: where the grader and the repository are, running
 * the real grader on a submission, and reading the expectations written in corpus files. */
#ifndef MMAPLAB_TESTLIB_H
#define MMAPLAB_TESTLIB_H

#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The repository root (MMAPLAB_ROOT, set by make test; else the current directory). */
static inline const char *repo_root(void)
{
	const char *root = getenv("MMAPLAB_ROOT");
	return root && *root ? root : ".";
}

/* The grader under test (MMAPLAB_BIN; else build/mmaplab under the root). */
static inline const char *grader_path(void)
{
	static char path[4096];
	const char *bin = getenv("MMAPLAB_BIN");

	if (bin && *bin)
		return bin;
	snprintf(path, sizeof path, "%s/build/mmaplab", repo_root());
	return path;
}

/* What one run of the grader gave. */
struct grader_run {
	int status;        /* exit status, or 128+signal */
	pid_t pid;         /* the process that ran it (exec keeps the pid) */
	char *out;         /* stdout */
	char *err;         /* stderr */
	double seconds;
};

/* Reads all of fd into a malloc'd NUL-terminated string. */
static inline char *read_all_fd(int fd)
{
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);

	cr_assert_not_null(buf);
	for (;;) {
		if (len + 4096 + 1 > cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			cr_assert_not_null(buf);
		}
		ssize_t n = read(fd, buf + len, cap - len - 1);
		if (n == -1 && errno == EINTR)
			continue;
		cr_assert_geq(n, 0, "read: %s", strerror(errno));
		if (n == 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	return buf;
}

/* Runs argv (argv[0] found on PATH) with extra environment entries (NAME=value, NULL-terminated or
 * NULL), collecting stdout and stderr through temporary files (no pipe deadlock on big outputs). */
static inline struct grader_run run_command(char *const argv[], char *const env[])
{
	struct grader_run r = { 0 };
	char out_path[] = "/tmp/mmaplab-test-out.XXXXXX", err_path[] = "/tmp/mmaplab-test-err.XXXXXX";
	int out = mkstemp(out_path), err = mkstemp(err_path);
	struct timespec t0, t1;

	cr_assert(out != -1 && err != -1, "mkstemp: %s", strerror(errno));
	cr_assert_eq(unlink(out_path), 0);
	cr_assert_eq(unlink(err_path), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	cr_assert_neq(pid, -1, "fork: %s", strerror(errno));
	if (pid == 0) {
		dup2(out, 1);
		dup2(err, 2);
		for (size_t i = 0; env && env[i]; i++)
			putenv(env[i]);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	r.pid = pid;
	while (waitpid(pid, &status, 0) == -1)
		cr_assert_eq(errno, EINTR, "waitpid: %s", strerror(errno));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	r.seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	cr_assert_eq(lseek(out, 0, SEEK_SET), 0);
	cr_assert_eq(lseek(err, 0, SEEK_SET), 0);
	r.out = read_all_fd(out);
	r.err = read_all_fd(err);
	close(out);
	close(err);
	return r;
}

static inline void grader_run_free(struct grader_run *r)
{
	free(r->out);
	free(r->err);
}

/* Reads a whole file (malloc'd); fails the test when it is not there. */
static inline char *slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	cr_assert_neq(fd, -1, "open %s: %s", path, strerror(errno));
	char *text = read_all_fd(fd);
	close(fd);
	return text;
}

/* Runs the grader with the given arguments (after the program name, NULL-terminated). */
#define GRADER(...) run_command((char *const[]){ (char *)grader_path(), __VA_ARGS__, NULL }, NULL)

/* Parses the grader's JSON output; fails the test when it is not valid JSON. */
static inline json_t *parse_report(const struct grader_run *r)
{
	json_error_t e;
	json_t *j = json_loads(r->out, 0, &e);

	cr_assert_not_null(j, "the grader's output is not valid JSON (%s at line %d):\n%s\nstderr:\n%s",
	                   e.text, e.line, r->out, r->err);
	return j;
}

/* The status ("pass", "fail", "skip") of check id in a parsed report, or NULL when absent. */
static inline const char *check_status(json_t *report, const char *id)
{
	json_t *checks = json_object_get(report, "checks");
	size_t i;
	json_t *c;

	json_array_foreach(checks, i, c)
		if (!strcmp(json_string_value(json_object_get(c, "id")), id))
			return json_string_value(json_object_get(c, "status"));
	return NULL;
}

/* The message of check id in a parsed report, or "" when absent. */
static inline const char *check_message(json_t *report, const char *id)
{
	json_t *checks = json_object_get(report, "checks");
	size_t i;
	json_t *c;

	json_array_foreach(checks, i, c)
		if (!strcmp(json_string_value(json_object_get(c, "id")), id)) {
			const char *m = json_string_value(json_object_get(c, "message"));
			return m ? m : "";
		}
	return "";
}

/* Makes a fresh empty directory for a test's TMPDIR; returns its path (malloc'd). */
static inline char *make_temp_dir(void)
{
	char *path = strdup("/tmp/mmaplab-test.XXXXXX");
	cr_assert_not_null(mkdtemp(path), "mkdtemp: %s", strerror(errno));
	return path;
}

/* Whether dir is empty (nothing left behind). */
static inline bool dir_is_empty(const char *dir)
{
	char cmd[8400];
	snprintf(cmd, sizeof cmd, "test -z \"$(ls -A '%s')\"", dir);
	return system(cmd) == 0;
}

static inline void remove_dir(const char *dir)
{
	char cmd[8400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

/* Writes text to path (creating or truncating it). */
static inline void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "fopen %s: %s", path, strerror(errno));
	cr_assert_eq(fputs(text, f) >= 0, 1);
	cr_assert_eq(fclose(f), 0);
}

#endif
