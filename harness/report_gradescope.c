/* report_gradescope.c - Gradescope's results.json: the score, and one test per check whose output
 * holds what the text report shows under it (message, note, evidence, expected, hint, where to
 * read). A skipped check is "failed" there: the grader never counts a skip as a pass. */
#include "report.h"
#include "msg.h"

#include <jansson.h>
#include <stdlib.h>

/* Appends label and text as a line of their own (nothing when text is empty). */
static void add_line(struct strbuf *sb, const char *label, const char *text)
{
	if (!text || !*text)
		return;
	if (sb->len)
		sb_putc(sb, '\n');
	sb_printf(sb, "%s%s", label, text);
}

/* The test's output: the one-line message first, then what explains it. */
static char *check_output(const struct grade_result *r, const struct check_result *c)
{
	struct strbuf sb;

	sb_init(&sb);
	add_line(&sb, "", c->message);
	add_line(&sb, msg(M_REPORT_NOTE), c->note);
	add_line(&sb, "", c->evidence.len ? c->evidence.data : NULL);
	if (c->status == CHECK_FAIL) {
		add_line(&sb, msg(M_REPORT_EXPECTED), c->expected);
		add_line(&sb, msg(M_REPORT_HINT), c->hint);
		sb_putc(&sb, '\n');
		sb_printf(&sb, msg(M_REPORT_SEE), r->lab->folder, c->def->step, c->def->man);
	}
	return sb_steal(&sb);
}

/* The output shown above the tests: the score, the seed and the command that replays the grading. */
static char *summary_output(const struct grade_result *r, const char *command)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_printf(&sb, msg(M_REPORT_TITLE), MMAPLAB_VERSION, r->lab->name);
	sb_putc(&sb, '\n');
	sb_printf(&sb, msg(M_REPORT_SCORE), r->score, r->max_score);
	sb_putc(&sb, '\n');
	sb_printf(&sb, msg(M_REPORT_SEED), (unsigned long long)r->seed);
	sb_putc(&sb, '\n');
	if (r->isolation) {
		sb_printf(&sb, msg(M_REPORT_ISOLATION), r->isolation);
		sb_putc(&sb, '\n');
	}
	sb_printf(&sb, msg(M_REPORT_REPLAY), command);
	if (r->interrupted) {
		sb_putc(&sb, '\n');
		sb_puts(&sb, msg(M_REPORT_INTERRUPTED));
	}
	return sb_steal(&sb);
}

/* Takes ownership of text: a JSON string of it. */
static json_t *jstr_owned(char *text)
{
	json_t *j = jstr(text);
	free(text);
	return j;
}

/* Writes r as Gradescope's results.json. */
int report_gradescope(FILE *f, const struct grade_result *r, const char *command)
{
	json_t *root = json_object(), *tests = json_array();

	if (!root || !tests)
		return -1;
	json_object_set_new(root, "score", json_integer(r->score));
	json_object_set_new(root, "output", jstr_owned(summary_output(r, command)));
	/* Plain text: evidence holds strace lines and C code that Markdown would mangle. */
	json_object_set_new(root, "output_format", json_string("text"));
	json_object_set_new(root, "test_output_format", json_string("text"));
	json_object_set_new(root, "visibility", json_string("visible"));
	json_object_set_new(root, "stdout_visibility", json_string("hidden"));
	for (size_t i = 0; i < r->count; i++) {
		const struct check_result *c = &r->checks[i];
		json_t *t = json_object();
		char *name = xasprintf("%s: %s", c->def->id, msg(c->def->title));

		json_object_set_new(t, "name", jstr_owned(name));
		json_object_set_new(t, "number", jstr_owned(xasprintf("%zu", i + 1)));
		json_object_set_new(t, "score", json_integer(c->score));
		json_object_set_new(t, "max_score", json_integer(c->def->points));
		json_object_set_new(t, "status", json_string(c->status == CHECK_PASS ? "passed" : "failed"));
		json_object_set_new(t, "output", jstr_owned(check_output(r, c)));
		json_object_set_new(t, "output_format", json_string("text"));
		json_object_set_new(t, "visibility", json_string("visible"));
		json_array_append_new(tests, t);
	}
	json_object_set_new(root, "tests", tests);
	return json_write(f, root);
}
