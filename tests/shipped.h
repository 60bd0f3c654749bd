/* shipped.h - what the Gradescope and Classroom suites check of a copy of the kit they ship: its
 * grader sources are exactly the repository's (every folder of harness/, nothing more, nothing
 * less), and the grader built inside the copy was compiled from those sources and nothing else
 * (one object per shipped .c file, in the build folder of the copy). */
#ifndef MMAPLAB_SHIPPED_H
#define MMAPLAB_SHIPPED_H

#include "testlib.h"

#include <dirent.h>

/* A growing list of paths. */
struct path_list {
	char **v;
	size_t n, cap;
};

/* Adds the files under root/rel (rel included, recursively) whose names end in suffix a or b to
 * list, as paths relative to root. Fails the test when a directory cannot be read. */
static inline void list_files(struct path_list *list, const char *root, const char *rel, const char *a, const char *b)
{
	char *dir;
	cr_assert_neq(asprintf(&dir, "%s/%s", root, rel), -1);
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "opendir %s: %s", dir, strerror(errno));
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		char *path, *full;
		struct stat st;
		cr_assert_neq(asprintf(&path, "%s/%s", rel, de->d_name), -1);
		cr_assert_neq(asprintf(&full, "%s/%s", root, path), -1);
		cr_assert_eq(lstat(full, &st), 0, "lstat %s: %s", full, strerror(errno));
		size_t l = strlen(de->d_name), la = strlen(a), lb = strlen(b);
		if (S_ISDIR(st.st_mode)) {
			list_files(list, root, path, a, b);
			free(path);
		} else if ((l > la && !strcmp(de->d_name + l - la, a)) || (l > lb && !strcmp(de->d_name + l - lb, b))) {
			if (list->n == list->cap) {
				list->cap = list->cap ? 2 * list->cap : 64;
				list->v = realloc(list->v, list->cap * sizeof *list->v);
				cr_assert_not_null(list->v);
			}
			list->v[list->n++] = path;
		} else {
			free(path);
		}
		free(full);
	}
	closedir(d);
	free(dir);
}

/* qsort order of paths: byte order, as `sort` with LC_ALL=C. */
static inline int compare_paths(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The list, sorted, one path a line (malloc'd); frees the list. */
static inline char *join_paths(struct path_list *list)
{
	size_t len = 1;
	qsort(list->v, list->n, sizeof *list->v, compare_paths);
	for (size_t i = 0; i < list->n; i++)
		len += strlen(list->v[i]) + 1;
	char *s = calloc(1, len), *p = s;
	cr_assert_not_null(s);
	for (size_t i = 0; i < list->n; i++) {
		p = stpcpy(stpcpy(p, list->v[i]), "\n");
		free(list->v[i]);
	}
	free(list->v);
	return s;
}

/* The grader's sources under root/harness, every folder, sorted, one a line (malloc'd). */
static inline char *harness_sources(const char *root)
{
	struct path_list list = { 0 };
	list_files(&list, root, "harness", ".c", ".h");
	return join_paths(&list);
}

/* The copy of the kit at kit ships exactly the repository's grader sources. */
static inline void expect_ships_the_sources(const char *kit)
{
	char *want = harness_sources(repo_root()), *got = harness_sources(kit);
	cr_expect(strstr(want, "harness/class/"), "the repository has the class folder:\n%s", want);
	cr_expect_str_eq(got, want, "the copy ships the sources of every harness folder, nothing else");
	free(want);
	free(got);
}

/* The grader of the copy at kit was built there from its shipped sources: build/mmaplab is there,
 * and build/obj/ holds one object for each shipped .c file (harness/class/batch.c gives
 * build/obj/class/batch.o) and no other. Call after the copy's `make`. */
static inline void expect_built_from_what_ships(const char *kit)
{
	struct path_list sources = { 0 }, objects = { 0 };
	list_files(&sources, kit, "harness", ".c", ".c");
	list_files(&objects, kit, "build/obj", ".o", ".o");
	for (size_t i = 0; i < sources.n; i++) {
		char *s = sources.v[i], *o;
		cr_assert_neq(asprintf(&o, "build/obj/%.*s.o", (int)(strlen(s) - strlen("harness/") - 2), s + strlen("harness/")), -1);
		free(s);
		sources.v[i] = o;
	}
	char *want = join_paths(&sources), *got = join_paths(&objects), *bin;
	cr_expect_str_eq(got, want, "the copy's build compiled exactly its shipped sources");
	cr_assert_neq(asprintf(&bin, "%s/build/mmaplab", kit), -1);
	cr_expect(access(bin, X_OK) == 0, "the copy built its grader: %s", bin);
	free(bin);
	free(want);
	free(got);
}

#endif
