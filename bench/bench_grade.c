/* bench_grade.c - `make bench`: how long one grading takes, stage by stage, beside the time of the
 * same program run bare, under strace alone and under Valgrind alone (medians of a few runs), so that
 * the grader's own overhead is visible. Prints figures; asserts nothing. */
#define _GNU_SOURCE
#include "build.h"
#include "fixture.h"
#include "grade.h"
#include "msg.h"
#include "runs.h"
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

static void bench_lab(const struct lab_def *lab, const char *root)
{
	char *solution = xasprintf("%s/solutions/%s", root, lab->name);
	double compile[REPEATS], traced[REPEATS], memcheck[REPEATS], plain[REPEATS], total[REPEATS];
	double bare[REPEATS], under_strace[REPEATS], under_valgrind[REPEATS];

	for (int i = 0; i < REPEATS; i++) {
		struct grade_options opt = { .lab = lab, .submission = solution, .seed_given = true,
		                             .seed = 1000 + (uint64_t)i };
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

	printf("%-12s  grading (median of %d)\n", lab->name, REPEATS);
	printf("  %-34s %8.3f s\n", "compile", median(compile, REPEATS));
	printf("  %-34s %8.3f s\n", "strace runs (sum of their times)", median(traced, REPEATS));
	printf("  %-34s %8.3f s\n", "Valgrind run", median(memcheck, REPEATS));
	printf("  %-34s %8.3f s\n", "plain runs (sum)", median(plain, REPEATS));
	printf("  %-34s %8.3f s\n", "whole grading (wall clock)", median(total, REPEATS));
	printf("  the same program outside the grader:\n");
	printf("  %-34s %8.3f s\n", "bare", median(bare, REPEATS));
	printf("  %-34s %8.3f s\n", "under strace -f -y", median(under_strace, REPEATS));
	printf("  %-34s %8.3f s\n", "under Valgrind Memcheck", median(under_valgrind, REPEATS));
	/* Valgrind starts after the strace run it takes its time limit from. */
	double floor = median(compile, REPEATS) + median(under_strace, REPEATS) + median(under_valgrind, REPEATS);
	printf("  %-34s %8.3f s  (grading / floor = %.2f)%s\n\n", "floor: compile + strace + Valgrind", floor,
	       median(total, REPEATS) / floor,
	       median(memcheck, REPEATS) == 0 ? "\n  (this lab grades without a Valgrind run: the floor overstates it)" : "");
	free(log);
	free(vglog);
	free(program);
	free(scratch);
	free(solution);
}

/* How long a program that never ends waits for its verdict, beside the run limit: the runs start
 * together and Valgrind is not run after a time-out, so one limit (and one more for an injection
 * run aimed at a call the program made before it hung) is all it costs. */
static void bench_never_ending(const char *root)
{
	static const char *const programs[] = { "infinite-loop.c", "sleep-forever.c", "fork-bomb.c" };

	printf("never-ending programs, read-map (run limit %.1f s, Valgrind %d-%.0f s)\n",
	       lab_read_map.run_seconds * time_scale(), MEMCHECK_FLOOR_SECONDS, lab_read_map.memcheck_seconds);
	for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++) {
		char *path = xasprintf("%s/tests/hostile/%s", root, programs[i]);
		struct grade_options opt = { .lab = &lab_read_map, .submission = path, .seed_given = true,
		                             .seed = 7 };
		struct grade_result r;

		if (grade(&opt, &r) == -1)
			exit(EXIT_CANNOT_GRADE);
		printf("  %-34s %8.2f s  (%.1f run limits; target: 15 s)\n", programs[i], r.timing.total,
		       r.timing.total / (lab_read_map.run_seconds * time_scale()));
		grade_result_free(&r);
		free(path);
	}
	printf("\n");
}

int main(void)
{
	const char *root = getenv("MMAPLAB_ROOT");

	if (!root)
		root = ".";
	sandbox_init();
	set_fatal_cleanup(scratch_cleanup_all);
	for (size_t i = 0; all_labs[i]; i++)
		bench_lab(all_labs[i], root);
	bench_never_ending(root);
	return 0;
}
