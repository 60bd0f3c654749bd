/* cli.h - what the subcommands' command lines share: usage errors, numbers, shell quoting, the
 * command that replays a grading, and how many things run at once. */
#ifndef MMAPLAB_CLI_H
#define MMAPLAB_CLI_H

#include <stdbool.h>

#include "grade.h"
#include "util.h"

/* Prints "mmaplab: WHAT (see mmaplab --help)" in the current language and exits with
 * EXIT_CANNOT_GRADE. */
void usage_error(const char *what) __attribute__((noreturn));

/* The same for an option whose value is wrong. */
void bad_value(const char *option, const char *value) __attribute__((noreturn));

/* Parses a whole non-negative decimal number no larger than max into *out; false when s is not one. */
bool parse_number(const char *s, unsigned long long max, unsigned long long *out);

/* Appends s to sb quoted for a POSIX shell when it needs it. */
void shell_quote(struct strbuf *sb, const char *s);

/* The command line that replays grading r exactly (seed, step and language included), with self as
 * the program's name (malloc'd). */
char *replay_command(const char *self, const struct grade_result *r);

/* How many things to run at once: the number of online cores, or MMAPLAB_JOBS when set (1 to 64). */
int default_jobs(void);

#endif
