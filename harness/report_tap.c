/* report_tap.c - TAP version 13: one test point per check, a YAML block under a failure. */
#include "report.h"
#include "msg.h"

#include <string.h>

/* Writes `key: |` and text as a YAML literal block, indented under the test point. */
static void yaml_block(FILE *f, const char *key, const char *text)
{
	const char *p = text;

	if (!text || !*text)
		return;
	fprintf(f, "  %s: |\n", key);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		fprintf(f, "    %.*s\n", (int)n, p);
		p += n + (nl ? 1 : 0);
	}
}

/* A TAP description must not contain '#' (it starts a directive) or a newline. */
static void tap_text(FILE *f, const char *s)
{
	for (; s && *s; s++)
		fputc(*s == '#' || *s == '\n' ? ' ' : *s, f);
}

void report_tap(FILE *f, const struct grade_result *r, const char *command)
{
	fprintf(f, "TAP version 13\n1..%zu\n", r->count);
	for (size_t i = 0; i < r->count; i++) {
		const struct check_result *c = &r->checks[i];

		fprintf(f, "%s %zu - %s: ", c->status == CHECK_FAIL ? "not ok" : "ok", i + 1, c->def->id);
		tap_text(f, c->status == CHECK_SKIP ? msg(c->def->title) : c->message);
		if (c->status == CHECK_SKIP) {
			fputs(" # SKIP ", f);
			tap_text(f, c->message);
		}
		fputc('\n', f);
		if (c->status != CHECK_FAIL)
			continue;
		fputs("  ---\n", f);
		yaml_block(f, "message", c->message);
		yaml_block(f, "evidence", c->evidence.len ? c->evidence.data : NULL);
		yaml_block(f, "expected", c->expected);
		yaml_block(f, "hint", c->hint);
		fputs("  ...\n", f);
	}
	fprintf(f, "# ");
	fprintf(f, msg(M_REPORT_SCORE), r->score, r->max_score);
	if (r->isolation) {
		fprintf(f, "\n# ");
		fprintf(f, msg(M_REPORT_ISOLATION), r->isolation);
	}
	fprintf(f, "\n# ");
	fprintf(f, msg(M_REPORT_REPLAY), command);
	fputc('\n', f);
}
