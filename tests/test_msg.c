/* test_msg.c - the message tables: every id has a Korean and an English text, each is a printf
 * format that glibc reads as we do, and when formatted every argument lands where its id says.
 *
 * How the test knows where an argument belongs. A message's arguments are fixed by its callers:
 * judges.c passes M_MUNMAP_LENGTH the munmap length, the pages of the mapping, then the pages that
 * length unmaps. Their conversions (%lld, %llu, %llu) cannot tell the two page counts apart, so
 * comparing conversions passes a text that swaps them. `roles` below therefore names each argument
 * of every message of two or more arguments, in the callers' order, and gives for each language
 * the words the argument sits among: "unmaps {} pages", where {} is the argument. The test formats
 * each message with a distinct sample value per argument (4201, 4302, ... and "<arg1>", "<arg2>",
 * ...) and checks, argument by argument, that the language's words with that argument's value in
 * place of {} occur in the text. A text that puts the mapping's pages where the unmapped pages go
 * reads "unmaps 4302 pages" instead of "unmaps 4403 pages", and the test names the argument.
 *
 * A message of one argument cannot misplace it: its value must appear, that is all. A message of
 * none must have no conversion. Every id is covered, including ids added later: one of two or more
 * arguments that has no row in `roles` fails with its id, and so does one that does not number its
 * arguments (%1$s), which a translation needs to reorder them.
 *
 * Formatting: the test cannot hand vsnprintf a list of arguments whose types it learns at run
 * time, so it formats each conversion on its own with snprintf and the sample of the conversion's
 * own C type, and joins the pieces; glibc's parse_printf_format checks that glibc counts and types
 * the arguments of the whole format as the test does. */
#include <criterion/criterion.h>
#include <printf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "msg.h"
#include "util.h"

#define MAX_ARGS 6

/* Each argument's role, in the order callers pass them, and per language the words around it ({}
 * is where its value goes). Taken from the callers (grep the id in harness/), not from the texts. */
struct role_row {
	enum msg_id id;
	const char *arg[MAX_ARGS];
	const char *ko[MAX_ARGS];
	const char *en[MAX_ARGS];
};

static const struct role_row roles[] = {
	{ M_H_SHORT_LOST, { "file size", "offset past which the file must grow" },
	  { "파일은 {}바이트뿐", "파일 끝 너머의 {}바이트 이후" }, { "holds only {} bytes", "past byte {}" } },
	{ M_PERF_BUFFER_SIZE, { "bytes a read asked for", "the --buffer size" },
	  { "read가 {}바이트를 요청", "--buffer로 준 {}바이트" }, { "asked for {} bytes", "the {} bytes given with --buffer" } },
	{ M_PERF_READ_OK, { "reads", "bytes per read" }, { "read {}번", "매번 {}바이트" }, { "{} reads", "asking for {} bytes" } },
	{ M_PERF_PREAD_COUNT, { "pread calls", "lookups" }, { "pread 호출이 {}번", "조회 {}번" },
	  { "{} pread calls", "per lookup, {})" } },
	{ M_PERF_ERROR_RUN, { "input case", "exit status wanted" }, { "{} 표준 오류에", "종료 상태 {})" },
	  { "{}, the program", "exit with status {}" } },
	{ M_OPEN_EXPECT, { "input file", "access mode" }, { "{}를 ", "{}로 여는" }, { "of {} with", "with {}" } },
	{ M_OPEN_WRONG_MODE, { "mode used", "mode wanted" }, { "{}로 열었다", "({}여야 한다)" },
	  { "opened {} (", "must be {})" } },
	{ M_MMAP_OK, { "length", "address" }, { "길이 {},", "주소 {})" }, { "maps {} bytes", "(at {})" } },
	{ M_MMAP_EXPECT, { "file size", "file size rounded up to pages", "protection" },
	  { "길이 {}(", "올린 {})", "), {}, MAP_SHARED" }, { "length {} (", "(or {}, rounded", "pages), {}, MAP_SHARED" } },
	{ M_MMAP_PROT, { "protection used", "protection wanted" }, { "보호 속성이 {}이다", "({}여야 한다)" },
	  { "protection is {} (", "must be {})" } },
	{ M_SKIP_RUN_FAILED_CALL, { "failed call", "check judging it" }, { "대한 {} 호출이", "그 실패는 {} 검사가" },
	  { "a {} call on", "the {} check judges" } },
	{ M_SM_RUN_CHILD_EXIT, { "child number", "its exit status" }, { "{}번째 자식이", "종료 상태 {}로" },
	  { "child number {} ended", "with status {}," } },
	{ M_SM_OUTPUT_ENDS, { "lines printed", "first missing line" }, { "{}번째 줄 뒤에서", "'{}' 줄부터" },
	  { "after line {}:", "from '{}' on" } },
	{ M_ERR_PAGE_WRITE, { "page path", "reason" }, { "페이지를 {}에", "없다: {} (" },
	  { "page to {}:", ": {} (give" } },
	{ M_MMAP_ONE_LONGER, { "mapping length", "size the program learned" },
	  { "길이가 {}바이트로", "파일 크기 {}바이트보다" }, { "length is {},", "the {} bytes the program" } },
	{ M_MMAP_ONE_SHORTER, { "mapping length", "size the program learned" },
	  { "길이가 {}바이트로", "파일 크기 {}바이트보다" }, { "length is {},", "the {} bytes the program" } },
	{ M_MMAP_LENGTH, { "mapping length", "file size" }, { "길이가 {}바이트", "파일 크기는 {}바이트" },
	  { "length is {};", "holds {} bytes" } },
	{ M_OUTPUT_EXPECT, { "file size", "bytes" }, { "File size is {} 한 줄", "이어서 {}바이트" },
	  { "File size is {},", "each of the {} bytes" } },
	{ M_OUTPUT_LINE_WANT, { "line number", "line expected" }, { "{}번째 줄", "기대: {}" }, { "line {} expected", "expected: {}" } },
	{ M_OUTPUT_LINE_GOT, { "line number", "line printed" }, { "{}번째 줄", "실제: {}" }, { "line {} actual", "actual:   {}" } },
	{ M_CONTENT_SIZE, { "size before", "size after" }, { "{}바이트에서", "{}바이트로" }, { "from {} to", "to {} bytes" } },
	{ M_MSYNC_EXPECT, { "mapping address", "bytes to synchronize" }, { "msync({},", "길이 {} 이상" },
	  { "msync({},", "at least {} bytes" } },
	{ M_MUNMAP_EXPECT, { "address", "length" }, { "munmap({},", ", {})" }, { "munmap({},", ", {})" } },
	{ M_MUNMAP_ADDR, { "munmap's address", "mmap's address" }, { "munmap의 주소 {}", "돌려준 주소 {}" },
	  { "munmap's address {}", "mmap returned, {}" } },
	{ M_MUNMAP_LENGTH, { "munmap's length", "pages of the mapping", "pages that length unmaps" },
	  { "길이({})", "매핑의 {}페이지가", "아니라 {}페이지를" }, { "length {} unmaps", "the mapping's {}", "unmaps {} pages" } },
	{ M_VG_FOUND, { "memory errors", "leaks", "descriptors left open" }, { "메모리 오류 {}개", "누수 {}개", "파일 기술자 {}개" },
	  { "{} memory errors", "{} leaks", "{} unclosed descriptors" } },
	{ M_SHORT_NOT_WRITTEN, { "size before", "size after" }, { "{}바이트에서", "{}바이트로" }, { "from {} to", "to {} bytes" } },
	{ M_SHORT_LOST, { "size before", "size after" }, { "{}바이트 파일 끝", "실행 뒤 파일은 {}바이트" },
	  { "the {}-byte file", "has {} bytes afterwards" } },
	{ M_EV_TIMED_OUT, { "tool", "seconds" }, { "{} 아래에서", "{}초 만에" }, { "under {} at", "after {} s" } },
	{ M_REPORT_TITLE, { "grader version", "lab" }, { "mmaplab {}:", ": {} 실습" }, { "mmaplab {}:", "grading lab {}" } },
	{ M_REPORT_SEE, { "lab folder", "step", "man page" }, { "읽을 곳: {}/README.md", "{}단계", "man {}" },
	  { "read: {}/README.md", "step {}", "man {}" } },
	{ M_REPORT_SCORE, { "score", "full marks" }, { "점수: {}/", "/{}" }, { "Score: {}/", "/{}" } },
	{ M_ERR_BAD_VALUE, { "option", "value" }, { "{}의 값", "값 '{}'" }, { "for {}:", ": '{}'" } },
	{ M_BATCH_BAD_RESULT, { "result file", "lab" }, { "'{}'를", "{} 실습의" }, { "'{}' cannot", "the {} lab" } },
	{ M_BATCH_WORKER_SIGNAL, { "signal", "what the grader said" }, { "시그널 {}로", "죽었다{}" }, { "killed by {}", "{}" } },
	{ M_BATCH_WORKER_EXIT, { "exit status", "what the grader said" }, { "종료 상태 {})", "){}" }, { "exit status {}", "{}" } },
	{ M_BATCH_OTHER_LAB, { "output directory", "lab of the batch there" }, { "'{}'에는", "{} 실습의 batch" },
	  { "'{}' holds", "of the {} lab" } },
	{ M_BATCH_NO_STUDENT, { "student", "submissions directory" }, { "학생 '{}'", "'{}'에 없다" }, { "student '{}'", "in '{}'" } },
	{ M_BATCH_START, { "lab", "students to grade", "students in all", "seed", "jobs" },
	  { "{} 실습:", "학생 {}명을", "전체 {}명", "시드 {}", "동시에 {}명" },
	  { "{}: grading", "grading {} students", "(of {},", "seed {}", "{} at once" } },
	{ M_BATCH_INTERRUPTED, { "students graded", "students to grade this time" },
	  { "학생 {}명의 채점을", "채점할 학생 {}명 중" }, { "{} students were graded", "of {} this time" } },
	{ M_BATCH_SUMMARY_HEAD, { "lab", "students", "graded", "could not be graded" },
	  { "{} 실습:", "학생 {}명,", "채점한 학생 {}명", "채점하지 못한 학생 {}명" },
	  { "{}: ", "{} students", "{} graded", "{} could not" } },
	{ M_BATCH_SUMMARY_MEAN, { "mean score", "full marks" }, { "평균 {}점", "/ {}점" }, { "mean {} of", "of {} points" } },
	{ M_BATCH_POINT_RANGE, { "lowest", "highest" }, { "{}-", "-{}점" }, { "{}-", "-{} pt" } },
	{ M_PROGRESS_LEFT, { "minutes", "seconds" }, { "{}분", "{}초" }, { "{}m", "{}s left" } },
	{ M_PROGRESS_FAILED, { "students failed", "students not graded" }, { "실패 {}명", "채점 불가 {}명" },
	  { "failed {} (", "could not grade {})" } },
	{ M_HTML_CHECK_TITLE, { "check title", "points" }, { "{} (", "({}점)" }, { "{} (", "({} pt)" } },
	{ M_LIST_LAB, { "lab", "folder", "title" }, { "{} (", "({})", "): {}" }, { "{} (", "({})", "): {}" } },
	{ M_LIST_CHECK, { "check id", "points", "title" }, { "{} ", " {}점", "점  {}" }, { "{} ", " {} pt", "pt  {}" } },
	{ M_PAGE_INJECTED, { "injected call", "injected error" }, { "{} 호출이", "{} 오류를" }, { "here {} was", "return {}" } },
};

/* The C type a conversion reads: two languages may differ in flags, width or even %llu against
 * %#llx, but never in the type the callers pass. */
enum arg_type { T_NONE, T_INT, T_UINT, T_LONG, T_ULONG, T_LLONG, T_ULLONG, T_SIZE, T_SSIZE, T_DOUBLE, T_CHAR, T_STR };

static const char *const type_names[] = { "?", "int", "unsigned", "long", "unsigned long", "long long",
	                                   "unsigned long long", "size_t", "ssize_t", "double", "char", "string" };

/* One conversion: which argument (1-based), its type, and its spec without the "N$". */
struct conversion {
	int arg;
	bool numbered;
	enum arg_type type;
	char spec[32];
};

/* A parsed format: literal text between conversions is kept by offsets into the format. */
struct parsed {
	struct conversion conv[16];
	size_t start[16], end[16];  /* where each conversion sits in the format */
	size_t n;
	int args;                   /* how many arguments the format reads */
	enum arg_type arg_type[MAX_ARGS + 1];
};

/* The type a length modifier and conversion letter read, or T_NONE. */
static enum arg_type type_of(const char *len, char conv)
{
	bool is_signed = conv == 'd' || conv == 'i';

	if (strchr("di", conv) || strchr("uxXo", conv)) {
		if (!strcmp(len, "") || !strcmp(len, "h") || !strcmp(len, "hh"))
			return is_signed ? T_INT : T_UINT;
		if (!strcmp(len, "l"))
			return is_signed ? T_LONG : T_ULONG;
		if (!strcmp(len, "ll"))
			return is_signed ? T_LLONG : T_ULLONG;
		if (!strcmp(len, "z"))
			return is_signed ? T_SSIZE : T_SIZE;
		return T_NONE;
	}
	if (strchr("feEgG", conv))
		return !strcmp(len, "") || !strcmp(len, "l") ? T_DOUBLE : T_NONE;
	if (conv == 'c')
		return !strcmp(len, "") ? T_CHAR : T_NONE;
	if (conv == 's')
		return !strcmp(len, "") ? T_STR : T_NONE;
	return T_NONE;
}

/* Parses fmt into p. Returns NULL, or what is wrong with it (malloc'd) under glibc's rules: every
 * conversion numbered or none, numbered ones using each argument from 1 up, one type per argument. */
static char *parse(const char *fmt, struct parsed *p)
{
	memset(p, 0, sizeof *p);
	size_t numbered = 0;

	for (const char *s = fmt; *s; s++) {
		if (*s != '%')
			continue;
		if (s[1] == '%') {
			s++;
			continue;
		}
		if (p->n == sizeof p->conv / sizeof p->conv[0])
			return xasprintf("too many conversions");
		struct conversion *c = &p->conv[p->n];
		const char *q = s + 1, *digits = q;
		while (*q >= '0' && *q <= '9')
			q++;
		if (*q == '$' && q > digits) {
			c->numbered = true;
			c->arg = atoi(digits);
			numbered++;
			q++;
		} else {
			q = s + 1;
			c->arg = (int)p->n + 1;
		}
		const char *spec = q;
		q += strspn(q, "#0- +'");
		q += strspn(q, "0123456789");
		if (*q == '.') {
			q++;
			q += strspn(q, "0123456789");
		}
		const char *len = q;
		q += strspn(q, "hlzjtLq");
		if (!*q)
			return xasprintf("ends inside a conversion");
		if (*q == '*' || memchr(spec, '*', (size_t)(q - spec)))
			return xasprintf("uses a * width or precision");
		char lenbuf[4] = "";
		if (q - len >= (ptrdiff_t)sizeof lenbuf)
			return xasprintf("conversion %zu has a long length modifier", p->n + 1);
		memcpy(lenbuf, len, (size_t)(q - len));
		c->type = type_of(lenbuf, *q);
		if (c->type == T_NONE)
			return xasprintf("conversion %zu (%%%.*s) is not one the test knows", p->n + 1, (int)(q - s), s + 1);
		if (c->arg < 1 || c->arg > MAX_ARGS)
			return xasprintf("argument %d is out of range", c->arg);
		snprintf(c->spec, sizeof c->spec, "%%%.*s", (int)(q - spec + 1), spec);
		p->start[p->n] = (size_t)(s - fmt);
		p->end[p->n] = (size_t)(q + 1 - fmt);
		if (p->arg_type[c->arg] && p->arg_type[c->arg] != c->type)
			return xasprintf("argument %d is read as %s and as %s", c->arg, type_names[p->arg_type[c->arg]],
			                 type_names[c->type]);
		p->arg_type[c->arg] = c->type;
		if (c->arg > p->args)
			p->args = c->arg;
		p->n++;
		s = q;
	}
	if (numbered && numbered != p->n)
		return xasprintf("mixes numbered (%%1$s) and unnumbered conversions");
	for (int a = 1; a <= p->args; a++)
		if (!p->arg_type[a])
			return xasprintf("never uses argument %d (glibc needs every argument of a numbered format)", a);
	if (p->args >= 2 && !numbered)
		return xasprintf("takes %d arguments without numbering them (%%1$s, %%2$d...)", p->args);
	return NULL;
}

/* Checks that glibc counts the arguments of fmt as p does and reads each as the same kind
 * (integer, floating, string). Returns NULL or the disagreement (malloc'd). */
static char *agree_with_glibc(const char *fmt, const struct parsed *p)
{
	int types[MAX_ARGS + 8];
	size_t n = parse_printf_format(fmt, sizeof types / sizeof types[0], types);

	if (n != (size_t)p->args)
		return xasprintf("glibc counts %zu arguments, the test %d", n, p->args);
	for (int a = 1; a <= p->args; a++) {
		int kind = types[a - 1] & ~PA_FLAG_MASK;
		enum arg_type t = p->arg_type[a];
		int want = t == T_STR ? PA_STRING : t == T_DOUBLE ? PA_DOUBLE : t == T_CHAR ? PA_CHAR : PA_INT;
		if (kind != want)
			return xasprintf("glibc reads argument %d as kind %d, the test as %s", a, kind, type_names[t]);
	}
	return NULL;
}

/* The sample value of argument a: distinct numbers (none a substring of another) and strings. */
static long long sample_number(int a)
{
	return 4100 + 101LL * a;
}

/* One conversion formatted with the sample of its argument, in its own C type (malloc'd). */
static char *format_one(const struct conversion *c)
{
	char buf[128], str[16];
	long long v = sample_number(c->arg);

	snprintf(str, sizeof str, "<arg%d>", c->arg);
	switch (c->type) {
	case T_INT: snprintf(buf, sizeof buf, c->spec, (int)v); break;
	case T_UINT: snprintf(buf, sizeof buf, c->spec, (unsigned)v); break;
	case T_LONG: snprintf(buf, sizeof buf, c->spec, (long)v); break;
	case T_ULONG: snprintf(buf, sizeof buf, c->spec, (unsigned long)v); break;
	case T_LLONG: snprintf(buf, sizeof buf, c->spec, v); break;
	case T_ULLONG: snprintf(buf, sizeof buf, c->spec, (unsigned long long)v); break;
	case T_SIZE: snprintf(buf, sizeof buf, c->spec, (size_t)v); break;
	case T_SSIZE: snprintf(buf, sizeof buf, c->spec, (ssize_t)v); break;
	case T_DOUBLE: snprintf(buf, sizeof buf, c->spec, (double)v + 0.25); break;
	case T_CHAR: snprintf(buf, sizeof buf, c->spec, 'A' + c->arg); break;
	case T_STR: snprintf(buf, sizeof buf, c->spec, str); break;
	default: cr_assert_fail("no sample for type %d", c->type);
	}
	return xstrdup(buf);
}

/* fmt formatted with the samples (malloc'd): the literal text, %% as %, each conversion in turn. */
static char *format_all(const char *fmt, const struct parsed *p)
{
	struct strbuf sb;
	size_t at = 0;

	sb_init(&sb);
	for (size_t i = 0; i <= p->n; i++) {
		size_t stop = i < p->n ? p->start[i] : strlen(fmt);
		for (; at < stop; at++) {
			sb_putc(&sb, fmt[at]);
			if (fmt[at] == '%')
				at++;   /* "%%" outside a conversion */
		}
		if (i < p->n) {
			char *one = format_one(&p->conv[i]);
			sb_puts(&sb, one);
			free(one);
			at = p->end[i];
		}
	}
	return sb_steal(&sb);
}

/* The words of words with {} replaced by argument a's value as the format's first conversion of a
 * prints it (malloc'd). */
static char *expected_words(const char *words, const struct parsed *p, int a)
{
	const char *hole = strstr(words, "{}");
	cr_assert_not_null(hole, "role words '%s' lack {}", words);
	for (size_t i = 0; i < p->n; i++)
		if (p->conv[i].arg == a) {
			char *value = format_one(&p->conv[i]);
			char *s = xasprintf("%.*s%s%s", (int)(hole - words), words, value, hole + 2);
			free(value);
			return s;
		}
	cr_assert_fail("argument %d is never printed", a);
	return NULL;
}

/* The row of roles for m, or NULL. */
static const struct role_row *row_of(enum msg_id m)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (roles[i].id == m)
			return &roles[i];
	return NULL;
}

/* Checks one language's text of m: a valid format whose every argument lands among its role's
 * words (words: the row's words for this language, NULL when m has no row). Returns NULL or what
 * is wrong (malloc'd), so that the self-tests below can show what a wrong text gives. */
static char *check_text(enum msg_id m, const char *lang, const char *fmt, const char *const *words,
                        const char *const *arg_names, struct parsed *p)
{
	char *why = parse(fmt, p);

	if (!why)
		why = agree_with_glibc(fmt, p);
	if (why) {
		char *s = xasprintf("%s (%s): '%s' %s", msg_name(m), lang, fmt, why);
		free(why);
		return s;
	}
	char *out = format_all(fmt, p);
	for (int a = 1; a <= p->args && !why; a++) {
		char *value = expected_words("{}", p, a);
		if (!strstr(out, value))
			why = xasprintf("%s (%s): argument %d is not in the text: %s", msg_name(m), lang, a, out);
		free(value);
	}
	if (!why && p->args >= 2 && !words)
		why = xasprintf("%s takes %d arguments: add a row to roles in tests/test_msg.c naming each and "
		                "the words it sits among in each language", msg_name(m), p->args);
	for (int a = 1; !why && p->args >= 2 && a <= p->args; a++) {
		if (!words[a - 1] || !arg_names[a - 1]) {
			why = xasprintf("%s: roles names %d arguments, the text takes %d", msg_name(m), a - 1, p->args);
			break;
		}
		char *want = expected_words(words[a - 1], p, a);
		if (!strstr(out, want))
			why = xasprintf("%s (%s): argument %d (%s) does not land in \"%s\": %s", msg_name(m), lang, a,
			                arg_names[a - 1], want, out);
		free(want);
	}
	if (!why && words && p->args < MAX_ARGS && (words[p->args] || arg_names[p->args]))
		why = xasprintf("%s: roles names more arguments than the text's %d", msg_name(m), p->args);
	free(out);
	return why;
}

Test(messages, every_id_has_both_languages)
{
	for (int m = M_NONE + 1; m < M_COUNT; m++) {
		cr_expect_not_null(msg_in(LANG_KO, m), "%s has no Korean text", msg_name(m));
		cr_expect_not_null(msg_in(LANG_EN, m), "%s has no English text", msg_name(m));
	}
}

Test(messages, every_argument_lands_where_its_id_says)
{
	for (int m = M_NONE + 1; m < M_COUNT; m++) {
		const char *ko = msg_in(LANG_KO, m), *en = msg_in(LANG_EN, m);
		const struct role_row *row = row_of(m);
		struct parsed pk, pe;

		if (!ko || !en)
			continue;
		char *why = check_text(m, "ko", ko, row ? row->ko : NULL, row ? row->arg : NULL, &pk);
		cr_expect_null(why, "%s", why);
		free(why);
		why = check_text(m, "en", en, row ? row->en : NULL, row ? row->arg : NULL, &pe);
		cr_expect_null(why, "%s", why);
		free(why);
		/* Callers pass one list of arguments whatever the language. */
		cr_expect_eq(pk.args, pe.args, "%s: Korean takes %d arguments, English %d", msg_name(m), pk.args, pe.args);
		for (int a = 1; a <= pk.args && a <= pe.args; a++)
			cr_expect_eq(pk.arg_type[a], pe.arg_type[a], "%s: argument %d is %s in Korean, %s in English",
			             msg_name(m), a, type_names[pk.arg_type[a]], type_names[pe.arg_type[a]]);
	}
}

Test(messages, every_row_of_roles_is_a_message_of_several_arguments)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		struct parsed p;
		char *why = parse(msg_in(LANG_KO, roles[i].id), &p);
		cr_expect_null(why, "%s", why);
		free(why);
		cr_expect_geq(p.args, 2, "%s has a row in roles but takes %d argument(s)", msg_name(roles[i].id), p.args);
		for (size_t j = 0; j < i; j++)
			cr_expect_neq(roles[j].id, roles[i].id, "%s has two rows in roles", msg_name(roles[i].id));
	}
}

/* The checks above must catch the mistakes they exist for: the old English munmap text that swapped
 * the two page counts, a text that does not number its arguments, one that skips an argument. The
 * row is the test's own, so that rewording the real message does not change what is shown here. */
Test(messages, the_checks_catch_a_swap_and_unnumbered_or_skipped_arguments)
{
	static const struct role_row own = { M_MUNMAP_LENGTH, { "munmap's length", "pages of the mapping", "pages that length unmaps" },
	                                     { NULL }, { "length {} unmaps", "the mapping's {}", "unmaps {} pages" } };
	const struct role_row *row = &own;
	struct parsed p;

	char *why = check_text(M_MUNMAP_LENGTH, "en", "munmap's length %1$lld unmaps %2$llu pages, not the mapping's %3$llu",
	                       row->en, row->arg, &p);
	cr_expect(why && strstr(why, "argument 2 (pages of the mapping)"), "the swap is caught: %s", why);
	free(why);
	why = check_text(M_MUNMAP_LENGTH, "en", "munmap's length %lld unmaps %llu pages, not the mapping's %llu",
	                 row->en, row->arg, &p);
	cr_expect(why && strstr(why, "without numbering"), "unnumbered arguments are caught: %s", why);
	free(why);
	why = check_text(M_MUNMAP_LENGTH, "en", "munmap's length %1$lld unmaps %3$llu pages", row->en, row->arg, &p);
	cr_expect(why && strstr(why, "never uses argument 2"), "a skipped argument is caught: %s", why);
	free(why);
	why = check_text(M_MUNMAP_LENGTH, "en", "munmap's length %1$lld unmaps %3$llu pages, not the mapping's %2$llu",
	                 row->en, row->arg, &p);
	cr_expect_null(why, "the right text passes: %s", why);
	free(why);
}

Test(messages, korean_is_the_default_and_english_on_request)
{
	cr_assert_eq(msg_lang(), LANG_KO, "Korean must be the default language");
	cr_assert_str_eq(msg(M_STATUS_PASS), "통과");
	msg_set_lang(LANG_EN);
	cr_assert_str_eq(msg(M_STATUS_PASS), "PASS");
	msg_set_lang(LANG_KO);
}
