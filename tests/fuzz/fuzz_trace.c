/* fuzz_trace.c - libFuzzer target: the strace log reader on arbitrary bytes (a traced program
 * controls much of what strace prints). Also builds the lab view, the part the rules read. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "trace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct trace t;
	struct lab_view v;

	if (trace_parse((const char *)data, size, &t) != 0)
		return 0;
	lab_view_build(&t, "/tmp/fx/run/link.txt", "/tmp/fx/run", &v);
	for (size_t i = 0; i < t.count; i++) {
		const struct trace_event *e = &t.events[i];
		long long value;

		(void)call_text(e);
		for (size_t a = 0; a < e->nargs; a++) {
			(void)trace_arg_number(&e->args[a], &value);
			(void)trace_flag_has(e->args[a].text, "MAP_SHARED");
			(void)trace_struct_field(e->args[a].text, "st_size", &value);
		}
		if (e->kind == TRACE_CALL && e->name) {
			(void)trace_call_ordinal(&t, e, NULL);
			(void)trace_call_ordinal(&t, e, "/tmp/fx/run/link.txt");
			(void)trace_most_calls_elsewhere(&t, e->name, e->pid, "/tmp/fx/run/link.txt");
		}
	}
	lab_view_free(&v);
	trace_free(&t);
	return 0;
}
