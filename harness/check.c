/* check.c - setting a check's result (see check.h). */
#include "check.h"

#include <stdarg.h>
#include <stdlib.h>

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
	sb_printf(&r->evidence, "%s%s", msg(label), text);
}

void check_evidence_msg(struct check_result *r, enum msg_id m, ...)
{
	va_list ap;

	if (r->evidence.len)
		sb_putc(&r->evidence, '\n');
	va_start(ap, m);
	sb_vprintf(&r->evidence, msg(m), ap);
	va_end(ap);
}

