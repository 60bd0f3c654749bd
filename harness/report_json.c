/* report_json.c - one JSON object per grading, written with jansson. Every string passes through
 * utf8_sanitize first: a program can print any bytes, and jansson rejects invalid UTF-8. */
#include "report.h"
#include "text.h"

#include <jansson.h>
#include <stdlib.h>

json_t *jstr(const char *s)
{
	if (!s)
		return json_null();
	char *clean = utf8_sanitize(s);
	json_t *j = json_string(clean);
	free(clean);
	return j;
}

int report_json(FILE *f, const struct grade_result *r, const char *command)
{
	json_t *root = json_object();
	json_t *checks = json_array();

	if (!root || !checks)
		return -1;
	json_object_set_new(root, "lab", json_string(r->lab->name));
	json_object_set_new(root, "version", json_string(MMAPLAB_VERSION));
	json_object_set_new(root, "seed", json_integer((json_int_t)r->seed));
	json_object_set_new(root, "score", json_integer(r->score));
	json_object_set_new(root, "max_score", json_integer(r->max_score));
	json_object_set_new(root, "passed", json_boolean(r->passed));
	json_object_set_new(root, "step", r->step > 0 ? json_integer(r->step) : json_null());
	json_object_set_new(root, "submission", jstr(r->submission));
	json_object_set_new(root, "command", jstr(command));
	json_object_set_new(root, "interrupted", json_boolean(r->interrupted));
	json_object_set_new(root, "isolation", jstr(r->isolation));
	for (size_t i = 0; i < r->count; i++) {
		const struct check_result *c = &r->checks[i];
		json_t *o = json_object();

		json_object_set_new(o, "id", json_string(c->def->id));
		json_object_set_new(o, "status", json_string(status_id(c->status)));
		json_object_set_new(o, "score", json_integer(c->score));
		json_object_set_new(o, "max_score", json_integer(c->def->points));
		json_object_set_new(o, "message", jstr(c->message));
		json_object_set_new(o, "title", jstr(msg(c->def->title)));
		json_object_set_new(o, "step", json_integer(c->def->step));
		json_object_set_new(o, "evidence", jstr(c->evidence.len ? c->evidence.data : NULL));
		json_object_set_new(o, "expected", jstr(c->status == CHECK_FAIL ? c->expected : NULL));
		json_object_set_new(o, "hint", jstr(c->status == CHECK_FAIL ? c->hint : NULL));
		json_object_set_new(o, "note", jstr(c->note));
		json_array_append_new(checks, o);
	}
	json_object_set_new(root, "checks", checks);
	return json_write(f, root);
}

int json_write(FILE *f, struct json_t *root)
{
	int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == -1 || fputc('\n', f) == EOF ? -1 : 0;

	json_decref(root);
	return rc;
}
