/* labs.c - the registry of labs. */
#include "lab.h"

#include <string.h>

static const char *const inject_args[] = { "{file}", NULL };

const struct run_def file_lab_runs[RUN_KIND_COUNT] = {
	[RUN_NORMAL] = { .name = "normal", .tool = TOOL_STRACE, .fixture = FIXTURE_TEXT,
	                 .judged_by = "run" },
	[RUN_MEMCHECK] = { .name = "memcheck", .tool = TOOL_MEMCHECK, .fixture = FIXTURE_TEXT,
	                   .follows = "normal", .judged_by = "valgrind" },
	[RUN_MISSING] = { .name = "missing", .tool = TOOL_PLAIN, .fixture = FIXTURE_NONE,
	                  .judged_by = "error-open", .case_name = M_CASE_MISSING },
	[RUN_INJECT_MMAP] = { .name = "inject-mmap", .tool = TOOL_STRACE, .fixture = FIXTURE_TEXT,
	                      .args = inject_args, .inject_call = "mmap", .inject_error = "ENOMEM",
	                      .follows = "normal", .judged_by = "error-mmap" },
	[RUN_INJECT_MSYNC] = { .name = "inject-msync", .tool = TOOL_STRACE, .fixture = FIXTURE_TEXT,
	                       .args = inject_args, .inject_call = "msync", .inject_error = "EIO",
	                       .follows = "normal", .judged_by = "error-msync" },
	[RUN_EMPTY] = { .name = "empty", .tool = TOOL_STRACE, .fixture = FIXTURE_EMPTY,
	                .judged_by = "empty-file short-file", .case_name = M_CASE_EMPTY },
	[RUN_SHORT] = { .name = "short", .tool = TOOL_STRACE, .fixture = FIXTURE_SHORT,
	                .judged_by = "short-file", .case_name = M_CASE_SHORT },
	[RUN_PLAIN] = { .name = "plain", .tool = TOOL_PLAIN, .fixture = FIXTURE_TEXT,
	                .judged_by = "run" },
};

const struct lab_def *const all_labs[] = { &lab_read_map, &lab_write_msync, &lab_perf, &lab_share_map, NULL };

const struct lab_def *lab_find(const char *name)
{
	for (size_t i = 0; all_labs[i]; i++)
		if (!strcmp(all_labs[i]->name, name))
			return all_labs[i];
	return NULL;
}

int lab_run_index(const struct lab_def *lab, const char *name)
{
	for (size_t i = 0; name && i < lab->run_count; i++)
		if (!strcmp(lab->runs[i].name, name))
			return (int)i;
	return -1;
}

const struct check_def *lab_check(const struct lab_def *lab, const char *id)
{
	for (size_t i = 0; i < lab->check_count; i++)
		if (!strcmp(lab->checks[i].id, id))
			return &lab->checks[i];
	return NULL;
}
