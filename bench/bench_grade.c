/* bench_grade.c - `make bench`: how long one grading takes, stage by stage, beside the time of the
 * same program run bare, under strace alone and under Valgrind alone (medians of a few runs), so that
 * the grader's own overhead is visible. Prints figures; asserts nothing. */
#define _GNU_SOURCE
#include "build.h"
#include "fixture.h"
#include "grade.h"
#include "msg.h"
#include "sandbox.h"
#include "scratch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define REPEATS 5

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, compare_doubles);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Runs argv once in dir on a fresh copy of the lab file and returns the wall time. */
static double time_run(char **argv, const char *dir, const char *lab_file, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, lab_file);
	char *envp[] = { "PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=C", NULL };
	struct run_spec spec = {
		.name = "bench", .argv = argv, .envp = envp, .cwd = dir, .wall_limit = 120, .cpu_limit = 120,
		.stdout_cap = 64 << 20, .stderr_cap = 1 << 20,
	};
	struct run_result r;

	fixture_write(path, data, len);
	(void)sandbox_run_all(&spec, &r, 1, 1);
	if (!r.exited || r.exit_code != 0)
		fprintf(stderr, "bench: %s did not exit 0\n", argv[0]);
	run_result_free(&r);
	free(path);
	return r.wall_seconds;
}

static void bench_lab(const struct lab_def *lab, const char *root, int jobs)
{
	char *solution = xasprintf("%s/solutions/%s", root, lab->name);
	double compile[REPEATS], traced[REPEATS], memcheck[REPEATS], plain[REPEATS], total[REPEATS];
	double bare[REPEATS], under_strace[REPEATS], under_valgrind[REPEATS];

	for (int i = 0; i < REPEATS; i++) {
		struct grade_options opt = { .lab = lab, .submission = solution, .seed_given = true,
		                             .seed = 1000 + (uint64_t)i, .jobs = jobs };
		struct grade_result r;

		if (grade(&opt, &r) == -1)
			exit(EXIT_CANNOT_GRADE);
		if (!r.passed)
			fprintf(stderr, "bench: the %s solution did not pass (score %d/%d)\n", lab->name, r.score,
			        r.max_score);
		compile[i] = r.timing.compile;
		traced[i] = r.timing.traced;
		memcheck[i] = r.timing.memcheck;
		plain[i] = r.timing.plain;
		total[i] = r.timing.total;
		grade_result_free(&r);
	}

	/* The same program outside the grader. */
	char *scratch = scratch_create();
	char *program = xasprintf("%s/prog", scratch);
	struct sources src;
	enum msg_id why;
	const char *why_arg;
	char *output;
	bool timed_out;
	double seconds;
	if (sources_find(solution, &src, &why, &why_arg) == -1 ||
	    !build_program(&src, program, scratch, NULL, &output, &timed_out, &seconds))
		die("cannot build %s", solution);
	free(output);
	sources_free(&src);
	char *log = xasprintf("%s/trace.log", scratch), *vglog = xasprintf("--log-file=%s/vg.log", scratch);
	/* The program as the lab's first run starts it ("{file}" and "{seed}" filled in), on that
	   run's kind of file. */
	const struct run_def *first = &lab->runs[0];
	char *args[16];
	size_t nargs = 0;
	static const char *const just_the_file[] = { "{file}", NULL };
	for (const char *const *a = first->args ? first->args : just_the_file; *a && nargs < 15; a++)
		args[nargs++] = !strcmp(*a, "{file}") ? (char *)lab->lab_file : !strcmp(*a, "{seed}") ? "1" : (char *)*a;
	for (int i = 0; i < REPEATS; i++) {
		char *data;
		size_t len;
		char *argv_bare[20] = { program }, *argv_strace[28] = { "strace", "-f", "-y", "-qq", "-o", log, "--", program };
		char *argv_vg[24] = { "valgrind", "--tool=memcheck", "--leak-check=full", "--track-fds=yes", vglog, program };
		memcpy(argv_bare + 1, args, nargs * sizeof *args);
		memcpy(argv_strace + 8, args, nargs * sizeof *args);
		memcpy(argv_vg + 6, args, nargs * sizeof *args);

		fixture_make(first->fixture, 1000 + (uint64_t)i, 4096, &data, &len);
		bare[i] = time_run(argv_bare, scratch, lab->lab_file, data, len);
		under_strace[i] = time_run(argv_strace, scratch, lab->lab_file, data, len);
		under_valgrind[i] = time_run(argv_vg, scratch, lab->lab_file, data, len);
		free(data);
	}
	if (remove_tree(scratch) == -1)
		die_errno("remove_tree");
	scratch_forget(scratch);

	printf("%-12s  grading (median of %d, %d runs at once)\n", lab->name, REPEATS, jobs);
	printf("  %-34s %8.3f s\n", "compile", median(compile, REPEATS));
	printf("  %-34s %8.3f s\n", "strace runs (sum of their times)", median(traced, REPEATS));
	printf("  %-34s %8.3f s\n", "Valgrind run", median(memcheck, REPEATS));
	printf("  %-34s %8.3f s\n", "plain runs (sum)", median(plain, REPEATS));
	printf("  %-34s %8.3f s\n", "whole grading (wall clock)", median(total, REPEATS));
	printf("  the same program outside the grader:\n");
	printf("  %-34s %8.3f s\n", "bare", median(bare, REPEATS));
	printf("  %-34s %8.3f s\n", "under strace -f -y", median(under_strace, REPEATS));
	printf("  %-34s %8.3f s\n", "under Valgrind Memcheck", median(under_valgrind, REPEATS));
	double floor = median(compile, REPEATS) + median(under_valgrind, REPEATS);
	printf("  %-34s %8.3f s  (grading / floor = %.2f)%s\n\n", "floor: compile + one Valgrind run", floor,
	       median(total, REPEATS) / floor,
	       median(memcheck, REPEATS) == 0 ? "\n  (this lab grades without a Valgrind run: the floor overstates it)" : "");
	free(log);
	free(vglog);
	free(program);
	free(scratch);
	free(solution);
}

int main(void)
{
	const char *root = getenv("MMAPLAB_ROOT");
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (!root)
		root = ".";
	sandbox_init();
	set_fatal_cleanup(scratch_cleanup_all);
	for (size_t i = 0; all_labs[i]; i++)
		bench_lab(all_labs[i], root, cpus > 0 ? (int)cpus : 1);
	return 0;
}
