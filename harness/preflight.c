/* preflight.c - before grading: are the tools there, may strace trace? (see grade.h) */
#include "grade.h"
#include "runs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Whether name is an executable on PATH. */
static bool on_path(const char *name)
{
	const char *path = getenv("PATH");
	char *copy, *save = NULL;
	bool found = false;

	if (!path)
		path = "/usr/bin:/bin";
	copy = xstrdup(path);
	for (char *dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
		char *full = xasprintf("%s/%s", *dir ? dir : ".", name);
		found = access(full, X_OK) == 0;
		free(full);
	}
	free(copy);
	return found;
}

int grade_preflight(const struct lab_def *lab, int step)
{
	unsigned wanted = runs_wanted(lab, step);
	bool need_strace = false, need_valgrind = false;
	for (size_t i = 0; i < lab->run_count; i++)
		if (wanted & RUN_BIT(i)) {
			need_strace |= lab->runs[i].tool == TOOL_STRACE;
			need_valgrind |= lab->runs[i].tool == TOOL_MEMCHECK;
		}
	const struct { const char *tool; bool needed; } tools[] = {
		{ "gcc", true }, { "strace", need_strace }, { "valgrind", need_valgrind },
	};
	for (size_t i = 0; i < sizeof tools / sizeof tools[0]; i++)
		if (tools[i].needed && !on_path(tools[i].tool)) {
			fprintf(stderr, "mmaplab: ");
			fprintf(stderr, msg(M_ERR_TOOL_MISSING), tools[i].tool);
			fputc('\n', stderr);
			return -1;
		}
	if (!need_strace)
		return 0;

	/* ptrace can be forbidden (containers' seccomp profiles, Yama): find out before grading, so
	   that no student is failed for the platform's refusal. */
	char *argv[] = { "strace", "-f", "-qq", "-o", "/dev/null", "--", "true", NULL };
	char *envp[] = { "PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=C", NULL };
	struct run_spec spec = {
		.name = "preflight", .argv = argv, .envp = envp, .cwd = "/",
		.wall_limit = 10, .cpu_limit = 10, .stdout_cap = 4096, .stderr_cap = 4096,
	};
	struct run_result r;
	(void)sandbox_run_all(&spec, &r, 1, 1);
	bool ok = r.started && r.exited && r.exit_code == 0;
	if (!ok) {
		fprintf(stderr, "mmaplab: ");
		fputs(msg(M_ERR_PTRACE), stderr);
		fputc('\n', stderr);
		if (r.err_len)
			fprintf(stderr, "  strace: %s", r.err);
	}
	run_result_free(&r);
	return ok ? 0 : -1;
}
