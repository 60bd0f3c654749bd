/* test_links.c - every relative link in the Markdown of the repository (README.md, labs/, docs-ko/,
 * solutions/) points to a file that exists, and every #anchor to a heading that exists. */
#include "testlib.h"

#include <ctype.h>
#include <ftw.h>

/* GitHub's heading anchor: lower case, spaces to '-', punctuation but '-' and '_' dropped; other
 * characters (Korean) kept as they are. */
static void slug(const char *heading, char *out, size_t cap)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)heading; *p && n + 1 < cap; p++) {
		if (*p >= 0x80 || isalnum(*p) || *p == '-' || *p == '_')
			out[n++] = (char)(*p < 0x80 ? tolower(*p) : *p);
		else if (*p == ' ')
			out[n++] = '-';
	}
	out[n] = '\0';
}

/* Whether the Markdown file at path has a heading whose anchor is anchor. */
static bool has_anchor(const char *path, const char *anchor)
{
	FILE *f = fopen(path, "r");
	char line[2048], s[2048];
	bool found = false, in_code = false;

	if (!f)
		return false;
	while (!found && fgets(line, sizeof line, f)) {
		if (!strncmp(line, "```", 3))
			in_code = !in_code;
		if (in_code || line[0] != '#')
			continue;
		char *h = line;
		while (*h == '#')
			h++;
		while (*h == ' ')
			h++;
		h[strcspn(h, "\r\n")] = '\0';
		slug(h, s, sizeof s);
		found = !strcmp(s, anchor);
	}
	fclose(f);
	return found;
}

static int broken;
static int checked;

/* Checks every ](target) link of one Markdown file. */
static void check_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	bool in_code = false;
	int lineno = 0;

	cr_assert_not_null(f, "cannot open %s", path);
	while (fgets(line, sizeof line, f)) {
		lineno++;
		if (!strncmp(line, "```", 3))
			in_code = !in_code;
		if (in_code)
			continue;
		for (char *p = strstr(line, "]("); p; p = strstr(p + 2, "](")) {
			char target[2048];
			char *end = strchr(p + 2, ')');
			if (!end)
				break;
			snprintf(target, sizeof target, "%.*s", (int)(end - p - 2), p + 2);
			if (strstr(target, "://") || !strncmp(target, "mailto:", 7) || !*target)
				continue;
			char *hash = strchr(target, '#');
			char *anchor = NULL;
			if (hash) {
				*hash = '\0';
				anchor = hash + 1;
			}
			char resolved[8192];
			if (*target) {
				char dir[4096];
				snprintf(dir, sizeof dir, "%s", path);
				*strrchr(dir, '/') = '\0';
				snprintf(resolved, sizeof resolved, "%s/%s", dir, target);
			} else {
				snprintf(resolved, sizeof resolved, "%s", path);
			}
			checked++;
			struct stat st;
			if (stat(resolved, &st) == -1) {
				cr_log_error("%s:%d: link to a missing file: %s", path, lineno, target);
				broken++;
			} else if (anchor && S_ISREG(st.st_mode) && !has_anchor(resolved, anchor)) {
				cr_log_error("%s:%d: link to a missing anchor: %s#%s", path, lineno, target, anchor);
				broken++;
			}
		}
	}
	fclose(f);
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	size_t n = strlen(path);
	if (type == FTW_F && n > 3 && !strcmp(path + n - 3, ".md"))
		check_file(path);
	return 0;
}

Test(links, every_relative_link_and_anchor_exists)
{
	static const char *const roots[] = { "labs", "docs-ko", "solutions" };
	char path[4096];

	for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", repo_root(), roots[i]);
		cr_assert_eq(nftw(path, visit, 16, FTW_PHYS), 0, "cannot walk %s", path);
	}
	snprintf(path, sizeof path, "%s/README.md", repo_root());
	check_file(path);
	cr_assert_gt(checked, 10, "the walk found only %d links: is MMAPLAB_ROOT right?", checked);
	cr_assert_eq(broken, 0, "%d broken links (listed above)", broken);
}
