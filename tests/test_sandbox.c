/* test_sandbox.c - the sandbox's own contract, without a grading around it: a run that cannot start
 * says which step failed, sandbox_wait hands back every run once whatever order they end in, and a
 * wall-clock limit stops a run that does not end. */
#include <criterion/criterion.h>
#include <errno.h>
#include <string.h>

#include "sandbox.h"
#include "util.h"

static char *envp[] = { "PATH=/usr/bin:/bin", "LC_ALL=C", NULL };

static struct run_spec spec_of(char **argv, double limit)
{
	return (struct run_spec){ .name = "t", .argv = argv, .envp = envp, .cwd = "/", .wall_limit = limit,
	                          .cpu_limit = (unsigned)limit + 1, .stdout_cap = 4096, .stderr_cap = 4096 };
}

Test(sandbox, a_run_that_cannot_start_names_the_failed_step)
{
	char *argv[] = { "/nonexistent/program", NULL };
	struct run_spec spec = spec_of(argv, 5);
	struct run_result r;

	(void)sandbox_run_all(&spec, &r, 1, 1);
	cr_assert_not(r.started);
	cr_assert_str_eq(r.start_step, "execve");
	cr_assert_eq(r.start_errno, ENOENT, "errno %d", r.start_errno);
	run_result_free(&r);

	/* A working directory that is not there fails before exec, at chdir. */
	char *ok[] = { "true", NULL };
	spec = spec_of(ok, 5);
	spec.cwd = "/nonexistent-directory";
	(void)sandbox_run_all(&spec, &r, 1, 1);
	cr_assert_not(r.started);
	cr_assert_str_eq(r.start_step, "chdir");
	run_result_free(&r);
}

Test(sandbox, wait_returns_every_run_once_in_the_order_they_end)
{
	char *slow[] = { "sleep", "2", NULL }, *fast[] = { "true", NULL }, *hang[] = { "sleep", "60", NULL };
	struct run_spec specs[3] = { spec_of(slow, 10), spec_of(fast, 10), spec_of(hang, 0.5) };
	struct run_result res[3];
	struct sandbox_set *set = sandbox_set_new();
	bool seen[3] = { false };

	for (size_t i = 0; i < 3; i++)
		cr_assert_eq(sandbox_start(set, &specs[i], &res[i]), i);
	long first = sandbox_wait(set);
	cr_assert_eq(first, 1, "the run that ends at once comes back first, not %ld", first);
	seen[first] = true;
	for (int k = 0; k < 2; k++) {
		long i = sandbox_wait(set);
		cr_assert(i >= 0 && i < 3 && !seen[i], "run %ld returned twice or out of range", i);
		seen[i] = true;
	}
	cr_assert_eq(sandbox_wait(set), -1, "no run is left");
	cr_assert(res[0].exited && res[0].exit_code == 0);
	cr_assert(res[2].timed_out, "the run past its wall-clock limit is stopped");
	cr_assert_eq(sandbox_set_free(set), 0);
	for (size_t i = 0; i < 3; i++)
		run_result_free(&res[i]);
}
