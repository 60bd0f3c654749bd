/* test_terms.c - one term per concept: no wrong variant listed in docs-ko/terms.txt appears in the
 * Korean documents (docs-ko/, but docs-ko/note-original.md), the lab guides (labs/NAME/README.md)
 * or the grader's message tables (msg_ko.c, msg_en.c, wherever under harness/ they are). Text quoted
 * from the note sits between <!-- note-quote --> and <!-- /note-quote --> and is not checked; the
 * term file's header says so to its readers. */
#include "testlib.h"

#include <ftw.h>

struct term {
	char lang[4];
	char *wrong, *right;
	bool prose_only;
	char *except[8];
	size_t n_except;
};

static struct term terms[128];
static size_t n_terms;
static int found;   /* wrong variants found in all files */
static int files;   /* files checked */

static void load_terms(void)
{
	char path[4096], line[1024];

	snprintf(path, sizeof path, "%s/docs-ko/terms.txt", repo_root());
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	n_terms = 0;
	for (int lineno = 1; fgets(line, sizeof line, f); lineno++) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		cr_assert_lt(n_terms, sizeof terms / sizeof terms[0], "too many terms");
		struct term *t = &terms[n_terms++];
		char *save = NULL, *lang = strtok_r(line, "\t", &save), *wrong = strtok_r(NULL, "\t", &save);
		char *right = strtok_r(NULL, "\t", &save), *where = strtok_r(NULL, "\t", &save);
		char *except = strtok_r(NULL, "\t", &save);
		cr_assert(lang && wrong && right && where, "terms.txt:%d: needs language, variant, term, scope", lineno);
		cr_assert(!strcmp(lang, "ko") || !strcmp(lang, "en"), "terms.txt:%d: language '%s'", lineno, lang);
		cr_assert(!strcmp(where, "all") || !strcmp(where, "prose"), "terms.txt:%d: scope '%s'", lineno, where);
		cr_assert_null(strstr(right, wrong), "terms.txt:%d: the term contains its own variant", lineno);
		snprintf(t->lang, sizeof t->lang, "%s", lang);
		t->wrong = strdup(wrong);
		t->right = strdup(right);
		t->prose_only = !strcmp(where, "prose");
		t->n_except = 0;
		for (char *s2 = NULL, *e = except ? strtok_r(except, "|", &s2) : NULL; e; e = strtok_r(NULL, "|", &s2)) {
			cr_assert_lt(t->n_except, 8, "terms.txt:%d: too many exceptions", lineno);
			t->except[t->n_except++] = strdup(e);
		}
	}
	fclose(f);
	cr_assert_gt(n_terms, 5, "terms.txt lists only %zu terms", n_terms);
}

/* Blanks (with spaces, so that columns stay) everything from open to close, markers included. */
static void blank_between(char *text, const char *open, const char *close)
{
	for (char *p = strstr(text, open); p; p = strstr(p, open)) {
		char *end = strstr(p + strlen(open), close);
		cr_assert_not_null(end, "an unclosed %s", open);
		end += strlen(close);
		for (char *q = p; q < end; q++)
			if (*q != '\n')
				*q = ' ';
		p = end;
	}
}

/* What is not prose in Markdown, blanked: fenced code blocks, `code` spans, ](link targets) and
 * <http...> addresses. */
static void blank_code(char *text)
{
	bool fence = false;

	for (char *line = text; *line;) {
		char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		bool marker = !strncmp(line, "```", 3);
		if (marker || fence)
			memset(line, ' ', len);
		if (marker)
			fence = !fence;
		if (!nl)
			break;
		line = nl + 1;
	}
	for (char *p = text; (p = strchr(p, '`'));) {
		char *end = strchr(p + 1, '`');
		if (!end || memchr(p, '\n', (size_t)(end - p)))
			break;
		memset(p, ' ', (size_t)(end - p + 1));
		p = end + 1;
	}
	for (char *p = text; (p = strstr(p, "](")); p++) {
		char *end = strchr(p, ')');
		if (end)
			memset(p, ' ', (size_t)(end - p + 1));
	}
	for (char *p = text; (p = strstr(p, "<http")); p++) {
		char *end = strchr(p, '>');
		if (end)
			memset(p, ' ', (size_t)(end - p + 1));
	}
}

static int line_of(const char *text, const char *at)
{
	int n = 1;

	for (const char *p = text; p < at; p++)
		n += *p == '\n';
	return n;
}

/* Whether the match at `at` lies inside one of the term's allowed longer strings. */
static bool excepted(const struct term *t, const char *text, const char *at)
{
	for (size_t i = 0; i < t->n_except; i++) {
		const char *e = t->except[i];
		const char *in = strstr(e, t->wrong);
		if (!in)
			continue;
		const char *start = at - (in - e);
		if (start >= text && !strncmp(start, e, strlen(e)))
			return true;
	}
	return false;
}

/* Whether a variant found is reported as an error (Criterion counts logged errors as a failed
 * run): not in the checker's own test, whose sample holds variants on purpose. */
static bool report_found = true;

static void check_text(const char *path, const char *lang)
{
	char *raw = slurp(path);
	blank_between(raw, "<!-- note-quote -->", "<!-- /note-quote -->");
	char *prose = strdup(raw);
	size_t plen = strlen(path);
	if (plen > 3 && !strcmp(path + plen - 3, ".md"))
		blank_code(prose);
	files++;
	for (size_t i = 0; i < n_terms; i++) {
		const struct term *t = &terms[i];
		if (strcmp(t->lang, lang))
			continue;
		const char *text = t->prose_only ? prose : raw;
		for (const char *p = strstr(text, t->wrong); p; p = strstr(p + 1, t->wrong)) {
			if (excepted(t, text, p))
				continue;
			if (report_found)
				cr_log_error("%s:%d: '%s' -> '%s' (docs-ko/terms.txt)", path, line_of(text, p),
				             t->wrong, t->right);
			found++;
		}
	}
	free(prose);
	free(raw);
}

static int visit_docs(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	size_t n = strlen(path);
	if (type == FTW_F && n > 3 && !strcmp(path + n - 3, ".md") && !strstr(path, "/note-original.md"))
		check_text(path, "ko");
	return 0;
}

static int tables;

static int visit_harness(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	const char *base = path + ftw->base;
	if (type == FTW_F && !strcmp(base, "msg_ko.c")) {
		check_text(path, "ko");
		tables++;
	} else if (type == FTW_F && !strcmp(base, "msg_en.c")) {
		check_text(path, "en");
		tables++;
	}
	return 0;
}

Test(terms, one_term_each_in_docs_labs_and_messages)
{
	char path[4096];

	load_terms();
	found = files = tables = 0;
	snprintf(path, sizeof path, "%s/docs-ko", repo_root());
	cr_assert_eq(nftw(path, visit_docs, 16, FTW_PHYS), 0, "cannot walk %s", path);
	static const char *const labs[] = { "01-read-map", "02-write-msync", "03-perf", "04-share-map" };
	for (size_t i = 0; i < sizeof labs / sizeof labs[0]; i++) {
		snprintf(path, sizeof path, "%s/labs/%s/README.md", repo_root(), labs[i]);
		check_text(path, "ko");
	}
	snprintf(path, sizeof path, "%s/harness", repo_root());
	cr_assert_eq(nftw(path, visit_harness, 16, FTW_PHYS), 0, "cannot walk %s", path);
	cr_assert_eq(tables, 2, "found %d message tables (msg_ko.c, msg_en.c) under harness/", tables);
	cr_assert_gt(files, 12, "checked only %d files: is MMAPLAB_ROOT right?", files);
	cr_assert_eq(found, 0, "%d wrong variants (listed above, with the term to use)", found);
}

/* The checker itself: a variant in prose is found, the same variant in code, in a link target, in an
 * allowed longer string or inside a note quote is not. */
Test(terms, checker_finds_variants_and_respects_quotes)
{
	char dir[] = "/tmp/mmaplab-terms.XXXXXX", path[4200];

	load_terms();
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/sample.md", dir);
	write_text(path, "본문의 랩 파일과 Linux 커널.\n"
	                 "`Linux 6.18`과 *The Linux Programming Interface*와 [x](https://x/Linux).\n"
	                 "```text\nLinux 랩\n```\n"
	                 "<!-- note-quote -->노트의 랩 파일<!-- /note-quote -->\n");
	found = files = 0;
	report_found = false;
	check_text(path, "ko");
	report_found = true;
	cr_assert_eq(found, 2, "found %d variants in the sample, expected 2 (랩 파일, Linux in prose)", found);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}
