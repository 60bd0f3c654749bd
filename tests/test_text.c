/* test_text.c - how a program's bytes are shown in a text report: readable Korean stays Korean, and
 * nothing the program printed can act on the instructor's terminal. */
#include <criterion/criterion.h>
#include <string.h>

#include "text.h"
#include "util.h"

static char *escaped(const char *s, size_t n)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_escaped(&sb, s, n);
	return sb_steal(&sb);
}

Test(text, escaped_keeps_utf8_and_escapes_what_a_terminal_acts_on)
{
	static const char korean[] = "파일을 열 수 없다\n";
	char *got = escaped(korean, sizeof korean - 1);
	cr_assert_str_eq(got, "파일을 열 수 없다\\n");
	free(got);

	/* ESC, a C1 CSI (U+009B), a right-to-left override (U+202E), an invalid byte, a cut sequence. */
	static const char hostile[] = "\x1b[2J \xc2\x9b \xe2\x80\xae \xff \xed\x95";
	got = escaped(hostile, sizeof hostile - 1);
	cr_assert_str_eq(got, "\\x1b[2J \\xc2\\x9b \\xe2\\x80\\xae \\xff \\xed\\x95");
	free(got);
}
