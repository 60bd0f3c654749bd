/* sandbox.c - see sandbox.h.
 *
 * Theory of operation. Three kinds of process take part in a run:
 *
 *   grader   this process: starts runs, reads their output, enforces their limits, reaps them.
 *            It is a child subreaper, so that whatever a run leaves behind comes back to it.
 *   init     a contained run's first process, cloned into new PID, mount, network, IPC and UTS
 *            namespaces (PID 1 there). It makes the run's mounts, forks the program, reaps
 *            everything and, when the program ends, reports how; the kernel then kills whatever
 *            is left in the namespace. Under strace, strace itself is this process.
 *            Uncontained runs (CONTAIN_NONE, the compiler's preflight) have no init: the program
 *            is the grader's child, in a process group of its own.
 *   program  the student's program (or strace, Valgrind, gcc), with the run's limits and user.
 *
 * Pipes from a run to the grader, each read by the grader's poll loop:
 *   stdout, stderr  the program's output, kept up to the caps; more kills the run.
 *   fd 3            (capture_fd3) Valgrind's report: a pipe cannot be rewritten, only appended to.
 *   start errors    close-on-exec at FD_EXEC_ERR: a failed step before exec (setpgid, mount,
 *                   chdir, setuid, exec ...) sends which step and its errno; a successful exec
 *                   closes it with nothing written.
 *   status          (contained runs) init sends the program's wait status and how many processes
 *                   it left behind; init itself always exits 0.
 * SIGCHLD writes a byte to a self-pipe, so that poll wakes the moment any run ends. */
#define _GNU_SOURCE
#include "sandbox.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t interrupted_flag;
/* SIGCHLD writes a byte here so that poll() wakes up the moment a run exits (the self-pipe trick). */
static int child_pipe[2] = { -1, -1 };

static void on_child(int sig)
{
	int saved = errno;

	(void)sig;
	(void)!write(child_pipe[1], "c", 1);
	errno = saved;
}

static void on_interrupt(int sig)
{
	(void)sig;
	interrupted_flag = 1;
}

void sandbox_init(void)
{
	struct sigaction sa;

	/* Namespaces first: entering a user namespace is only possible while single-threaded, and
	   every later child should start inside the grader's own mount namespace. */
	(void)contain_level();
	/* The runs' user must be able to read what the grader writes for it (sources, lab files),
	   whatever umask the grader was started with. */
	umask(022);

	/* Orphans of a run (double fork, setsid) are re-parented to us, not to init, so that
	   sandbox_sweep_orphans() can find and kill them. */
	if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == -1)
		die_errno("prctl(PR_SET_CHILD_SUBREAPER)");
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_interrupt;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: poll() must return at once so that the runs are stopped. */
	if (sigaction(SIGINT, &sa, NULL) == -1 || sigaction(SIGTERM, &sa, NULL) == -1 ||
	    sigaction(SIGHUP, &sa, NULL) == -1)
		die_errno("sigaction");
	if (pipe2(child_pipe, O_CLOEXEC | O_NONBLOCK) == -1)
		die_errno("pipe2");
	sa.sa_handler = on_child;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	if (sigaction(SIGCHLD, &sa, NULL) == -1)
		die_errno("sigaction(SIGCHLD)");
	sa.sa_flags = 0;
	/* A reader of our output that goes away must not kill us before we clean up. */
	sa.sa_handler = SIG_IGN;
	if (sigaction(SIGPIPE, &sa, NULL) == -1)
		die_errno("sigaction(SIGPIPE)");
}

bool sandbox_interrupted(void)
{
	return interrupted_flag != 0;
}

const char *signal_name(int sig)
{
	static char buf[32];
	const char *abbrev = sigabbrev_np(sig);

	if (abbrev) {
		snprintf(buf, sizeof buf, "SIG%s", abbrev);
		return buf;
	}
	snprintf(buf, sizeof buf, "signal %d", sig);
	return buf;
}

int signal_number(const char *name)
{
	if (!name || strncmp(name, "SIG", 3))
		return 0;
	for (int sig = 1; sig < NSIG; sig++) {
		const char *abbrev = sigabbrev_np(sig);
		if (abbrev && !strcmp(abbrev, name + 3))
			return sig;
	}
	return 0;
}

/* A run in progress. */
struct active {
	const struct run_spec *spec;
	struct run_result *result;
	pid_t pid;
	int out_fd, err_fd;      /* -1 once closed */
	int log_fd;              /* descriptor 3's pipe (capture_fd3), or -1 */
	int status_fd;           /* a contained run's status pipe, or -1 */
	struct strbuf out, err, log;
	double started_at;
	bool killed;             /* we sent SIGKILL to its group */
	bool done;               /* reaped (or never started): the result is complete */
	bool reported;           /* sandbox_wait returned it */
};

/* What a child sends through the start-error pipe when a step before exec fails. */
struct start_failure {
	int step;                /* enum start_step */
	int err;                 /* errno */
};

/* The steps between fork and exec that can fail, named in reports ("mount: EPERM"). */
enum start_step {
	STEP_SETPGID, STEP_DEATHSIG, STEP_DEVNULL, STEP_DESCRIPTORS, STEP_MOUNT, STEP_CHDIR,
	STEP_FORK, STEP_DROP_PRIVILEGES, STEP_DROP_CAPABILITIES, STEP_EXEC, STEP_COUNT
};

static const char *const start_step_names[STEP_COUNT] = {
	[STEP_SETPGID] = "setpgid",
	[STEP_DEATHSIG] = "prctl(PR_SET_PDEATHSIG)",
	[STEP_DEVNULL] = "open(/dev/null)",
	[STEP_DESCRIPTORS] = "dup2",
	[STEP_MOUNT] = "mount",
	[STEP_CHDIR] = "chdir",
	[STEP_FORK] = "fork",
	[STEP_DROP_PRIVILEGES] = "setuid",
	[STEP_DROP_CAPABILITIES] = "prctl(PR_CAPBSET_DROP)",
	[STEP_EXEC] = "execve",
};

/* Before the pipes have their fixed numbers: report through the original descriptor. */
static void child_fail_early(int err_pipe, enum start_step step)
{
	struct start_failure f = { step, errno };

	(void)!write(err_pipe, &f, sizeof f);
	_exit(127);
}

static void set_limit(int resource, unsigned long long value)
{
	struct rlimit rl = { .rlim_cur = value, .rlim_max = value };

	/* In the child: nothing can be reported but through the exec-error pipe, and a limit that
	   cannot be set is no reason not to run (the wall-clock limit still holds). */
	(void)setrlimit(resource, &rl);
}

/* Descriptors of a child between fork and exec. */
enum {
	FD_LOG = 3,      /* capture_fd3: Valgrind's report */
	FD_EXEC_ERR = 4, /* errno of a failed set-up or exec (close-on-exec) */
	FD_STATUS = 5,   /* a contained run's init reports the program's wait status here */
};

/* Sends the failed step and errno through the start-error pipe and ends the child. */
static void child_fail(enum start_step step)
{
	struct start_failure f = { step, errno };

	(void)!write(FD_EXEC_ERR, &f, sizeof f);
	_exit(127);
}

/* The processes of this process's real user (in its user namespace's view), counted in /proc
 * before a run starts: a run without a user of its own may start this many plus a margin. */
static unsigned long own_processes(void)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	unsigned long n = 0;
	char want[32];

	if (!d)
		return 0;
	snprintf(want, sizeof want, "Uid:\t%u\t", (unsigned)getuid());
	while ((de = readdir(d)) != NULL) {
		char path[300], *data;
		size_t len;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "/proc/%s/status", de->d_name);
		if (read_file(path, 4096, &data, &len, NULL) == -1)
			continue;
		n += strstr(data, want) != NULL;
		free(data);
	}
	closedir(d);
	return n;
}

/* Limits that every process of the run inherits. nproc: RLIMIT_NPROC, 0 for none. */
static void set_limits(const struct run_spec *spec, unsigned long nproc)
{
	set_limit(RLIMIT_CPU, spec->cpu_limit);
	set_limit(RLIMIT_CORE, 0);
	if (spec->as_limit)
		set_limit(RLIMIT_AS, spec->as_limit);
	if (spec->fsize_limit)
		set_limit(RLIMIT_FSIZE, spec->fsize_limit);
	set_limit(RLIMIT_NOFILE, 256);
	/* RLIMIT_NPROC counts the processes of a user (root ignores it): a fork bomb stops there. */
	if (nproc)
		set_limit(RLIMIT_NPROC, nproc);
}

/* Sets the run's limits and execs its program. The limits come last, in the process that execs: a
 * limit on address space would otherwise bind the grader's own code in a contained run's init. */
static void exec_program(const struct run_spec *spec, unsigned long nproc)
{
	set_limits(spec, nproc);
	/* Restore the dispositions a program expects (ignored signals survive exec). */
	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	execvpe(spec->argv[0], spec->argv, spec->envp);
	child_fail(STEP_EXEC);
}

/* Counts the processes of this PID namespace other than init itself. */
static int namespace_processes(void)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	int n = 0;

	if (!d)
		return 0;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] >= '1' && de->d_name[0] <= '9' && strcmp(de->d_name, "1"))
			n++;
	closedir(d);
	return n;
}

/* PID 1 of a contained run: starts the program as its child (a program must not be PID 1, whose
 * signals behave differently), reaps everything, and when the program ends reports its wait status
 * and how many processes it left, then exits: the kernel kills whatever else is in the namespace. */
static void run_as_init(const struct run_spec *spec, unsigned long nproc)
{
	pid_t program = fork();
	int status = 0, reported[2];

	if (program == -1)
		child_fail(STEP_FORK);
	if (program == 0) {
		if (contain_drop_privileges(spec->contain) == -1)
			child_fail(STEP_DROP_PRIVILEGES);
		exec_program(spec, nproc);
	}
	/* Only the program may hold the output pipes and the exec-error pipe, so that they close
	   when it is gone. */
	for (int fd = 0; fd <= FD_EXEC_ERR; fd++)
		close(fd);
	for (;;) {
		pid_t w = waitpid(-1, &status, __WALL);

		if (w == -1) {
			if (errno == EINTR)
				continue;
			_exit(1);
		}
		if (w == program)
			break;
	}
	reported[0] = status;
	reported[1] = namespace_processes();
	(void)!write(FD_STATUS, reported, sizeof reported);
	_exit(0);
}

/* In the child after fork()/clone(): set up and exec; on failure, send errno and exit 127. */
static void child_exec(const struct run_spec *spec, int out_w, int err_w, int err_pipe, int log_w,
                       int status_w, bool contained, unsigned long nproc)
{
	int devnull;

	/* The grader's handlers must not run here: its SIGCHLD handler writes to a descriptor number
	   that this process is about to reuse. */
	signal(SIGCHLD, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	if (setpgid(0, 0) == -1)
		child_fail_early(err_pipe, STEP_SETPGID);
	/* If the grader dies (kill -9), its runs die too instead of running on unsupervised. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) == -1)
		child_fail_early(err_pipe, STEP_DEATHSIG);
	/* Above the fixed numbers too: open() returns the lowest free descriptor, which may be one
	   that dup2 is about to take. */
	devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (devnull == -1 || (devnull = fcntl(devnull, F_DUPFD_CLOEXEC, 100)) == -1)
		child_fail_early(err_pipe, STEP_DEVNULL);
	/* Move the pipes to their fixed numbers; the exec-error and status pipes stay close-on-exec. */
	if (dup2(err_pipe, FD_EXEC_ERR) == -1 || fcntl(FD_EXEC_ERR, F_SETFD, FD_CLOEXEC) == -1)
		child_fail_early(err_pipe, STEP_DESCRIPTORS);
	if (status_w != -1 && (dup2(status_w, FD_STATUS) == -1 || fcntl(FD_STATUS, F_SETFD, FD_CLOEXEC) == -1))
		child_fail(STEP_DESCRIPTORS);
	if (log_w != -1 ? dup2(log_w, FD_LOG) == -1 : (close(FD_LOG) == -1 && errno != EBADF))
		child_fail(STEP_DESCRIPTORS);
	if (dup2(devnull, 0) == -1 || dup2(out_w, 1) == -1 || dup2(err_w, 2) == -1)
		child_fail(STEP_DESCRIPTORS);
	/* The grader's own descriptors (pipes, logs) must not leak in: Valgrind's --track-fds would
	   blame the student for them. */
	if (close_range(status_w != -1 ? FD_STATUS + 1 : FD_EXEC_ERR + 1, ~0U, 0) == -1)
		child_fail(STEP_DESCRIPTORS);
	if (contained && contain_setup_mounts(spec->contain) == -1)
		child_fail(STEP_MOUNT);
	if (spec->cwd && chdir(spec->cwd) == -1)
		child_fail(STEP_CHDIR);
	if (contained && !spec->contain->program_is_traced)
		run_as_init(spec, nproc);
	/* strace without a user of its own to drop to (a user namespace) gets no capabilities
	   either: the program it starts inherits what it has. */
	if (contained && spec->contain->uid == (uid_t)-1 && contain_drop_capabilities() == -1)
		child_fail(STEP_DROP_CAPABILITIES);
	/* strace runs as PID 1 itself (nothing in the namespace can signal it), as root, and drops to
	   the run's user with -u for the program it starts. */
	exec_program(spec, nproc);
}

static void close_if_open(int *fd)
{
	if (*fd != -1 && close(*fd) == -1)
		die_errno("close");
	*fd = -1;
}

/* In the child: the same pipe at a descriptor above the fixed numbers (-1 stays -1). */
static int lift(int fd)
{
	if (fd == -1)
		return -1;
	int high = fcntl(fd, F_DUPFD_CLOEXEC, 100);
	if (high == -1)
		_exit(127); /* nothing to report through yet: the run shows as not started */
	return high;
}

static void make_pipe(int fds[2])
{
	if (pipe2(fds, O_CLOEXEC) == -1)
		die_errno("pipe2");
}

/* Starts one run. Returns false (result filled) when it could not be started. */
static bool start_run(struct active *a)
{
	int out[2], err[2], exec_err[2], log[2] = { -1, -1 }, status[2] = { -1, -1 };
	struct start_failure failure;
	ssize_t n;
	unsigned long ns = a->spec->contain ? contain_clone_flags() : 0;

	make_pipe(out);
	make_pipe(err);
	make_pipe(exec_err);
	if (a->spec->capture_fd3)
		make_pipe(log);
	if (ns)
		make_pipe(status);
	/* The run's own user may have 64 processes; a run under the grader's user, what that user
	   has now and 256 more. */
	unsigned long nproc = 0;
	if (ns && a->spec->contain->uid != (uid_t)-1)
		nproc = 64;
	else if (ns && contain_level() == CONTAIN_USERNS)
		nproc = own_processes() + 256;
	a->started_at = monotonic_seconds();
	/* clone with new namespaces: the child is PID 1 of its own PID namespace, so that when it
	   ends, the kernel ends every process the program started, wherever it went. */
	a->pid = ns ? (pid_t)syscall(SYS_clone, SIGCHLD | ns, NULL, NULL, NULL, NULL) : fork();
	if (a->pid == -1)
		die_errno(ns ? "clone" : "fork");
	if (a->pid == 0) {
		/* Lift every pipe above the fixed numbers before dup2 puts them in place. */
		child_exec(a->spec, lift(out[1]), lift(err[1]), lift(exec_err[1]), lift(log[1]),
		           lift(status[1]), ns != 0, nproc);
	}
	/* Also here, so that a kill of the group cannot race the child's own setpgid. */
	if (setpgid(a->pid, a->pid) == -1 && errno != EACCES && errno != ESRCH)
		die_errno("setpgid");
	if (close(out[1]) == -1 || close(err[1]) == -1 || close(exec_err[1]) == -1)
		die_errno("close");
	close_if_open(&log[1]);
	close_if_open(&status[1]);
	do
		n = read(exec_err[0], &failure, sizeof failure);
	while (n == -1 && errno == EINTR);
	if (close(exec_err[0]) == -1)
		die_errno("close");
	a->out_fd = out[0];
	a->err_fd = err[0];
	a->log_fd = log[0];
	a->status_fd = status[0];
	sb_init(&a->out);
	sb_init(&a->err);
	sb_init(&a->log);
	a->killed = false;
	a->result->contained = ns != 0;
	if (n == (ssize_t)sizeof failure) {
		a->result->started = false;
		a->result->start_errno = failure.err;
		a->result->start_step = failure.step >= 0 && failure.step < STEP_COUNT
		                        ? start_step_names[failure.step] : "?";
		return false;
	}
	a->result->started = true;
	if (fcntl(a->out_fd, F_SETFL, O_NONBLOCK) == -1 || fcntl(a->err_fd, F_SETFL, O_NONBLOCK) == -1 ||
	    (a->log_fd != -1 && fcntl(a->log_fd, F_SETFL, O_NONBLOCK) == -1))
		die_errno("fcntl(O_NONBLOCK)");
	return true;
}

static void kill_group(struct active *a)
{
	if (kill(-a->pid, SIGKILL) == -1 && errno != ESRCH)
		die_errno("kill");
	a->killed = true;
}

/* Reads what is available on *fd into sb (up to cap). Returns true when the cap was exceeded. */
static bool drain(int *fd, struct strbuf *sb, size_t cap)
{
	char chunk[65536];

	while (*fd != -1) {
		ssize_t n = read(*fd, chunk, sizeof chunk);

		if (n == -1) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return false;
			die_errno("read");
		}
		if (n == 0) {
			if (close(*fd) == -1)
				die_errno("close");
			*fd = -1;
			return false;
		}
		if (sb->len + (size_t)n > cap) {
			sb_append(sb, chunk, cap - sb->len);
			return true;
		}
		sb_append(sb, chunk, (size_t)n);
	}
	return false;
}


/* Collects the exit of a reaped run into its result and frees its buffers into the result. */
static void finish_run(struct active *a, int status, const struct rusage *ru)
{
	struct run_result *r = a->result;

	/* Whatever is left of the group (children that did not exit) dies with the run. */
	kill_group(a);
	(void)drain(&a->out_fd, &a->out, a->spec->stdout_cap);
	(void)drain(&a->err_fd, &a->err, a->spec->stderr_cap);
	(void)drain(&a->log_fd, &a->log, a->spec->log_cap);
	close_if_open(&a->out_fd);
	close_if_open(&a->err_fd);
	close_if_open(&a->log_fd);
	/* A contained run's init reports how the program itself ended (init always exits 0). */
	if (a->status_fd != -1) {
		int reported[2];
		ssize_t n;

		do
			n = read(a->status_fd, reported, sizeof reported);
		while (n == -1 && errno == EINTR);
		if (n == (ssize_t)sizeof reported) {
			status = reported[0];
			r->leftovers = reported[1];
		}
		close_if_open(&a->status_fd);
	}
	r->wall_seconds = monotonic_seconds() - a->started_at;
	r->cpu_seconds = (double)ru->ru_utime.tv_sec + (double)ru->ru_utime.tv_usec / 1e6 +
	                 (double)ru->ru_stime.tv_sec + (double)ru->ru_stime.tv_usec / 1e6;
	if (WIFEXITED(status)) {
		r->exited = true;
		r->exit_code = WEXITSTATUS(status);
	} else if (WIFSIGNALED(status)) {
		r->signaled = true;
		r->term_signal = WTERMSIG(status);
		/* RLIMIT_CPU is enforced with SIGXCPU (then SIGKILL): that is the CPU time limit. */
		if (r->term_signal == SIGXCPU)
			r->timed_out = true;
	}
	r->out_len = a->out.len;
	r->out = sb_steal(&a->out);
	r->err_len = a->err.len;
	r->err = sb_steal(&a->err);
	if (a->spec->capture_fd3) {
		r->log_len = a->log.len;
		r->log = sb_steal(&a->log);
	}
	sb_free(&a->out);
	sb_free(&a->err);
	sb_free(&a->log);
}

/* A set of runs in progress; see sandbox.h. */
struct sandbox_set {
	struct active *runs;
	size_t count, cap;
	size_t running;          /* started and not yet reaped */
};

struct sandbox_set *sandbox_set_new(void)
{
	return xcalloc(1, sizeof(struct sandbox_set));
}

size_t sandbox_start(struct sandbox_set *set, const struct run_spec *spec, struct run_result *result)
{
	if (set->count == set->cap) {
		size_t cap = set->cap ? 2 * set->cap : 8;
		struct active *grown = xcalloc(cap, sizeof *grown);

		if (set->count)
			memcpy(grown, set->runs, set->count * sizeof *grown);
		free(set->runs);
		set->runs = grown;
		set->cap = cap;
	}
	size_t i = set->count++;
	struct active *a = &set->runs[i];

	memset(result, 0, sizeof *result);
	a->spec = spec;
	a->result = result;
	if (interrupted_flag) {
		/* Never started: reported as interrupted by the next wait. */
		result->interrupted = true;
		result->out = xstrdup("");
		result->err = xstrdup("");
		a->pid = 0;
		a->done = true;
		return i;
	}
	if (start_run(a)) {
		set->running++;
		return i;
	}
	/* It could not start: reap the child that reported why. */
	int status;
	struct rusage ru;
	while (wait4(a->pid, &status, 0, &ru) == -1)
		if (errno != EINTR)
			die_errno("wait4");
	close_if_open(&a->out_fd);
	close_if_open(&a->err_fd);
	close_if_open(&a->log_fd);
	close_if_open(&a->status_fd);
	sb_free(&a->out);
	sb_free(&a->err);
	sb_free(&a->log);
	a->pid = 0;
	result->out = xstrdup("");
	result->err = xstrdup("");
	a->done = true;
	return i;
}

/* Reads what the running runs printed, for at most `timeout` seconds or until a run ends (the
 * SIGCHLD pipe wakes the poll). Kills a run that printed more than its cap. */
static void poll_output(struct sandbox_set *set, double timeout)
{
	size_t n = set->count;
	struct pollfd *pfd = xcalloc(3 * n + 1, sizeof *pfd);
	struct active **owner = xcalloc(3 * n + 1, sizeof *owner);
	int **which = xcalloc(3 * n + 1, sizeof *which);
	nfds_t np = 0;

	if (child_pipe[0] != -1) {
		pfd[np].fd = child_pipe[0];
		pfd[np].events = POLLIN;
		np++;
	}
	for (size_t i = 0; i < n; i++) {
		struct active *a = &set->runs[i];
		int *fds[3] = { &a->out_fd, &a->err_fd, &a->log_fd };

		if (a->pid <= 0)
			continue;
		for (int k = 0; k < 3; k++) {
			if (*fds[k] == -1)
				continue;
			pfd[np].fd = *fds[k];
			pfd[np].events = POLLIN;
			owner[np] = a;
			which[np] = fds[k];
			np++;
		}
	}
	int pr = poll(pfd, np, (int)(timeout * 1000) + 1);
	if (pr == -1 && errno != EINTR)
		die_errno("poll");
	for (nfds_t k = 0; pr > 0 && k < np; k++) {
		struct active *a = owner[k];

		if (!(pfd[k].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		if (!a) {
			char buf[64];
			while (read(child_pipe[0], buf, sizeof buf) > 0)
				;
			continue;
		}
		if (which[k] == &a->log_fd) {
			/* A report larger than its cap is cut, not a reason to stop the run. */
			(void)drain(&a->log_fd, &a->log, a->spec->log_cap);
			continue;
		}
		bool is_out = which[k] == &a->out_fd;
		if (drain(which[k], is_out ? &a->out : &a->err,
		          is_out ? a->spec->stdout_cap : a->spec->stderr_cap) && !a->killed) {
			a->result->output_capped = true;
			kill_group(a);
		}
	}
	free(pfd);
	free(owner);
	free(which);
}

/* Reaps run a if it has ended (blocking when `block`). Returns true when it was reaped. */
static bool reap(struct sandbox_set *set, struct active *a, bool block)
{
	int status;
	struct rusage ru;
	pid_t w;

	do
		w = wait4(a->pid, &status, block ? 0 : WNOHANG, &ru);
	while (w == -1 && errno == EINTR && block);
	if (w == -1 && errno != EINTR)
		die_errno("wait4");
	if (w != a->pid)
		return false;
	finish_run(a, status, &ru);
	a->pid = 0;
	a->done = true;
	set->running--;
	return true;
}

/* Kills every run still going and reaps it, marking it interrupted. */
static void stop_all(struct sandbox_set *set)
{
	for (size_t i = 0; i < set->count; i++) {
		struct active *a = &set->runs[i];

		if (a->pid <= 0)
			continue;
		kill_group(a);
		(void)reap(set, a, true);
		a->result->interrupted = true;
	}
}

long sandbox_wait(struct sandbox_set *set)
{
	for (;;) {
		for (size_t i = 0; i < set->count; i++)
			if (set->runs[i].done && !set->runs[i].reported) {
				set->runs[i].reported = true;
				return (long)i;
			}
		if (set->running == 0)
			return -1;
		if (interrupted_flag) {
			stop_all(set);
			continue;
		}
		/* Wait for output, an exit or the nearest deadline; without sandbox_init's SIGCHLD pipe,
		   wake up often enough to notice silent exits. */
		double now = monotonic_seconds(), wait_for = child_pipe[0] == -1 ? 0.01 : 1.0;
		for (size_t i = 0; i < set->count; i++) {
			const struct active *a = &set->runs[i];
			double left = a->started_at + a->spec->wall_limit - now;

			if (a->pid > 0 && left < wait_for)
				wait_for = left > 0 ? left : 0;
		}
		poll_output(set, wait_for);
		now = monotonic_seconds();
		for (size_t i = 0; i < set->count; i++) {
			struct active *a = &set->runs[i];

			if (a->pid <= 0)
				continue;
			if (!a->killed && now > a->started_at + a->spec->wall_limit) {
				a->result->timed_out = true;
				kill_group(a);
			}
			(void)reap(set, a, false);
		}
	}
}

int sandbox_set_free(struct sandbox_set *set)
{
	stop_all(set);
	free(set->runs);
	free(set);
	int orphans = sandbox_sweep_orphans();
	return interrupted_flag ? -1 : orphans;
}

int sandbox_run_all(const struct run_spec *specs, struct run_result *results, size_t n, int parallel)
{
	struct sandbox_set *set = sandbox_set_new();
	size_t next = 0, ended = 0;

	if (parallel < 1)
		parallel = 1;
	while (ended < n) {
		for (; next < n && next - ended < (size_t)parallel; next++)
			(void)sandbox_start(set, &specs[next], &results[next]);
		if (sandbox_wait(set) == -1)
			break;
		ended++;
	}
	/* Interrupted before every run could start: the rest never ran. */
	for (; next < n; next++) {
		memset(&results[next], 0, sizeof results[next]);
		results[next].interrupted = true;
		results[next].out = xstrdup("");
		results[next].err = xstrdup("");
	}
	return sandbox_set_free(set);
}

/* Appends the pids listed in /proc/self/task/TID/children for every thread of ours. */
static size_t list_children(pid_t *pids, size_t max)
{
	DIR *tasks = opendir("/proc/self/task");
	struct dirent *de;
	size_t count = 0;

	if (!tasks)
		die_errno("opendir(/proc/self/task)");
	while ((de = readdir(tasks)) != NULL && count < max) {
		char path[300];
		char *data;
		size_t len;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "/proc/self/task/%s/children", de->d_name);
		if (read_file(path, 1 << 20, &data, &len, NULL) == -1)
			continue; /* the thread went away */
		for (char *p = data; *p && count < max;) {
			char *end;
			long v = strtol(p, &end, 10);

			if (end == p)
				break;
			pids[count++] = (pid_t)v;
			p = end;
			while (*p == ' ' || *p == '\n')
				p++;
		}
		free(data);
	}
	if (closedir(tasks) == -1)
		die_errno("closedir");
	return count;
}

int sandbox_sweep_orphans(void)
{
	pid_t pids[1024];
	int killed = 0;

	/* A process may fork while we kill its parent: repeat until nothing is left (bounded, since
	   every pass kills what it saw and RLIMIT_NPROC / pid_max bound what can appear). */
	for (int pass = 0; pass < 1000; pass++) {
		size_t n = list_children(pids, sizeof pids / sizeof pids[0]);
		int status;

		if (n == 0)
			break;
		for (size_t i = 0; i < n; i++) {
			/* A process that called setsid() leads its own group: kill the group too. */
			(void)kill(-pids[i], SIGKILL);
			if (kill(pids[i], SIGKILL) == -1 && errno != ESRCH)
				die_errno("kill");
		}
		for (size_t i = 0; i < n; i++) {
			while (waitpid(pids[i], &status, 0) == -1 && errno == EINTR)
				;
			killed++;
		}
	}
	return killed;
}

void run_result_free(struct run_result *r)
{
	free(r->out);
	free(r->err);
	free(r->log);
	r->out = r->err = r->log = NULL;
}
