/* workers.c - see workers.h. */
#define _GNU_SOURCE
#include "workers.h"
#include "cli.h"
#include "grade.h"
#include "msg.h"
#include "outdir.h"
#include "report.h"
#include "sandbox.h"
#include "scratch.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* How long stopped workers get to kill their runs and remove their scratch directories. */
#define GRACE_SECONDS 15.0

struct slot {
	pid_t pid;                /* 0: free */
	const struct student *st;
	char *err_path;           /* the worker's stderr, read for the reason it could not grade */
	double started;
	double term_at;           /* when SIGTERM was sent (0: not yet) */
	bool overran;             /* stopped by the watchdog */
};


/* Sleeps up to seconds; SIGCHLD (a worker ended) or SIGINT cuts it short. */
static void nap(double seconds)
{
	struct timespec ts = { .tv_sec = (time_t)seconds, .tv_nsec = (long)((seconds - (double)(time_t)seconds) * 1e9) };

	if (nanosleep(&ts, NULL) == -1 && errno != EINTR)
		die_errno("nanosleep");
}

/* In a worker: what die() must undo before the worker exits. */
static void worker_cleanup(void)
{
	(void)sandbox_sweep_orphans();
	scratch_cleanup_all();
}

/* Points fd 'target' at path (opened with flags), so that the worker's noise goes there. */
static void redirect(int target, const char *path, int flags)
{
	int fd = open(path, flags, 0600);

	if (fd == -1 || dup2(fd, target) == -1)
		_exit(EXIT_CANNOT_GRADE);
	if (fd != target && close(fd) == -1)
		_exit(EXIT_CANNOT_GRADE);
}

/* Writes one report of r to DIR/ID.ext under a temporary name, then renames it into place. */
static void write_report(const struct pool_config *c, const struct student *st, const char *ext,
                         const struct grade_result *r, const char *cmd)
{
	struct atomic_file af;
	char *path = outdir_file(c->out->root, st->id, ext);
	FILE *f = atomic_open(&af, c->out, path);

	if (!strcmp(ext, "json")) {
		if (report_json(f, r, cmd) == -1)
			die("%s: cannot build the JSON report", path);
	} else if (!strcmp(ext, STUDENT_PAGE_EXT)) {
		/* The page is an extra: a student whose page cannot be written (an id too long for the
		   name ID.page.html, say) still gets the JSON and text reports, and the class page links
		   only pages that are there. */
		if (report_html(f, r, cmd) == -1 || atomic_commit(&af) == -1) {
			fprintf(stderr, "mmaplab: %s: %s\n", path, strerror(errno));
			if (af.f)
				atomic_discard(&af);
		}
		free(path);
		return;
	} else {
		report_text(f, r, cmd, false);
	}
	if (atomic_commit(&af) == -1)
		die("%s: %s", path, strerror(errno));
	free(path);
}

/* The worker process: grades one student and exits 0 (reports in place), EXIT_CANNOT_GRADE (the
 * reason on stderr) or EXIT_INTERRUPTED (nothing written). */
static void worker_main(const struct pool_config *c, const struct student *st, const char *err_path, pid_t parent)
{
	/* The parent's cleanup would remove the batch's .partial directory. */
	set_fatal_cleanup(worker_cleanup);
	/* A batch killed outright must not leave workers grading on their own. */
	if (prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0) == -1)
		_exit(EXIT_CANNOT_GRADE);
	if (getppid() != parent)
		_exit(EXIT_INTERRUPTED);
	redirect(STDIN_FILENO, "/dev/null", O_RDONLY);
	redirect(STDOUT_FILENO, "/dev/null", O_WRONLY);
	redirect(STDERR_FILENO, err_path, O_WRONLY | O_CREAT | O_TRUNC);
	/* A subreaper is not inherited: without this, a run's escaped processes would reach the batch. */
	sandbox_init();

	struct grade_options opt = {
		.lab = c->lab, .submission = st->path, .seed_given = true, .seed = c->seed,
	};
	struct grade_result r;
	if (grade(&opt, &r) == -1)
		exit(EXIT_CANNOT_GRADE);
	if (r.interrupted || sandbox_interrupted())
		exit(EXIT_INTERRUPTED);
	char *cmd = replay_command(c->self, &r);
	/* The text first: ID.json being there is what says the student is finished. */
	write_report(c, st, "txt", &r, cmd);
	write_report(c, st, STUDENT_PAGE_EXT, &r, cmd);
	write_report(c, st, "json", &r, cmd);
	free(cmd);
	grade_result_free(&r);
	exit(fflush(NULL) == EOF ? EXIT_CANNOT_GRADE : 0);
}

/* Forks the worker of slot s for student st, the index-th of the batch. */
static void start_worker(const struct pool_config *c, struct slot *s, const struct student *st, size_t index)
{
	pid_t parent = getpid();

	s->st = st;
	s->err_path = xasprintf("%s/worker-%zu.err", c->out->partial, index);
	s->started = monotonic_seconds();
	s->term_at = 0;
	s->overran = false;
	/* Whatever stdio holds would otherwise be written twice, once by the worker. */
	if (fflush(NULL) == EOF)
		die_errno("fflush");
	s->pid = fork();
	if (s->pid == -1)
		die_errno("fork");
	if (s->pid == 0)
		worker_main(c, st, s->err_path, parent);
}

/* The last line the worker printed, without the "mmaplab: " every message starts with. */
static char *last_error_line(const char *path)
{
	char *data, *line;
	size_t len;

	if (read_file(path, 1 << 20, &data, &len, NULL) == -1)
		return NULL;
	while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == ' '))
		data[--len] = '\0';
	line = strrchr(data, '\n');
	line = line ? line + 1 : data;
	if (!strncmp(line, "mmaplab: ", 9))
		line += 9;
	char *copy = *line ? xstrdup(line) : NULL;
	free(data);
	return copy;
}

/* Why a worker that did not exit 0 left no result, or NULL when it was stopped by the batch. */
static char *failure_reason(const struct pool_config *c, const struct slot *s, int status, bool stopping)
{
	char *printed = last_error_line(s->err_path), *reason;

	if (s->overran)
		reason = xasprintf(msg(M_BATCH_OVERRAN), (int)c->watchdog);
	else if (stopping)
		reason = NULL;
	else if (WIFEXITED(status) && WEXITSTATUS(status) == EXIT_CANNOT_GRADE && printed)
		reason = xstrdup(printed);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == EXIT_INTERRUPTED)
		reason = xstrdup(msg(M_BATCH_WORKER_STOPPED));
	else {
		char *said = printed ? xasprintf(": %s", printed) : xstrdup("");
		if (WIFSIGNALED(status))
			reason = xasprintf(msg(M_BATCH_WORKER_SIGNAL), signal_name(WTERMSIG(status)), said);
		else
			reason = xasprintf(msg(M_BATCH_WORKER_EXIT), WIFEXITED(status) ? WEXITSTATUS(status) : -1, said);
		free(said);
	}
	free(printed);
	return reason;
}

/* Records a reaped worker's student and frees the slot. */
static void finish(const struct pool_config *c, struct slot *s, int status, bool stopping)
{
	const struct student *st = s->st;

	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !s->overran) {
		outdir_record_graded(c->out, st->id);
	} else {
		char *reason = failure_reason(c, s, status, stopping);
		if (reason)
			outdir_record_error(c->out, st->id, reason);
		else
			st = NULL;   /* interrupted: nothing to show, --resume grades it */
		free(reason);
	}
	if (unlink(s->err_path) == -1 && errno != ENOENT)
		die("%s: %s", s->err_path, strerror(errno));
	free(s->err_path);
	s->err_path = NULL;
	s->pid = 0;
	if (st)
		c->event(c->ctx, st);
}

/* Reaps every worker that ended. Other children (orphans of a run whose worker died, re-parented
 * to us as the subreaper) are reaped and forgotten. Returns how many workers ended. */
static size_t reap(const struct pool_config *c, struct slot *slots, size_t nslots, bool stopping)
{
	size_t ended = 0;
	pid_t pid;
	int status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (size_t i = 0; i < nslots; i++)
			if (slots[i].pid == pid) {
				finish(c, &slots[i], status, stopping);
				ended++;
			}
	}
	if (pid == -1 && errno != ECHILD && errno != EINTR)
		die_errno("waitpid");
	return ended;
}

/* Sends sig to a running worker (SIGTERM asks it to stop its runs and clean up). */
static void signal_worker(struct slot *s, int sig)
{
	if (kill(s->pid, sig) == -1 && errno != ESRCH)
		die_errno("kill");
	if (sig == SIGTERM && s->term_at == 0)
		s->term_at = monotonic_seconds();
}

/* Stops a worker that overran the watchdog: SIGTERM first, SIGKILL after the grace time. */
static void watch(const struct pool_config *c, struct slot *s)
{
	double t = monotonic_seconds();

	if (s->term_at == 0 && t - s->started > c->watchdog) {
		s->overran = true;
		signal_worker(s, SIGTERM);
	} else if (s->term_at > 0 && t - s->term_at > GRACE_SECONDS) {
		signal_worker(s, SIGKILL);
	}
}

/* Stops every running worker after an interrupt and waits for all of them. */
static void stop_all(const struct pool_config *c, struct slot *slots, size_t nslots)
{
	size_t running = 0;

	for (size_t i = 0; i < nslots; i++)
		if (slots[i].pid > 0) {
			signal_worker(&slots[i], SIGTERM);
			running++;
		}
	double deadline = monotonic_seconds() + GRACE_SECONDS;
	while (running > 0) {
		running -= reap(c, slots, nslots, true);
		if (running == 0)
			break;
		if (monotonic_seconds() > deadline)
			for (size_t i = 0; i < nslots; i++)
				if (slots[i].pid > 0)
					signal_worker(&slots[i], SIGKILL);
		nap(0.05);
	}
}

/* Keeps at most c->jobs workers busy until every student ended or an interrupt stopped them. */
int pool_run(const struct pool_config *c, const struct student *const *students, size_t n)
{
	size_t nslots = c->jobs > 0 ? (size_t)c->jobs : 1, next = 0, running = 0;
	struct slot *slots = xcalloc(nslots, sizeof *slots);

	while (next < n || running > 0) {
		for (size_t i = 0; i < nslots && next < n && !sandbox_interrupted(); i++)
			if (slots[i].pid == 0) {
				start_worker(c, &slots[i], students[next], next);
				next++;
				running++;
			}
		if (sandbox_interrupted())
			break;
		size_t ended = reap(c, slots, nslots, false);
		running -= ended;
		if (ended)
			continue;
		for (size_t i = 0; i < nslots; i++)
			if (slots[i].pid > 0)
				watch(c, &slots[i]);
		c->event(c->ctx, NULL);
		nap(0.25);
	}
	bool interrupted = sandbox_interrupted();
	if (interrupted)
		stop_all(c, slots, nslots);
	free(slots);
	/* Whatever a killed worker's runs left behind was re-parented to us: kill it now. */
	(void)sandbox_sweep_orphans();
	return interrupted ? -1 : 0;
}
