/* report_html.c - one grading as a self-contained page (inline CSS and SVG; no script, no network):
 * the verdict with each check linked to what it cites, then each run: its calls on the input file
 * as a timeline across processes and threads, how it ended, the file and its mappings to scale
 * (report_html_map.c), the bytes it changed, Valgrind's findings beside the submission's lines, and
 * the output around its first difference. Built from the grade_result the text report prints; the
 * checks' evidence references (check.h) say what to mark. Everything from the student is escaped
 * (sb_html_n: markup as entities, control bytes and invalid UTF-8 as \xNN, Korean kept), and every
 * part is capped so that a program that floods its output or calls mmap in a loop still gives a page
 * of a few hundred kilobytes; what a check cites is drawn whatever the caps, every link lands on
 * something drawn, and a note says how much was left out. */
#define _GNU_SOURCE
#include "report_html.h"
#include "build.h"
#include "judges.h"
#include "msg.h"
#include "rules.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TIMELINE_MAX_ROWS 120
#define CALL_TEXT_MAX 240
#define EVIDENCE_MAX 6000
#define STREAM_MAX_LINES 12
#define STREAM_MAX_BYTES 1500
#define FINDINGS_MAX 20
#define SOURCE_CONTEXT 3
#define OUTPUT_WINDOW 21
#define LINE_MAX_SHOWN 200
#define LANES_MAX 8         /* columns of the timeline, the last one "other processes" when more */

static const char style[] =
	":root{--fg:#1d1d1f;--bg:#fff;--muted:#666;--line:#ccc;--box:#f5f5f7;--pass:#2e7d32;--fail:#c62828;"
	"--skip:#a06800;--passbg:#e6f4e7;--failbg:#fde8e7;--skipbg:#fdf3d6;--map:#3f6fb5;--span:#c9d9f0;"
	"--msync:#7b4fa8;--munmap:#2b8a7e;--zero:#eee;--mark:#ffe08a}\n"
	"@media (prefers-color-scheme:dark){:root{--fg:#e8e8ea;--bg:#17181a;--muted:#aaa;--line:#444;--box:#222428;"
	"--pass:#7bc47f;--fail:#ff8a80;--skip:#e0b050;--passbg:#1f3322;--failbg:#3d2020;--skipbg:#3a3018;"
	"--map:#7aa7e8;--span:#2c3b52;--msync:#b690e0;--munmap:#5cc2b5;--zero:#2a2a2a;--mark:#6b5a10}}\n"
	"body{font-family:system-ui,'Noto Sans KR',sans-serif;margin:1.5em auto;padding:0 1em;max-width:72em;"
	"color:var(--fg);background:var(--bg);line-height:1.45}\n"
	"h1{font-size:1.5em}h2{border-bottom:1px solid var(--line);padding-bottom:.2em;margin-top:1.6em}\n"
	"h3{margin-top:1.4em}a{color:var(--map)}code,pre,.hex{font-family:ui-monospace,'DejaVu Sans Mono',monospace}\n"
	"pre{white-space:pre-wrap;word-break:break-all;background:var(--box);padding:.6em;border-radius:4px;font-size:.88em}\n"
	".score{font-size:1.3em;font-weight:bold}.muted,.sub,figcaption{color:var(--muted);font-size:.9em}\n"
	"table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid var(--line);padding:.2em .45em;vertical-align:top}\n"
	"th{background:var(--box);text-align:left}\n"
	".st{font-weight:bold;white-space:nowrap}.st.pass{color:var(--pass)}.st.fail{color:var(--fail)}.st.skip{color:var(--skip)}\n"
	"tr.check.fail{background:var(--failbg)}tr.check.skip{background:var(--skipbg)}\n"
	".ev{margin:.3em 0 0;font-size:.85em;white-space:pre-wrap;font-family:ui-monospace,'DejaVu Sans Mono',monospace}.ev a{text-decoration:none}.ev a::before{content:'\\2192  '}\n"
	":target{outline:3px solid var(--mark);outline-offset:2px}\n"
	"table.timeline td{font-family:ui-monospace,monospace;font-size:.82em;max-width:40em;word-break:break-all}\n"
	"table.timeline td.call.cited{background:var(--failbg);border:2px solid var(--fail)}\n"
	"table.timeline td.call.injected{background:var(--skipbg)}\n"
	".badge{display:inline-block;font-family:system-ui,sans-serif;font-weight:bold;font-size:.85em;padding:0 .4em;"
	"margin-right:.4em;border-radius:3px;color:var(--bg);background:var(--fail)}\n"
	".inj{display:block;font-family:system-ui,sans-serif;color:var(--skip);font-weight:bold}\n"
	".gap td,.gap th{border:none;color:var(--muted)}\n"
	"svg{max-width:100%;height:auto;display:block;margin:.4em 0}svg text{font-size:11px;fill:var(--fg)}\n"
	"svg .tick{fill:var(--muted);font-size:10px}\n"
	"svg .page{fill:var(--box);stroke:var(--muted);stroke-width:.6}svg .page.beyond{fill:none;stroke-dasharray:3 2}\n"
	"svg .zero{fill:var(--zero);opacity:.85}svg .eof line{stroke:var(--fail);stroke-width:2}svg line.eof{stroke:var(--fail);stroke-width:2}\n"
	"svg .map .span{fill:var(--span)}svg .map .bar{fill:var(--map)}svg .map.leak .bar{fill:none;stroke:var(--fail);stroke-width:2;stroke-dasharray:5 3}\n"
	"svg .msync .bar{fill:var(--msync)}svg .munmap .bar{fill:var(--munmap)}svg .msync .span{fill:none}\n"
	"svg .munmap .span{fill:var(--munmap);opacity:.3}\n"
	"svg .cited .bar{stroke:var(--fail);stroke-width:2.5}svg .cited text{fill:var(--fail);font-weight:bold}\n"
	"svg .cell rect{fill:var(--box);stroke:var(--line)}svg .cell.past rect{fill:var(--zero);stroke-dasharray:2 2}\n"
	"svg .cell.cite rect{fill:var(--failbg);stroke:var(--fail);stroke-width:2}\n"
	"svg .cell text{text-anchor:middle;font-family:monospace}svg .end line{stroke:var(--map);stroke-width:1.5}\n"
	"svg .end.cited line{stroke:var(--fail)}\n"
	"ul.maplist{font-size:.85em;font-family:ui-monospace,monospace}\n"
	"table.hex td{font-size:.8em;text-align:center;min-width:1.6em;padding:.1em .2em}table.hex td.txt{text-align:left}\n"
	"table.hex tr.after td{border-bottom:2px solid var(--line)}\n"
	".w{background:var(--passbg);font-weight:bold}.past{background:var(--zero);outline:1px dashed var(--muted)}\n"
	".cite{background:var(--failbg);outline:2px solid var(--fail)}.none{color:var(--muted)}\n"
	".legend span{padding:0 .4em;margin-right:.6em}\n"
	".src{border-left:3px solid var(--line);padding-left:.5em}.src .hl{background:var(--failbg);display:block}\n"
	"table.out td{font-family:ui-monospace,monospace;font-size:.82em;white-space:pre-wrap;word-break:break-all}\n"
	"table.out tr.diff td{background:var(--failbg)}mark{background:var(--mark);color:inherit}\n"
	"@media print{body{max-width:none;margin:0}nav{display:none}section.run{break-inside:avoid-page}"
	"a{color:inherit;text-decoration:none}:target{outline:none}}\n";

void page_msg(struct strbuf *sb, enum msg_id m, ...)
{
	struct strbuf text;
	va_list ap;

	sb_init(&text);
	va_start(ap, m);
	sb_vprintf(&text, msg(m), ap);
	va_end(ap);
	sb_html(sb, text.data);
	sb_free(&text);
}

int page_run_of_event(const struct grade_result *r, const struct trace_event *e)
{
	for (size_t i = 0; i < r->lab->run_count; i++) {
		const struct trace *t = &r->ev.runs[i].trace;

		if (r->ev.runs[i].traced && t->count && e >= t->events && e < t->events + t->count)
			return (int)i;
	}
	return -1;
}

size_t page_citing_event(struct strbuf *sb, const struct grade_result *r, const struct trace_event *e)
{
	size_t n = 0;

	for (size_t c = 0; c < r->count; c++) {
		const struct check_result *res = &r->checks[c];

		if (res->status == CHECK_PASS)
			continue;
		for (size_t k = 0; k < res->ref_count; k++)
			if (res->refs[k].kind == REF_EVENT && res->refs[k].event == e) {
				if (n++)
					sb_putc(sb, ' ');
				sb_html(sb, res->def->id);
				break;
			}
	}
	return n;
}

/* Whether any check, passed or not, cites e (REF_EVENT): its evidence links to it. */
static bool event_referenced(const struct grade_result *r, const struct trace_event *e)
{
	for (size_t c = 0; c < r->count; c++)
		for (size_t k = 0; k < r->checks[c].ref_count; k++)
			if (r->checks[c].refs[k].kind == REF_EVENT && r->checks[c].refs[k].event == e)
				return true;
	return false;
}

/* Whether any check cites finding f. */
static bool finding_referenced(const struct grade_result *r, const struct memcheck_finding *f)
{
	for (size_t c = 0; c < r->count; c++)
		for (size_t k = 0; k < r->checks[c].ref_count; k++)
			if (r->checks[c].refs[k].kind == REF_FINDING && r->checks[c].refs[k].finding == f)
				return true;
	return false;
}

/* The run whose finding f is, by address, or -1; *index gets f's index. */
static int run_of_finding(const struct grade_result *r, const struct memcheck_finding *f, size_t *index)
{
	for (size_t i = 0; i < r->lab->run_count; i++) {
		const struct memcheck_report *rep = &r->ev.runs[i].report;

		if (r->ev.runs[i].memchecked && rep->count && f >= rep->findings && f < rep->findings + rep->count) {
			*index = (size_t)(f - rep->findings);
			return (int)i;
		}
	}
	return -1;
}

/* The run whose file after it (REF_BYTES) or output (REF_OUTPUT) bytes is, or -1. */
static int run_of_bytes(const struct grade_result *r, const char *bytes)
{
	for (size_t i = 0; i < r->lab->run_count; i++)
		if (bytes && (bytes == r->ev.runs[i].after || bytes == r->ev.runs[i].res.out))
			return (int)i;
	return -1;
}

/* The anchor a reference points at ("" when it cannot be placed). */
static void ref_anchor(struct strbuf *sb, const struct grade_result *r, const struct check_result *c,
                       const struct evidence_ref *ref)
{
	size_t index = 0;
	int i;

	switch (ref->kind) {
	case REF_RUN:
		if (ref->run && ref->run->def)
			sb_printf(sb, "#run-%s", ref->run->def->name);
		break;
	case REF_EVENT:
		if ((i = page_run_of_event(r, ref->event)) >= 0)
			sb_printf(sb, "#r%de%zu", i, ref->event->seq);
		break;
	case REF_FINDING:
		if ((i = run_of_finding(r, ref->finding, &index)) >= 0)
			sb_printf(sb, "#r%df%zu", i, index);
		break;
	case REF_BYTES:
		if ((i = run_of_bytes(r, ref->bytes)) >= 0)
			sb_printf(sb, "#r%dbytes", i);
		break;
	case REF_OUTPUT:
		sb_printf(sb, "#out-%s", c->def->id);
		break;
	}
}

/* Where a check without references is judged: its first declared run that was made. */
static const char *first_run_of(const struct grade_result *r, const struct check_def *c)
{
	for (size_t i = 0; i < r->lab->run_count; i++)
		if ((c->runs & RUN_BIT(i)) && r->ev.runs[i].performed)
			return r->lab->runs[i].name;
	return NULL;
}

/* Appends s[0..n) as one escaped line (sb_html_n), cut at max bytes on a character's boundary and
 * then marked with an ellipsis. */
static void html_line(struct strbuf *sb, const char *s, size_t n, size_t max)
{
	size_t keep = utf8_cut(s, n, max);

	sb_html_n(sb, s, keep);
	if (keep < n)
		sb_puts(sb, "&hellip;");
}

/* The evidence of a check, line by line, each line that cites something linked to it. */
static void html_evidence(struct strbuf *sb, const struct grade_result *r, const struct check_result *c)
{
	const char *text = c->evidence.data;
	size_t len = c->evidence.len, pos = 0;

	if (!len)
		return;
	sb_puts(sb, "<div class=\"ev\">");
	while (pos < len && pos < EVIDENCE_MAX) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		const struct evidence_ref *ref = NULL;

		for (size_t k = 0; k < c->ref_count && !ref; k++)
			if (c->refs[k].at == pos)
				ref = &c->refs[k];
		struct strbuf anchor;
		sb_init(&anchor);
		if (ref)
			ref_anchor(&anchor, r, c, ref);
		if (anchor.len) {
			sb_puts(sb, "<a href=\"");
			sb_puts(sb, anchor.data);
			sb_puts(sb, "\">");
		}
		html_line(sb, text + pos, end - pos, LINE_MAX_SHOWN * 2);
		if (anchor.len)
			sb_puts(sb, "</a>");
		sb_puts(sb, "<br>");
		sb_free(&anchor);
		pos = end + 1;
	}
	if (pos < len) {
		page_msg(sb, M_PAGE_CUT);
	}
	sb_puts(sb, "</div>");
}

static void html_verdict(struct strbuf *sb, const struct grade_result *r)
{
	sb_puts(sb, "<section id=\"verdict\"><h2>");
	page_msg(sb, M_PAGE_VERDICT);
	sb_puts(sb, "</h2>\n<p class=\"score\">");
	page_msg(sb, M_REPORT_SCORE, r->score, r->max_score);
	if (r->passed) {
		sb_puts(sb, " &middot; <span class=\"st pass\">");
		page_msg(sb, M_REPORT_ALL_PASSED);
		sb_puts(sb, "</span>");
	}
	sb_puts(sb, "</p>\n<table class=\"checks\">\n");
	for (size_t i = 0; i < r->count; i++) {
		const struct check_result *c = &r->checks[i];
		const char *id = status_id(c->status);

		sb_printf(sb, "<tr class=\"check %s\" id=\"check-%s\" data-status=\"%s\"><td class=\"st %s\">", id,
		          c->def->id, id, id);
		sb_html(sb, status_word(c->status));
		sb_printf(sb, "</td><td><code>%s</code></td><td>%d/%d</td><td>", c->def->id, c->score, c->def->points);
		sb_html(sb, c->message ? c->message : "");
		if (c->note) {
			sb_puts(sb, "<div class=\"muted\">");
			sb_html(sb, c->note);
			sb_puts(sb, "</div>");
		}
		html_evidence(sb, r, c);
		if (c->status == CHECK_FAIL && c->expected) {
			sb_puts(sb, "<div class=\"muted\">");
			page_msg(sb, M_REPORT_EXPECTED);
			sb_html(sb, c->expected);
			sb_puts(sb, "</div>");
		}
		if (c->status == CHECK_FAIL && c->hint) {
			sb_puts(sb, "<div class=\"muted\">");
			page_msg(sb, M_REPORT_HINT);
			sb_html(sb, c->hint);
			sb_puts(sb, "</div>");
		}
		/* A check whose evidence cites nothing still links to the run it judged. */
		const char *run = first_run_of(r, c->def);
		if (!c->ref_count && run && c->status != CHECK_PASS)
			sb_printf(sb, "<div class=\"ev\"><a href=\"#run-%s\">%s</a></div>", run, run);
		sb_puts(sb, "</td></tr>\n");
	}
	sb_puts(sb, "</table></section>\n");
}

/* Whether e belongs on the timeline: a call on the input file, how a process ended or was
 * signalled, a process made, an injected failure, a message on standard error, exit_group. */
static bool on_timeline(const struct trace_event *e)
{
	if (e->kind == TRACE_EXIT || e->kind == TRACE_KILLED || e->kind == TRACE_SIGNAL)
		return true;
	if (e->kind != TRACE_CALL || !e->name)
		return false;
	if (e->injected)
		return true;
	if (!strcmp(e->name, "exit_group") || trace_call_makes_process(e))
		return true;
	return (!strcmp(e->name, "write") || !strcmp(e->name, "writev")) && e->nargs > 0 && e->args[0].fd == 2;
}

static void mark_view(const struct run_evidence *run, bool *shown)
{
	const struct lab_view *v = &run->view;
	const struct trace_event *base = run->trace.events;

#define MARK(e) do { if (e) shown[(e) - base] = true; } while (0)
	for (size_t k = 0; k < v->open_count; k++)
		MARK(v->opens[k].call);
	for (size_t k = 0; k < v->size_count; k++)
		MARK(v->sizes[k]);
	for (size_t k = 0; k < v->map_count; k++)
		MARK(v->maps[k].call);
	for (size_t k = 0; k < v->msync_count; k++)
		MARK(v->msyncs[k]);
	for (size_t k = 0; k < v->munmap_count; k++)
		MARK(v->munmaps[k]);
	for (size_t k = 0; k < v->close_count; k++)
		MARK(v->closes[k]);
	for (size_t k = 0; k < v->left_open_count; k++)
		MARK(v->left_open[k].made_by);
	MARK(v->fatal_signal);
#undef MARK
}

/* The pids of the timeline's columns: the program's own first, then those of the calls a check
 * cites, then the others in order of their first shown event. When there are more than LANES_MAX,
 * the first LANES_MAX - 1 get a column each and *other is set: the rest share the last column. */
static size_t lanes_of(const struct grade_result *r, const struct run_evidence *run, const bool *shown, int *pids,
                       bool *other)
{
	const struct trace *t = &run->trace;
	int *all = xcalloc(t->count + 1, sizeof *all);
	size_t n = 0;

	if (run->view.main_pid)
		all[n++] = run->view.main_pid;
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < t->count; k++) {
			if (!shown[k] || (pass == 0 && !event_referenced(r, &t->events[k])))
				continue;
			bool known = false;
			for (size_t l = 0; l < n && !known; l++)
				known = all[l] == t->events[k].pid;
			if (!known)
				all[n++] = t->events[k].pid;
		}
	*other = n > LANES_MAX;
	if (*other)
		n = LANES_MAX - 1;
	memcpy(pids, all, n * sizeof *pids);
	free(all);
	return n;
}

/* The timeline of run i; returns which of its events have a row (an array of the trace's length,
 * the caller frees it), so that nothing else links to a row that is not there. */
static bool *html_timeline(struct strbuf *sb, const struct grade_result *r, size_t i)
{
	const struct run_evidence *run = &r->ev.runs[i];
	const struct trace *t = &run->trace;
	bool *shown = xcalloc(t->count ? t->count : 1, sizeof *shown);
	bool *drawn = xcalloc(t->count ? t->count : 1, sizeof *drawn);
	int pids[LANES_MAX];
	bool other = false;

	mark_view(run, shown);
	size_t lab_calls = 0;
	for (size_t k = 0; k < t->count; k++)
		lab_calls += shown[k];
	for (size_t k = 0; k < t->count; k++)
		if (on_timeline(&t->events[k]) || event_referenced(r, &t->events[k]))
			shown[k] = true;
	sb_puts(sb, "<h4>");
	page_msg(sb, M_PAGE_TIMELINE);
	sb_puts(sb, "</h4>\n");
	if (!lab_calls) {
		sb_puts(sb, "<p class=\"muted\">");
		page_msg(sb, M_PAGE_NO_CALLS);
		sb_puts(sb, "</p>\n");
	}
	size_t named = lanes_of(r, run, shown, pids, &other), lanes = named + other;
	sb_printf(sb, "<table class=\"timeline\" id=\"r%zutimeline\"><thead><tr><th>#</th>", i);
	for (size_t l = 0; l < named; l++) {
		sb_puts(sb, "<th>");
		page_msg(sb, pids[l] == run->view.main_pid ? M_PAGE_MAIN_PROCESS : M_PAGE_PROCESS, pids[l]);
		sb_puts(sb, "</th>");
	}
	if (other) {
		sb_puts(sb, "<th>");
		page_msg(sb, M_PAGE_OTHER_PROCESSES);
		sb_puts(sb, "</th>");
	}
	sb_puts(sb, "</tr></thead><tbody>\n");
	size_t rows = 0, left_out = 0;
	for (size_t k = 0; k < t->count; k++) {
		const struct trace_event *e = &t->events[k];
		size_t lane = named;   /* the "other processes" column unless it has its own */

		if (!shown[k])
			continue;
		for (size_t l = 0; l < named; l++)
			if (pids[l] == e->pid)
				lane = l;
		/* Past the cap only what a check cites: every link of the verdict lands on a row. */
		if (rows >= TIMELINE_MAX_ROWS && !event_referenced(r, e)) {
			left_out++;
			continue;
		}
		struct strbuf ids;
		sb_init(&ids);
		size_t cited = page_citing_event(&ids, r, e);
		drawn[k] = true;
		rows++;
		sb_printf(sb, "<tr><td class=\"muted\">%zu</td>", e->seq);
		for (size_t l = 0; l < lane; l++)
			sb_puts(sb, "<td></td>");
		sb_printf(sb, "<td class=\"call%s%s\" id=\"r%zue%zu\"", cited ? " cited" : "", e->injected ? " injected" : "",
		          i, e->seq);
		if (cited)
			sb_printf(sb, " data-check=\"%s\"", ids.data);
		sb_puts(sb, ">");
		if (cited)
			sb_printf(sb, "<span class=\"badge\">%s</span>", ids.data);
		if (lane == named)
			sb_printf(sb, "[pid %d] ", e->pid);
		/* strace already escaped what the program passed; only markup is left to escape. */
		const char *text = call_text(e);
		html_line(sb, text, strlen(text), CALL_TEXT_MAX);
		if (e->injected && run->def->inject_call) {
			sb_puts(sb, "<span class=\"inj\">");
			page_msg(sb, M_PAGE_INJECTED, run->def->inject_call, run->def->inject_error);
			sb_puts(sb, "</span>");
		}
		sb_puts(sb, "</td>");
		for (size_t l = lane + 1; l < lanes; l++)
			sb_puts(sb, "<td></td>");
		sb_puts(sb, "</tr>\n");
		sb_free(&ids);
	}
	sb_puts(sb, "</tbody></table>\n");
	if (left_out) {
		sb_puts(sb, "<p class=\"muted more-rows\">");
		page_msg(sb, M_PAGE_MORE_ROWS, left_out);
		sb_puts(sb, "</p>\n");
	}
	free(shown);
	return drawn;
}

/* The first lines of a stream (or its last, for standard error: why a program stopped). */
static void html_stream(struct strbuf *sb, enum msg_id label, const char *s, size_t len, bool tail)
{
	size_t from = 0, to = len, lines = 0;

	sb_puts(sb, "<div class=\"stream\"><span class=\"muted\">");
	page_msg(sb, label);
	sb_puts(sb, "</span>");
	if (!len) {
		sb_puts(sb, " <span class=\"muted\">");
		page_msg(sb, M_PAGE_EMPTY_STREAM);
		sb_puts(sb, "</span></div>\n");
		return;
	}
	if (tail) {
		from = len > STREAM_MAX_BYTES ? len - STREAM_MAX_BYTES : 0;
		for (size_t k = len; k > from; k--)
			if (s[k - 1] == '\n' && k != len && ++lines >= STREAM_MAX_LINES) {
				from = k;
				break;
			}
		/* Not in the middle of a character. */
		for (int k = 0; k < 3 && from > 0 && from < len && ((unsigned char)s[from] & 0xc0) == 0x80; k++)
			from++;
	} else {
		to = utf8_cut(s, len, STREAM_MAX_BYTES);
		for (size_t k = 0; k < to; k++)
			if (s[k] == '\n' && ++lines >= STREAM_MAX_LINES) {
				to = k + 1;
				break;
			}
	}
	sb_puts(sb, "<pre>");
	if (from > 0)
		sb_puts(sb, "&hellip;\n");
	for (size_t p = from; p < to;) {
		const char *nl = memchr(s + p, '\n', to - p);
		size_t end = nl ? (size_t)(nl - s) : to;
		html_line(sb, s + p, end - p, LINE_MAX_SHOWN);
		sb_putc(sb, '\n');
		p = end + 1;
	}
	if (to < len)
		sb_puts(sb, "&hellip;");
	sb_puts(sb, "</pre></div>\n");
}

/* How a run ended: the same words as the text report's evidence. */
static void html_outcome(struct strbuf *sb, const struct run_evidence *run)
{
	const struct run_result *res = &run->res;

	sb_puts(sb, "<p class=\"outcome\"><strong>");
	if (!res->started)
		page_msg(sb, M_EV_NOT_STARTED, res->start_step ? res->start_step : "execve");
	else if (res->timed_out)
		page_msg(sb, M_EV_TIMED_OUT, run->def->tool == TOOL_MEMCHECK ? "Valgrind" : run->def->tool == TOOL_STRACE ? "strace" : "-",
		         (int)(res->wall_seconds + 0.5));
	else if (res->output_capped)
		page_msg(sb, M_EV_OUTPUT_CAPPED);
	else if (res->signaled)
		page_msg(sb, M_EV_SIGNALED, signal_name(res->term_signal));
	else if (res->exited)
		page_msg(sb, M_EV_EXITED, res->exit_code);
	sb_puts(sb, "</strong> &middot; ");
	page_msg(sb, M_PAGE_SECONDS, res->wall_seconds);
	sb_puts(sb, "</p>\n");
	html_stream(sb, M_PAGE_STDOUT, res->out, res->out_len, false);
	html_stream(sb, M_PAGE_STDERR, res->err, res->err_len, true);
}

/* The submission's file called base, read (malloc'd) or NULL. */
static char *read_source(const struct grade_result *r, const char *base, size_t *len)
{
	struct sources src;
	enum msg_id why;
	const char *why_arg;
	char *text = NULL;

	if (sources_find(r->submission, &src, &why, &why_arg) == -1)
		return NULL;
	for (size_t k = 0; k < src.count && !text; k++) {
		const char *slash = strrchr(src.files[k], '/');
		if (!strcmp(slash ? slash + 1 : src.files[k], base) && read_file(src.files[k], 1 << 20, &text, len, NULL) == -1)
			text = NULL;
	}
	sources_free(&src);
	return text;
}

static void html_source(struct strbuf *sb, const struct grade_result *r, const struct memcheck_frame *where)
{
	size_t len = 0;
	char *text = where && where->file ? read_source(r, where->file, &len) : NULL;

	if (!text) {
		sb_puts(sb, "<p class=\"muted\">");
		page_msg(sb, M_PAGE_NO_SOURCE);
		sb_puts(sb, "</p>");
		return;
	}
	sb_puts(sb, "<pre class=\"src\">");
	size_t first = where->line > SOURCE_CONTEXT ? (size_t)where->line - SOURCE_CONTEXT : 1;
	for (size_t n = first; n <= (size_t)where->line + SOURCE_CONTEXT; n++) {
		const char *line;
		size_t line_len;

		if (nth_line(text, len, n - 1, &line, &line_len) == -1)
			break;
		bool hl = n == (size_t)where->line;
		sb_printf(sb, "%s%4zu  ", hl ? "<span class=\"hl\">" : "", n);
		/* Tabs are kept: they are how the student indented. */
		html_line(sb, line, line_len, LINE_MAX_SHOWN);
		sb_puts(sb, hl ? "</span>" : "\n");
	}
	sb_puts(sb, "</pre>");
	free(text);
}

/* Valgrind's findings of run i: every one a check cites, then those the valgrind check counts, then
 * the others (not inherited descriptors: Valgrind's log and the terminal), FINDINGS_MAX in all
 * besides the cited ones, in Valgrind's order, with a note when some are left out. */
static void html_findings(struct strbuf *sb, const struct grade_result *r, size_t i)
{
	const struct run_evidence *run = &r->ev.runs[i];
	const struct memcheck_report *rep = &run->report;
	bool *want = xcalloc(rep->count ? rep->count : 1, sizeof *want);
	size_t room = FINDINGS_MAX, candidates = 0, shown = 0;

	for (int pass = 0; pass < 3; pass++)
		for (size_t k = 0; k < rep->count; k++) {
			const struct memcheck_finding *f = &rep->findings[k];

			if (want[k] || (f->kind == MEMCHECK_OPEN_FD && f->fd_inherited))
				continue;
			candidates += pass == 0;
			if (pass == 0 && finding_referenced(r, f))
				want[k] = true;
			else if (pass > 0 && room && (pass == 2 || judge_finding_counts(run, f)))
				want[k] = true, room--;
		}
	sb_puts(sb, "<h4>");
	page_msg(sb, M_PAGE_VALGRIND);
	sb_puts(sb, "</h4>\n");
	for (size_t k = 0; k < rep->count; k++) {
		const struct memcheck_finding *f = &rep->findings[k];
		bool cited = false;

		if (!want[k])
			continue;
		shown++;
		for (size_t c = 0; c < r->count; c++)
			for (size_t x = 0; x < r->checks[c].ref_count; x++)
				cited |= r->checks[c].status != CHECK_PASS && r->checks[c].refs[x].kind == REF_FINDING &&
				         r->checks[c].refs[x].finding == f;
		sb_printf(sb, "<div class=\"finding%s\" id=\"r%zuf%zu\"><p>", cited ? " cited" : "", i, k);
		if (cited)
			sb_puts(sb, "<span class=\"badge\">valgrind</span>");
		sb_html(sb, f->title);
		sb_puts(sb, "</p>");
		const struct memcheck_frame *where =
			memcheck_source_frame(f, (const char *const *)r->ev.sources, r->ev.source_count);
		if (where) {
			sb_puts(sb, "<p class=\"muted\"><code>");
			sb_html(sb, where->function ? where->function : "?");
			sb_printf(sb, " (");
			sb_html(sb, where->file);
			sb_printf(sb, ":%d)</code></p>", where->line);
		}
		if (where || f->nframes)
			html_source(sb, r, where);
		sb_puts(sb, "</div>\n");
	}
	if (!shown) {
		sb_puts(sb, "<p class=\"muted\">");
		page_msg(sb, M_PAGE_NO_FINDINGS);
		sb_puts(sb, "</p>\n");
	} else if (candidates > shown) {
		sb_puts(sb, "<p class=\"muted more-findings\">");
		page_msg(sb, M_PAGE_MORE_FINDINGS, candidates - shown);
		sb_puts(sb, "</p>\n");
	}
	free(want);
}

static void html_run(struct strbuf *sb, const struct grade_result *r, size_t i)
{
	const struct run_evidence *run = &r->ev.runs[i];
	const struct run_def *def = &r->lab->runs[i];

	sb_printf(sb, "<section class=\"run\" id=\"run-%s\"><h3>%s</h3>\n<p class=\"muted\">", def->name, def->name);
	page_msg(sb, def->tool == TOOL_STRACE ? M_PAGE_TOOL_STRACE : def->tool == TOOL_MEMCHECK ? M_PAGE_TOOL_MEMCHECK
	                                                                                         : M_PAGE_TOOL_PLAIN);
	sb_puts(sb, "</p>\n");
	if (!run->performed) {
		sb_puts(sb, "<p class=\"muted\">");
		page_msg(sb, run->cancelled ? M_PAGE_RUN_CANCELLED : M_PAGE_RUN_NOT_MADE);
		sb_puts(sb, "</p></section>\n");
		return;
	}
	/* The picture first, then how the run ended and what it printed. */
	bool *drawn = run->traced ? html_timeline(sb, r, i) : NULL;
	if (run->traced && run->before && (run->view.map_count || i == 0))
		page_file_map(sb, r, i, drawn);
	free(drawn);
	if (run->before && (r->lab->needs_write || (run->after_exists && (run->after_len != run->before_len ||
	                                                                  memcmp(run->after, run->before, run->before_len)))))
		page_byte_diff(sb, r, i);
	if (run->memchecked)
		html_findings(sb, r, i);
	html_outcome(sb, run);
	sb_puts(sb, "</section>\n");
}

/* Expected beside actual, about 20 lines around the first difference, the differing bytes marked. */
static void html_output_diff(struct strbuf *sb, const struct grade_result *r, const struct check_result *c,
                             const struct evidence_ref *ref)
{
	int i = run_of_bytes(r, ref->bytes);
	const struct run_result *res = i >= 0 ? &r->ev.runs[i].res : NULL;

	if (!res)
		return;
	sb_printf(sb, "<section id=\"out-%s\"><h3>", c->def->id);
	page_msg(sb, M_PAGE_OUTPUT_DIFF);
	sb_printf(sb, " &middot; <code>%s</code> &middot; %s</h3>\n<table class=\"out\"><thead><tr><th>#</th><th>",
	          c->def->id, r->lab->runs[i].name);
	page_msg(sb, M_PAGE_EXPECTED);
	sb_puts(sb, "</th><th>");
	page_msg(sb, M_PAGE_ACTUAL);
	sb_puts(sb, "</th></tr></thead><tbody>\n");
	for (size_t n = 0; n < OUTPUT_WINDOW; n++) {
		size_t line = ref->first_line + n;
		const char *w = "", *g = "";
		size_t wn = 0, gn = 0;
		bool has_w = nth_line(ref->expected, ref->expected_len, n, &w, &wn) == 0;
		bool has_g = nth_line(res->out, res->out_len, line, &g, &gn) == 0;

		if (!has_w && !has_g)
			break;
		bool differ = has_w != has_g || wn != gn || memcmp(w, g, wn);
		sb_printf(sb, "<tr%s><td class=\"muted\">%zu</td><td>", differ ? " class=\"diff\"" : "", line + 1);
		for (int side = 0; side < 2; side++) {
			const char *s = side ? g : w;
			size_t sn = side ? gn : wn;
			bool has = side ? has_g : has_w;

			if (side)
				sb_puts(sb, "</td><td>");
			if (!has) {
				sb_puts(sb, "<span class=\"muted\">(EOF)</span>");
				continue;
			}
			/* The common prefix plain, the rest marked. */
			size_t same = 0;
			while (differ && same < wn && same < gn && w[same] == g[same])
				same++;
			/* The mark starts at a character, not inside one both sides begin alike. */
			while (differ && same > 0 && ((same < wn && ((unsigned char)w[same] & 0xc0) == 0x80) ||
			                              (same < gn && ((unsigned char)g[same] & 0xc0) == 0x80)))
				same--;
			if (!differ)
				same = sn;
			html_line(sb, s, same, LINE_MAX_SHOWN);
			if (same < sn || (differ && sn == same)) {
				sb_puts(sb, "<mark>");
				html_line(sb, s + same, sn - same, LINE_MAX_SHOWN);
				if (sn == same)
					sb_puts(sb, "\\n");
				sb_puts(sb, "</mark>");
			}
		}
		sb_puts(sb, "</td></tr>\n");
	}
	sb_puts(sb, "</tbody></table></section>\n");
}

int report_html(FILE *f, const struct grade_result *r, const char *command)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_printf(&sb, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
	          msg_lang() == LANG_EN ? "en" : "ko");
	/* No script, no request: a page a student's bytes cannot make do anything. */
	sb_puts(&sb, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
	sb_puts(&sb, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	page_msg(&sb, M_PAGE_TITLE, r->lab->name);
	sb_printf(&sb, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header><h1>", style);
	page_msg(&sb, M_PAGE_TITLE, r->lab->name);
	sb_puts(&sb, "</h1>\n<p>");
	page_msg(&sb, M_REPORT_SUBMISSION, r->submission);
	sb_puts(&sb, "<br>");
	page_msg(&sb, M_REPORT_SEED, (unsigned long long)r->seed);
	if (r->step > 0) {
		sb_puts(&sb, "<br>");
		page_msg(&sb, M_REPORT_STEP_ONLY, r->step);
	}
	sb_puts(&sb, "<br><code>");
	sb_html(&sb, command);
	sb_puts(&sb, "</code></p></header>\n<nav><strong>");
	page_msg(&sb, M_PAGE_CONTENTS);
	sb_puts(&sb, "</strong>: <a href=\"#verdict\">");
	page_msg(&sb, M_PAGE_VERDICT);
	sb_puts(&sb, "</a>");
	for (size_t i = 0; i < r->lab->run_count; i++)
		if (r->ev.runs[i].performed)
			sb_printf(&sb, " &middot; <a href=\"#run-%s\">%s</a>", r->lab->runs[i].name, r->lab->runs[i].name);
	sb_puts(&sb, "</nav>\n");
	html_verdict(&sb, r);
	for (size_t c = 0; c < r->count; c++)
		for (size_t k = 0; k < r->checks[c].ref_count; k++)
			if (r->checks[c].refs[k].kind == REF_OUTPUT) {
				html_output_diff(&sb, r, &r->checks[c], &r->checks[c].refs[k]);
				break;
			}
	sb_puts(&sb, "<section id=\"runs\"><h2>");
	page_msg(&sb, M_PAGE_RUNS);
	sb_puts(&sb, "</h2>\n");
	for (size_t i = 0; i < r->lab->run_count; i++)
		html_run(&sb, r, i);
	sb_puts(&sb, "</section>\n</body>\n</html>\n");
	size_t written = fwrite(sb.data, 1, sb.len, f);
	int rc = written == sb.len ? 0 : -1;
	sb_free(&sb);
	return rc;
}
