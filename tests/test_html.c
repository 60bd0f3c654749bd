/* test_html.c - report.html in a real browser: headless Chromium loads the page from the file
 * system, and the test reads the class table from its DOM (one row per student, scores as in
 * summary.csv), checks that nothing from a student became markup, and reads the order the page's
 * own sort produced when it clicked its headers (the #selftest hook). `mmaplab report DIR` writes
 * the same page again, and every graded student's row links to that student's page (ID.page.html,
 * tested in test_page.c). Chromium is Debian's `chromium` (installed by .ci/run). */
#include "browserlib.h"
#include "classlib.h"

/* s with the entities a DOM serializer writes in text (&lt; &gt; &amp;) turned back (malloc'd). */
static char *unescape_text(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	cr_assert_not_null(out);
	while (*s) {
		if (!strncmp(s, "&lt;", 4)) {
			*o++ = '<';
			s += 4;
		} else if (!strncmp(s, "&gt;", 4)) {
			*o++ = '>';
			s += 4;
		} else if (!strncmp(s, "&amp;", 5)) {
			*o++ = '&';
			s += 5;
		} else {
			*o++ = *s++;
		}
	}
	*o = '\0';
	return out;
}

/* How many times needle occurs in hay. */
static int occurrences(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The students of the DOM's table in page order with their score cells' sort keys, sorted the way
 * a first click on "score" must sort them (highest first, ties in page order), as a JSON array. */
static json_t *expected_by_score(const char *dom)
{
	struct row { char *id; int score; } rows[32];
	size_t n = 0;
	static const char tag[] = "<tr data-student=\"";

	for (const char *p = strstr(dom, tag); p && n < 32; p = strstr(p + 1, tag)) {
		const char *v = p + strlen(tag);
		char *attr = strndup(v, strcspn(v, "\""));
		/* Attribute values are serialized with &amp; and &quot;. */
		char *q = attr, *w = attr;
		while (*q) {
			if (!strncmp(q, "&quot;", 6)) {
				*w++ = '"';
				q += 6;
			} else {
				*w++ = *q++;
			}
		}
		*w = '\0';
		rows[n].id = unescape_text(attr);
		free(attr);
		const char *cell = strstr(strstr(p, "</td>"), "<td data-v=\"");
		rows[n].score = atoi(cell + strlen("<td data-v=\""));
		n++;
	}
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && rows[k].score > rows[k - 1].score; k--) {
			struct row t = rows[k];
			rows[k] = rows[k - 1];
			rows[k - 1] = t;
		}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(a, json_string(rows[i].id));
		free(rows[i].id);
	}
	return a;
}

Test(html, class_table_in_headless_chromium, .timeout = 300)
{
	char *chromium = find_chromium();
	if (!chromium) {
		cr_assert_null(getenv("CI"), "CI must have chromium (.ci/run installs it)");
		cr_skip_test("chromium is not installed (apt-get install chromium)");
	}
	char *tmp = make_shared_temp_dir();
	char *subs = make_subdir(tmp, "subs"), *out = path_in(tmp, "out"), *profile = make_subdir(tmp, "profile");
	put_variant(subs, "alice.c", NULL, NULL);
	put_variant(subs, "bob.c", BUG_NO_MUNMAP);
	put(subs, "carol.c", broken_c);
	free(make_subdir(subs, "dave"));
	put(subs, "evil.c", "#include <stdio.h>\nint main(void) { puts(\"<script>document.title='pwned'</script>\"); return 0; }\n");
	char *tricky = make_subdir(subs, "<b>&\"x'");
	put_variant(tricky, "read_map.c", NULL, NULL);

	struct grader_run r = BATCH(NULL, "--out", out, "read-map", subs);
	cr_assert_eq(r.status, 1, "dave cannot be graded: %s", r.err);
	grader_run_free(&r);
	char *csv = slurp(path_in(out, "summary.csv"));

	char *url;
	cr_assert_neq(asprintf(&url, "file://%s/report.html", out), -1);
	char *dom = dump_dom(chromium, url, profile);
	cr_expect_eq(occurrences(dom, "<tr data-student="), 6, "one row per student:\n%s", dom);
	const char *alice = strstr(dom, "<tr data-student=\"alice\""), *bob = strstr(dom, "<tr data-student=\"bob\"");
	const char *dave = strstr(dom, "<tr data-student=\"dave\"");
	cr_assert(alice && bob && dave && alice < bob && bob < dave, "rows in id order");
	char *alice_row = csv_row(csv, "alice"), *alice_score = csv_field(alice_row, 1);
	cr_expect_str_eq(alice_score, "14");
	cr_expect(strstr(alice, "<td data-v=\"14\">14/14</td>"), "alice's score as in summary.csv");
	cr_expect(strstr(bob, "<td data-v=\"13\">13/14</td>"), "bob's score");
	cr_expect(strstr(dave, "<td data-v=\"-1\">"), "dave has no score");
	cr_expect(strstr(dom, "data-check=\"munmap\" data-passed=\"2\" data-graded=\"5\""), "the munmap bar: alice and the tricky name, of 5");
	/* Nothing a student wrote became markup. */
	cr_expect_eq(occurrences(dom, "<script"), 1, "only the page's own script");
	cr_expect(strstr(dom, "&lt;script&gt;document.title"), "the program's output shown as text");
	cr_expect_null(strstr(dom, "pwned</title>"), "the title is the page's own");
	cr_expect(strstr(dom, ">&lt;b&gt;&amp;\"x'</a>"), "a name with markup characters shown as text");
	/* Every graded student's page of the grading, linked from the row, beside the JSON. */
	cr_expect_eq(occurrences(dom, "<a class=\"page\" href="), 5, "a page link per graded student");
	cr_expect(strstr(alice, "<a class=\"page\" href=\"alice.page.html\">"), "alice's page linked");
	cr_expect(strstr(dom, "href=\"%3Cb%3E%26%22x%27.page.html\""), "an odd name percent-encoded in the link");
	char *alice_page = path_in(out, "alice.page.html"), *tricky_page = path_in(out, "<b>&\"x'.page.html");
	cr_expect(exists(alice_page) && exists(tricky_page), "the pages are there");
	cr_expect(!exists(path_in(out, "dave.page.html")), "no page for a student who could not be graded");
	free(alice_page);
	free(tricky_page);

	/* The page sorts itself when its headers are clicked. */
	char *selftest;
	cr_assert_neq(asprintf(&selftest, "%s#selftest", url), -1);
	char *dom2 = dump_dom(chromium, selftest, profile);
	char *start = strstr(dom2, "<pre id=\"selftest\">");
	cr_assert_not_null(start, "the self-test ran:\n%s", dom2);
	start += strlen("<pre id=\"selftest\">");
	char *raw = strndup(start, (size_t)(strstr(start, "</pre>") - start)), *text = unescape_text(raw);
	json_error_t e;
	json_t *orders = json_loads(text, 0, &e);
	cr_assert_not_null(orders, "self-test output is JSON (%s): %s", e.text, text);
	json_t *want = expected_by_score(dom);
	cr_expect(json_equal(json_object_get(orders, "score:first"), want), "first click: highest score first\n%s\nwant %s",
	          json_dumps(json_object_get(orders, "score:first"), 0), json_dumps(want, 0));
	/* A second click reverses the order; ties stay in id order, so compare the ends. */
	json_t *second = json_object_get(orders, "score:second");
	cr_expect_str_eq(json_string_value(json_array_get(second, 0)), "dave", "second click: lowest first");
	cr_expect_str_eq(json_string_value(json_array_get(second, json_array_size(second) - 1)), "alice");
	cr_expect_str_eq(json_string_value(json_array_get(json_object_get(orders, "student:first"), 1)), "alice",
	                 "student ids A to Z");
	json_decref(want);
	json_decref(orders);

	/* `mmaplab report DIR` writes the page again from the results on disk. */
	char *html = path_in(out, "report.html");
	cr_assert_eq(unlink(html), 0);
	struct grader_run rep = GRADER("report", out);
	cr_expect_eq(rep.status, 0, "%s", rep.err);
	char *again = slurp(html);
	cr_expect_eq(occurrences(again, "<tr data-student="), 6);
	free(again);
	grader_run_free(&rep);
	remove_dir(tmp);
}
