/* grade.c - one grading, from sources to judged checks (see grade.h): the pipeline, in stages
 * that each live in a file of their own (build.c, runs.c, the labs' judges, check.c). */
#define _GNU_SOURCE
#include "grade.h"
#include "build.h"
#include "judges.h"
#include "msg.h"
#include "runs.h"
#include "scratch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The grading's scratch directory: capped tmpfs directories for the build and the logs (the
 * logs' cap holds every report at its own cap, so no run can make the grader's writes fail), and
 * the jail. The runs' directories come later, one each (runs.c). */
static void workspace_open(struct workspace *ws, const struct grade_options *opt, const char *submission_dir)
{
	memset(ws, 0, sizeof *ws);
	ws->scratch = scratch_create();
	jail_init(&ws->jail, ws->scratch, submission_dir, opt->hide,
	          sizeof opt->hide / sizeof opt->hide[0], !opt->keep);
	if (chmod(ws->scratch, 0711) == -1)
		die_errno("chmod(scratch)");
	/* The Valgrind reports the grader copies here; each strace log gets a capped directory of its
	   own inside (runs.c), the only one its run's strace may write. */
	ws->logs = scratch_subdir(ws->scratch, "logs");
	unsigned long long logs_mib = 1;
	for (size_t i = 0; i < opt->lab->run_count; i++)
		logs_mib += opt->lab->runs[i].tool == TOOL_MEMCHECK ? LOG_CAP_MIB + 1 : 0;
	(void)jail_cap(&ws->jail, ws->logs, logs_mib, 64);
	if (chmod(ws->logs, 0700) == -1)
		die_errno("chmod(logs)");
}

/* Copies the sources into the scratch directory and compiles them, contained like a run. */
static void compile(struct workspace *ws, struct sources *src, struct grade_result *out)
{
	struct evidence *ev = &out->ev;
	char *bin_dir = scratch_subdir(ws->scratch, "build");
	char *src_dir = scratch_subdir(ws->scratch, "src");
	struct sources copies;
	struct containment contain;

	(void)jail_cap(&ws->jail, bin_dir, BUILD_DISK_MIB, BUILD_INODES);
	ws->program = xasprintf("%s/prog", bin_dir);
	sources_copy(src, src_dir, &copies);
	ev->sources = xcalloc(copies.count, sizeof *ev->sources);
	for (size_t i = 0; i < copies.count; i++)
		ev->sources[ev->source_count++] = xstrdup(strrchr(copies.files[i], '/') + 1);
	jail_give(&ws->jail, bin_dir);
	jail_confine(&ws->jail, &contain, bin_dir, NULL);
	ev->built = build_program(&copies, ws->program, bin_dir,
	                          ws->jail.level != CONTAIN_NONE ? &contain : NULL,
	                          &ev->compiler_output, &ev->compile_timed_out, &out->timing.compile);
	sources_free(&copies);
	free(bin_dir);
	free(src_dir);
}

/* Removes the scratch directory, or keeps it (--keep) and says where. */
static void workspace_close(struct workspace *ws, bool keep, struct grade_result *out)
{
	out->isolation = jail_isolation(&ws->jail);
	if (keep) {
		out->kept_dir = xstrdup(ws->scratch);
	} else if (remove_tree(ws->scratch) == -1) {
		fprintf(stderr, "mmaplab: %s: %s\n", ws->scratch, strerror(errno));
	}
	scratch_forget(ws->scratch);
	jail_free(&ws->jail);
	free(ws->program);
	free(ws->logs);
	free(ws->scratch);
}

/* Frees the judged checks of r (the evidence stays). */
static void free_checks(struct grade_result *r)
{
	for (size_t i = 0; i < r->count; i++) {
		check_result_free(&r->checks[i]);
	}
	free(r->checks);
	r->checks = NULL;
	r->count = 0;
}

void grade_judge(struct grade_result *out, int step)
{
	const struct lab_def *lab = out->lab;
	struct evidence *ev = &out->ev;
	/* The runs a grading with this --step would not make are not there for its checks either. */
	unsigned wanted = runs_wanted(lab, step);
	bool performed[RUN_MAX];

	free_checks(out);
	out->score = out->max_score = 0;
	for (size_t i = 0; i < lab->run_count; i++) {
		performed[i] = ev->runs[i].performed;
		ev->runs[i].performed &= (wanted & RUN_BIT(i)) != 0;
	}
	out->checks = xcalloc(lab->check_count, sizeof *out->checks);
	for (size_t i = 0; i < lab->check_count; i++) {
		const struct check_def *c = &lab->checks[i];
		struct check_result *r;

		if (step > 0 && c->step > step)
			continue;
		r = &out->checks[out->count++];
		r->def = c;
		sb_init(&r->evidence);
		ev->reader = c;
		if (out->interrupted)
			check_skip(r, M_SKIP_INTERRUPTED);
		else if (strcmp(c->id, "build") && !ev->built)
			check_skip(r, M_SKIP_BUILD);
		else if (!fail_if_space_used_up(ev, c, r))
			c->judge(ev, r);
		ev->reader = NULL;
		if (r->status == CHECK_FAIL && !r->hint)
			check_hint(r, c->hint);
		r->score = r->status == CHECK_PASS ? c->points : 0;
		out->score += r->score;
		out->max_score += c->points;
	}
	out->passed = out->count > 0;
	for (size_t i = 0; i < out->count; i++)
		if (out->checks[i].status != CHECK_PASS)
			out->passed = false;
	for (size_t i = 0; i < lab->run_count; i++)
		ev->runs[i].performed = performed[i];
}

int grade(const struct grade_options *opt, struct grade_result *out)
{
	double started = monotonic_seconds();
	struct sources src;
	enum msg_id why;
	const char *why_arg;

	memset(out, 0, sizeof *out);
	if (sources_find(opt->submission, &src, &why, &why_arg) == -1) {
		fprintf(stderr, "mmaplab: ");
		fprintf(stderr, msg(why), why_arg);
		fputc('\n', stderr);
		return -1;
	}
	out->lab = opt->lab;
	out->submission = opt->submission;
	out->step = opt->step;
	out->seed = opt->seed_given ? opt->seed : seed_fresh();
	long page = sysconf(_SC_PAGESIZE);
	out->ev.lab = opt->lab;
	out->ev.page_size = page > 0 ? (size_t)page : 4096;
	out->ev.seed = out->seed;

	struct workspace ws;
	workspace_open(&ws, opt, src.include_dir);
	compile(&ws, &src, out);
	sources_free(&src);
	double seconds[3] = { 0, 0, 0 };
	if (out->ev.built && !sandbox_interrupted())
		out->interrupted = !runs_perform(&ws, &out->ev, runs_wanted(opt->lab, opt->step), seconds);
	out->interrupted |= sandbox_interrupted();
	out->timing.traced = seconds[0];
	out->timing.memcheck = seconds[1];
	out->timing.plain = seconds[2];
	grade_judge(out, opt->step);
	workspace_close(&ws, opt->keep, out);
	out->timing.total = monotonic_seconds() - started;
	return 0;
}

void grade_result_free(struct grade_result *r)
{
	free_checks(r);
	free(r->kept_dir);
	struct evidence *ev = &r->ev;
	free(ev->compiler_output);
	for (size_t i = 0; i < ev->source_count; i++)
		free(ev->sources[i]);
	free(ev->sources);
	for (int k = 0; k < RUN_MAX; k++) {
		struct run_evidence *run = &ev->runs[k];

		if (!run->performed)
			continue;
		run_result_free(&run->res);
		free(run->dir);
		free(run->lab_path);
		free(run->before);
		free(run->after);
		if (run->traced) {
			lab_view_free(&run->view);
			trace_free(&run->trace);
		}
		if (run->memchecked)
			memcheck_free(&run->report);
	}
	memset(r, 0, sizeof *r);
}
