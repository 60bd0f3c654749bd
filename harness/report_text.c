/* report_text.c - the report a student reads: one line per check, and under a failure the
 * evidence, what was expected, a hint and where to read (lab step, man page). */
#include "report.h"
#include "msg.h"

#include <string.h>

const char *status_word(enum check_status s)
{
	return msg(s == CHECK_PASS ? M_STATUS_PASS : s == CHECK_FAIL ? M_STATUS_FAIL : M_STATUS_SKIP);
}

const char *status_id(enum check_status s)
{
	return s == CHECK_PASS ? "pass" : s == CHECK_FAIL ? "fail" : "skip";
}

/* Prints text with every line indented; at most max_lines lines (compiler output can be long). */
static void print_indented(FILE *f, const char *indent, const char *label, const char *text, size_t max_lines)
{
	size_t lines = 0;
	const char *p = text;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (lines == max_lines) {
			fprintf(f, "%s%s...\n", indent, lines == 0 ? label : "");
			return;
		}
		fprintf(f, "%s%s%.*s\n", indent, lines == 0 ? label : "", (int)n, p);
		lines++;
		p += n + (nl ? 1 : 0);
	}
}

void report_text(FILE *f, const struct grade_result *r, const char *command, bool color)
{
	const char *green = color ? "\033[32m" : "", *red = color ? "\033[31m" : "";
	const char *yellow = color ? "\033[33m" : "", *bold = color ? "\033[1m" : "";
	const char *reset = color ? "\033[0m" : "";
	const char *indent = "        ";

	fprintf(f, "%s", bold);
	fprintf(f, msg(M_REPORT_TITLE), MMAPLAB_VERSION, r->lab->name);
	fprintf(f, "%s: %s\n", reset, msg(r->lab->title));
	fprintf(f, msg(M_REPORT_SUBMISSION), r->submission);
	fputc('\n', f);
	fprintf(f, msg(M_REPORT_SEED), (unsigned long long)r->seed);
	fputc('\n', f);
	if (r->isolation) {
		fprintf(f, msg(M_REPORT_ISOLATION), r->isolation);
		fputc('\n', f);
	}
	if (r->step > 0) {
		fprintf(f, msg(M_REPORT_STEP_ONLY), r->step);
		fputc('\n', f);
	}
	fputc('\n', f);
	for (size_t i = 0; i < r->count; i++) {
		const struct check_result *c = &r->checks[i];
		const char *col = c->status == CHECK_PASS ? green : c->status == CHECK_FAIL ? red : yellow;

		fprintf(f, "%s[%s]%s %-13s %s\n", col, status_word(c->status), reset, c->def->id,
		        c->message ? c->message : "");
		if (c->note)
			print_indented(f, indent, msg(M_REPORT_NOTE), c->note, 10);
		if (c->status == CHECK_PASS) {
			/* Warnings are worth showing even on a pass. */
			if (c->evidence.len && !strcmp(c->def->id, "build"))
				print_indented(f, indent, "", c->evidence.data, 20);
			continue;
		}
		if (c->evidence.len)
			print_indented(f, indent, "", c->evidence.data, 40);
		if (c->status == CHECK_SKIP)
			continue;
		if (c->expected)
			print_indented(f, indent, msg(M_REPORT_EXPECTED), c->expected, 5);
		if (c->hint)
			print_indented(f, indent, msg(M_REPORT_HINT), c->hint, 10);
		fprintf(f, "%s", indent);
		fprintf(f, msg(M_REPORT_SEE), r->lab->folder, c->def->step, c->def->man);
		fputc('\n', f);
	}
	fputc('\n', f);
	if (r->interrupted) {
		fputs(msg(M_REPORT_INTERRUPTED), f);
		fputc('\n', f);
	}
	fprintf(f, "%s", bold);
	fprintf(f, msg(M_REPORT_SCORE), r->score, r->max_score);
	if (r->passed)
		fprintf(f, "  %s%s", green, msg(M_REPORT_ALL_PASSED));
	fprintf(f, "%s\n", reset);
	fprintf(f, msg(M_REPORT_REPLAY), command);
	fputc('\n', f);
	if (r->kept_dir) {
		fprintf(f, msg(M_REPORT_KEPT), r->kept_dir);
		fputc('\n', f);
	}
}
