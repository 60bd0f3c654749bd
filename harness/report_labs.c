/* report_labs.c - `mmaplab list --format=json`: the labs as data, so that the Gradescope and
 * GitHub Classroom scripts learn a lab's file and full marks from the grader instead of guessing. */
#include "report.h"
#include "msg.h"

#include <jansson.h>

/* One lab: its names, its file, its checks in rubric order and their sum. */
static json_t *lab_json(const struct lab_def *lab)
{
	json_t *o = json_object(), *checks = json_array();
	int total = 0;

	for (size_t i = 0; i < lab->check_count; i++) {
		const struct check_def *c = &lab->checks[i];
		json_t *j = json_object();

		json_object_set_new(j, "id", json_string(c->id));
		json_object_set_new(j, "step", json_integer(c->step));
		json_object_set_new(j, "points", json_integer(c->points));
		json_object_set_new(j, "title", jstr(msg(c->title)));
		json_array_append_new(checks, j);
		total += c->points;
	}
	json_object_set_new(o, "name", json_string(lab->name));
	json_object_set_new(o, "folder", json_string(lab->folder));
	json_object_set_new(o, "program", json_string(lab->program));
	json_object_set_new(o, "title", jstr(msg(lab->title)));
	json_object_set_new(o, "steps", json_integer(lab->steps));
	json_object_set_new(o, "max_score", json_integer(total));
	json_object_set_new(o, "checks", checks);
	return o;
}

/* Writes every lab as a JSON array. */
int report_labs_json(FILE *f)
{
	json_t *labs = json_array();

	if (!labs)
		return -1;
	for (size_t l = 0; all_labs[l]; l++)
		json_array_append_new(labs, lab_json(all_labs[l]));
	return json_write(f, labs);
}
