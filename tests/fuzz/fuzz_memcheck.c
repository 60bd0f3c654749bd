/* fuzz_memcheck.c - libFuzzer target: the Valgrind report reader on arbitrary bytes (a program
 * under Valgrind can write into the report's pipe). */
#include <stdint.h>
#include <stdlib.h>

#include "memcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct memcheck_report r;
	static const char *const sources[] = { "read_map.c", "main.c" };

	if (memcheck_parse((const char *)data, size, &r) != 0)
		return 0;
	for (size_t i = 0; i < r.count; i++) {
		(void)memcheck_user_frame(&r.findings[i]);
		(void)memcheck_source_frame(&r.findings[i], sources, 2);
	}
	memcheck_free(&r);
	return 0;
}
