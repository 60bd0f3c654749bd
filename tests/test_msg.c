/* test_msg.c - the message tables: every id has a Korean and an English text, and both use the same
 * printf conversions in the same order (a mismatch would print garbage or crash in one language). */
#include <criterion/criterion.h>
#include <string.h>

#include "msg.h"
#include "util.h"

/* The conversions of a format, e.g. "%zu%s%#llx" for "... %zu ... %s ... %#llx". */
static char *conversions(const char *fmt)
{
	struct strbuf sb;

	sb_init(&sb);
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		if (p[1] == '%') {
			p++;
			continue;
		}
		const char *start = p++;
		/* flags, width, precision (a '-' width like %-12s is allowed to differ? no: keep it) */
		while (*p && strchr("#0- +'123456789.", *p))
			p++;
		while (*p && strchr("hlLqjzt", *p))
			p++;
		cr_assert(*p, "format '%s' ends inside a conversion", fmt);
		/* Width and flags may differ between languages; the length and type may not. */
		const char *len = start + 1;
		while (strchr("#0- +'123456789.", *len))
			len++;
		sb_append(&sb, len, (size_t)(p - len + 1));
		sb_putc(&sb, ' ');
	}
	return sb_steal(&sb);
}

Test(messages, every_id_has_both_languages)
{
	for (int m = M_NONE + 1; m < M_COUNT; m++) {
		cr_expect_not_null(msg_in(LANG_KO, m), "%s has no Korean text", msg_name(m));
		cr_expect_not_null(msg_in(LANG_EN, m), "%s has no English text", msg_name(m));
	}
}

Test(messages, same_conversions_in_both_languages)
{
	for (int m = M_NONE + 1; m < M_COUNT; m++) {
		const char *ko = msg_in(LANG_KO, m), *en = msg_in(LANG_EN, m);

		if (!ko || !en)
			continue;
		char *a = conversions(ko), *b = conversions(en);
		cr_expect_str_eq(a, b, "%s: Korean uses '%s', English '%s'", msg_name(m), a, b);
		free(a);
		free(b);
	}
}

Test(messages, korean_is_the_default_and_english_on_request)
{
	cr_assert_eq(msg_lang(), LANG_KO, "Korean must be the default language");
	cr_assert_str_eq(msg(M_STATUS_PASS), "통과");
	msg_set_lang(LANG_EN);
	cr_assert_str_eq(msg(M_STATUS_PASS), "PASS");
	msg_set_lang(LANG_KO);
}
