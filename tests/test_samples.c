/* test_samples.c - the lab guides show what `make check STEP=n` prints; those samples must be what
 * the grader really prints. Each ```text block that follows a "make check STEP=n" (or "make check")
 * line and holds check lines ("[통과] ...") is compared with a real grading of the lab's reference
 * solution at that step (of its starter, when the block shows a failed or skipped check).
 *
 * Numbers change from grading to grading (addresses, lengths, seeds, seconds, counts), so every
 * run of digits (and every 0x address) is masked on both sides. A line "..." in a block stands for
 * any number of lines; the block as a whole may start anywhere in the report (the header with the
 * submission's path and the seed comes first). */
#include "testlib.h"
#include "lab.h"

#include <ctype.h>

/* The line with digit runs and 0x addresses replaced by '#'. */
static char *masked(const char *line, size_t n)
{
	char *out = malloc(n + 1);
	size_t k = 0;

	for (size_t i = 0; i < n;) {
		if (line[i] == '0' && i + 1 < n && line[i + 1] == 'x') {
			i += 2;
			while (i < n && isxdigit((unsigned char)line[i]))
				i++;
			out[k++] = '#';
		} else if (isdigit((unsigned char)line[i])) {
			while (i < n && (isdigit((unsigned char)line[i]) ||
			                 (line[i] == '.' && i + 1 < n && isdigit((unsigned char)line[i + 1]))))
				i++;
			out[k++] = '#';
		} else {
			out[k++] = line[i++];
		}
	}
	out[k] = '\0';
	return out;
}

/* Splits text into masked lines (trailing blanks kept as they are: the report has none). */
static size_t split_lines(const char *text, char ***lines)
{
	size_t n = 0, cap = 16;

	*lines = malloc(cap * sizeof **lines);
	for (const char *p = text; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (n == cap)
			*lines = realloc(*lines, (cap *= 2) * sizeof **lines);
		(*lines)[n++] = masked(p, len);
		p += len + (end != NULL);
	}
	return n;
}

static void free_lines(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Whether want[wi..] matches got[gi..], "..." standing for any lines; the block may end before the
 * report does. */
static bool match_from(char **want, size_t wn, size_t wi, char **got, size_t gn, size_t gi)
{
	if (wi == wn)
		return true;
	if (!strcmp(want[wi], "...")) {
		for (size_t g = gi; g <= gn; g++)
			if (match_from(want, wn, wi + 1, got, gn, g))
				return true;
		return false;
	}
	return gi < gn && !strcmp(want[wi], got[gi]) && match_from(want, wn, wi + 1, got, gn, gi + 1);
}

static bool block_matches(char **want, size_t wn, char **got, size_t gn)
{
	for (size_t start = 0; start <= gn; start++)
		if (match_from(want, wn, 0, got, gn, start))
			return true;
	return false;
}

/* Grades `submission` for lab at step (0: all) in Korean text, without colour, and returns the
 * report. */
static char *graded_text(const char *lab, const char *submission, int step)
{
	char step_arg[32], *env[] = { "NO_COLOR=1", "MMAPLAB_LANG=ko", NULL };

	snprintf(step_arg, sizeof step_arg, "--step=%d", step);
	char *argv[] = { (char *)grader_path(), "grade", "--seed=12345", step_arg, (char *)lab, (char *)submission, NULL };
	if (step == 0)
		argv[3] = "--format=text";
	struct grader_run r = run_command(argv, env);
	cr_assert(r.status == 0 || r.status == 1, "%s %s --step=%d: exit %d\n%s", lab, submission, step, r.status, r.err);
	char *out = strdup(r.out);
	grader_run_free(&r);
	return out;
}

/* The step of the "make check" command in line, or -1 when there is none (0: every step). */
static int check_step(const char *line)
{
	const char *p = strstr(line, "make check");
	if (!p)
		return -1;
	p += strlen("make check");
	return !strncmp(p, " STEP=", 6) ? atoi(p + 6) : 0;
}

Test(samples, lab_guides_show_what_the_grader_prints, .timeout = 240)
{
	size_t blocks = 0;

	for (size_t l = 0; all_labs[l]; l++) {
		const struct lab_def *lab = all_labs[l];
		char path[4096];

		snprintf(path, sizeof path, "%s/%s/README.md", repo_root(), lab->folder);
		if (access(path, F_OK) == -1)
			continue; /* a lab without a guide yet is test_labs' concern */
		char *text = slurp(path);

		int step = -1;
		size_t lineno = 0, since_command = 1000;
		for (char *p = text; *p;) {
			char *end = strchr(p, '\n');
			size_t ll = end ? (size_t)(end - p) : strlen(p);
			char *line = strndup(p, ll);
			lineno++;
			int s = check_step(line);
			if (s >= 0) {
				step = s;
				since_command = 0;
			} else {
				since_command++;
			}
			if (!strcmp(line, "```text") && since_command <= 3 && step >= 0) {
				/* The block: up to the closing fence. */
				char *body = end ? end + 1 : p + ll;
				char *close = strstr(body, "\n```");
				cr_assert_not_null(close, "%s:%zu: unclosed block", path, lineno);
				char *block = strndup(body, (size_t)(close - body) + 1);
				bool shows_check = strstr(block, "[통과]") || strstr(block, "[실패]") || strstr(block, "[건너뜀]");
				if (shows_check) {
					bool starter = strstr(block, "[실패]") || strstr(block, "[건너뜀]");
					char sub[4096];
					if (starter)
						snprintf(sub, sizeof sub, "%s/%s", repo_root(), lab->folder);
					else
						snprintf(sub, sizeof sub, "%s/solutions/%s", repo_root(), lab->name);
					char *report = graded_text(lab->name, sub, step);
					char **want, **got;
					size_t wn = split_lines(block, &want), gn = split_lines(report, &got);
					cr_expect(block_matches(want, wn, got, gn),
					          "%s:%zu: the sample of `make check STEP=%d` differs from what the grader prints "
					          "for the %s (numbers masked).\nsample:\n%s\ngrader:\n%s",
					          path, lineno, step, starter ? "starter" : "solution", block, report);
					free_lines(want, wn);
					free_lines(got, gn);
					free(report);
					blocks++;
				}
				free(block);
			}
			free(line);
			p += ll + (end != NULL);
		}
		free(text);
	}
	cr_assert_gt(blocks, 10, "found only %zu sample blocks in the lab guides", blocks);
}

/* The matcher itself: "..." skips lines, digits are masked, a changed word is caught. */
Test(samples, matcher_masks_numbers_and_skips_elided_lines)
{
	char **want, **got, **bad;
	size_t wn = split_lines("...\n[통과] run           종료 상태 0으로 끝난다(0.02초)\n", &want);
	size_t gn = split_lines("header 1\n[통과] mmap  x\n[통과] run           종료 상태 0으로 끝난다(0.13초)\n점수: 3/3\n", &got);
	size_t bn = split_lines("[통과] run           종료 상태 1로 끝난다(0.02초)\n", &bad);

	cr_assert(block_matches(want, wn, got, gn));
	cr_assert_not(block_matches(bad, bn, got, gn));
	free_lines(want, wn);
	free_lines(got, gn);
	free_lines(bad, bn);
}
