/* classlib.h - what the classroom suites share: a generated class of submissions (copies of the
 * read-map solution, one-line bugs, programs that do not compile, hang or crash), reading
 * summary.csv, and small file helpers. */
#ifndef MMAPLAB_CLASSLIB_H
#define MMAPLAB_CLASSLIB_H

#include "testlib.h"

#include <dirent.h>

/* The read-map solution's text (malloc'd). */
static inline char *solution_text(void)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/solutions/read-map/read_map.c", repo_root());
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "cannot open %s", path);
	int fd = fileno(f);
	char *text = read_all_fd(fd);
	fclose(f);
	return text;
}

/* Writes the solution to path with the first `from` replaced by `to` (NULL: unchanged); the edit
 * must apply, so that a changed solution cannot silently make a "buggy" student correct. */
static inline void write_variant(const char *path, const char *from, const char *to)
{
	char *text = solution_text();
	if (from) {
		char *at = strstr(text, from);
		cr_assert_not_null(at, "the solution no longer contains: %s", from);
		char *out;
		cr_assert_neq(asprintf(&out, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from)), -1);
		free(text);
		text = out;
	}
	write_text(path, text);
	free(text);
}

/* A fresh temporary directory that other users may read: a grader running as root compiles and
 * runs submissions under an unprivileged user id of their own (malloc'd). */
static inline char *make_shared_temp_dir(void)
{
	char *dir = make_temp_dir();
	cr_assert_eq(chmod(dir, 0755), 0, "chmod %s: %s", dir, strerror(errno));
	return dir;
}

/* Makes dir/name (a directory) and returns its path (malloc'd). */
static inline char *make_subdir(const char *dir, const char *name)
{
	char *p;
	cr_assert_neq(asprintf(&p, "%s/%s", dir, name), -1);
	cr_assert_eq(mkdir(p, 0755), 0, "mkdir %s: %s", p, strerror(errno));
	return p;
}

/* dir/name as a path (malloc'd). */
static inline char *path_in(const char *dir, const char *name)
{
	char *p;
	cr_assert_neq(asprintf(&p, "%s/%s", dir, name), -1);
	return p;
}

/* Writes text to dir/name. */
static inline void put(const char *dir, const char *name, const char *text)
{
	char *p = path_in(dir, name);
	write_text(p, text);
	free(p);
}

/* Writes a variant of the solution to dir/name. */
static inline void put_variant(const char *dir, const char *name, const char *from, const char *to)
{
	char *p = path_in(dir, name);
	write_variant(p, from, to);
	free(p);
}

/* The one-line bugs the suites use, each caught by one check. */
#define BUG_NO_MUNMAP "if (munmap(map, len) == -1) {", "if (0) {"
#define BUG_LOOP_LE "i < len; i++", "i <= len; i++"

/* A program that never ends and one that dies of SIGSEGV before doing anything. */
static const char hang_c[] = "int main(void) { for (;;) ; }\n";
static const char crash_c[] = "int main(void) { *(volatile int *)0 = 1; return 0; }\n";
static const char broken_c[] = "int main(void) { return 0 }\n";


/* Whether path exists. */
static inline bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* The line of summary.csv (without its newline) that starts with "id,", or NULL (malloc'd). */
static inline char *csv_row(const char *csv, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = csv; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (!strncmp(p, id, n) && p[n] == ',') {
			const char *end = strchr(p, '\n');
			return strndup(p, end ? (size_t)(end - p) : strlen(p));
		}
	}
	return NULL;
}

/* The field'th comma-separated field (0-based) of an unquoted CSV line (malloc'd). */
static inline char *csv_field(const char *line, int field)
{
	const char *p = line;
	for (int i = 0; i < field; i++) {
		p = strchr(p, ',');
		cr_assert_not_null(p, "line has fewer than %d fields: %s", field + 1, line);
		p++;
	}
	return strndup(p, strcspn(p, ","));
}

/* The modification time of path in nanoseconds. */
static inline long long mtime_ns(const char *path)
{
	struct stat st;
	cr_assert_eq(stat(path, &st), 0, "stat %s: %s", path, strerror(errno));
	return (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
}

/* How many entries of dir (hidden ones aside) end with suffix. */
static inline int count_suffix(const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;
	size_t sl = strlen(suffix);

	cr_assert_not_null(d, "opendir %s", dir);
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (de->d_name[0] != '.' && l >= sl && !strcmp(de->d_name + l - sl, suffix))
			n++;
	}
	closedir(d);
	return n;
}

/* Runs the grader's batch with extra environment entries (NULL-terminated list after env). */
#define BATCH(env, ...) run_command((char *const[]){ (char *)grader_path(), "batch", __VA_ARGS__, NULL }, env)

#endif
