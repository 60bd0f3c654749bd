/* report_html_map.c - the file of a run and its mappings, drawn to scale (see report_html.h).
 *
 * One horizontal axis in bytes of the file for the whole drawing: the file as a row of pages with
 * the end of the file marked inside the last one, each mapping as a bar from its offset as long as
 * its length (with the whole pages it occupies behind it), and each msync and munmap as a bar of the
 * file range it names. A one-byte-too-long mapping is one byte on that axis, so a second drawing at
 * one byte per cell shows the end of the file. Every figure has the same facts as text beside it. */
#include "report_html.h"
#include "msg.h"
#include "rules.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAP_WIDTH 760.0     /* px of the byte axis */
#define LABEL_ROOM 150      /* px right of it for labels */
#define MAX_BARS 24         /* mappings, msyncs and munmaps drawn per run (a loop may make thousands),
                               each besides those a check cites */
#define MAX_PAGE_CELLS 256  /* above this the pages are one bar with ticks */
#define ZOOM_CELLS 32
#define HEX_MAX_ROWS 24

/* An msync or munmap, as a range of the file: the mapping it acts on and where it falls in it. */
struct call_range {
	const struct trace_event *e;
	int map;                   /* index in the view's maps, -1 when none */
	double from, len;          /* in bytes of the file */
};

static unsigned long long arg_number(const struct trace_event *e, size_t i)
{
	long long v = 0;

	if (i < e->nargs)
		(void)trace_arg_number(&e->args[i], &v);
	return (unsigned long long)v;
}

/* The mapping a call acts on: the one it removed, else the latest successful one before it whose
 * pages hold its address, else the latest of the same process. */
static int map_of_call(const struct lab_view *v, const struct trace_event *e, size_t page)
{
	unsigned long long addr = arg_number(e, 0);
	int holds = -1, same_pid = -1;

	for (size_t k = 0; k < v->map_count; k++) {
		const struct lab_map *m = &v->maps[k];

		if (!m->ok || m->call->seq > e->seq)
			continue;
		if (m->unmapped_by == e)
			return (int)k;
		if (addr >= m->addr && addr < m->addr + round_pages(m->length, page))
			holds = (int)k;
		if (m->call->pid == e->pid)
			same_pid = (int)k;
	}
	return holds >= 0 ? holds : same_pid;
}

/* Which of the calls (n of them) get a bar: those a check that did not pass cites, and the first
 * MAX_BARS of the others. Returns a calloc'd array; *left_out gets how many do not. */
static bool *pick_bars(const struct grade_result *r, const struct trace_event *const *calls, size_t n,
                       size_t *left_out)
{
	bool *want = xcalloc(n ? n : 1, sizeof *want);
	size_t room = MAX_BARS;

	*left_out = 0;
	for (size_t k = 0; k < n; k++) {
		struct strbuf ids;
		sb_init(&ids);
		if (page_citing_event(&ids, r, calls[k]))
			want[k] = true;
		else if (room)
			want[k] = true, room--;
		else
			++*left_out;
		sb_free(&ids);
	}
	return want;
}

/* The ranges of the calls that want says get a bar, into out (room for n). */
static size_t collect_ranges(const struct lab_view *v, const struct trace_event *const *calls, size_t n,
                             const bool *want, size_t page, struct call_range *out)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++) {
		if (!want[i])
			continue;
		struct call_range *c = &out[count++];

		c->e = calls[i];
		c->map = map_of_call(v, calls[i], page);
		c->len = (double)arg_number(calls[i], 1);
		c->from = 0;
		if (c->map >= 0) {
			const struct lab_map *m = &v->maps[c->map];
			c->from = (double)m->offset + ((double)arg_number(calls[i], 0) - (double)m->addr);
		}
		if (c->from < 0)
			c->from = 0;
	}
	return count;
}

/* class="... cited" data-check="ID ..." when checks that did not pass cite e. */
static void cited_attrs(struct strbuf *sb, const struct grade_result *r, const struct trace_event *e,
                        const char *cls)
{
	struct strbuf ids;

	sb_init(&ids);
	size_t n = e ? page_citing_event(&ids, r, e) : 0;
	sb_printf(sb, " class=\"%s%s\"", cls, n ? " cited" : "");
	if (n)
		sb_printf(sb, " data-check=\"%s\"", ids.data);
	sb_free(&ids);
}

/* "#2 (munmap)" after a bar: its number and the checks that cite it. */
static void bar_label(struct strbuf *sb, const struct grade_result *r, const struct trace_event *e, double x,
                      double y, const char *name)
{
	struct strbuf ids;

	sb_init(&ids);
	size_t n = e ? page_citing_event(&ids, r, e) : 0;
	sb_printf(sb, "<text x=\"%.1f\" y=\"%.1f\">%s", x, y, name);
	if (n)
		sb_printf(sb, " \xe2\x9c\x97 %s", ids.data);
	sb_puts(sb, "</text>");
	sb_free(&ids);
}

/* Opens a link to e's row of the timeline when it has one (drawn: which events have a row, NULL when
 * there is no timeline); returns whether it did, for link_end. */
static bool link_start(struct strbuf *sb, const struct grade_result *r, const bool *drawn, const struct trace_event *e)
{
	int run = page_run_of_event(r, e);

	if (!drawn || run < 0 || !drawn[e - r->ev.runs[run].trace.events])
		return false;
	sb_printf(sb, "<a href=\"#r%de%zu\">", run, e->seq);
	return true;
}

static void link_end(struct strbuf *sb, bool linked)
{
	if (linked)
		sb_puts(sb, "</a>");
}

/* The file, its pages and the end of the file, at y..y+h. */
static void draw_pages(struct strbuf *sb, size_t size, size_t page, double extent, double scale, double y, double h)
{
	size_t npages = (size_t)(extent / (double)page);
	size_t step = npages > 8 ? (npages + 7) / 8 : 1;

	sb_puts(sb, "<g class=\"pages\">");
	if (npages <= MAX_PAGE_CELLS) {
		for (size_t p = 0; p < npages; p++)
			sb_printf(sb, "<rect class=\"page%s\" x=\"%.3f\" y=\"%.1f\" width=\"%.3f\" height=\"%.1f\"/>",
			          (unsigned long long)p * page < round_pages(size, page) ? "" : " beyond",
			          (double)p * (double)page * scale, y, (double)page * scale, h);
	} else {
		sb_printf(sb, "<rect class=\"page\" x=\"0\" y=\"%.1f\" width=\"%.3f\" height=\"%.1f\"/>", y,
		          (double)round_pages(size, page) * scale, h);
	}
	/* The rest of the last page: zeros in memory, nothing in the file. */
	if (size % page)
		sb_printf(sb, "<rect class=\"zero\" x=\"%.3f\" y=\"%.1f\" width=\"%.3f\" height=\"%.1f\"/>",
		          (double)size * scale, y, (double)(round_pages(size, page) - size) * scale, h);
	for (size_t p = 0; p <= npages; p += step)
		sb_printf(sb, "<text class=\"tick\" x=\"%.3f\" y=\"%.1f\">%zu</text>", (double)p * (double)page * scale,
		          y - 6, p * page);
	sb_puts(sb, "</g>");
	sb_printf(sb, "<g class=\"eof\" data-offset=\"%zu\"><line x1=\"%.3f\" x2=\"%.3f\" y1=\"%.1f\" y2=\"%.1f\"/>",
	          size, (double)size * scale, (double)size * scale, y - 4, y + h + 4);
	sb_printf(sb, "<text x=\"%.3f\" y=\"%.1f\">", (double)size * scale + 3, y + h + 14);
	page_msg(sb, M_PAGE_EOF);
	sb_printf(sb, " %zu</text></g>\n", size);
}

static void draw_map(struct strbuf *sb, const struct grade_result *r, const bool *drawn, size_t i, size_t k,
                     double scale, double y)
{
	const struct run_evidence *run = &r->ev.runs[i];
	const struct lab_map *m = &run->view.maps[k];
	size_t page = r->ev.page_size;
	double x = (double)m->offset * scale, w = (double)m->length * scale;
	double span = (double)round_pages(m->length, page) * scale;
	char name[32];

	sb_printf(sb, "<g id=\"r%zum%zu\" data-offset=\"%lld\" data-length=\"%llu\"", i, k, m->offset, m->length);
	cited_attrs(sb, r, m->call, m->unmapped_by || m->space != 0 ? "map" : "map leak");
	sb_puts(sb, ">");
	bool linked = link_start(sb, r, drawn, m->call);
	sb_printf(sb, "<rect class=\"span\" x=\"%.3f\" y=\"%.1f\" width=\"%.3f\" height=\"18\"/>", x, y, span);
	sb_printf(sb, "<rect class=\"bar\" x=\"%.3f\" y=\"%.1f\" width=\"%.3f\" height=\"18\"/>", x, y, w);
	snprintf(name, sizeof name, "mmap #%zu", k + 1);
	bar_label(sb, r, m->call, (x + span > x + w ? x + span : x + w) + 4, y + 13, name);
	link_end(sb, linked);
	sb_puts(sb, "</g>\n");
}

static void draw_range(struct strbuf *sb, const struct grade_result *r, const bool *drawn, const struct call_range *c,
                       const char *cls, double scale, double y)
{
	double x = c->from * scale, w = c->len * scale;
	/* munmap removes whole pages: what it really took away, behind what it named. */
	double span = !strcmp(cls, "munmap") ? (double)round_pages((unsigned long long)c->len, r->ev.page_size) * scale : w;

	sb_printf(sb, "<g data-offset=\"%.0f\" data-length=\"%.0f\"", c->from, c->len);
	cited_attrs(sb, r, c->e, cls);
	sb_puts(sb, ">");
	bool linked = link_start(sb, r, drawn, c->e);
	sb_printf(sb, "<rect class=\"span\" x=\"%.3f\" y=\"%.1f\" width=\"%.3f\" height=\"12\"/>", x, y, span);
	sb_printf(sb, "<rect class=\"bar\" x=\"%.3f\" y=\"%.1f\" width=\"%.3f\" height=\"12\"/>", x, y, w < 1 ? 1 : w);
	/* Another process's call acts on its own copy of the mapping: say whose it is. */
	int run = page_run_of_event(r, c->e);
	char name[48];
	if (run >= 0 && c->map >= 0 && r->ev.runs[run].view.maps[c->map].call->pid != c->e->pid)
		snprintf(name, sizeof name, "%.20s (pid %d)", c->e->name, c->e->pid);
	else
		snprintf(name, sizeof name, "%.20s", c->e->name);
	bar_label(sb, r, c->e, x + (span > w ? span : w < 1 ? 1 : w) + 4, y + 10, name);
	link_end(sb, linked);
	sb_puts(sb, "</g>\n");
}

/* The same facts as text: one line per mapping, msync and munmap. */
static void map_list(struct strbuf *sb, const struct grade_result *r, size_t i, const bool *want_map,
                     const struct call_range *ranges, size_t nranges)
{
	const struct lab_view *v = &r->ev.runs[i].view;

	sb_puts(sb, "<ul class=\"maplist\">");
	for (size_t k = 0; k < v->map_count; k++) {
		const struct lab_map *m = &v->maps[k];

		if (!want_map[k])
			continue;

		sb_printf(sb, "<li>mmap #%zu (pid %d): ", k + 1, m->call->pid);
		if (!m->ok) {
			page_msg(sb, M_PAGE_MAP_FAILED);
			sb_puts(sb, " ");
			sb_html(sb, m->call->err_name ? m->call->err_name : "?");
		} else {
			page_msg(sb, M_PAGE_OFFSET);
			sb_printf(sb, " %lld, ", m->offset);
			page_msg(sb, M_PAGE_LENGTH);
			sb_printf(sb, " %llu, ", m->length);
			sb_html(sb, m->prot ? m->prot : "?");
			sb_puts(sb, ", ");
			sb_html(sb, m->flags ? m->flags : "?");
			sb_puts(sb, ", ");
			page_msg(sb, M_PAGE_ADDRESS);
			sb_printf(sb, " 0x%llx", m->addr);
			if (!m->unmapped_by) {
				sb_puts(sb, " &mdash; <strong>");
				page_msg(sb, M_PAGE_NOT_UNMAPPED);
				sb_puts(sb, "</strong>");
			}
		}
		sb_puts(sb, "</li>");
	}
	for (size_t k = 0; k < nranges; k++) {
		sb_printf(sb, "<li>(pid %d) ", ranges[k].e->pid);
		sb_html(sb, call_text(ranges[k].e));
		if (ranges[k].map >= 0)
			sb_printf(sb, " &rarr; mmap #%d, ", ranges[k].map + 1);
		else
			sb_puts(sb, " &rarr; ");
		page_msg(sb, M_PAGE_OFFSET);
		sb_printf(sb, " %.0f, ", ranges[k].from);
		page_msg(sb, M_PAGE_LENGTH);
		sb_printf(sb, " %.0f</li>", ranges[k].len);
	}
	sb_puts(sb, "</ul>\n");
}

/* Whether a check that did not pass cites byte at of this run's file. */
static bool byte_cited(const struct grade_result *r, const struct run_evidence *run, size_t at)
{
	for (size_t c = 0; c < r->count; c++)
		for (size_t k = 0; k < r->checks[c].ref_count; k++) {
			const struct evidence_ref *ref = &r->checks[c].refs[k];

			if (ref->kind == REF_BYTES && r->checks[c].status != CHECK_PASS && ref->bytes == run->after &&
			    at >= ref->offset && at < ref->offset + (ref->length ? ref->length : 1))
				return true;
		}
	return false;
}

/* One byte per cell around the end of the file, with where each mapping and range ends. */
static void draw_eof_zoom(struct strbuf *sb, const struct grade_result *r, size_t i, const bool *want_map,
                          const struct call_range *ranges, size_t nranges)
{
	const struct run_evidence *run = &r->ev.runs[i];
	const struct lab_view *v = &run->view;
	size_t size = run->before_len, lo = size > ZOOM_CELLS / 2 ? size - ZOOM_CELLS / 2 : 0;
	const char *bytes = run->after_exists ? run->after : run->before;
	size_t blen = run->after_exists ? run->after_len : run->before_len;
	const double cw = 22, top = 22;
	int marks = 0;

	sb_printf(sb, "<svg class=\"zoom\" id=\"r%zuzoom\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", i,
	          cw * ZOOM_CELLS + LABEL_ROOM, top + 30 + 16.0 * (double)(v->map_count + nranges > 8 ? 8 : v->map_count + nranges));
	page_msg(sb, M_PAGE_EOF_ZOOM);
	sb_puts(sb, "\"><title>");
	page_msg(sb, M_PAGE_EOF_ZOOM);
	sb_puts(sb, "</title>");
	for (size_t c = 0; c < ZOOM_CELLS; c++) {
		size_t at = lo + c;
		unsigned char ch = at < blen ? (unsigned char)bytes[at] : 0;
		char text[8];

		if (at >= blen)
			snprintf(text, sizeof text, "%s", at >= size ? "" : "?");
		else if (ch >= 0x21 && ch < 0x7f && ch != '<' && ch != '>' && ch != '&')
			snprintf(text, sizeof text, "%c", ch);
		else
			snprintf(text, sizeof text, "%02x", ch);
		sb_printf(sb, "<g class=\"cell%s%s\"><rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"22\"/>"
		          "<text x=\"%.0f\" y=\"%.0f\">%s</text></g>",
		          at >= size ? " past" : "", run->after && byte_cited(r, run, at) ? " cite" : "", (double)c * cw,
		          top, cw, (double)c * cw + cw / 2, top + 15, text);
		if (c % 8 == 0)
			sb_printf(sb, "<text class=\"tick\" x=\"%.0f\" y=\"%.0f\">%zu</text>", (double)c * cw, top - 6, at);
	}
	sb_printf(sb, "<line class=\"eof\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\"/>", (double)(size - lo) * cw,
	          (double)(size - lo) * cw, top - 4, top + 26);
	/* Where each mapping and range ends, when that is in the window. */
	for (size_t k = 0; k < v->map_count + nranges && marks < 8; k++) {
		double end;
		const struct trace_event *e;
		char name[32];

		if (k < v->map_count) {
			if (!v->maps[k].ok || !want_map[k])
				continue;
			end = (double)v->maps[k].offset + (double)v->maps[k].length;
			e = v->maps[k].call;
			snprintf(name, sizeof name, "mmap #%zu", k + 1);
		} else {
			end = ranges[k - v->map_count].from + ranges[k - v->map_count].len;
			e = ranges[k - v->map_count].e;
			snprintf(name, sizeof name, "%.20s", e->name);
		}
		if (end < (double)lo || end > (double)(lo + ZOOM_CELLS))
			continue;
		double x = (end - (double)lo) * cw, y = top + 34 + 16.0 * marks++;
		sb_printf(sb, "<g data-end=\"%.0f\"", end);
		cited_attrs(sb, r, e, "end");
		sb_printf(sb, "><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.0f\"/>", x, x, top, y);
		sb_printf(sb, "<text x=\"%.1f\" y=\"%.0f\">", x + 3, y);
		sb_html(sb, name);
		sb_puts(sb, " ");
		page_msg(sb, M_PAGE_MAP_END);
		sb_printf(sb, " %.0f</text></g>", end);
	}
	sb_puts(sb, "</svg>\n");
}

void page_file_map(struct strbuf *sb, const struct grade_result *r, size_t i, const bool *drawn)
{
	const struct run_evidence *run = &r->ev.runs[i];
	const struct lab_view *v = &run->view;
	size_t page = r->ev.page_size, size = run->before_len;
	size_t maps_out, syncs_out, unmaps_out;
	const struct trace_event **map_calls = xcalloc(v->map_count ? v->map_count : 1, sizeof *map_calls);

	for (size_t k = 0; k < v->map_count; k++)
		map_calls[k] = v->maps[k].call;
	bool *want_map = pick_bars(r, map_calls, v->map_count, &maps_out);
	bool *want_sync = pick_bars(r, v->msyncs, v->msync_count, &syncs_out);
	bool *want_unmap = pick_bars(r, v->munmaps, v->munmap_count, &unmaps_out);
	struct call_range *ranges = xcalloc(v->msync_count + v->munmap_count + 1, sizeof *ranges);
	size_t nranges = collect_ranges(v, v->msyncs, v->msync_count, want_sync, page, ranges);
	size_t nsync = nranges;

	nranges += collect_ranges(v, v->munmaps, v->munmap_count, want_unmap, page, ranges + nranges);
	double extent = (double)round_pages(size, page);
	size_t nmaps = 0;
	for (size_t k = 0; k < v->map_count; k++) {
		if (!want_map[k])
			continue;
		nmaps++;
		if (v->maps[k].ok && (double)v->maps[k].offset + (double)round_pages(v->maps[k].length, page) > extent)
			extent = (double)v->maps[k].offset + (double)round_pages(v->maps[k].length, page);
	}
	for (size_t k = 0; k < nranges; k++)
		if (ranges[k].from + ranges[k].len > extent)
			extent = (double)round_pages((unsigned long long)(ranges[k].from + ranges[k].len), page);
	if (run->after_exists && (double)run->after_len > extent)
		extent = (double)round_pages(run->after_len, page);
	if (extent < (double)page)
		extent = (double)page;
	double scale = MAP_WIDTH / extent;
	size_t bars = nmaps + nranges;
	double height = 60 + 24.0 * (double)bars + 8;

	sb_puts(sb, "<h4>");
	page_msg(sb, M_PAGE_FILE_MAP);
	sb_puts(sb, "</h4>\n<figure class=\"filemap\">");
	sb_printf(sb, "<svg id=\"r%zumap\" class=\"filemap\" viewBox=\"0 -4 %.0f %.0f\" role=\"img\" "
	          "aria-labelledby=\"r%zucap\" data-scale=\"%.9g\" data-page=\"%zu\" data-size=\"%zu\"><title>",
	          i, MAP_WIDTH + LABEL_ROOM, height, i, scale, page, size);
	page_msg(sb, M_PAGE_FILE_MAP);
	sb_puts(sb, "</title>\n");
	draw_pages(sb, size, page, extent, scale, 20, 26);
	double y = 66;
	for (size_t k = 0; k < v->map_count; k++) {
		if (!v->maps[k].ok || !want_map[k])
			continue;
		draw_map(sb, r, drawn, i, k, scale, y);
		y += 24;
	}
	for (size_t k = 0; k < nranges; k++, y += 24)
		draw_range(sb, r, drawn, &ranges[k], k < nsync ? "msync" : "munmap", scale, y);
	sb_printf(sb, "</svg>\n<figcaption id=\"r%zucap\">", i);
	page_msg(sb, M_PAGE_FILE_SIZE, size);
	sb_puts(sb, ", ");
	page_msg(sb, M_PAGE_PAGE_SIZE, page);
	sb_puts(sb, "</figcaption>\n");
	if (maps_out + syncs_out + unmaps_out) {
		sb_puts(sb, "<p class=\"muted more-bars\">");
		page_msg(sb, M_PAGE_MORE_BARS, maps_out + syncs_out + unmaps_out);
		sb_puts(sb, "</p>\n");
	}
	map_list(sb, r, i, want_map, ranges, nranges);
	sb_puts(sb, "<p class=\"sub\">");
	page_msg(sb, M_PAGE_EOF_ZOOM);
	sb_puts(sb, "</p>");
	draw_eof_zoom(sb, r, i, want_map, ranges, nranges);
	sb_puts(sb, "</figure>\n");
	free(ranges);
	free(want_unmap);
	free(want_sync);
	free(want_map);
	free(map_calls);
}

static void hex_row(struct strbuf *sb, const struct grade_result *r, const struct run_evidence *run, size_t row,
                    bool after, size_t end)
{
	const char *data = after ? run->after : run->before;
	size_t len = after ? (run->after_exists ? run->after_len : 0) : run->before_len;

	sb_printf(sb, "<tr class=\"%s\"><th>%06zx ", after ? "after" : "before", row * 16);
	page_msg(sb, after ? M_PAGE_AFTER : M_PAGE_BEFORE);
	sb_puts(sb, "</th>");
	for (size_t c = 0; c < 16; c++) {
		size_t at = row * 16 + c;
		bool has = at < len;
		bool changed = after && has && (at >= run->before_len || data[at] != run->before[at]);
		const char *cls[4] = { "", "", "", "" };

		cls[0] = has ? "" : "none";
		cls[1] = changed ? " w" : "";
		cls[2] = at >= run->before_len && at < end ? " past" : "";
		cls[3] = after && byte_cited(r, run, at) ? " cite" : "";
		sb_printf(sb, "<td class=\"%s%s%s%s\">", cls[0], cls[1], cls[2], cls[3]);
		if (has)
			sb_printf(sb, "%02x", (unsigned char)data[at]);
		sb_puts(sb, "</td>");
	}
	sb_puts(sb, "<td class=\"txt\">");
	struct strbuf t;
	sb_init(&t);
	for (size_t c = 0; c < 16 && row * 16 + c < len; c++) {
		unsigned char ch = (unsigned char)data[row * 16 + c];
		sb_putc(&t, ch >= 0x20 && ch < 0x7f ? (char)ch : '.');
	}
	sb_html(sb, t.data);
	sb_free(&t);
	sb_puts(sb, "</td></tr>\n");
}

void page_byte_diff(struct strbuf *sb, const struct grade_result *r, size_t i)
{
	const struct run_evidence *run = &r->ev.runs[i];
	const struct lab_view *v = &run->view;
	size_t end = run->before_len;

	if (!run->before)
		return;
	if (run->after_exists && run->after_len > end)
		end = run->after_len;
	/* Bytes past the end that a mapping covers: where stores past the end went. */
	for (size_t k = 0; k < v->map_count; k++)
		if (v->maps[k].ok && v->maps[k].offset == 0 && v->maps[k].length > end &&
		    v->maps[k].length <= run->before_len + 64)
			end = v->maps[k].length;
	/* Bytes a check cites past the end (the greeting's bytes that never reached the file). */
	for (size_t c = 0; c < r->count; c++)
		for (size_t k = 0; k < r->checks[c].ref_count; k++) {
			const struct evidence_ref *ref = &r->checks[c].refs[k];
			if (ref->kind == REF_BYTES && run->after && ref->bytes == run->after &&
			    ref->offset + ref->length > end && ref->offset + ref->length <= run->before_len + 64)
				end = ref->offset + ref->length;
		}
	size_t rows = (end + 15) / 16;
	if (rows == 0)
		return;
	/* The rows worth showing: the first, those with a change, a cited byte or the end of the file,
	   and one row around each. */
	bool *want = xcalloc(rows, sizeof *want);
	want[0] = true;
	for (size_t row = 0; row < rows; row++) {
		bool interesting = row * 16 <= run->before_len && run->before_len < row * 16 + 16;
		for (size_t c = 0; c < 16 && !interesting; c++) {
			size_t at = row * 16 + c;
			if (run->after_exists && at < run->after_len && (at >= run->before_len || run->after[at] != run->before[at]))
				interesting = true;
			else if (run->after_exists && at < run->before_len && at >= run->after_len)
				interesting = true;
			else if (byte_cited(r, run, at))
				interesting = true;
		}
		if (interesting)
			for (size_t k = row ? row - 1 : 0; k <= row + 1 && k < rows; k++)
				want[k] = true;
	}
	sb_printf(sb, "<h4>");
	page_msg(sb, M_PAGE_BYTES);
	sb_printf(sb, "</h4>\n<table class=\"hex\" id=\"r%zubytes\">\n", i);
	size_t shown = 0;
	bool gap = false;
	for (size_t row = 0; row < rows; row++) {
		if (!want[row] || shown >= HEX_MAX_ROWS) {
			gap = true;
			continue;
		}
		if (gap)
			sb_puts(sb, "<tr class=\"gap\"><th>&hellip;</th></tr>\n");
		gap = false;
		hex_row(sb, r, run, row, false, end);
		hex_row(sb, r, run, row, true, end);
		shown++;
	}
	if (gap)
		sb_puts(sb, "<tr class=\"gap\"><th>&hellip;</th></tr>\n");
	free(want);
	sb_puts(sb, "</table>\n<p class=\"legend\"><span class=\"w\">");
	page_msg(sb, M_PAGE_LEGEND_WRITTEN);
	sb_puts(sb, "</span> <span class=\"past\">");
	page_msg(sb, M_PAGE_LEGEND_PAST);
	sb_puts(sb, "</span> <span class=\"cite\">");
	page_msg(sb, M_PAGE_LEGEND_CITED);
	sb_puts(sb, "</span></p>\n");
}
