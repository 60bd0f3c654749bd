/* main.c - scan MODE FILE [--buffer BYTES] [--lookups N] [--seed S]: the command line, the clock,
 * the descriptor and the one line of output; modes.c does the reading. */
#include "modes.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *const mode_names[] = { "read", "mmap", "mmap-seq", "mmap-populate", "random-pread", "random-mmap" };

static void usage(const char *msg, const char *arg)
{
	fprintf(stderr, "scan: %s '%s'\n", msg, arg);
	fprintf(stderr, "usage: scan MODE FILE [--buffer BYTES] [--lookups N] [--seed S]\n");
	exit(2);
}

static uint64_t parse_number(const char *s)
{
	char *end;
	if (*s < '0' || *s > '9')
		usage("not a number:", s);
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0')
		usage("not a number:", s);
	return v;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char *argv[])
{
	uint64_t buffer = 65536, lookups = 1000000, seed = 1;
	int mode = -1;

	if (argc < 3)
		usage("need MODE and FILE, got", argc > 1 ? argv[1] : "");
	for (int m = 0; m < 6; m++)
		if (strcmp(argv[1], mode_names[m]) == 0)
			mode = m;
	if (mode == -1)
		usage("unknown mode", argv[1]);
	for (int i = 3; i < argc; i += 2) {
		if (i + 1 >= argc)
			usage("missing value for", argv[i]);
		if (strcmp(argv[i], "--buffer") == 0) {
			buffer = parse_number(argv[i + 1]);
			if (buffer == 0 || buffer > (1ULL << 30))
				usage("--buffer out of range:", argv[i + 1]);
		} else if (strcmp(argv[i], "--lookups") == 0) {
			lookups = parse_number(argv[i + 1]);
		} else if (strcmp(argv[i], "--seed") == 0) {
			seed = parse_number(argv[i + 1]);
		} else {
			usage("unknown option", argv[i]);
		}
	}

	double start = now();
	int fd = open(argv[2], O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "open %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	size_t len = 0;
	if (mode != 0) {
		struct stat st;
		if (fstat(fd, &st) < 0) {
			perror("fstat");
			close(fd);
			return 1;
		}
		len = (size_t)st.st_size;
	}
	struct result r = { 0, 0 };
	int rc;
	switch (mode) {
	case 0:
		rc = scan_read(fd, (size_t)buffer, &r);
		break;
	case 1:
		rc = scan_map(fd, len, HINT_NONE, &r);
		break;
	case 2:
		rc = scan_map(fd, len, HINT_SEQUENTIAL, &r);
		break;
	case 3:
		rc = scan_map(fd, len, HINT_POPULATE, &r);
		break;
	case 4:
		rc = random_pread(fd, len, lookups, seed, &r);
		break;
	default:
		rc = random_mmap(fd, len, lookups, seed, &r);
		break;
	}
	if (rc != 0) {
		close(fd);
		return 1;
	}
	if (close(fd) != 0) {
		perror("close");
		return 1;
	}
	double secs = now() - start;
	if (mode >= 4)
		printf("%s lookups=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode_names[mode], lookups, r.sum, secs);
	else
		printf("%s lines=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode_names[mode], r.lines, r.sum, secs);
	return 0;
}
