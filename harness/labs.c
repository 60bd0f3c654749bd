/* labs.c - the registry of labs. */
#include "lab.h"

#include <string.h>

static const char *const inject_args[] = { "{file}", NULL };

const struct run_def file_lab_runs[RUN_KIND_COUNT] = {
	[RUN_NORMAL] = { "normal", TOOL_STRACE, FIXTURE_TEXT, NULL, NULL, NULL, 0 },
	[RUN_MEMCHECK] = { "memcheck", TOOL_MEMCHECK, FIXTURE_TEXT, NULL, NULL, NULL, 0 },
	[RUN_MISSING] = { "missing", TOOL_PLAIN, FIXTURE_NONE, NULL, NULL, NULL, 0 },
	[RUN_INJECT_MMAP] = { "inject-mmap", TOOL_STRACE, FIXTURE_TEXT, inject_args, "mmap", "ENOMEM", RUN_NORMAL },
	[RUN_INJECT_MSYNC] = { "inject-msync", TOOL_STRACE, FIXTURE_TEXT, inject_args, "msync", "EIO", RUN_NORMAL },
	[RUN_EMPTY] = { "empty", TOOL_STRACE, FIXTURE_EMPTY, NULL, NULL, NULL, 0 },
	[RUN_SHORT] = { "short", TOOL_STRACE, FIXTURE_SHORT, NULL, NULL, NULL, 0 },
};

const struct lab_def *const all_labs[] = { &lab_read_map, &lab_write_msync, &lab_perf, NULL };

const struct lab_def *lab_find(const char *name)
{
	for (size_t i = 0; all_labs[i]; i++)
		if (!strcmp(all_labs[i]->name, name))
			return all_labs[i];
	return NULL;
}

const struct check_def *lab_check(const struct lab_def *lab, const char *id)
{
	for (size_t i = 0; i < lab->check_count; i++)
		if (!strcmp(lab->checks[i].id, id))
			return &lab->checks[i];
	return NULL;
}
