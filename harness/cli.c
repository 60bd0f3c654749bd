/* cli.c - see cli.h. */
#define _GNU_SOURCE
#include "cli.h"
#include "msg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Prints a usage error in the current language and exits: nothing was graded. */
void usage_error(const char *what)
{
	fprintf(stderr, "mmaplab: ");
	fprintf(stderr, msg(M_ERR_USAGE), what);
	fputc('\n', stderr);
	exit(EXIT_CANNOT_GRADE);
}

/* Formats the bad option and its value into a usage error. */
void bad_value(const char *option, const char *value)
{
	char *what = xasprintf(msg(M_ERR_BAD_VALUE), option, value);
	usage_error(what);
}

/* Accepts digits only: strtoull alone would take "-1", " 7" and "7x". */
bool parse_number(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;

	if (!*s || *s == '-' || *s == '+')
		return false;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		return false;
	*out = v;
	return true;
}

/* Leaves plain words bare so that the printed command stays readable. */
void shell_quote(struct strbuf *sb, const char *s)
{
	if (*s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@") == strlen(s)) {
		sb_puts(sb, s);
		return;
	}
	sb_putc(sb, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			sb_puts(sb, "'\\''");
		else
			sb_putc(sb, *s);
	}
	sb_putc(sb, '\'');
}

/* Builds "SELF grade --seed=N [--step=N] [--lang=en] LAB SUBMISSION", quoted for a shell. */
char *replay_command(const char *self, const struct grade_result *r)
{
	struct strbuf cmd;

	sb_init(&cmd);
	shell_quote(&cmd, self);
	sb_printf(&cmd, " grade --seed=%llu", (unsigned long long)r->seed);
	if (r->step > 0)
		sb_printf(&cmd, " --step=%d", r->step);
	if (msg_lang() == LANG_EN)
		sb_puts(&cmd, " --lang=en");
	sb_printf(&cmd, " %s ", r->lab->name);
	shell_quote(&cmd, r->submission);
	return sb_steal(&cmd);
}

/* One run or one student per core keeps the machine busy without oversubscribing it. */
int default_jobs(void)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	const char *jobs = getenv("MMAPLAB_JOBS");
	unsigned long long n;

	if (jobs && parse_number(jobs, 64, &n) && n > 0)
		return (int)n;
	return cpus > 0 ? (int)cpus : 1;
}
