/* test_page.c - the page of one grading (`grade --html`, report_html.c) in a real browser.
 *
 * The grader grades the solutions and one-bug programs of several kinds (from tests/corpus/ and
 * one-line variants of the solution), each with --html. One headless Chromium then loads a probe
 * page that holds every graded page in an iframe and measures them through their DOM: each mapping
 * bar as wide as its length on the drawing's scale, the failing call marked with its check's id,
 * the injected call labelled, the bytes past the end of the file highlighted, the output window
 * marked, every link of the page landing on an element (the share-map solution's too). Past the caps
 * (a call made in the 11th thread, a 32nd mapping, a cited leak after 30 findings that do not count)
 * what the failing check cites is still drawn. Every page stays under 300 KB, also for a program that
 * floods its output. A program that prints <script>, an onerror attribute, invalid UTF-8 and a NUL
 * gets no element of its own in the page, and its Korean stays Korean. A screenshot is taken into
 * the test's own directory (make screenshot refreshes the one in docs-ko; tests never write tracked
 * files). */
#include "browserlib.h"
#include "classlib.h"

#include <math.h>

#include "util.h"

/* What the probe measures in each page, as JSON in <pre id="result">. */
static const char probe_script[] =
	"window.onload=function(){var out={};\n"
	"document.querySelectorAll('iframe').forEach(function(f){var d=f.contentDocument,r={};\n"
	" if(!d||!d.body){out[f.id]=null;return;}\n"
	" r.title=d.title;r.scripts=d.querySelectorAll('script').length;\n"
	" r.scriptText=d.body.textContent.indexOf('<script>document.title')>=0;\n"
	" r.badLinks=[];d.querySelectorAll('a[href^=\"#\"]').forEach(function(a){var id=a.getAttribute('href').slice(1);\n"
	"  if(!d.getElementById(id))r.badLinks.push(id);});\n"
	" r.checks={};d.querySelectorAll('tr.check').forEach(function(tr){r.checks[tr.id.slice(6)]=tr.dataset.status;});\n"
	" r.maps=[];d.querySelectorAll('svg.filemap').forEach(function(svg){var s=parseFloat(svg.dataset.scale);\n"
	"  svg.querySelectorAll('g.map').forEach(function(g){var b=g.querySelector('rect.bar');\n"
	"   r.maps.push({svg:svg.id,length:+g.dataset.length,width:+b.getAttribute('width'),scale:s,size:+svg.dataset.size,\n"
	"    shown:b.getBoundingClientRect().width,axis:svg.getBoundingClientRect().width,leak:g.classList.contains('leak'),\n"
	"    check:g.dataset.check||''});});});\n"
	" r.ranges=[].map.call(d.querySelectorAll('svg.filemap g.munmap,svg.filemap g.msync'),function(g){\n"
	"  return {kind:g.getAttribute('class').split(' ')[0],length:+g.dataset.length,check:g.dataset.check||''};});\n"
	" r.ends=[].map.call(d.querySelectorAll('svg.zoom g.end.cited'),function(g){return +g.dataset.end;});\n"
	" r.cited=[].map.call(d.querySelectorAll('td.call.cited'),function(td){return {check:td.dataset.check,\n"
	"  text:td.textContent,badge:!!td.querySelector('.badge')};});\n"
	" r.injected=[].map.call(d.querySelectorAll('td.call.injected .inj'),function(s){return s.textContent;});\n"
	" r.citedPast=d.querySelectorAll('table.hex td.cite.past').length;\n"
	" r.written=d.querySelectorAll('table.hex tr.after td.w').length;\n"
	" r.outDiff=d.querySelectorAll('table.out tr.diff').length;r.marks=d.querySelectorAll('table.out mark').length;\n"
	" r.findings=d.querySelectorAll('div.finding.cited .src .hl').length;\n"
	" r.onerror=d.querySelectorAll('[onerror]').length;r.imgs=d.querySelectorAll('img').length;\n"
	" r.korean=d.body.textContent.indexOf('한국어 오류')>=0;\n"
	" r.escapedBytes=d.body.textContent.indexOf('bad \\\\xff nul:a\\\\x00b')>=0;\n"
	" r.lanes=d.querySelectorAll('table.timeline th').length;\n"
	" r.moreBars=d.querySelectorAll('.more-bars').length;r.moreFindings=d.querySelectorAll('.more-findings').length;\n"
	" r.svgTitles=[].every.call(d.querySelectorAll('svg'),function(s){return !!s.querySelector('title');});\n"
	" out[f.id]=r;});\n"
	"var p=document.createElement('pre');p.id='result';p.textContent=JSON.stringify(out);document.body.appendChild(p);};\n";

struct page_case {
	const char *name;   /* the page is NAME.html */
	const char *lab;
	const char *path;   /* a submission under the repository, or NULL: written into the test's dir */
};

/* Starts the grading of one submission with --html into dir/NAME.html, its stderr into dir/NAME.err;
 * returns the pid. */
static pid_t start_grading(const char *dir, const char *name, const char *lab, const char *submission)
{
	char *html, *err;
	cr_assert_neq(asprintf(&html, "%s/%s.html", dir, name), -1);
	cr_assert_neq(asprintf(&err, "%s/%s.err", dir, name), -1);
	pid_t pid = fork();
	cr_assert_neq(pid, -1, "fork: %s", strerror(errno));
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY), fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (null == -1 || fd == -1 || dup2(null, 1) == -1 || dup2(fd, 2) == -1)
			_exit(127);
		execl(grader_path(), grader_path(), "grade", "--html", html, lab, submission, (char *)NULL);
		_exit(127);
	}
	free(html);
	free(err);
	return pid;
}

/* Waits for a grading and checks what it left: the page, and the line that says where it is. */
static void finish_grading(pid_t pid, const char *dir, const char *name)
{
	int status;
	while (waitpid(pid, &status, 0) == -1)
		cr_assert_eq(errno, EINTR, "waitpid: %s", strerror(errno));
	char *html, *err;
	cr_assert_neq(asprintf(&html, "%s/%s.html", dir, name), -1);
	cr_assert_neq(asprintf(&err, "%s/%s.err", dir, name), -1);
	char *text = slurp(err);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) <= 1, "grading %s: status %d\n%s", name, status, text);
	cr_expect(strstr(text, "자세히 보기: ") && strstr(text, html), "the grader names the page:\n%s", text);
	struct stat st;
	cr_assert_eq(stat(html, &st), 0);
	/* Big enough to hold the drawing, small enough to mail: the bound. */
	cr_expect(st.st_size > 10000 && st.st_size < 300 * 1024, "%s is %lld bytes", name, (long long)st.st_size);
	free(text);
	free(html);
	free(err);
}

static json_t *page_of(json_t *result, const char *name)
{
	json_t *p = json_object_get(result, name);
	cr_assert(json_is_object(p), "the probe could not read %s.html", name);
	return p;
}

static const char *status_of(json_t *page, const char *check)
{
	const char *s = json_string_value(json_object_get(json_object_get(page, "checks"), check));
	return s ? s : "";
}

/* The mapping bars of page drawn to scale: width = length * scale, and the axis as wide on screen. */
static void expect_bars_to_scale(json_t *page, const char *name)
{
	size_t i;
	json_t *m;

	cr_expect_gt(json_array_size(json_object_get(page, "maps")), 0, "%s draws a mapping", name);
	json_array_foreach(json_object_get(page, "maps"), i, m) {
		double len = json_number_value(json_object_get(m, "length")), w = json_number_value(json_object_get(m, "width"));
		double scale = json_number_value(json_object_get(m, "scale"));
		double shown = json_number_value(json_object_get(m, "shown"));
		cr_expect(len > 0 && fabs(w - len * scale) < 0.01, "%s: bar %zu is %g px for %g bytes at %g px/byte", name, i, w,
		          len, scale);
		cr_expect(shown > 0, "%s: bar %zu rendered", name, i);
	}
}

/* The mapping bars of the normal run's drawing (run 0: the strace run of the file labs), as a new array. */
static json_t *normal_maps(json_t *page)
{
	json_t *out = json_array(), *m;
	size_t i;

	json_array_foreach(json_object_get(page, "maps"), i, m)
		if (!strcmp(json_string_value(json_object_get(m, "svg")), "r0map"))
			json_array_append(out, m);
	return out;
}

static bool any_cited(json_t *page, const char *check, const char *call)
{
	size_t i;
	json_t *c;

	json_array_foreach(json_object_get(page, "cited"), i, c)
		if (strstr(json_string_value(json_object_get(c, "check")), check) &&
		    strstr(json_string_value(json_object_get(c, "text")), call) && json_is_true(json_object_get(c, "badge")))
			return true;
	return false;
}

Test(page, gradings_drawn_in_headless_chromium, .timeout = 300)
{
	char *chromium = find_chromium();
	if (!chromium) {
		cr_assert_null(getenv("CI"), "CI must have chromium (.ci/run installs it)");
		cr_skip_test("chromium is not installed (apt-get install chromium)");
	}
	char *tmp = make_shared_temp_dir(), *profile = make_subdir(tmp, "profile"), *subs = make_subdir(tmp, "subs");
	char *root = strdup(repo_root());
	static const struct page_case cases[] = {
		{ "solution", "read-map", "solutions/read-map" },
		{ "plus-one", "read-map", NULL },
		{ "second-map", "read-map", NULL },
		{ "no-munmap", "read-map", "tests/corpus/read-map/no-munmap.c" },
		{ "munmap-11", "read-map", "tests/corpus/read-map/munmap-11.c" },
		{ "index-from-1", "read-map", "tests/corpus/read-map/index-from-1.c" },
		{ "mmap-error-exit0", "read-map", "tests/corpus/read-map/mmap-error-exit0.c" },
		{ "uninit-read", "read-map", "tests/corpus/read-map/uninit-read.c" },
		{ "write-solution", "write-msync", "solutions/write-msync" },
		{ "write-past-end", "write-msync", "tests/corpus/write-msync/write-past-end.c" },
		{ "script", "read-map", NULL },
		{ "output-flood", "read-map", "tests/corpus/read-map/output-flood.c" },
		{ "share-solution", "share-map", "solutions/share-map" },
		{ "threads", "read-map", NULL },
		{ "many-maps", "read-map", NULL },
		{ "many-findings", "read-map", NULL },
	};
	/* A mapping one byte longer than the file, and a second mapping never unmapped. */
	put_variant(subs, "plus-one.c", "mmap(NULL, len,", "mmap(NULL, len + 1,");
	put_variant(subs, "second-map.c", "char *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);",
	            "char *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);\n"
	            "\t(void)mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);");
	/* Markup, bytes that are not UTF-8 and a NUL on stdout, Korean on stderr. */
	put(subs, "script.c", "#include <stdio.h>\nint main(void) { puts(\"<script>document.title='pwned'</script>\"); "
	                      "puts(\"\\\"><img src=x onerror=alert(1)>\"); fwrite(\"bad \\xff nul:a\\0b\\n\", 1, 13, stdout); "
	                      "fputs(\"<img src=x onerror=alert(1)> 한국어 오류\\n\", stderr); return 0; }\n");
	/* The mmap the mmap check cites made in the 11th thread: more threads than the timeline has columns. */
	put(subs, "threads.c",
	    "#include <fcntl.h>\n#include <pthread.h>\n#include <stdio.h>\n#include <sys/mman.h>\n#include <sys/stat.h>\n"
	    "#include <unistd.h>\nstatic int fd; static struct stat st; static char *m;\n"
	    "static void *nothing(void *a) { (void)a; write(2, \"t\\n\", 2); return NULL; }\n"
	    "static void *mapper(void *a) { (void)a; m = mmap(NULL, st.st_size + 1, PROT_READ, MAP_SHARED, fd, 0); return NULL; }\n"
	    "int main(int argc, char **argv) {\n\tfd = open(argc > 1 ? argv[1] : \"link.txt\", O_RDONLY);\n"
	    "\tif (fd < 0 || fstat(fd, &st) < 0) { perror(\"open\"); return 1; }\n"
	    "\tif (st.st_size == 0) { close(fd); printf(\"File size is 0\\n\"); return 0; }\n"
	    "\tfor (int k = 0; k < 10; k++) { pthread_t t; pthread_create(&t, NULL, nothing, NULL); pthread_join(t, NULL); }\n"
	    "\tpthread_t t; pthread_create(&t, NULL, mapper, NULL); pthread_join(t, NULL);\n"
	    "\tif (m == MAP_FAILED) { perror(\"mmap\"); return 1; }\n"
	    "\tprintf(\"File size is %lld\\n\", (long long)st.st_size);\n"
	    "\tfor (off_t i = 0; i < st.st_size; i++) printf(\"Found character %c at %lld\\n\", m[i], (long long)i);\n"
	    "\tmunmap(m, st.st_size + 1);\n\tclose(fd);\n\treturn 0;\n}\n");
	/* 30 mappings made and unmapped, then a 31st left behind: past the cap on bars. */
	put_variant(subs, "many-maps.c", "char *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);",
	            "for (int k = 0; k < 30; k++) munmap(mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0), len);\n"
	            "\tchar *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);\n"
	            "\t(void)mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);");
	/* 30 descriptors of the input file left open (the close check's, not counted by valgrind), then
	   a leak that valgrind cites. */
	put_variant(subs, "many-findings.c", "char *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);",
	            "char *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);\n"
	            "\tfor (int k = 0; k < 30; k++) (void)open(path, O_RDONLY);\n"
	            "\tchar *leak = malloc(100);\n\tleak[0] = 1;");

	struct strbuf probe;
	sb_init(&probe);
	sb_puts(&probe, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
	/* Four gradings at a time: each waits on its runs more than it computes. */
	enum { NCASES = sizeof cases / sizeof cases[0], AT_ONCE = 4 };
	pid_t pids[NCASES];
	for (size_t i = 0; i < NCASES; i++) {
		char *sub;
		if (cases[i].path)
			cr_assert_neq(asprintf(&sub, "%s/%s", root, cases[i].path), -1);
		else
			cr_assert_neq(asprintf(&sub, "%s/%s.c", subs, cases[i].name), -1);
		if (i >= AT_ONCE)
			finish_grading(pids[i - AT_ONCE], tmp, cases[i - AT_ONCE].name);
		pids[i] = start_grading(tmp, cases[i].name, cases[i].lab, sub);
		free(sub);
	}
	for (size_t i = NCASES > AT_ONCE ? NCASES - AT_ONCE : 0; i < NCASES; i++)
		finish_grading(pids[i], tmp, cases[i].name);
	for (size_t i = 0; i < NCASES; i++) {
		sb_printf(&probe, "<iframe id=\"%s\" src=\"%s.html\" width=\"1100\" height=\"800\"></iframe>\n", cases[i].name,
		          cases[i].name);
	}
	sb_printf(&probe, "<script>\n%s</script></body></html>\n", probe_script);
	put(tmp, "probe.html", probe.data);
	sb_free(&probe);

	/* One browser for every page: the probe reads the frames (same origin only with file access). */
	char *url;
	cr_assert_neq(asprintf(&url, "file://%s/probe.html", tmp), -1);
	char *dom = chromium_run(chromium, url, profile, "--dump-dom", "--allow-file-access-from-files");
	char *start = strstr(dom, "<pre id=\"result\">");
	cr_assert_not_null(start, "the probe ran:\n%.2000s", dom);
	start += strlen("<pre id=\"result\">");
	char *raw = strndup(start, (size_t)(strstr(start, "</pre>") - start));
	/* The DOM serializer escapes & < > in text; JSON from the probe has no other entities. */
	for (char *p; (p = strstr(raw, "&lt;"));)
		memmove(p + 1, p + 4, strlen(p + 4) + 1), *p = '<';
	for (char *p; (p = strstr(raw, "&gt;"));)
		memmove(p + 1, p + 4, strlen(p + 4) + 1), *p = '>';
	for (char *p; (p = strstr(raw, "&amp;"));)
		memmove(p + 1, p + 5, strlen(p + 5) + 1);
	json_error_t e;
	json_t *result = json_loads(raw, 0, &e);
	cr_assert_not_null(result, "probe output is JSON (%s): %.2000s", e.text, raw);

	/* Every page: no script of its own or a student's, links that land, a title for each drawing. */
	const char *name;
	json_t *page;
	json_object_foreach(result, name, page) {
		cr_expect_eq(json_integer_value(json_object_get(page, "scripts")), 0, "%s has no script", name);
		cr_expect_eq(json_array_size(json_object_get(page, "badLinks")), 0, "%s: links to nothing: %s", name,
		             json_dumps(json_object_get(page, "badLinks"), 0));
		cr_expect(json_is_true(json_object_get(page, "svgTitles")), "%s: every drawing has a text alternative", name);
	}

	json_t *sol = page_of(result, "solution");
	expect_bars_to_scale(sol, "solution");
	cr_expect_eq(json_array_size(json_object_get(sol, "cited")), 0, "nothing marked on a pass");
	json_t *sol_map = json_array_get(json_object_get(sol, "maps"), 0);
	cr_expect_eq(json_number_value(json_object_get(sol_map, "length")), json_number_value(json_object_get(sol_map, "size")),
	             "the solution maps the whole file");

	/* A mapping one byte too long: mmap fails, its call and its bar are marked, its end one byte past EOF. */
	json_t *plus = page_of(result, "plus-one");
	expect_bars_to_scale(plus, "plus-one");
	cr_expect_str_eq(status_of(plus, "mmap"), "fail");
	cr_expect(any_cited(plus, "mmap", "mmap("), "the mmap call marked with the check id");
	json_t *plus_map = json_array_get(json_object_get(plus, "maps"), 0);
	double size = json_number_value(json_object_get(plus_map, "size"));
	cr_expect_eq(json_number_value(json_object_get(plus_map, "length")), size + 1);
	cr_expect_str_eq(json_string_value(json_object_get(plus_map, "check")), "mmap");
	cr_expect_eq(json_number_value(json_array_get(json_object_get(plus, "ends"), 0)), size + 1,
	             "the zoom marks the mapping's end one byte past the end of the file");

	/* A second mapping never unmapped: two bars, the second one drawn as left behind and cited. */
	json_t *second = page_of(result, "second-map");
	cr_expect_str_eq(status_of(second, "munmap"), "fail");
	json_t *maps = normal_maps(second);
	cr_expect_eq(json_array_size(maps), 2);
	cr_expect(!json_is_true(json_object_get(json_array_get(maps, 0), "leak")), "the first is unmapped");
	cr_expect(json_is_true(json_object_get(json_array_get(maps, 1), "leak")), "the second is left behind");
	cr_expect_str_eq(json_string_value(json_object_get(json_array_get(maps, 1), "check")), "munmap");
	json_decref(maps);

	/* No munmap at all: the mapping is left behind; munmap of 11 bytes: a short munmap bar, cited. */
	json_t *nomun = page_of(result, "no-munmap");
	cr_expect(json_is_true(json_object_get(json_array_get(json_object_get(nomun, "maps"), 0), "leak")));
	cr_expect(any_cited(nomun, "munmap", "mmap("), "the mapping no munmap removed is marked");
	json_t *m11 = page_of(result, "munmap-11");
	cr_expect(any_cited(m11, "munmap", "munmap("), "the munmap call marked");
	json_t *range = json_array_get(json_object_get(m11, "ranges"), 0);
	cr_expect_str_eq(json_string_value(json_object_get(range, "kind")), "munmap");
	cr_expect_eq(json_number_value(json_object_get(range, "length")), 11);
	cr_expect_str_eq(json_string_value(json_object_get(range, "check")), "munmap");

	/* Output: a window with the differing lines marked. */
	json_t *idx = page_of(result, "index-from-1");
	cr_expect_str_eq(status_of(idx, "output"), "fail");
	cr_expect_gt(json_integer_value(json_object_get(idx, "outDiff")), 0, "differing lines marked");
	cr_expect_gt(json_integer_value(json_object_get(idx, "marks")), 0, "differing bytes highlighted");

	/* The injected call labelled with what was injected. */
	json_t *inj = page_of(result, "mmap-error-exit0");
	cr_expect_str_eq(status_of(inj, "error-mmap"), "fail");
	json_t *label = json_array_get(json_object_get(inj, "injected"), 0);
	cr_expect(json_is_string(label) && strstr(json_string_value(label), "ENOMEM"), "the injected mmap is labelled");

	/* Valgrind's finding beside the submission's line. */
	json_t *vg = page_of(result, "uninit-read");
	cr_expect_str_eq(status_of(vg, "valgrind"), "fail");
	cr_expect_gt(json_integer_value(json_object_get(vg, "findings")), 0, "the cited finding shows its source line");

	/* Lab 2: the 11 bytes written; a short file's greeting past its end highlighted. */
	json_t *ws = page_of(result, "write-solution");
	cr_expect_geq(json_integer_value(json_object_get(ws, "written")), 11, "the greeting's bytes marked as written");
	json_t *past = page_of(result, "write-past-end");
	cr_expect_str_eq(status_of(past, "short-file"), "fail");
	cr_expect_gt(json_integer_value(json_object_get(past, "citedPast")), 0, "the bytes past the end highlighted");

	/* A program's <script> is text: it did not run, and the title is the page's own. */
	json_t *scr = page_of(result, "script");
	cr_expect(json_is_true(json_object_get(scr, "scriptText")), "the output shown as text");
	cr_expect_null(strstr(json_string_value(json_object_get(scr, "title")), "pwned"));
	cr_expect_eq(json_integer_value(json_object_get(scr, "onerror")), 0, "no onerror attribute from the output");
	cr_expect_eq(json_integer_value(json_object_get(scr, "imgs")), 0, "no <img> element from the output");
	cr_expect(json_is_true(json_object_get(scr, "korean")), "Korean on stderr shown as Korean");
	cr_expect(json_is_true(json_object_get(scr, "escapedBytes")), "an invalid byte and a NUL shown as \\xNN");

	/* Pages past the caps: what the failing check cites is drawn, and its link lands (badLinks above). */
	json_t *shs = page_of(result, "share-solution");
	cr_expect_eq(json_array_size(json_object_get(shs, "cited")), 0, "the share-map solution: nothing marked");
	json_t *thr = page_of(result, "threads");
	cr_expect_str_eq(status_of(thr, "mmap"), "fail");
	cr_expect(any_cited(thr, "mmap", "mmap("), "the mmap of the 11th thread is on the timeline, marked");
	cr_expect_leq(json_integer_value(json_object_get(thr, "lanes")), 2 * 9, "at most 8 columns per timeline");
	json_t *many = page_of(result, "many-maps");
	cr_expect_str_eq(status_of(many, "munmap"), "fail");
	bool leak_drawn = false;
	size_t i;
	json_t *m;
	json_array_foreach(json_object_get(many, "maps"), i, m)
		leak_drawn |= json_is_true(json_object_get(m, "leak")) &&
		              !strcmp(json_string_value(json_object_get(m, "check")), "munmap");
	cr_expect(leak_drawn, "the 32nd mapping, left behind, drawn and cited");
	cr_expect_gt(json_integer_value(json_object_get(many, "moreBars")), 0, "a note says bars were left out");
	json_t *fds = page_of(result, "many-findings");
	cr_expect_str_eq(status_of(fds, "valgrind"), "fail");
	cr_expect_gt(json_integer_value(json_object_get(fds, "findings")), 0, "the cited leak drawn with its line");

	/* A screenshot, looked at by people (make screenshot puts one in docs-ko). */
	char *shot, *shot_arg, *page_url;
	cr_assert_neq(asprintf(&shot, "%s/munmap-11.png", tmp), -1);
	cr_assert_neq(asprintf(&shot_arg, "--screenshot=%s", shot), -1);
	cr_assert_neq(asprintf(&page_url, "file://%s/munmap-11.html", tmp), -1);
	free(chromium_run(chromium, page_url, profile, shot_arg, "--window-size=1100,1600"));
	struct stat st;
	cr_expect(stat(shot, &st) == 0 && st.st_size > 10000, "a screenshot was taken");

	json_decref(result);
	free(raw);
	free(dom);
	free(url);
	remove_dir(tmp);
}
