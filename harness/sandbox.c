/* sandbox.c - see sandbox.h. */
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

static double now_seconds(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		die_errno("clock_gettime");
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A run in progress. */
struct active {
	const struct run_spec *spec;
	struct run_result *result;
	pid_t pid;
	int out_fd, err_fd;      /* -1 once closed */
	struct strbuf out, err;
	double started_at;
	bool killed;             /* we sent SIGKILL to its group */
};

static void set_limit(int resource, unsigned long long value)
{
	struct rlimit rl = { .rlim_cur = value, .rlim_max = value };

	/* In the child: nothing can be reported but through the exec-error pipe, and a limit that
	   cannot be set is no reason not to run (the wall-clock limit still holds). */
	(void)setrlimit(resource, &rl);
}

/* In the child after fork(): set up and exec; on failure, send errno through err_pipe and exit 127. */
static void child_exec(const struct run_spec *spec, int out_w, int err_w, int err_pipe)
{
	int devnull;

	if (setpgid(0, 0) == -1)
		goto fail;
	/* If the grader dies (kill -9), its runs die too instead of running on unsupervised. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) == -1)
		goto fail;
	devnull = open("/dev/null", O_RDONLY);
	if (devnull == -1)
		goto fail;
	if (dup2(devnull, 0) == -1 || dup2(out_w, 1) == -1 || dup2(err_w, 2) == -1)
		goto fail;
	/* The grader's own descriptors (pipes, logs) must not leak in: Valgrind's --track-fds would
	   blame the student for them. err_pipe is O_CLOEXEC and must survive until exec. */
	if (dup2(err_pipe, 3) == -1)
		goto fail;
	if (fcntl(3, F_SETFD, FD_CLOEXEC) == -1)
		goto fail;
	err_pipe = 3;
	if (close_range(4, ~0U, 0) == -1)
		goto fail;
	if (spec->cwd && chdir(spec->cwd) == -1)
		goto fail;
	set_limit(RLIMIT_CPU, spec->cpu_limit);
	set_limit(RLIMIT_CORE, 0);
	if (spec->as_limit)
		set_limit(RLIMIT_AS, spec->as_limit);
	if (spec->fsize_limit)
		set_limit(RLIMIT_FSIZE, spec->fsize_limit);
	set_limit(RLIMIT_NOFILE, 256);
	/* Restore the dispositions a program expects (we ignore SIGPIPE; exec keeps ignored signals). */
	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	execvpe(spec->argv[0], spec->argv, spec->envp);
fail:;
	int e = errno;
	(void)!write(err_pipe, &e, sizeof e);
	_exit(127);
}

static void make_pipe(int fds[2])
{
	if (pipe2(fds, O_CLOEXEC) == -1)
		die_errno("pipe2");
}

/* Starts one run. Returns false (result filled) when it could not be started. */
static bool start_run(struct active *a)
{
	int out[2], err[2], exec_err[2];
	int child_errno;
	ssize_t n;

	make_pipe(out);
	make_pipe(err);
	make_pipe(exec_err);
	a->started_at = now_seconds();
	a->pid = fork();
	if (a->pid == -1)
		die_errno("fork");
	if (a->pid == 0)
		child_exec(a->spec, out[1], err[1], exec_err[1]);
	/* Also here, so that a kill of the group cannot race the child's own setpgid. */
	if (setpgid(a->pid, a->pid) == -1 && errno != EACCES && errno != ESRCH)
		die_errno("setpgid");
	if (close(out[1]) == -1 || close(err[1]) == -1 || close(exec_err[1]) == -1)
		die_errno("close");
	do
		n = read(exec_err[0], &child_errno, sizeof child_errno);
	while (n == -1 && errno == EINTR);
	if (close(exec_err[0]) == -1)
		die_errno("close");
	a->out_fd = out[0];
	a->err_fd = err[0];
	sb_init(&a->out);
	sb_init(&a->err);
	a->killed = false;
	if (n == (ssize_t)sizeof child_errno) {
		a->result->started = false;
		a->result->start_errno = child_errno;
		return false;
	}
	a->result->started = true;
	if (fcntl(a->out_fd, F_SETFL, O_NONBLOCK) == -1 || fcntl(a->err_fd, F_SETFL, O_NONBLOCK) == -1)
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

static void close_if_open(int *fd)
{
	if (*fd != -1 && close(*fd) == -1)
		die_errno("close");
	*fd = -1;
}

/* Collects the exit of a reaped run into its result and frees its buffers into the result. */
static void finish_run(struct active *a, int status, const struct rusage *ru)
{
	struct run_result *r = a->result;

	/* Whatever is left of the group (children that did not exit) dies with the run. */
	kill_group(a);
	(void)drain(&a->out_fd, &a->out, a->spec->stdout_cap);
	(void)drain(&a->err_fd, &a->err, a->spec->stderr_cap);
	close_if_open(&a->out_fd);
	close_if_open(&a->err_fd);
	r->wall_seconds = now_seconds() - a->started_at;
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
	sb_free(&a->out);
	sb_free(&a->err);
}

int sandbox_run_all(const struct run_spec *specs, struct run_result *results, size_t n, int parallel)
{
	struct active *act = xcalloc(n, sizeof *act);
	size_t next = 0, running = 0, done = 0;

	if (parallel < 1)
		parallel = 1;
	memset(results, 0, n * sizeof *results);
	while (done < n) {
		/* Start runs up to the parallel limit. */
		while (next < n && running < (size_t)parallel && !interrupted_flag) {
			struct active *a = &act[next];

			a->spec = &specs[next];
			a->result = &results[next];
			next++;
			if (start_run(a)) {
				running++;
			} else {
				int status;
				struct rusage ru;

				while (wait4(a->pid, &status, 0, &ru) == -1)
					if (errno != EINTR)
						die_errno("wait4");
				close_if_open(&a->out_fd);
				close_if_open(&a->err_fd);
				sb_free(&a->out);
				sb_free(&a->err);
				a->pid = 0;
				results[a - act].out = xstrdup("");
				results[a - act].err = xstrdup("");
				done++;
			}
		}
		if (interrupted_flag) {
			for (size_t i = 0; i < next; i++)
				if (act[i].pid > 0)
					kill_group(&act[i]);
		}
		if (running == 0) {
			if (interrupted_flag)
				break;
			continue;
		}

		/* Wait for output, or for the nearest deadline, but wake up often enough to notice exits
		   of programs that print nothing. */
		struct pollfd pfd[2 * n + 1];
		struct active *owner[2 * n + 1];
		int *which[2 * n + 1];
		nfds_t np = 0;
		/* Without sandbox_init's SIGCHLD pipe, wake up often enough to notice silent exits. */
		double now = now_seconds(), wait_for = child_pipe[0] == -1 ? 0.01 : 1.0;

		if (child_pipe[0] != -1) {
			pfd[np].fd = child_pipe[0];
			pfd[np].events = POLLIN;
			owner[np] = NULL;
			which[np] = NULL;
			np++;
		}

		for (size_t i = 0; i < next; i++) {
			struct active *a = &act[i];

			if (a->pid <= 0)
				continue;
			double left = a->started_at + a->spec->wall_limit - now;
			if (left < wait_for)
				wait_for = left > 0 ? left : 0;
			int *fds[2] = { &a->out_fd, &a->err_fd };
			for (int k = 0; k < 2; k++) {
				if (*fds[k] == -1)
					continue;
				pfd[np].fd = *fds[k];
				pfd[np].events = POLLIN;
				owner[np] = a;
				which[np] = fds[k];
				np++;
			}
		}
		int pr = poll(pfd, np, (int)(wait_for * 1000) + 1);
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
			bool is_out = which[k] == &a->out_fd;
			if (drain(which[k], is_out ? &a->out : &a->err,
			          is_out ? a->spec->stdout_cap : a->spec->stderr_cap) && !a->killed) {
				a->result->output_capped = true;
				kill_group(a);
			}
		}

		/* Deadlines and exits. */
		now = now_seconds();
		for (size_t i = 0; i < next; i++) {
			struct active *a = &act[i];
			int status;
			struct rusage ru;

			if (a->pid <= 0)
				continue;
			if (!a->killed && now > a->started_at + a->spec->wall_limit) {
				a->result->timed_out = true;
				kill_group(a);
			}
			pid_t w = wait4(a->pid, &status, WNOHANG, &ru);
			if (w == -1 && errno != EINTR)
				die_errno("wait4");
			if (w != a->pid)
				continue;
			finish_run(a, status, &ru);
			a->pid = 0;
			running--;
			done++;
		}
	}
	/* Interrupted: reap what is still running. */
	for (size_t i = 0; i < next; i++) {
		struct active *a = &act[i];
		int status;
		struct rusage ru;

		if (a->pid <= 0)
			continue;
		kill_group(a);
		while (wait4(a->pid, &status, 0, &ru) == -1)
			if (errno != EINTR)
				die_errno("wait4");
		finish_run(a, status, &ru);
		a->result->interrupted = true;
	}
	for (size_t i = next; i < n; i++) {
		results[i].interrupted = true;
		results[i].out = xstrdup("");
		results[i].err = xstrdup("");
	}
	free(act);
	int orphans = sandbox_sweep_orphans();
	return interrupted_flag ? -1 : orphans;
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
	r->out = r->err = NULL;
}
