/* sandbox.h - run programs with limits and collect what they did.
 *
 * Every run gets its own process group, a wall-clock and CPU limit, resource limits, standard input
 * from /dev/null, its output read through pipes up to a cap, and no descriptor above 2. When a run
 * ends (or overruns) its whole process group is killed; the grader is a child subreaper, so a
 * process that left the group (setsid, double fork) is found and killed when the batch ends. */
#ifndef MMAPLAB_SANDBOX_H
#define MMAPLAB_SANDBOX_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "contain.h"

struct run_spec {
	const char *name;              /* for messages only, e.g. "normal" */
	char **argv;                   /* argv[0] is an absolute path or one found on PATH */
	char **envp;
	const char *cwd;
	double wall_limit;             /* seconds */
	unsigned cpu_limit;            /* seconds of CPU time (RLIMIT_CPU) */
	unsigned long long as_limit;   /* bytes of address space, 0 for none (Valgrind needs a lot) */
	unsigned long long fsize_limit;/* largest file the run may write, bytes */
	size_t stdout_cap, stderr_cap; /* bytes kept; more output kills the run */
	/* NULL: a process group, limits and the subreaper only. Otherwise the run is confined as
	   contain.h says, as far as contain_level() allows. */
	const struct containment *contain;
	/* A pipe at descriptor 3 whose bytes become run_result.log (Valgrind's --log-fd=3: a pipe
	   cannot be rewritten by the program, only appended to). */
	bool capture_fd3;
	size_t log_cap;
};

struct run_result {
	bool started;                  /* false: the program could not be executed (start_step failed
	                                  with start_errno) */
	int start_errno;
	const char *start_step;        /* "mount", "chdir", "execve", ... (static), when !started */
	bool exited;                   /* ended by exit(): exit_code is valid */
	int exit_code;
	bool signaled;                 /* ended by a signal: term_signal is valid */
	int term_signal;
	bool timed_out;                /* killed by the grader at the wall or CPU limit */
	bool output_capped;            /* killed by the grader for printing more than the cap */
	bool interrupted;              /* the grader itself was interrupted (SIGINT/SIGTERM) */
	double wall_seconds;
	double cpu_seconds;
	char *out, *err;               /* NUL-terminated copies of what was printed (up to the caps) */
	size_t out_len, err_len;
	char *log;                     /* what arrived on descriptor 3 (capture_fd3), else NULL */
	size_t log_len;
	int leftovers;                 /* processes still alive in the run's namespace when its
	                                  program ended (killed with the namespace) */
	bool contained;                /* the run had namespaces of its own */
};

/* A set of runs in progress: started one by one, reaped as they end. */
struct sandbox_set;

struct sandbox_set *sandbox_set_new(void);

/* Starts the run of spec; result is filled when it ends. spec and result must stay valid until
 * sandbox_wait has returned the run. A run that cannot start (or the grader was interrupted) ends
 * at once. Returns the run's index in the set (0, 1, ... in start order). */
size_t sandbox_start(struct sandbox_set *set, const struct run_spec *spec, struct run_result *result);

/* Waits until a run of the set has ended (or its limit killed it), reaps it and returns its index;
 * each run is returned once. Returns -1 when no run is left. After SIGINT/SIGTERM every run is
 * killed and returned with result.interrupted. */
long sandbox_wait(struct sandbox_set *set);

/* Kills and reaps whatever still runs, frees the set and kills processes that escaped their runs.
 * Returns how many such processes there were, or -1 if the grader was interrupted. */
int sandbox_set_free(struct sandbox_set *set);

/* Runs the n specs, at most `parallel` at once, and fills results[0..n). Returns what
 * sandbox_set_free returns. */
int sandbox_run_all(const struct run_spec *specs, struct run_result *results, size_t n, int parallel);

void run_result_free(struct run_result *r);

/* Makes this process a child subreaper and installs the SIGINT/SIGTERM handlers that let a run in
 * progress stop cleanly. Call once, before the first run. */
void sandbox_init(void);

/* True once SIGINT or SIGTERM arrived. */
bool sandbox_interrupted(void);

/* Finds processes left behind (children of this subreaper that no run is waiting for), kills and
 * reaps them. Returns how many there were. */
int sandbox_sweep_orphans(void);

/* The signal's name, e.g. "SIGSEGV" (sigabbrev_np with a fallback for unknown numbers). */
const char *signal_name(int sig);

/* The number of a signal named like "SIGSEGV", or 0 when unknown. */
int signal_number(const char *name);

#endif
