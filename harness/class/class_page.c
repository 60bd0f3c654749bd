/* class_page.c - report.html, the class page: one self-contained page for the instructor (inline
 * CSS and JS, no network): the class table, sortable by clicking a header; each check's pass rate as
 * an inline SVG bar chart; every student's text report in a <details> one click away, and a link
 * to the student's page of the grading (report_html.c) beside it.
 * Everything that comes from a student (ids, reasons, reports) is HTML-escaped by sb_html. */
#include "classtable.h"
#include "msg.h"
#include "outdir.h"
#include "report.h"
#include "report_html.h"
#include "text.h"
#include "util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char style[] =
	"body{font-family:system-ui,'Noto Sans KR',sans-serif;margin:2em;color:#222;max-width:75em}\n"
	"table{border-collapse:collapse;margin:1em 0}\n"
	"th,td{border:1px solid #ccc;padding:.2em .5em;text-align:center}\n"
	"th{background:#f2f2f2;cursor:pointer;user-select:none;white-space:nowrap}\n"
	"th[aria-sort=ascending]::after{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}\n"
	"td.id,td.why{text-align:left}td.pass{background:#e3f3e6}td.fail{background:#fbe3e1}td.skip{background:#fdf3d6}\n"
	"tr.error td{color:#777}\n"
	"pre{white-space:pre-wrap;background:#f7f7f7;padding:.8em;border-radius:4px}\n"
	"details{margin:.3em 0}summary{cursor:pointer}\n"
	"svg text{font-size:13px;dominant-baseline:middle}\n";

/* Sorting: a click sorts by the column (numbers first by the highest, text A to Z) and a second
 * click reverses it; ties keep the order by student id. Opening a student's report from the table
 * opens its <details>. With #selftest in the address the page clicks its own headers and writes the
 * resulting orders into #selftest, so that a headless browser's DOM dump can check the sorting. */
static const char script[] =
	"(function(){\n"
	"var table=document.getElementById('class'),body=table.tBodies[0];\n"
	"var heads=table.tHead.rows[0].cells;\n"
	"Array.prototype.forEach.call(body.rows,function(r,i){r.dataset.index=i;});\n"
	"function key(r,i,num){var v=r.cells[i].getAttribute('data-v')||'';return num?parseFloat(v):v;}\n"
	"function sortBy(th){\n"
	" var i=th.cellIndex,num=th.getAttribute('data-type')==='num',now=th.getAttribute('aria-sort');\n"
	" var dir=now?(now==='ascending'?'descending':'ascending'):(num?'descending':'ascending');\n"
	" Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});\n"
	" th.setAttribute('aria-sort',dir);\n"
	" var rows=Array.prototype.slice.call(body.rows);\n"
	" rows.sort(function(a,b){var x=key(a,i,num),y=key(b,i,num);\n"
	"  var c=num?x-y:(x<y?-1:x>y?1:0);if(dir==='descending')c=-c;\n"
	"  return c||a.dataset.index-b.dataset.index;});\n"
	" rows.forEach(function(r){body.appendChild(r);});\n"
	"}\n"
	"Array.prototype.forEach.call(heads,function(th){\n"
	" th.tabIndex=0;th.addEventListener('click',function(){sortBy(th);});\n"
	" th.addEventListener('keydown',function(e){if(e.key==='Enter')sortBy(th);});\n"
	"});\n"
	"function openReport(id){var d=document.getElementById(id);if(d&&d.tagName==='DETAILS')d.open=true;}\n"
	"Array.prototype.forEach.call(document.querySelectorAll('a.report'),function(a){\n"
	" a.addEventListener('click',function(){openReport(a.getAttribute('href').slice(1));});});\n"
	"if(location.hash&&location.hash!=='#selftest')openReport(location.hash.slice(1));\n"
	"if(location.hash==='#selftest'){\n"
	" var order=function(){return Array.prototype.map.call(body.rows,function(r){return r.dataset.student;});};\n"
	" var out={};\n"
	" Array.prototype.forEach.call(heads,function(th){\n"
	"  var name=th.getAttribute('data-key');th.click();out[name+':first']=order();\n"
	"  th.click();out[name+':second']=order();});\n"
	" var t=document.getElementById('selftest');t.textContent=JSON.stringify(out);t.hidden=false;\n"
	"}\n"
	"})();\n";

/* The numeric sort key of a cell: passed checks above failed ones above skipped ones. */
static int cell_rank(enum cell c)
{
	return c == CELL_PASS ? 2 : c == CELL_FAIL ? 1 : c == CELL_SKIP ? 0 : -1;
}


/* The headline: counts, mean and seed of the class. */
static void html_head(struct strbuf *sb, const struct class_table *t)
{
	size_t graded = 0;
	long total = 0;
	const struct class_row *seeded = NULL;

	for (size_t i = 0; i < t->n; i++)
		if (t->rows[i].state == ROW_GRADED) {
			graded++;
			total += t->rows[i].score;
			if (!seeded)
				seeded = &t->rows[i];
		}
	sb_puts(sb, "<h1>");
	page_msg(sb, M_HTML_TITLE, t->lab->name);
	sb_puts(sb, "</h1>\n<p>");
	page_msg(sb, M_BATCH_SUMMARY_HEAD, t->lab->name, t->n, graded, t->n - graded);
	if (graded) {
		sb_puts(sb, " &middot; ");
		page_msg(sb, M_BATCH_SUMMARY_MEAN, (double)total / (double)graded, t->max_score);
	}
	if (seeded) {
		sb_puts(sb, " &middot; ");
		page_msg(sb, M_REPORT_SEED, (unsigned long long)seeded->seed);
	}
	sb_puts(sb, "</p>\n");
}

/* Each check's pass rate among the graded students, as horizontal bars. */
static void html_chart(struct strbuf *sb, const struct class_table *t)
{
	const int row_h = 24, label_w = 110, bar_w = 360;
	size_t graded = 0;

	for (size_t i = 0; i < t->n; i++)
		graded += t->rows[i].state == ROW_GRADED;
	sb_puts(sb, "<h2>");
	page_msg(sb, M_HTML_PASS_RATES);
	sb_printf(sb, "</h2>\n<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">\n",
	          label_w + bar_w + 130, row_h * (int)t->lab->check_count + 4);
	for (size_t k = 0; k < t->lab->check_count; k++) {
		size_t passed = 0;
		for (size_t i = 0; i < t->n; i++)
			passed += t->rows[i].state == ROW_GRADED && t->rows[i].cells[k] == CELL_PASS;
		double rate = graded ? (double)passed / (double)graded : 0;
		int y = (int)k * row_h + 2;
		sb_printf(sb, "<g class=\"bar\" data-check=\"%s\" data-passed=\"%zu\" data-graded=\"%zu\">", t->lab->checks[k].id,
		          passed, graded);
		sb_printf(sb, "<text x=\"0\" y=\"%d\">%s</text>", y + row_h / 2, t->lab->checks[k].id);
		sb_printf(sb, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#eee\"/>", label_w, y + 3, bar_w,
		          row_h - 6);
		sb_printf(sb, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4a9d5b\"/>", label_w, y + 3,
		          rate * bar_w, row_h - 6);
		sb_printf(sb, "<text x=\"%d\" y=\"%d\">%zu/%zu (%.0f%%)</text></g>\n", label_w + bar_w + 8, y + row_h / 2,
		          passed, graded, rate * 100);
	}
	sb_puts(sb, "</svg>\n");
}

/* A link to the student's page of the grading (ID.page.html, beside this page), when it is there: the
 * id percent-encoded, so that any name stays one relative address. */
static void page_link(struct strbuf *sb, const struct class_row *r, const char *root)
{
	char *path = outdir_file(root, r->id, STUDENT_PAGE_EXT);
	struct stat st;

	if (r->state == ROW_GRADED && stat(path, &st) == 0) {
		sb_puts(sb, " <a class=\"page\" href=\"");
		for (const unsigned char *p = (const unsigned char *)r->id; *p; p++) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			    strchr("-_.~", *p))
				sb_putc(sb, (char)*p);
			else
				sb_printf(sb, "%%%02X", *p);
		}
		sb_puts(sb, "." STUDENT_PAGE_EXT "\">");
		page_msg(sb, M_PAGE_LINK);
		sb_puts(sb, "</a>");
	}
	free(path);
}

/* One row of the class table. */
static void html_row(struct strbuf *sb, const struct class_table *t, const struct class_row *r, size_t index,
                     const char *root)
{
	bool graded = r->state == ROW_GRADED;

	sb_puts(sb, "<tr data-student=\"");
	sb_html(sb, r->id);
	sb_printf(sb, "\"%s><td class=\"id\" data-v=\"", graded ? "" : " class=\"error\"");
	sb_html(sb, r->id);
	sb_printf(sb, "\"><a class=\"report\" href=\"#s%zu\">", index);
	sb_html(sb, r->id);
	sb_puts(sb, "</a>");
	page_link(sb, r, root);
	sb_puts(sb, "</td>");
	if (graded)
		sb_printf(sb, "<td data-v=\"%d\">%d/%d</td>", r->score, r->score, r->max_score);
	else
		sb_puts(sb, "<td data-v=\"-1\">&ndash;</td>");
	for (size_t k = 0; k < t->lab->check_count; k++) {
		enum cell c = r->cells[k];
		sb_printf(sb, "<td class=\"%s\" data-v=\"%d\">", cell_id(c), cell_rank(c));
		if (c != CELL_NONE)
			sb_html(sb, status_word(c == CELL_PASS ? CHECK_PASS : c == CELL_FAIL ? CHECK_FAIL : CHECK_SKIP));
		sb_puts(sb, "</td>");
	}
	sb_puts(sb, "<td class=\"why\" data-v=\"");
	sb_html(sb, graded ? "" : r->error);
	sb_puts(sb, "\">");
	sb_html(sb, graded ? "" : r->error);
	sb_puts(sb, "</td></tr>\n");
}

/* The sortable table of the class. */
static void html_table(struct strbuf *sb, const struct class_table *t, const char *root)
{
	sb_puts(sb, "<h2>");
	page_msg(sb, M_HTML_CLASS);
	sb_puts(sb, "</h2>\n<p>");
	page_msg(sb, M_HTML_SORT_HINT);
	sb_puts(sb, "</p>\n<table id=\"class\"><thead><tr><th data-type=\"text\" data-key=\"student\">");
	page_msg(sb, M_HTML_STUDENT);
	sb_puts(sb, "</th><th data-type=\"num\" data-key=\"score\">");
	page_msg(sb, M_HTML_SCORE);
	sb_puts(sb, "</th>");
	for (size_t k = 0; k < t->lab->check_count; k++) {
		const struct check_def *c = &t->lab->checks[k];
		sb_printf(sb, "<th data-type=\"num\" data-key=\"%s\" title=\"", c->id);
		page_msg(sb, M_HTML_CHECK_TITLE, msg(c->title), c->points);
		sb_printf(sb, "\">%s</th>", c->id);
	}
	sb_puts(sb, "<th data-type=\"text\" data-key=\"error\">");
	page_msg(sb, M_HTML_ERROR);
	sb_puts(sb, "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < t->n; i++)
		html_row(sb, t, &t->rows[i], i, root);
	sb_puts(sb, "</tbody></table>\n");
}

/* Every student's text report (or why there is none), collapsed. */
static void html_reports(struct strbuf *sb, const struct class_table *t, const char *root)
{
	sb_puts(sb, "<h2>");
	page_msg(sb, M_HTML_REPORTS);
	sb_puts(sb, "</h2>\n");
	for (size_t i = 0; i < t->n; i++) {
		const struct class_row *r = &t->rows[i];
		char *path = outdir_file(root, r->id, "txt"), *text = NULL;
		size_t len;

		sb_printf(sb, "<details id=\"s%zu\"><summary>", i);
		sb_html(sb, r->id);
		if (r->state == ROW_GRADED)
			sb_printf(sb, " &middot; %d/%d", r->score, r->max_score);
		sb_puts(sb, "</summary><pre>");
		if (r->state == ROW_GRADED && read_file(path, 4 << 20, &text, &len, NULL) == 0)
			sb_html(sb, text);
		else
			sb_html(sb, r->error ? r->error : "");
		sb_puts(sb, "</pre></details>\n");
		free(text);
		free(path);
	}
}

/* Writes the whole page for table t, reading the students' reports from root. */
int class_page_write(FILE *f, const struct class_table *t, const char *root)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_printf(&sb, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
	          msg_lang() == LANG_EN ? "en" : "ko");
	sb_puts(&sb, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	page_msg(&sb, M_HTML_TITLE, t->lab->name);
	sb_printf(&sb, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	html_head(&sb, t);
	html_chart(&sb, t);
	html_table(&sb, t, root);
	html_reports(&sb, t, root);
	sb_printf(&sb, "<pre id=\"selftest\" hidden></pre>\n<script>\n%s</script>\n</body>\n</html>\n", script);
	size_t written = fwrite(sb.data, 1, sb.len, f);
	int rc = written == sb.len ? 0 : -1;
	sb_free(&sb);
	return rc;
}
