/* labs.c - the registry of labs. */
#include "lab.h"

#include <string.h>

const struct lab_def *const all_labs[] = { &lab_read_map, &lab_write_msync, NULL };

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
