/* check.c - setting a check's result (see check.h). */
#include "check.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *format_msg(enum msg_id m, va_list ap)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_vprintf(&sb, msg(m), ap);
	return sb_steal(&sb);
}

#define SET_FIELD(field, m)                       \
	do {                                      \
		va_list ap;                       \
		va_start(ap, m);                  \
		free(r->field);                   \
		r->field = format_msg(m, ap);     \
		va_end(ap);                       \
	} while (0)

void check_pass(struct check_result *r, enum msg_id m, ...)
{
	r->status = CHECK_PASS;
	SET_FIELD(message, m);
}

void check_fail(struct check_result *r, enum msg_id m, ...)
{
	r->status = CHECK_FAIL;
	SET_FIELD(message, m);
}

void check_skip(struct check_result *r, enum msg_id m, ...)
{
	r->status = CHECK_SKIP;
	SET_FIELD(message, m);
}

void check_note(struct check_result *r, enum msg_id m, ...)
{
	SET_FIELD(note, m);
}

void check_expected(struct check_result *r, enum msg_id m, ...)
{
	SET_FIELD(expected, m);
}

void check_hint(struct check_result *r, enum msg_id m, ...)
{
	SET_FIELD(hint, m);
}

void check_evidence(struct check_result *r, enum msg_id label, const char *text)
{
	if (r->evidence.len)
		sb_putc(&r->evidence, '\n');
	r->evidence_last = r->evidence.len;
	sb_printf(&r->evidence, "%s%s", msg(label), text);
}

void check_evidence_msg(struct check_result *r, enum msg_id m, ...)
{
	va_list ap;

	if (r->evidence.len)
		sb_putc(&r->evidence, '\n');
	r->evidence_last = r->evidence.len;
	va_start(ap, m);
	sb_vprintf(&r->evidence, msg(m), ap);
	va_end(ap);
}


static struct evidence_ref *add_ref(struct check_result *r, enum evidence_ref_kind kind)
{
	r->refs = xrealloc(r->refs, (r->ref_count + 1) * sizeof *r->refs);
	struct evidence_ref *ref = &r->refs[r->ref_count++];
	memset(ref, 0, sizeof *ref);
	ref->kind = kind;
	ref->at = r->evidence_last;
	return ref;
}

void check_ref_run(struct check_result *r, const struct run_evidence *run)
{
	add_ref(r, REF_RUN)->run = run;
}

void check_ref_event(struct check_result *r, const struct trace_event *e)
{
	if (e)
		add_ref(r, REF_EVENT)->event = e;
}

void check_ref_finding(struct check_result *r, const struct memcheck_finding *f)
{
	add_ref(r, REF_FINDING)->finding = f;
}

void check_ref_bytes(struct check_result *r, const char *file, size_t offset, size_t length)
{
	struct evidence_ref *ref = add_ref(r, REF_BYTES);

	ref->bytes = file;
	ref->offset = offset;
	ref->length = length;
}

/* Lines of expected output kept around the first difference: a page shows about 20 (report_html.c);
 * a whole expected output is about 27 bytes per byte of the input file. */
#define OUTPUT_CONTEXT_LINES 10
#define OUTPUT_WINDOW_MAX 8192

void check_ref_output(struct check_result *r, const char *got, size_t got_len, const char *want, size_t want_len)
{
	struct evidence_ref *ref = add_ref(r, REF_OUTPUT);
	size_t pos = 0, line = 0;

	while (pos < want_len && pos < got_len && want[pos] == got[pos]) {
		if (want[pos] == '\n')
			line++;
		pos++;
	}
	ref->bytes = got;
	ref->first_line = line > OUTPUT_CONTEXT_LINES ? line - OUTPUT_CONTEXT_LINES : 0;
	/* The expected lines first_line .. line + OUTPUT_CONTEXT_LINES. */
	size_t from = 0, n = 0;
	for (size_t l = 0; l < ref->first_line && from < want_len; from++)
		if (want[from] == '\n')
			l++;
	size_t to = from;
	while (to < want_len && n <= 2 * OUTPUT_CONTEXT_LINES && to - from < OUTPUT_WINDOW_MAX)
		if (want[to++] == '\n')
			n++;
	ref->expected = xmalloc(to - from + 1);
	memcpy(ref->expected, want + from, to - from);
	ref->expected[to - from] = '\0';
	ref->expected_len = to - from;
}

void check_result_free(struct check_result *r)
{
	free(r->message);
	free(r->note);
	free(r->expected);
	free(r->hint);
	sb_free(&r->evidence);
	for (size_t i = 0; i < r->ref_count; i++)
		free(r->refs[i].expected);
	free(r->refs);
	r->refs = NULL;
	r->ref_count = 0;
}
