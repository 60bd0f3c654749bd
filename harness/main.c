/* main.c - the command line: parse, dispatch, exit status. Nothing is judged here. */
#define _GNU_SOURCE
#include "batch.h"
#include "cli.h"
#include "grade.h"
#include "msg.h"
#include "report.h"
#include "scratch.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_TAP, FORMAT_GRADESCOPE, FORMAT_HTML };

static int cmd_list(void)
{
	for (size_t l = 0; all_labs[l]; l++) {
		const struct lab_def *lab = all_labs[l];
		int total = 0;

		printf(msg(M_LIST_LAB), lab->name, lab->folder, msg(lab->title));
		putchar('\n');
		for (int step = 1; step <= lab->steps; step++) {
			printf(msg(M_LIST_STEP), step);
			putchar('\n');
			for (size_t i = 0; i < lab->check_count; i++) {
				const struct check_def *c = &lab->checks[i];

				if (c->step != step)
					continue;
				printf(msg(M_LIST_CHECK), c->id, c->points, msg(c->title));
				putchar('\n');
				total += c->points;
			}
		}
		printf(msg(M_LIST_TOTAL), total);
		printf("\n\n");
	}
	return EXIT_ALL_PASSED;
}

/* Says on standard error that the page could not be written to path, and why. */
static void page_write_error(const char *path)
{
	int e = errno;

	fprintf(stderr, "mmaplab: ");
	fprintf(stderr, msg(M_ERR_PAGE_WRITE), path, strerror(e));
	fputc('\n', stderr);
}

/* Opens a temporary file beside path for the page, before grading, so that a path that cannot be
 * written costs no grading. Returns 0, or -1 after saying why. */
static int open_html_file(struct atomic_file *af, const char *path)
{
	char *copy = xstrdup(path);
	char *slash = strrchr(copy, '/');
	const char *dir = !slash ? "." : slash == copy ? "/" : (*slash = '\0', copy);
	struct stat st;
	int rc = 0;

	/* A directory named like the page would only fail at the rename, after the grading. */
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		rc = -1;
	} else if (!atomic_open_in(af, dir, path)) {
		rc = -1;
	}
	if (rc == -1)
		page_write_error(path);
	free(copy);
	return rc;
}

/* Writes the page of a grading through af (beside whatever went to standard output) and says where
 * it is, by its absolute path, on standard error: a lab's make check prints that line. An
 * interrupted grading writes no page, so that an older one is not replaced by an empty one. */
static int write_html_file(struct atomic_file *af, const char *path, const struct grade_result *r,
                           const char *cmd)
{
	if (r->interrupted) {
		atomic_discard(af);
		return 0;
	}
	if (report_html(af->f, r, cmd) == -1 || atomic_commit(af) == -1) {
		page_write_error(path);
		if (af->f)
			atomic_discard(af);
		return -1;
	}
	char *full = realpath(path, NULL);
	if (fflush(stdout) == EOF)
		return -1;
	fprintf(stderr, msg(M_PAGE_HTML_AT), full ? full : path);
	fputc('\n', stderr);
	free(full);
	return 0;
}

static void cleanup_on_fatal(void)
{
	(void)sandbox_sweep_orphans();
	scratch_cleanup_all();
}

static int cmd_grade(int argc, char **argv, const char *self)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "html", required_argument, NULL, 'H' },
		{ "lang", required_argument, NULL, 'l' },
		{ "step", required_argument, NULL, 's' },
		{ "seed", required_argument, NULL, 'S' },
		{ "keep", no_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct grade_options opt = { 0 };
	enum format format = FORMAT_TEXT;
	const char *html_path = NULL;
	unsigned long long n;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "text"))
				format = FORMAT_TEXT;
			else if (!strcmp(optarg, "json"))
				format = FORMAT_JSON;
			else if (!strcmp(optarg, "tap"))
				format = FORMAT_TAP;
			else if (!strcmp(optarg, "gradescope"))
				format = FORMAT_GRADESCOPE;
			else if (!strcmp(optarg, "html"))
				format = FORMAT_HTML;
			else
				bad_value("--format", optarg);
			break;
		case 'l':
			break; /* taken before dispatch, so that every message is in that language */
		case 's':
			if (!parse_number(optarg, 100, &n) || n == 0)
				bad_value("--step", optarg);
			opt.step = (int)n;
			break;
		case 'S':
			if (!parse_number(optarg, ~0ULL, &n))
				bad_value("--seed", optarg);
			opt.seed = n;
			opt.seed_given = true;
			break;
		case 'k':
			opt.keep = true;
			break;
		case 'H':
			if (!*optarg)
				bad_value("--html", optarg);
			html_path = optarg;
			break;
		case 'h':
			fputs(msg(M_USAGE), stdout);
			return EXIT_ALL_PASSED;
		default:
			usage_error(argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		usage_error("grade LAB SUBMISSION");
	opt.lab = lab_find(argv[optind]);
	if (!opt.lab) {
		fprintf(stderr, "mmaplab: ");
		fprintf(stderr, msg(M_ERR_UNKNOWN_LAB), argv[optind]);
		fputc('\n', stderr);
		return EXIT_CANNOT_GRADE;
	}
	if (opt.step > opt.lab->steps) {
		char given[32];
		snprintf(given, sizeof given, "%d", opt.step);
		bad_value("--step", given);
	}
	opt.submission = argv[optind + 1];

	sandbox_init();
	set_fatal_cleanup(cleanup_on_fatal);
	if (grade_preflight(opt.lab, opt.step) == -1)
		return EXIT_CANNOT_GRADE;

	struct atomic_file page = { 0 };
	if (html_path && open_html_file(&page, html_path) == -1)
		return EXIT_CANNOT_GRADE;
	struct grade_result result;
	if (grade(&opt, &result) == -1) {
		if (html_path)
			atomic_discard(&page);
		return EXIT_CANNOT_GRADE;
	}

	char *cmd = replay_command(self, &result);

	int status = result.passed ? EXIT_ALL_PASSED : EXIT_SOME_FAILED;
	switch (format) {
	case FORMAT_TEXT: {
		const char *no_color = getenv("NO_COLOR");
		bool color = isatty(STDOUT_FILENO) && !(no_color && *no_color) && getenv("TERM") &&
		             strcmp(getenv("TERM"), "dumb");
		report_text(stdout, &result, cmd, color);
		break;
	}
	case FORMAT_JSON:
		if (report_json(stdout, &result, cmd) == -1)
			status = EXIT_CANNOT_GRADE;
		break;
	case FORMAT_TAP:
		report_tap(stdout, &result, cmd);
		break;
	case FORMAT_GRADESCOPE:
		if (report_gradescope(stdout, &result, cmd) == -1)
			status = EXIT_CANNOT_GRADE;
		break;
	case FORMAT_HTML:
		if (report_html(stdout, &result, cmd) == -1)
			status = EXIT_CANNOT_GRADE;
		break;
	}
	if (html_path && write_html_file(&page, html_path, &result, cmd) == -1)
		status = EXIT_CANNOT_GRADE;
	if (result.interrupted) {
		if (format != FORMAT_TEXT) {
			fprintf(stderr, "mmaplab: %s\n", msg(M_REPORT_INTERRUPTED));
		}
		status = EXIT_INTERRUPTED;
	}
	free(cmd);
	grade_result_free(&result);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "mmaplab: %s\n", strerror(errno));
		return EXIT_CANNOT_GRADE;
	}
	return status;
}

/* --lang may stand anywhere; it is read first so that even usage errors speak that language. */
static void take_language(int argc, char **argv)
{
	const char *lang = getenv("MMAPLAB_LANG");

	for (int i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "--lang=", 7))
			lang = argv[i] + 7;
		else if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			lang = argv[i + 1];
	}
	if (!lang || !*lang || !strcmp(lang, "ko"))
		msg_set_lang(LANG_KO);
	else if (!strcmp(lang, "en"))
		msg_set_lang(LANG_EN);
	else
		bad_value("--lang", lang);
}

int main(int argc, char **argv)
{
	take_language(argc, argv);
	if (argc < 2)
		usage_error("grade | batch | report | list | --version");
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
		printf("mmaplab %s\n", MMAPLAB_VERSION);
		return EXIT_ALL_PASSED;
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		fputs(msg(M_USAGE), stdout);
		return EXIT_ALL_PASSED;
	}
	if (!strcmp(cmd, "list")) {
		if (argc == 3 && !strcmp(argv[2], "--format=json"))
			return report_labs_json(stdout) == 0 ? EXIT_ALL_PASSED : EXIT_CANNOT_GRADE;
		return cmd_list();
	}
	if (!strcmp(cmd, "grade"))
		return cmd_grade(argc - 1, argv + 1, argv[0]);
	if (!strcmp(cmd, "batch"))
		return cmd_batch(argc - 1, argv + 1, argv[0]);
	if (!strcmp(cmd, "report"))
		return cmd_report(argc - 1, argv + 1);
	usage_error(cmd);
}
