/* batch.c - `mmaplab batch` and `mmaplab report`: parse the command line, decide the seed and the
 * students to grade, run the workers, then write summary.csv and report.html from what is on disk
 * and print the class summary. */
#define _GNU_SOURCE
#include "batch.h"
#include "classtable.h"
#include "cli.h"
#include "fixture.h"
#include "grade.h"
#include "msg.h"
#include "outdir.h"
#include "progress.h"
#include "roster.h"
#include "sandbox.h"
#include "workers.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct batch_args {
	const struct lab_def *lab;
	const char *submissions;
	const char *out;          /* DIR; NULL: grades/LAB */
	const char *only;
	bool resume;
	bool seed_given;
	uint64_t seed;
	int jobs;
};

/* Prints "mmaplab: " and a message from the language table with one or two strings. */
static void complain(enum msg_id m, const char *a, const char *b)
{
	fputs("mmaplab: ", stderr);
	fprintf(stderr, msg(m), a, b);
	fputc('\n', stderr);
}

/* Fills a from batch's command line; exits with a usage error when it is wrong. */
static void parse_batch_args(int argc, char **argv, struct batch_args *a)
{
	static const struct option options[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "seed", required_argument, NULL, 'S' },
		{ "out", required_argument, NULL, 'o' },
		{ "resume", no_argument, NULL, 'r' },
		{ "only", required_argument, NULL, 'O' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long long n;
	int c;

	memset(a, 0, sizeof *a);
	a->jobs = default_jobs();
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+j:", options, NULL)) != -1) {
		switch (c) {
		case 'j':
			if (!parse_number(optarg, 256, &n) || n == 0)
				bad_value("-j", optarg);
			a->jobs = (int)n;
			break;
		case 'S':
			if (!parse_number(optarg, ~0ULL >> 1, &n))
				bad_value("--seed", optarg);
			a->seed = n;
			a->seed_given = true;
			break;
		case 'o':
			a->out = optarg;
			break;
		case 'r':
			a->resume = true;
			break;
		case 'O':
			a->only = optarg;
			break;
		case 'l':
			break; /* taken before dispatch (main.c) */
		case 'h':
			fputs(msg(M_USAGE), stdout);
			exit(EXIT_ALL_PASSED);
		default:
			usage_error(argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		usage_error("batch LAB SUBMISSIONS_DIR");
	if (a->resume && a->only)
		usage_error("--resume --only");
	a->lab = lab_find(argv[optind]);
	if (!a->lab) {
		complain(M_ERR_UNKNOWN_LAB, argv[optind], NULL);
		exit(EXIT_CANNOT_GRADE);
	}
	a->submissions = argv[optind + 1];
}

/* The seed of the batch: a --resume or --only run keeps the one its students were graded with (the
 * manifest's, else any student JSON's), so that every student of a batch sees the same file.
 * Returns 0, or -1 after printing why DIR holds another batch. */
static int choose_seed(const struct batch_args *a, const char *root, const struct roster *ro, uint64_t *seed)
{
	struct manifest m;

	*seed = a->seed_given ? a->seed : seed_fresh();
	if (!a->resume && !a->only)
		return 0;
	if (manifest_read(root, &m) == 0) {
		bool other_lab = strcmp(m.lab, a->lab->name) != 0;
		if (other_lab)
			complain(M_BATCH_OTHER_LAB, root, m.lab);
		else if (a->seed_given && a->seed != m.seed)
			complain(M_BATCH_SEED_CONFLICT, root, NULL);
		*seed = m.seed;
		manifest_free(&m);
		return other_lab || (a->seed_given && a->seed != *seed) ? -1 : 0;
	}
	for (size_t i = 0; i < ro->n; i++) {
		struct class_row row;
		class_load_row(&row, a->lab, root, ro->v[i].id);
		bool graded = row.state == ROW_GRADED;
		if (graded)
			*seed = row.seed;
		class_row_free(&row);
		if (graded)
			break;
	}
	return 0;
}

/* Whether a --resume run may keep the student's result: finished, of this lab, with this seed. */
static bool finished(const struct lab_def *lab, const char *root, const char *id, uint64_t seed)
{
	struct class_row row;

	class_load_row(&row, lab, root, id);
	bool done = row.state == ROW_GRADED && row.seed == seed;
	class_row_free(&row);
	return done;
}

/* What the workers report to: the progress display. */
struct watcher {
	struct progress progress;
	const struct lab_def *lab;
	const char *root;
};

/* Shows one finished student (read back from DIR) or, with st NULL, just redraws the bar. */
static void on_event(void *ctx, const struct student *st)
{
	struct watcher *w = ctx;
	struct class_row row;

	if (!st) {
		progress_tick(&w->progress);
		return;
	}
	class_load_row(&row, w->lab, w->root, st->id);
	progress_student(&w->progress, &row);
	class_row_free(&row);
}

/* A file written from the class table: its name in DIR and the writer that fills it (root is DIR,
 * where the class page finds each student's text report). Returns 0, or -1 with errno set. */
struct class_file {
	const char *name;
	int (*write)(FILE *f, const struct class_table *t, const char *root);
};

/* summary.csv through the class-file interface (the CSV needs no other file of DIR). */
static int write_summary_csv(FILE *f, const struct class_table *t, const char *root)
{
	(void)root;
	return summary_csv_write(f, t);
}

static const struct class_file summary_csv_file = { "summary.csv", write_summary_csv };
static const struct class_file class_page_file = { "report.html", class_page_write };

/* What a batch writes after the workers, in this order; `mmaplab report` rewrites the page alone. */
static const struct class_file *const batch_files[] = { &summary_csv_file, &class_page_file };

/* Writes DIR/NAME with the class file's writer, atomically. */
static void write_class_file(const struct outdir *o, const struct class_file *cf, const struct class_table *t)
{
	struct atomic_file af;
	char *path = xasprintf("%s/%s", o->root, cf->name);
	FILE *f = atomic_open(&af, o, path);
	int rc = cf->write(f, t, o->root);

	if (rc == -1 || atomic_commit(&af) == -1)
		die("%s: %s", path, strerror(errno));
	free(path);
}

/* The ids of a roster, for class_load and the manifest. */
static char **roster_ids(const struct roster *ro)
{
	char **ids = xcalloc(ro->n + 1, sizeof *ids);

	for (size_t i = 0; i < ro->n; i++)
		ids[i] = ro->v[i].id;
	return ids;
}

/* After the workers: summary.csv, report.html, the class summary; the exit status. */
static int finish_batch(const struct outdir *o, const struct lab_def *lab, const struct roster *ro)
{
	struct class_table t;
	char **ids = roster_ids(ro);
	int status = EXIT_ALL_PASSED;

	class_load(&t, lab, o->root, ids, ro->n);
	for (size_t i = 0; i < sizeof batch_files / sizeof batch_files[0]; i++)
		write_class_file(o, batch_files[i], &t);
	class_summary_print(stdout, &t);
	for (size_t i = 0; i < t.n; i++)
		if (t.rows[i].state != ROW_GRADED)
			status = EXIT_SOME_FAILED;
	printf("\n");
	printf(msg(M_BATCH_WROTE), o->root);
	printf("\n");
	class_free(&t);
	free(ids);
	return status;
}

/* Set while a batch runs, for die(): stop every worker, then drop the half-written files. */
static struct outdir *current_out;

/* On a fatal error: kills every worker and run, then drops the half-written files. */
static void batch_cleanup(void)
{
	(void)sandbox_sweep_orphans();
	if (current_out)
		outdir_close(current_out);
}

/* Grades the class as batch.h says and returns the exit status. */
int cmd_batch(int argc, char **argv, const char *self)
{
	struct batch_args a;
	struct roster ro;
	struct outdir out;
	uint64_t seed;

	parse_batch_args(argc, argv, &a);
	char *root = a.out ? xstrdup(a.out) : xasprintf("grades/%s", a.lab->name);
	/* DIR may lie inside the submissions (a batch run from there): it is nobody's submission. A DIR
	   that does not exist yet is no entry of theirs either. */
	char *results = realpath(root, NULL);
	int status = EXIT_CANNOT_GRADE;
	int scanned = roster_scan(a.submissions, results, &ro);
	free(results);
	if (scanned == -1) {
		free(root);
		return EXIT_CANNOT_GRADE;
	}
	/* Every way out below frees what was scanned (the sanitizers' leak check runs at exit). */
	if (a.only && !roster_find(&ro, a.only)) {
		complain(M_BATCH_NO_STUDENT, a.only, a.submissions);
		goto done;
	}
	sandbox_init();
	if (grade_preflight(a.lab, 0) == -1 || outdir_open(&out, root) == -1)
		goto done;
	current_out = &out;
	set_fatal_cleanup(batch_cleanup);
	if (choose_seed(&a, root, &ro, &seed) == -1) {
		set_fatal_cleanup(NULL);
		current_out = NULL;
		outdir_close(&out);
		goto done;
	}
	char **ids = roster_ids(&ro);
	struct manifest m = { .lab = (char *)a.lab->name, .seed = seed, .students = ids, .count = ro.n };
	manifest_write(&out, &m);
	free(ids);

	/* Who is graded this time. */
	const struct student **todo = xcalloc(ro.n + 1, sizeof *todo);
	size_t n = 0;
	for (size_t i = 0; i < ro.n; i++) {
		const struct student *st = &ro.v[i];
		if (a.only ? !strcmp(st->id, a.only) : !a.resume || !finished(a.lab, root, st->id, seed))
			todo[n++] = st;
	}
	if (ro.n == 0)
		complain(M_BATCH_EMPTY, a.submissions, NULL);
	fputs("mmaplab: ", stderr);
	fprintf(stderr, msg(M_BATCH_START), a.lab->name, n, ro.n, (unsigned long long)seed, a.jobs);
	fputc('\n', stderr);

	const char *term = getenv("TERM");
	struct watcher w = { .lab = a.lab, .root = root };
	progress_init(&w.progress, n, isatty(STDERR_FILENO) && term && strcmp(term, "dumb"));
	struct pool_config pc = {
		.lab = a.lab, .seed = seed, .jobs = a.jobs, .self = self, .out = &out,
		/* Far beyond the runs' own limits: only a grader bug gets here. */
		.watchdog = (120 + 10 * (a.lab->memcheck_seconds + a.lab->run_seconds)) * time_scale(),
		.event = on_event, .ctx = &w,
	};
	int rc = pool_run(&pc, todo, n);
	progress_end(&w.progress);
	free(todo);

	if (rc == -1) {
		fputs("mmaplab: ", stderr);
		fprintf(stderr, msg(M_BATCH_INTERRUPTED), w.progress.done, n);
		fputc('\n', stderr);
		status = EXIT_INTERRUPTED;
	} else {
		status = finish_batch(&out, a.lab, &ro);
	}
	set_fatal_cleanup(NULL);
	current_out = NULL;
	outdir_close(&out);
	if (fflush(stdout) == EOF)
		status = EXIT_CANNOT_GRADE;
done:
	roster_free(&ro);
	free(root);
	return status;
}

/* Rewrites DIR/report.html from the results in DIR and returns the exit status. */
int cmd_report(int argc, char **argv)
{
	struct manifest m;
	struct outdir out;
	struct stat st;

	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(msg(M_USAGE), stdout);
		return EXIT_ALL_PASSED;
	}
	if (argc != 2)
		usage_error("report DIR");
	const char *root = argv[1];
	if (stat(root, &st) == -1 || !S_ISDIR(st.st_mode)) {
		complain(M_ERR_NO_SUCH_PATH, root, NULL);
		return EXIT_CANNOT_GRADE;
	}
	const struct lab_def *lab = class_lab_in(root);
	if (!lab) {
		complain(M_BATCH_NO_RESULTS, root, NULL);
		return EXIT_CANNOT_GRADE;
	}
	size_t n;
	char **ids;
	bool listed = manifest_read(root, &m) == 0 && m.count > 0;
	if (listed) {
		ids = m.students;
		n = m.count;
	} else {
		ids = class_ids_in(root, &n);
	}
	if (outdir_open(&out, root) == -1)
		return EXIT_CANNOT_GRADE;
	struct class_table t;
	class_load(&t, lab, root, ids, n);
	write_class_file(&out, &class_page_file, &t);
	class_free(&t);
	outdir_close(&out);
	if (!listed) {
		for (size_t i = 0; i < n; i++)
			free(ids[i]);
		free(ids);
	}
	manifest_free(&m);
	printf(msg(M_BATCH_WROTE_HTML), root);
	printf("\n");
	return EXIT_ALL_PASSED;
}
