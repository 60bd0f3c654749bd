/* build.c - see build.h. */
#define _GNU_SOURCE
#include "build.h"
#include "grade.h"
#include "sandbox.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const build_flags[] = { "-std=gnu17", "-g", "-O0", "-Wall", "-Wextra", NULL };

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int sources_find(const char *submission, struct sources *out, enum msg_id *why, const char **why_arg)
{
	struct stat st;
	char *abs;

	memset(out, 0, sizeof *out);
	*why_arg = submission;
	if (stat(submission, &st) == -1) {
		*why = errno == ENOENT ? M_ERR_NO_SUCH_PATH : M_ERR_CANNOT_READ;
		return -1;
	}
	abs = realpath(submission, NULL);
	if (!abs) {
		*why = M_ERR_CANNOT_READ;
		return -1;
	}
	if (S_ISREG(st.st_mode)) {
		if (!ends_with(abs, ".c")) {
			free(abs);
			*why = M_ERR_NOT_C_FILE;
			return -1;
		}
		out->files = xmalloc(sizeof *out->files);
		out->files[0] = abs;
		out->count = 1;
		out->include_dir = xstrdup(abs);
		*strrchr(out->include_dir, '/') = '\0';
		return 0;
	}
	if (!S_ISDIR(st.st_mode)) {
		free(abs);
		*why = M_ERR_NOT_C_FILE;
		return -1;
	}
	DIR *d = opendir(abs);
	if (!d) {
		free(abs);
		*why = M_ERR_CANNOT_READ;
		return -1;
	}
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		char *path;

		if (de->d_name[0] == '.' || !ends_with(de->d_name, ".c"))
			continue;
		path = xasprintf("%s/%s", abs, de->d_name);
		if (stat(path, &st) == -1 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		out->files = xrealloc(out->files, (out->count + 1) * sizeof *out->files);
		out->files[out->count++] = path;
	}
	if (closedir(d) == -1)
		die_errno("closedir");
	if (out->count == 0) {
		free(abs);
		*why = M_ERR_NO_C_FILES;
		return -1;
	}
	qsort(out->files, out->count, sizeof *out->files, compare_strings);
	out->include_dir = abs;
	return 0;
}

void sources_free(struct sources *s)
{
	for (size_t i = 0; i < s->count; i++)
		free(s->files[i]);
	free(s->files);
	free(s->include_dir);
	memset(s, 0, sizeof *s);
}

/* Copies one regular file (mode 0644). Dies on failure. */
static void copy_file(const char *from, const char *to)
{
	char *data;
	size_t len;
	bool truncated;

	/* A source larger than this is not a student's program; the compiler will say so. */
	if (read_file(from, 16 << 20, &data, &len, &truncated) == -1)
		die("cannot read %s: %s", from, strerror(errno));
	int fd = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd == -1)
		die("cannot write %s: %s", to, strerror(errno));
	if (write_all(fd, data, len) == -1 || close(fd) == -1)
		die("cannot write %s: %s", to, strerror(errno));
	free(data);
}

void sources_copy(const struct sources *s, const char *dir, struct sources *out)
{
	DIR *d = opendir(s->include_dir);
	struct dirent *de;

	memset(out, 0, sizeof *out);
	out->include_dir = xstrdup(dir);
	for (size_t i = 0; i < s->count; i++) {
		const char *base = strrchr(s->files[i], '/') + 1;
		char *to = xasprintf("%s/%s", dir, base);

		copy_file(s->files[i], to);
		out->files = xrealloc(out->files, (out->count + 1) * sizeof *out->files);
		out->files[out->count++] = to;
	}
	/* The headers beside the sources (a directory submission's own .h files). */
	if (!d)
		die("cannot read %s: %s", s->include_dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		struct stat st;
		char *from;

		if (de->d_name[0] == '.' || !ends_with(de->d_name, ".h"))
			continue;
		from = xasprintf("%s/%s", s->include_dir, de->d_name);
		if (stat(from, &st) == 0 && S_ISREG(st.st_mode)) {
			char *to = xasprintf("%s/%s", dir, de->d_name);
			copy_file(from, to);
			free(to);
		}
		free(from);
	}
	if (closedir(d) == -1)
		die_errno("closedir");
}

bool build_program(const struct sources *s, const char *program, const char *dir,
                   const struct containment *contain, char **output, bool *timed_out, double *seconds)
{
	size_t n = 0;
	char **argv = xcalloc(s->count + 16, sizeof *argv);
	char *include = xasprintf("-I%s", s->include_dir);
	char *home = xasprintf("HOME=%s", dir), *tmp = xasprintf("TMPDIR=%s", dir);
	char *envp[] = { "PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=C", home, tmp, NULL };

	argv[n++] = "gcc";
	for (size_t i = 0; build_flags[i]; i++)
		argv[n++] = (char *)build_flags[i];
	/* The compiler's messages go to a pipe: colour codes would only garble the report. */
	argv[n++] = "-fdiagnostics-color=never";
	argv[n++] = include;
	argv[n++] = "-o";
	argv[n++] = (char *)program;
	for (size_t i = 0; i < s->count; i++)
		argv[n++] = s->files[i];
	argv[n] = NULL;

	struct run_spec spec = {
		.name = "compile",
		.argv = argv,
		.envp = envp,
		.cwd = dir,
		.wall_limit = 60 * time_scale(),
		.cpu_limit = (unsigned)(60 * time_scale() + 0.999),
		/* A source that #includes /dev/zero or a huge generated file must not exhaust memory. */
		.as_limit = 2ULL << 30,
		.fsize_limit = 256ULL << 20,
		.stdout_cap = 1 << 20,
		.stderr_cap = 1 << 20,
		.contain = contain,
	};
	struct run_result r;
	(void)sandbox_run_all(&spec, &r, 1, 1);
	struct strbuf sb;
	sb_init(&sb);
	sb_append(&sb, r.out, r.out_len);
	sb_append(&sb, r.err, r.err_len);
	*output = sb_steal(&sb);
	sb_free(&sb);
	*timed_out = r.timed_out || r.output_capped;
	*seconds = r.wall_seconds;
	bool ok = r.started && r.exited && r.exit_code == 0 && access(program, X_OK) == 0;
	/* Built but not executable: the scratch directory is on a noexec filesystem. No submission
	   could pass there, so that is the grader's problem, not the student's. */
	if (r.started && r.exited && r.exit_code == 0 && !ok && access(program, F_OK) == 0)
		die(msg(M_ERR_NOEXEC), dir);
	if (!r.started)
		die("cannot run the compiler gcc: %s (install build-essential)", strerror(r.start_errno));
	run_result_free(&r);
	free(include);
	free(home);
	free(tmp);
	free(argv);
	return ok;
}
