/* bench_batch.c - `make bench`, the class part: a generated class of 50 read-map submissions (most
 * correct, some with a one-line bug, a few that do not compile) graded by the real `mmaplab batch`
 * with -j 1 and with -j N (N = cores). Prints both wall times, the speed-up, and the ratio of each to
 * the sum of the submissions' floors, a floor being what grading one submission cannot go below:
 * compiling it and running it once under Valgrind (measured here by grading each submission in this
 * process, as bench_grade.c measures one). Prints figures; asserts nothing. */
#define _GNU_SOURCE
#include "grade.h"
#include "lab.h"
#include "sandbox.h"
#include "scratch.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define STUDENTS 50


/* One kind of submission: the solution with `from` replaced by `to` (NULL: as it is), or `text`. */
struct variant {
	const char *name;
	const char *from, *to;
	const char *text;
};

static const struct variant variants[] = {
	{ "correct", NULL, NULL, NULL },
	{ "correct", NULL, NULL, NULL },
	{ "no munmap", "if (munmap(map, len) == -1) {", "if (0) {", NULL },
	{ "loop to <= len", "i < len; i++", "i <= len; i++", NULL },
	{ "opens O_RDWR", "open(path, O_RDONLY)", "open(path, O_RDWR)", NULL },
	{ "correct", NULL, NULL, NULL },
	{ "correct", NULL, NULL, NULL },
	{ "no munmap", "if (munmap(map, len) == -1) {", "if (0) {", NULL },
	{ "loop to <= len", "i < len; i++", "i <= len; i++", NULL },
	{ "does not compile", NULL, NULL, "int main(void) { return 0 }\n" },
};

/* Writes student i's submission into dir (a directory per student, as most classes hand them in). */
static void write_student(const char *dir, int i, const char *solution, const struct variant *v)
{
	char *sub = xasprintf("%s/%04d", dir, i), *path = xasprintf("%s/%04d/read_map.c", dir, i);
	struct strbuf text;

	sb_init(&text);
	if (v->text) {
		sb_puts(&text, v->text);
	} else if (v->from) {
		const char *at = strstr(solution, v->from);
		if (!at)
			die("bench: the solution no longer contains '%s'", v->from);
		sb_append(&text, solution, (size_t)(at - solution));
		sb_puts(&text, v->to);
		sb_puts(&text, at + strlen(v->from));
	} else {
		sb_puts(&text, solution);
	}
	if (mkdir(sub, 0755) == -1)
		die("mkdir %s: %s", sub, strerror(errno));
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd == -1 || write_all(fd, text.data, text.len) == -1 || close(fd) == -1)
		die("%s: %s", path, strerror(errno));
	sb_free(&text);
	free(sub);
	free(path);
}

/* Submissions that never end: the solution that hangs after its mapping (its injection run hangs
 * too), one that sleeps forever, one that loops before anything. */
static const struct variant never_ending[] = {
	{ "hangs after mmap", "if (munmap(map, len) == -1) {", "for (;;) ;\n\tif (munmap(map, len) == -1) {", NULL },
	{ "sleeps forever", "if (munmap(map, len) == -1) {", "for (;;) pause();\n\tif (munmap(map, len) == -1) {", NULL },
	{ "loops at once", NULL, NULL, "int main(void) { for (;;) ; }\n" },
};

/* Runs `mmaplab batch -j jobs` on the class and returns its wall time. */
static double time_batch(const char *grader, const char *subs, const char *out, int jobs)
{
	char j[16];
	int status;
	double start = monotonic_seconds();

	snprintf(j, sizeof j, "%d", jobs);
	pid_t pid = fork();
	if (pid == -1)
		die_errno("fork");
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		if (devnull == -1 || dup2(devnull, STDOUT_FILENO) == -1 || dup2(devnull, STDERR_FILENO) == -1)
			_exit(127);
		execl(grader, grader, "batch", "-j", j, "--seed=1", "--out", out, "read-map", subs, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			die_errno("waitpid");
	/* Exit 1 only means that some students could not be graded; none should be here. */
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
		die("bench: %s batch -j %d failed (status %#x)", grader, jobs, status);
	return monotonic_seconds() - start;
}

/* The floor of one submission: its compile time plus its Valgrind run, from a grading of it. */
static double floor_of(const char *submission)
{
	struct grade_options opt = { .lab = &lab_read_map, .submission = submission, .seed_given = true,
	                             .seed = 1 };
	struct grade_result r;

	if (grade(&opt, &r) == -1)
		exit(EXIT_CANNOT_GRADE);
	double floor = r.timing.compile + r.timing.memcheck;
	grade_result_free(&r);
	return floor;
}

/* Builds the class, times the two batches and the floors, prints the figures. */
int main(void)
{
	const char *root = getenv("MMAPLAB_ROOT"), *grader = getenv("MMAPLAB_BIN");
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int jobs = cpus > 1 ? (int)cpus : 2;
	char *data;
	size_t len;

	if (!root)
		root = ".";
	if (!grader)
		grader = "build/mmaplab";
	char *solution_path = xasprintf("%s/solutions/read-map/read_map.c", root);
	if (read_file(solution_path, 1 << 20, &data, &len, NULL) == -1)
		die("%s: %s", solution_path, strerror(errno));
	sandbox_init();
	set_fatal_cleanup(scratch_cleanup_all);

	/* The class lives under TMPDIR, readable by the unprivileged users that runs may get. */
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/mmaplab-bench.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir) || chmod(dir, 0755) == -1)
		die("%s: %s", dir, strerror(errno));
	char *subs = xasprintf("%s/subs", dir), *out1 = xasprintf("%s/out-j1", dir), *outn = xasprintf("%s/out-jn", dir);
	if (mkdir(subs, 0755) == -1)
		die("%s: %s", subs, strerror(errno));
	for (int i = 0; i < STUDENTS; i++)
		write_student(subs, i, data, &variants[i % (int)(sizeof variants / sizeof variants[0])]);

	double wall1 = time_batch(grader, subs, out1, 1);
	double walln = time_batch(grader, subs, outn, jobs);
	double floors = 0;
	for (int i = 0; i < STUDENTS; i++) {
		char *sub = xasprintf("%s/%04d", subs, i);
		floors += floor_of(sub);
		free(sub);
	}

	char *jn = xasprintf("batch -j %d (wall clock)", jobs), *ratio = xasprintf("-j %d / (sum of floors / %d)", jobs, jobs);
	printf("class of %d read-map submissions (correct, one-line bugs, not compiling), graded by mmaplab batch\n",
	       STUDENTS);
	printf("  %-44s %8.1f s\n", "batch -j 1 (wall clock)", wall1);
	printf("  %-44s %8.1f s   speed-up %.2f\n", jn, walln, wall1 / walln);
	printf("  %-44s %8.1f s\n", "sum of floors (compile + one Valgrind run)", floors);
	printf("  %-44s %8.2f\n", "-j 1 / sum of floors", wall1 / floors);
	printf("  %-44s %8.2f   (1.00: the floors spread perfectly over %d cores)\n\n", ratio, walln / (floors / jobs),
	       jobs);
	free(jn);
	free(ratio);

	/* Never-ending students, one at a time: each one's verdict time is the batch's time / count. */
	char *hung = xasprintf("%s/hung", dir), *out_hung = xasprintf("%s/out-hung", dir);
	size_t nhung = sizeof never_ending / sizeof never_ending[0];
	if (mkdir(hung, 0755) == -1)
		die("%s: %s", hung, strerror(errno));
	for (size_t i = 0; i < nhung; i++)
		write_student(hung, (int)i, data, &never_ending[i]);
	double wall_hung = time_batch(grader, hung, out_hung, 1);
	printf("%zu never-ending read-map submissions (hang after mmap, sleep, loop at once), batch -j 1\n", nhung);
	printf("  %-44s %8.1f s\n", "batch -j 1 (wall clock)", wall_hung);
	printf("  %-44s %8.1f s   (run limit %.1f s; target: 15 s)\n\n", "per student", wall_hung / (double)nhung,
	       lab_read_map.run_seconds * time_scale());
	free(hung);
	free(out_hung);

	if (remove_tree(dir) == -1)
		die("%s: %s", dir, strerror(errno));
	free(dir);
	free(subs);
	free(out1);
	free(outn);
	free(solution_path);
	free(data);
	return 0;
}
