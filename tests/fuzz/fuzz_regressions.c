/* fuzz_regressions.c - links a fuzz target with a plain main that replays every file given on the
 * command line (or every file of tests/fuzz/regressions/ through the Criterion suite), so that the
 * inputs the fuzzers ever crashed on stay fixed without clang. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		char *data;
		size_t len;

		if (read_file(argv[i], 64 << 20, &data, &len, NULL) == -1) {
			perror(argv[i]);
			return 1;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		free(data);
	}
	return 0;
}
