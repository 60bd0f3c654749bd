/* mmap_bench.c - `make bench`: when does mmap beat read()?
 *
 * For text files of 4 KiB, 16 KiB, ... up to --max (default 256 MiB), with the file in the page cache
 * (cached) and dropped from it (cold, posix_fadvise(POSIX_FADV_DONTNEED) on the closed file), this
 * measures in one run the ways labs/03-perf's `scan` reads a file, with the very scanning loop of the
 * reference solution (solutions/perf/scanloop.c, linked, not copied):
 *
 *   read() into 4 KiB, 64 KiB and 1 MiB buffers; a fresh mmap; mmap + MADV_SEQUENTIAL;
 *   mmap + MAP_POPULATE; mmap + MADV_POPULATE_READ (when the kernel has it); one mapping scanned
 *   three times (reuse); the byte-at-a-time loop over read() and over a mapping (what the loop is
 *   worth); random 8-byte lookups with pread() and through a mapping;
 *
 * beside anchors measured on the same file in the same run: `wc -l`, and the machine's limit, i.e. a
 * scan of memory that is already mapped and populated, and a memcpy of the same size (random lookups:
 * lookups in a populated mapping). Each figure is the median of --reps repetitions (cold: --cold-reps)
 * with their min and max; GB/s is 10^9 bytes per second, random lookups are per second. Results go
 * to DIR/sequential.csv and DIR/random.csv, plots to DIR/sequential-cached.png, sequential-cold.png
 * and random.png through gnuplot (the script DIR/plot.gp is kept). It prints a table, the page faults
 * per operation, notes, and on its last lines the ratios that docs-ko/performance.md discusses.
 *
 * An operation is the whole of a method, open() to close(), as in `scan`, but the read() buffers are
 * allocated once. Cached figures come from batches of operations long enough to time (at least 5 ms),
 * and the repetitions of the methods are interleaved, so that a burst of other load on the machine
 * does not fall on one method only. Each data file is written to DIR (never tmpfs: cold figures need
 * a disk), dropped from the page cache and read back once, so that it sits in the page cache as a file
 * read from disk does, and is removed after its size unless --keep. Cold runs stop when they would
 * take the run past --budget seconds. */
#define _GNU_SOURCE
#include "csv.h"
#include "scanloop.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22   /* Linux 5.14 */
#endif
#define TMPFS_MAGIC_ 0x01021994
#define RAMFS_MAGIC_ 0x858458f6

extern char **environ;

#define MAX_SIZES 16
#define MIN_BATCH_SECONDS 0.005
#define MAX_BATCH 65536

/* ---- options ------------------------------------------------------------------------------- */

static struct {
	size_t min, max;
	int reps, cold_reps;
	uint64_t lookups;
	bool cold, plot, keep;
	const char *dir;
	double budget;
} opt = {
	.min = 4096, .max = (size_t)256 << 20, .reps = 5, .cold_reps = 3, .lookups = 1000000,
	.cold = true, .plot = true, .keep = false, .dir = "build/bench", .budget = 100,
};

static void usage(void)
{
	fputs("usage: mmap_bench [--max SIZE] [--min SIZE] [--reps N] [--cold-reps N] [--lookups N]\n"
	      "                  [--budget SECONDS] [--dir DIR] [--no-cold] [--no-plot] [--keep]\n"
	      "  SIZE takes K, M or G (binary): file sizes are 4K * 4^k from --min (4K) to --max (256M)\n"
	      "  --reps 5, --cold-reps 3: repetitions per figure (the median is reported)\n"
	      "  --lookups 1000000: 8-byte lookups per random operation, as scan's default\n"
	      "  --budget 100: stop cold runs that would take the run past this many seconds (0: never)\n"
	      "  --dir build/bench: data files, CSV and PNG (not on tmpfs)\n",
	      stderr);
	exit(2);
}

static bool parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	int shift = 0;

	if (*s < '0' || *s > '9' || errno)
		return false;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	}
	if (shift && *end == 'i' && end[1] == 'B')   /* 256MiB */
		end += 2;
	else if (*end == 'B' && shift)     /* 256MB, read as binary too */
		end++;
	if (*end || v > (SIZE_MAX >> shift))
		return false;
	*out = (size_t)v << shift;
	return true;
}

static void parse_args(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		size_t n;
		char *end;

		if (!strcmp(a, "--no-cold")) {
			opt.cold = false;
		} else if (!strcmp(a, "--no-plot")) {
			opt.plot = false;
		} else if (!strcmp(a, "--keep")) {
			opt.keep = true;
		} else if (!v) {
			usage();
		} else if (!strcmp(a, "--max") || !strcmp(a, "--min")) {
			if (!parse_size(v, &n) || n < 4096)
				usage();
			*(!strcmp(a, "--max") ? &opt.max : &opt.min) = n;
			i++;
		} else if (!strcmp(a, "--reps") || !strcmp(a, "--cold-reps")) {
			long r = strtol(v, &end, 10);
			if (*end || r < 1 || r > 1000)
				usage();
			*(!strcmp(a, "--reps") ? &opt.reps : &opt.cold_reps) = (int)r;
			i++;
		} else if (!strcmp(a, "--lookups")) {
			errno = 0;
			opt.lookups = strtoull(v, &end, 10);
			if (*v < '0' || *v > '9' || *end || errno || opt.lookups == 0)
				usage();
			i++;
		} else if (!strcmp(a, "--budget")) {
			opt.budget = strtod(v, &end);
			if (*end || !(opt.budget >= 0))
				usage();
			i++;
		} else if (!strcmp(a, "--dir")) {
			opt.dir = v;
			i++;
		} else {
			usage();
		}
	}
	if (opt.min > opt.max)
		usage();
}

/* ---- small helpers ------------------------------------------------------------------------- */

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("mmap_bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Minor and major page faults of this process and its waited-for children so far. */
static double faults_so_far(void)
{
	struct rusage self, kids;
	getrusage(RUSAGE_SELF, &self);
	getrusage(RUSAGE_CHILDREN, &kids);
	return (double)(self.ru_minflt + self.ru_majflt + kids.ru_minflt + kids.ru_majflt);
}

/* "4K", "256M", "1G": the sizes are powers of two from 4 KiB. */
static void size_label(size_t n, char *buf, size_t cap)
{
	if (n >= (1u << 30) && n % (1u << 30) == 0)
		snprintf(buf, cap, "%zuG", n >> 30);
	else if (n >= (1u << 20) && n % (1u << 20) == 0)
		snprintf(buf, cap, "%zuM", n >> 20);
	else
		snprintf(buf, cap, "%zuK", n >> 10);
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, compare_doubles);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static char *path_in_dir(const char *name)
{
	char *p;
	if (asprintf(&p, "%s/%s", opt.dir, name) == -1)
		die("out of memory");
	return p;
}

/* ---- the operations ------------------------------------------------------------------------ */

/* What an operation works on. The anchors' populated mapping and memcpy destination are set up
 * outside the timing. */
struct ctx {
	const char *path;
	size_t size;
	uint64_t lookups;
	const unsigned char *map;   /* populated mapping of the file (anchors) */
	unsigned char *dst;         /* memcpy destination, size bytes, touched */
};

typedef void (*loop_fn)(struct scan_total *, const void *, size_t);

/* read() buffers, allocated and touched once. */
static unsigned char *buffers[3];
static const size_t buffer_sizes[3] = { 4096, 65536, 1 << 20 };

static int open_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd == -1)
		die("open %s: %s", path, strerror(errno));
	return fd;
}

static void close_file(int fd)
{
	if (close(fd) == -1)
		die("close: %s", strerror(errno));
}

/* Why the last operation that returned 1 (cannot be done here: the method is skipped) could not. */
static const char *unsupported_why;

/* Operations return 0, or 1 when they cannot be done here. */
static int do_read(const struct ctx *c, int which, loop_fn loop, struct scan_total *t)
{
	int fd = open_file(c->path);
	for (;;) {
		ssize_t n = read(fd, buffers[which], buffer_sizes[which]);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			die("read: %s", strerror(errno));
		if (n == 0)
			break;
		loop(t, buffers[which], (size_t)n);
	}
	close_file(fd);
	return 0;
}

enum map_extra { PLAIN, SEQUENTIAL, POPULATE, POPULATE_READ };

static int do_mmap(const struct ctx *c, enum map_extra extra, int passes, loop_fn loop, struct scan_total *t)
{
	int fd = open_file(c->path);
	struct stat sb;

	/* scan calls fstat to learn the length; so does this. */
	if (fstat(fd, &sb) == -1)
		die("fstat: %s", strerror(errno));
	size_t len = (size_t)sb.st_size;
	const unsigned char *map = mmap(NULL, len, PROT_READ, MAP_SHARED | (extra == POPULATE ? MAP_POPULATE : 0),
	                                fd, 0);
	if (map == MAP_FAILED)
		die("mmap: %s", strerror(errno));
	if (extra == SEQUENTIAL && madvise((void *)map, len, MADV_SEQUENTIAL) == -1)
		die("madvise(MADV_SEQUENTIAL): %s", strerror(errno));
	if (extra == POPULATE_READ && madvise((void *)map, len, MADV_POPULATE_READ) == -1) {
		if (errno != EINVAL && errno != ENOSYS)
			die("madvise(MADV_POPULATE_READ): %s", strerror(errno));
		unsupported_why = "this kernel has no MADV_POPULATE_READ (Linux 5.14 and later)";
		munmap((void *)map, len);
		close_file(fd);
		return 1;
	}
	for (int p = 0; p < passes; p++)
		loop(t, map, len);
	if (munmap((void *)map, len) == -1)
		die("munmap: %s", strerror(errno));
	close_file(fd);
	return 0;
}

static int op_read_4k(const struct ctx *c, struct scan_total *t) { return do_read(c, 0, scan_bytes, t); }
static int op_read_64k(const struct ctx *c, struct scan_total *t) { return do_read(c, 1, scan_bytes, t); }
static int op_read_1m(const struct ctx *c, struct scan_total *t) { return do_read(c, 2, scan_bytes, t); }
static int op_read_1m_byte(const struct ctx *c, struct scan_total *t) { return do_read(c, 2, scan_bytes_simple, t); }
static int op_mmap(const struct ctx *c, struct scan_total *t) { return do_mmap(c, PLAIN, 1, scan_bytes, t); }
static int op_mmap_byte(const struct ctx *c, struct scan_total *t) { return do_mmap(c, PLAIN, 1, scan_bytes_simple, t); }
static int op_mmap_seq(const struct ctx *c, struct scan_total *t) { return do_mmap(c, SEQUENTIAL, 1, scan_bytes, t); }
static int op_mmap_populate(const struct ctx *c, struct scan_total *t) { return do_mmap(c, POPULATE, 1, scan_bytes, t); }
static int op_mmap_populate_read(const struct ctx *c, struct scan_total *t) { return do_mmap(c, POPULATE_READ, 1, scan_bytes, t); }
static int op_mmap_reuse3(const struct ctx *c, struct scan_total *t) { return do_mmap(c, PLAIN, 3, scan_bytes, t); }

/* `wc -l FILE`, its count read back through a pipe. The time includes starting the process (about
 * a millisecond), which is what a user of wc pays too; it dominates the small files. */
static int op_wc(const struct ctx *c, struct scan_total *t)
{
	int fds[2];
	posix_spawn_file_actions_t fa;
	pid_t pid;
	char *argv[] = { "wc", "-l", (char *)c->path, NULL };
	char out[256];
	size_t got = 0;
	int status, err;

	if (pipe2(fds, O_CLOEXEC) == -1)
		die("pipe2: %s", strerror(errno));
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	err = posix_spawnp(&pid, "wc", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (err) {
		close(fds[0]);
		close(fds[1]);
		unsupported_why = "cannot run wc (coreutils)";
		return 1;
	}
	close(fds[1]);
	for (;;) {
		ssize_t n = read(fds[0], out + got, sizeof out - 1 - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	out[got] = '\0';
	close(fds[0]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			die("waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("wc -l %s failed", c->path);
	t->lines += strtoull(out, NULL, 10);
	return 0;
}

static int op_limit_scan(const struct ctx *c, struct scan_total *t)
{
	scan_bytes(t, c->map, c->size);
	return 0;
}

static int op_limit_memcpy(const struct ctx *c, struct scan_total *t)
{
	(void)t;
	memcpy(c->dst, c->map, c->size);
	/* Keeps the copy observable, so that it is not optimized away. */
	__asm__ volatile("" : : "r"(c->dst) : "memory");
	return 0;
}

/* The lookups of scan's random modes: xorshift64 from seed 1, offset = x % (size - 7). */
static int op_random_pread(const struct ctx *c, struct scan_total *t)
{
	int fd = open_file(c->path);
	uint64_t x = xorshift64_seed(1), span = c->size - 7, s = 0;
	unsigned char v[8];

	for (uint64_t i = 0; i < c->lookups; i++) {
		off_t off = (off_t)(xorshift64_next(&x) % span);
		ssize_t n;
		do
			n = pread(fd, v, sizeof v, off);
		while (n == -1 && errno == EINTR);
		if (n != (ssize_t)sizeof v)
			die("pread: %s", n == -1 ? strerror(errno) : "short read");
		s += load_le64(v);
	}
	t->sum += s;
	close_file(fd);
	return 0;
}

static uint64_t lookups_in(const unsigned char *map, size_t size, uint64_t lookups)
{
	uint64_t x = xorshift64_seed(1), span = size - 7, s = 0;
	for (uint64_t i = 0; i < lookups; i++)
		s += load_le64(map + xorshift64_next(&x) % span);
	return s;
}

static int op_random_mmap(const struct ctx *c, struct scan_total *t)
{
	int fd = open_file(c->path);
	struct stat sb;

	if (fstat(fd, &sb) == -1)
		die("fstat: %s", strerror(errno));
	const unsigned char *map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED)
		die("mmap: %s", strerror(errno));
	t->sum += lookups_in(map, (size_t)sb.st_size, c->lookups);
	if (munmap((void *)map, (size_t)sb.st_size) == -1)
		die("munmap: %s", strerror(errno));
	close_file(fd);
	return 0;
}

static int op_random_mapped(const struct ctx *c, struct scan_total *t)
{
	t->sum += lookups_in(c->map, c->size, c->lookups);
	return 0;
}

/* ---- the methods --------------------------------------------------------------------------- */

enum check { CHECK_SCAN, CHECK_LINES, CHECK_NONE, CHECK_RANDOM };

struct method {
	const char *id;       /* CSV and plot name */
	const char *what;     /* the table's description */
	bool random;          /* lookups per second instead of GB/s */
	bool cold;            /* also measured cold */
	bool anchor;          /* needs the populated mapping (not a way to read a file: a limit) */
	int passes;           /* bytes per operation = passes * size */
	enum check check;
	int (*op)(const struct ctx *, struct scan_total *);
	const char *style;    /* gnuplot line style */
};

enum {
	M_READ_4K, M_READ_64K, M_READ_1M, M_READ_1M_BYTE, M_MMAP, M_MMAP_BYTE, M_MMAP_SEQ, M_MMAP_POPULATE,
	M_MMAP_POPULATE_READ, M_MMAP_REUSE3, M_WC, M_LIMIT_SCAN, M_LIMIT_MEMCPY,
	M_RANDOM_PREAD, M_RANDOM_MMAP, M_RANDOM_MAPPED, METHOD_COUNT
};

static const struct method methods[METHOD_COUNT] = {
	[M_READ_4K] = { "read-4k", "read(), 4 KiB buffer", false, true, false, 1, CHECK_SCAN, op_read_4k,
	                "lc rgb '#9ecae1' lw 2 pt 6" },
	[M_READ_64K] = { "read-64k", "read(), 64 KiB buffer", false, true, false, 1, CHECK_SCAN, op_read_64k,
	                 "lc rgb '#4292c6' lw 2 pt 6" },
	[M_READ_1M] = { "read-1m", "read(), 1 MiB buffer", false, true, false, 1, CHECK_SCAN, op_read_1m,
	                "lc rgb '#08306b' lw 2 pt 6" },
	[M_READ_1M_BYTE] = { "read-1m-byteloop", "read(), 1 MiB, byte loop", false, false, false, 1, CHECK_SCAN,
	                     op_read_1m_byte, "lc rgb '#08306b' lw 1 dt 3 pt 1" },
	[M_MMAP] = { "mmap", "mmap, fresh mapping", false, true, false, 1, CHECK_SCAN, op_mmap,
	             "lc rgb '#cb181d' lw 2 pt 7" },
	[M_MMAP_BYTE] = { "mmap-byteloop", "mmap, byte loop", false, false, false, 1, CHECK_SCAN, op_mmap_byte,
	                  "lc rgb '#cb181d' lw 1 dt 3 pt 1" },
	[M_MMAP_SEQ] = { "mmap-seq", "mmap + MADV_SEQUENTIAL", false, true, false, 1, CHECK_SCAN, op_mmap_seq,
	                 "lc rgb '#fb6a4a' lw 2 pt 5" },
	[M_MMAP_POPULATE] = { "mmap-populate", "mmap + MAP_POPULATE", false, true, false, 1, CHECK_SCAN,
	                      op_mmap_populate, "lc rgb '#238b45' lw 2 pt 9" },
	[M_MMAP_POPULATE_READ] = { "mmap-populate-read", "mmap + MADV_POPULATE_READ", false, true, false, 1,
	                           CHECK_SCAN, op_mmap_populate_read, "lc rgb '#74c476' lw 2 pt 11" },
	[M_MMAP_REUSE3] = { "mmap-reuse3", "mmap, scanned 3 times", false, false, false, 3, CHECK_SCAN,
	                    op_mmap_reuse3, "lc rgb '#6a51a3' lw 2 pt 13" },
	[M_WC] = { "wc-l", "wc -l (own process)", false, true, false, 1, CHECK_LINES, op_wc,
	           "lc rgb '#ff7f00' lw 2 pt 4" },
	[M_LIMIT_SCAN] = { "limit-scan", "limit: scan mapped memory", false, false, true, 1, CHECK_SCAN,
	                   op_limit_scan, "lc rgb 'black' lw 4 pt 0" },
	[M_LIMIT_MEMCPY] = { "limit-memcpy", "limit: memcpy same size", false, false, true, 1, CHECK_NONE,
	                     op_limit_memcpy, "lc rgb '#737373' lw 3 dt 2 pt 0" },
	[M_RANDOM_PREAD] = { "random-pread", "pread() of 8 bytes", true, false, false, 1, CHECK_RANDOM,
	                     op_random_pread, "lc rgb '#08306b' lw 2 pt 6" },
	[M_RANDOM_MMAP] = { "random-mmap", "fresh mapping", true, false, false, 1, CHECK_RANDOM, op_random_mmap,
	                    "lc rgb '#cb181d' lw 2 pt 7" },
	[M_RANDOM_MAPPED] = { "random-mapped", "limit: populated mapping", true, false, true, 1, CHECK_RANDOM,
	                      op_random_mapped, "lc rgb 'black' lw 4 pt 0" },
};

enum state { CACHED, COLD, STATE_COUNT };
static const char *const state_names[STATE_COUNT] = { "cached", "cold" };

struct figure {
	bool valid;
	double median, min, max;   /* GB/s or lookups/s */
	double seconds;            /* median seconds per operation */
	double faults;             /* median page faults per operation */
	int reps;
	unsigned batch;            /* operations per timed repetition */
};

static struct figure fig[STATE_COUNT][METHOD_COUNT][MAX_SIZES];
static size_t sizes[MAX_SIZES];
static int nsizes;

static char notes[4096];
static void note(const char *fmt, ...)
{
	va_list ap;
	size_t n = strlen(notes);
	va_start(ap, fmt);
	vsnprintf(notes + n, sizeof notes - n, fmt, ap);
	va_end(ap);
	n = strlen(notes);
	if (n + 1 < sizeof notes)
		strcat(notes, "\n");
}

/* ---- files and the page cache -------------------------------------------------------------- */

/* Writes size bytes of text: lines of 0 to 127 lowercase letters and spaces (64 on average), from a
 * fixed seed so that every run reads the same bytes. fsync'ed, so that the pages are clean and can
 * be dropped from the page cache for the cold runs. */
static void make_file(const char *path, size_t size)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz  etaoinshr";
	size_t chunk = 1 << 20;
	unsigned char *buf = malloc(chunk);
	uint64_t x = xorshift64_seed(0);
	size_t line_left = 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (!buf || fd == -1)
		die("cannot create %s: %s", path, strerror(errno));
	for (size_t done = 0; done < size;) {
		size_t n = size - done < chunk ? size - done : chunk;
		for (size_t i = 0; i < n; i++) {
			if (line_left == 0) {
				buf[i] = '\n';
				line_left = xorshift64_next(&x) % 128 + 1;
				continue;
			}
			line_left--;
			if ((i & 7) == 0)
				xorshift64_next(&x);
			buf[i] = (unsigned char)letters[(x >> ((i & 7) * 8)) & 63];
		}
		for (size_t off = 0; off < n;) {
			ssize_t w = write(fd, buf + off, n - off);
			if (w == -1 && errno == EINTR)
				continue;
			if (w == -1)
				die("write %s: %s", path, strerror(errno));
			off += (size_t)w;
		}
		done += n;
	}
	if (fsync(fd) == -1 || close(fd) == -1)
		die("fsync/close %s: %s", path, strerror(errno));
	free(buf);
}

/* The fraction of the file's pages that are in the page cache (mincore on a mapping that is never
 * touched, so that asking does not bring pages in). */
static double resident_fraction(const char *path, size_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t pages = (size + (size_t)page - 1) / (size_t)page, in = 0;
	unsigned char *vec = malloc(pages);
	int fd = open_file(path);
	void *map = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);

	if (!vec || map == MAP_FAILED || mincore(map, size, vec) == -1)
		die("mincore %s: %s", path, strerror(errno));
	for (size_t i = 0; i < pages; i++)
		in += vec[i] & 1;
	munmap(map, size);
	close_file(fd);
	free(vec);
	return (double)in / (double)pages;
}

/* Drops the file from the page cache. This needs no privilege: the pages are clean (fsync'ed) and
 * nobody maps them any more, so POSIX_FADV_DONTNEED can evict them. Returns what is left. */
static double drop_cache(const char *path, size_t size)
{
	int fd = open_file(path);
	int err = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);   /* returns the error, not -1 */
	if (err)
		die("posix_fadvise(POSIX_FADV_DONTNEED): %s", strerror(err));
	close_file(fd);
	return resident_fraction(path, size);
}

/* Reads the whole file once, with the simple loop through read(): brings it into the page cache and
 * gives the reference result every method must reproduce. */
static struct scan_total reference(const struct ctx *c)
{
	struct scan_total t = { 0, 0 };
	do_read(c, 2, scan_bytes_simple, &t);
	return t;
}

/* ---- measuring ----------------------------------------------------------------------------- */

static struct scan_total ref_scan;
static uint64_t ref_random;
static bool have_ref_random;

static void check_result(const struct method *m, const struct ctx *c, const struct scan_total *t, unsigned ops)
{
	bool ok = true;

	switch (m->check) {
	case CHECK_SCAN:
		ok = t->lines == ref_scan.lines * (uint64_t)m->passes * ops &&
		     t->sum == ref_scan.sum * (uint64_t)m->passes * ops;
		break;
	case CHECK_LINES:
		ok = t->lines == ref_scan.lines * ops;
		break;
	case CHECK_RANDOM:
		if (!have_ref_random) {
			ref_random = t->sum / ops;   /* ops is 1 for the first random operation */
			have_ref_random = true;
		}
		ok = t->sum == ref_random * ops;
		break;
	case CHECK_NONE:
		break;
	}
	if (!ok)
		die("%s on %s gave lines=%" PRIu64 " sum=%" PRIu64 " over %u operations, expected lines=%" PRIu64
		    " sum=%" PRIu64 " each", m->id, c->path, t->lines, t->sum, ops, ref_scan.lines, ref_scan.sum);
}

/* Runs a batch of ops operations; returns seconds, or -1 when the method is unsupported. */
static double run_batch(const struct method *m, const struct ctx *c, unsigned ops, double *faults)
{
	struct scan_total t = { 0, 0 };
	double f0 = faults_so_far(), t0 = now();

	for (unsigned i = 0; i < ops; i++)
		if (m->op(c, &t) == 1)
			return -1;
	double seconds = now() - t0;
	*faults = faults_so_far() - f0;
	check_result(m, c, &t, ops);
	return seconds;
}

static bool skip_noted[METHOD_COUNT];
static int warm_cold_runs;   /* cold runs that began with more than 1% of the file still cached */

/* Measures a set of methods on one file. The repetitions are interleaved (one batch of every method,
 * then the next round, each round starting one method later) so that a burst of load from something
 * else on the machine falls on all methods alike instead of on the few that ran during it. */
static void measure(const int *set, int n, int si, enum state st, const struct ctx *c)
{
	int reps = st == COLD ? opt.cold_reps : opt.reps;
	unsigned batch[METHOD_COUNT];
	bool skip[METHOD_COUNT] = { false };
	const char *why[METHOD_COUNT] = { NULL };
	static double rate[METHOD_COUNT][1000], secs[METHOD_COUNT][1000], flt[METHOD_COUNT][1000];
	double faults;

	for (int k = 0; k < n; k++) {
		const struct method *m = &methods[set[k]];
		batch[k] = 1;
		if (st == COLD)
			continue;
		/* Calibration, which is also the warm-up: double the batch until it takes 5 ms. */
		for (;;) {
			double s = run_batch(m, c, batch[k], &faults);
			if (s < 0) {
				skip[k] = true;
				why[k] = unsupported_why;
				break;
			}
			if (s >= MIN_BATCH_SECONDS || batch[k] >= MAX_BATCH)
				break;
			batch[k] *= 2;
		}
	}
	for (int r = 0; r < reps; r++)
		for (int j = 0; j < n; j++) {
			int k = (j + r) % n;
			const struct method *m = &methods[set[k]];
			if (skip[k])
				continue;
			if (st == COLD && drop_cache(c->path, c->size) > 0.01)
				warm_cold_runs++;
			double s = run_batch(m, c, batch[k], &faults);
			if (s < 0) {
				skip[k] = true;
				why[k] = unsupported_why;
				continue;
			}
			double units = m->random ? (double)c->lookups : (double)c->size * m->passes / 1e9;
			secs[k][r] = s / batch[k];
			rate[k][r] = units / secs[k][r];
			flt[k][r] = faults / batch[k];
		}
	for (int k = 0; k < n; k++) {
		if (skip[k]) {
			if (!skip_noted[set[k]])
				note("%s skipped: %s", methods[set[k]].id, why[k] ? why[k] : "unsupported");
			skip_noted[set[k]] = true;
			continue;
		}
		struct figure *f = &fig[st][set[k]][si];
		f->valid = true;
		f->reps = reps;
		f->batch = batch[k];
		f->min = f->max = rate[k][0];
		for (int r = 1; r < reps; r++) {
			if (rate[k][r] < f->min)
				f->min = rate[k][r];
			if (rate[k][r] > f->max)
				f->max = rate[k][r];
		}
		f->median = median(rate[k], reps);
		f->seconds = median(secs[k], reps);
		f->faults = median(flt[k], reps);
	}
}

/* ---- output -------------------------------------------------------------------------------- */

static void write_csv(const char *name, bool random)
{
	static const char *const header[] = { "state", "method", "bytes", "unit", "median", "min", "max",
	                                      "reps", "batch", "seconds", "faults" };
	char *path = path_in_dir(name);
	FILE *f = fopen(path, "w");
	struct csv_writer w;

	if (!f || csv_begin(&w, f, header, sizeof header / sizeof header[0]) == -1)
		die("cannot write %s: %s", path, strerror(errno));
	/* Grouped by state and method, sizes ascending: one block per line of the plot. */
	for (int st = 0; st < STATE_COUNT; st++)
		for (int mi = 0; mi < METHOD_COUNT; mi++) {
			if (methods[mi].random != random)
				continue;
			for (int si = 0; si < nsizes; si++) {
				const struct figure *g = &fig[st][mi][si];
				if (!g->valid)
					continue;
				csv_str(&w, state_names[st]);
				csv_str(&w, methods[mi].id);
				csv_u64(&w, sizes[si]);
				csv_str(&w, random ? "lookups/s" : "GB/s");
				csv_double(&w, g->median, 6);
				csv_double(&w, g->min, 6);
				csv_double(&w, g->max, 6);
				csv_u64(&w, (uint64_t)g->reps);
				csv_u64(&w, g->batch);
				csv_double(&w, g->seconds, 6);
				csv_double(&w, g->faults, 6);
				csv_end_row(&w);
			}
		}
	if (csv_end(&w) == -1 || fclose(f) == EOF)
		die("cannot write %s: %s", path, strerror(errno));
	printf("wrote %s\n", path);
	free(path);
}

/* One `plot` command: a line (with min..max bars) per method of the state that has figures. */
static void plot_command(FILE *g, const char *csv, const char *state, bool random, bool cold_with_limit)
{
	bool first = true;

	fprintf(g, "plot ");
	for (int mi = 0; mi < METHOD_COUNT; mi++) {
		const struct method *m = &methods[mi];
		bool any = false;
		for (int si = 0; si < nsizes; si++)
			any |= fig[!strcmp(state, "cold") ? COLD : CACHED][mi][si].valid;
		if (m->random != random || !any)
			continue;
		fprintf(g, "%s\\\n  '%s' using (strcol(1) eq '%s' && strcol(2) eq '%s' ? $3 : NaN):5:6:7 "
		           "with yerrorlines %s title '%s'", first ? "" : ", ", csv, state, m->id, m->style, m->id);
		first = false;
	}
	if (cold_with_limit && fig[CACHED][M_LIMIT_SCAN][0].valid)
		fprintf(g, ", \\\n  '%s' using (strcol(1) eq 'cached' && strcol(2) eq 'limit-scan' ? $3 : NaN):5 "
		           "with lines lc rgb 'black' lw 4 title 'limit-scan (cached)'", csv);
	fprintf(g, "\n");
}

/* Writes DIR/plot.gp and runs gnuplot in DIR. Returns false (with a note) when it cannot. */
static void plot(void)
{
	char *path = path_in_dir("plot.gp");
	FILE *g = fopen(path, "w");

	if (!g)
		die("cannot write %s: %s", path, strerror(errno));
	fprintf(g, "# Written by mmap_bench; run `gnuplot plot.gp` in this directory to draw again.\n"
	           "set datafile separator ','\n"
	           "set terminal pngcairo size 1200,760 noenhanced font ',11'\n"
	           "set logscale xy\n"
	           "set grid xtics ytics mytics\n"
	           "set key outside right top\n"
	           "set xlabel 'file size'\n"
	           "set xtics (");
	for (int si = 0; si < nsizes; si++) {
		char l[32];
		size_label(sizes[si], l, sizeof l);
		fprintf(g, "%s'%s' %zu", si ? ", " : "", l, sizes[si]);
	}
	fprintf(g, ")\n");
	fprintf(g, "set ylabel 'GB/s (median; bars: min to max)'\n"
	           "set output 'sequential-cached.png'\n"
	           "set title 'Scanning a file in the page cache: lines and byte sum'\n");
	plot_command(g, "sequential.csv", "cached", false, false);
	if (opt.cold) {
		fprintf(g, "set output 'sequential-cold.png'\n"
		           "set title 'Scanning a file not in the page cache (POSIX_FADV_DONTNEED before each run)'\n");
		plot_command(g, "sequential.csv", "cold", false, true);
	}
	fprintf(g, "set ylabel 'lookups per second (median; bars: min to max)'\n"
	           "set format y '%%.0s%%c'\n"
	           "set output 'random.png'\n"
	           "set title 'Random 8-byte lookups in a file in the page cache (%" PRIu64 " per run)'\n",
	        opt.lookups);
	plot_command(g, "random.csv", "cached", true, false);
	if (fclose(g) == EOF)
		die("cannot write %s: %s", path, strerror(errno));

	posix_spawn_file_actions_t fa;
	pid_t pid;
	int status, err;
	char *argv[] = { "gnuplot", "plot.gp", NULL };

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addchdir_np(&fa, opt.dir);
	err = posix_spawnp(&pid, "gnuplot", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (err) {
		note("no plots: cannot run gnuplot (%s); install gnuplot-nox, then run `gnuplot plot.gp` in %s",
		     strerror(err), opt.dir);
	} else {
		while (waitpid(pid, &status, 0) == -1)
			if (errno != EINTR)
				die("waitpid: %s", strerror(errno));
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			printf("wrote %s/sequential-cached.png%s, %s/random.png\n", opt.dir,
			       opt.cold ? ", sequential-cold.png" : "", opt.dir);
		else
			note("gnuplot failed on %s (its messages are above)", path);
	}
	free(path);
}

static void print_table(enum state st, bool random)
{
	bool any = false;
	for (int mi = 0; mi < METHOD_COUNT; mi++)
		for (int si = 0; si < nsizes; si++)
			any |= methods[mi].random == random && fig[st][mi][si].valid;
	if (!any)
		return;
	printf("\n%s, %s (median of %d)\n%-20s %-26s", state_names[st], random ? "million lookups/s" : "GB/s",
	       st == COLD ? opt.cold_reps : opt.reps, "method", "");
	for (int si = 0; si < nsizes; si++) {
		char l[32];
		size_label(sizes[si], l, sizeof l);
		printf(" %7s", l);
	}
	printf("\n");
	for (int mi = 0; mi < METHOD_COUNT; mi++) {
		if (methods[mi].random != random)
			continue;
		bool row = false;
		for (int si = 0; si < nsizes; si++)
			row |= fig[st][mi][si].valid;
		if (!row)
			continue;
		printf("%-20s %-26s", methods[mi].id, methods[mi].what);
		for (int si = 0; si < nsizes; si++) {
			const struct figure *g = &fig[st][mi][si];
			if (g->valid)
				printf(" %7.3g", random ? g->median / 1e6 : g->median);
			else
				printf(" %7s", "-");
		}
		printf("\n");
	}
}

static void print_faults(int si)
{
	char l[32];
	size_label(sizes[si], l, sizeof l);
	printf("\npage faults per operation at %s (minor + major, this process and wc)\n", l);
	for (int st = 0; st < STATE_COUNT; st++) {
		bool any = false;
		for (int mi = 0; mi < METHOD_COUNT; mi++) {
			const struct figure *g = &fig[st][mi][si];
			if (!g->valid || methods[mi].anchor)
				continue;
			printf("%s%s %s %.0f", any ? "," : "", any ? "" : state_names[st], methods[mi].id, g->faults);
			any = true;
		}
		if (any)
			printf("\n");
	}
}

/* The last lines: the ratios docs-ko/performance.md asks the reader to look at. */
static void print_ratios(void)
{
	int si = nsizes - 1;
	char l[32];
	size_label(sizes[si], l, sizeof l);
#define F(m) (&fig[CACHED][m][si])
	static const int ours[] = { M_READ_4K, M_READ_64K, M_READ_1M, M_MMAP, M_MMAP_SEQ, M_MMAP_POPULATE,
	                            M_MMAP_POPULATE_READ };
	int best = -1;
	for (size_t i = 0; i < sizeof ours / sizeof ours[0]; i++)
		if (F(ours[i])->valid && (best < 0 || F(ours[i])->seconds < F(best)->seconds))
			best = ours[i];

	printf("\nratios at %s, cached (medians):\n", l);
	if (best >= 0 && F(M_WC)->valid)
		printf("newline count: best of ours (%s) %.3f ms vs wc -l %.3f ms: %.2fx as fast\n", methods[best].id,
		       F(best)->seconds * 1e3, F(M_WC)->seconds * 1e3, F(M_WC)->seconds / F(best)->seconds);
	else if (best >= 0)
		printf("newline count: best of ours (%s) %.3f ms; wc -l was not measured\n", methods[best].id,
		       F(best)->seconds * 1e3);
	if (F(M_RANDOM_MMAP)->valid && F(M_RANDOM_PREAD)->valid)
		printf("random 8-byte lookups: fresh mapping %.1f M/s vs pread() %.2f M/s: %.1fx as many "
		       "(populated mapping: %.1f M/s)\n",
		       F(M_RANDOM_MMAP)->median / 1e6, F(M_RANDOM_PREAD)->median / 1e6,
		       F(M_RANDOM_MMAP)->median / F(M_RANDOM_PREAD)->median, F(M_RANDOM_MAPPED)->median / 1e6);
	if (F(M_READ_1M)->valid && F(M_MMAP)->valid && F(M_READ_1M_BYTE)->valid && F(M_MMAP_BYTE)->valid)
		printf("loop vs mapping: vector loop / byte loop = %.1fx over read() 1 MiB, %.1fx over a fresh "
		       "mapping; fresh mapping / read() 1 MiB = %.2fx with the vector loop, %.2fx with the byte "
		       "loop; mapped memory (limit-scan) / read() 1 MiB = %.2fx\n",
		       F(M_READ_1M)->median / F(M_READ_1M_BYTE)->median, F(M_MMAP)->median / F(M_MMAP_BYTE)->median,
		       F(M_MMAP)->median / F(M_READ_1M)->median, F(M_MMAP_BYTE)->median / F(M_READ_1M_BYTE)->median,
		       F(M_LIMIT_SCAN)->median / F(M_READ_1M)->median);
#undef F
}

/* ---- main ---------------------------------------------------------------------------------- */

static void check_dir(void)
{
	struct statfs sf;

	if (mkdir(opt.dir, 0755) == -1 && errno != EEXIST)
		die("mkdir %s: %s", opt.dir, strerror(errno));
	if (statfs(opt.dir, &sf) == -1)
		die("statfs %s: %s", opt.dir, strerror(errno));
	if ((unsigned long)sf.f_type == TMPFS_MAGIC_ || (unsigned long)sf.f_type == RAMFS_MAGIC_) {
		fprintf(stderr, "mmap_bench: warning: %s is on tmpfs/ramfs, which keeps files in memory: there is no "
		                "disk to be cold on, so cold runs are skipped. Use --dir on a disk.\n", opt.dir);
		note("%s is on tmpfs or ramfs: cold runs skipped", opt.dir);
		opt.cold = false;
	}
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);
	setvbuf(stdout, NULL, _IOLBF, 0);
	check_dir();
	for (int i = 0; i < 3; i++) {
		if (posix_memalign((void **)&buffers[i], 4096, buffer_sizes[i]))
			die("out of memory");
		memset(buffers[i], 0, buffer_sizes[i]);
	}
	for (size_t s = 4096; s <= opt.max && nsizes < MAX_SIZES; s *= 4)
		if (s >= opt.min)
			sizes[nsizes++] = s;
	if (nsizes == 0)
		usage();

	double start = now(), cold_rate = 0;   /* bytes per second of the last cold read-1m */
	int cold_methods = 0;
	bool cold_stopped = false;
	for (int mi = 0; mi < METHOD_COUNT; mi++)
		cold_methods += methods[mi].cold;
	printf("mmap_bench: scanning loop %s, %d repetitions cached, %d cold, %" PRIu64 " random lookups, "
	       "files in %s\n", scan_loop_name(), opt.reps, opt.cold_reps, opt.lookups, opt.dir);

	for (int si = 0; si < nsizes; si++) {
		char l[32], name[64];
		size_label(sizes[si], l, sizeof l);
		snprintf(name, sizeof name, "data-%s.txt", l);
		char *path = path_in_dir(name);
		struct ctx c = { .path = path, .size = sizes[si], .lookups = opt.lookups };
		double t0 = now();

		/* A file just written sits in the page cache in the pieces it was written in; a file read
		 * from disk comes in through readahead, in larger folios, and is then scanned several times
		 * faster (fewer faults, less per-page work in read()). The bench measures the second kind:
		 * drop what was written, read it back. */
		make_file(path, sizes[si]);
		drop_cache(path, sizes[si]);
		ref_scan = reference(&c);
		have_ref_random = false;

		int set[METHOD_COUNT], n = 0;
		for (int mi = 0; mi < METHOD_COUNT; mi++)
			if (!methods[mi].anchor && !methods[mi].random)
				set[n++] = mi;
		measure(set, n, si, CACHED, &c);

		/* The anchors: the file mapped and populated beforehand, then only the work is timed. */
		int fd = open_file(path);
		c.map = mmap(NULL, c.size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
		if (c.map == MAP_FAILED)
			die("mmap: %s", strerror(errno));
		close_file(fd);
		if (posix_memalign((void **)&c.dst, 4096, c.size))
			die("out of memory for a %s memcpy destination", l);
		memset(c.dst, 1, c.size);
		measure((const int[]){ M_LIMIT_SCAN, M_LIMIT_MEMCPY }, 2, si, CACHED, &c);
		free(c.dst);
		c.dst = NULL;
		n = 0;
		for (int mi = 0; mi < METHOD_COUNT; mi++)
			if (methods[mi].random)
				set[n++] = mi;
		measure(set, n, si, CACHED, &c);
		munmap((void *)c.map, c.size);
		c.map = NULL;

		if (opt.cold && !cold_stopped) {
			/* A guess from the last size's cold read-1m, which overestimates: bigger files read faster. */
			double estimate = cold_rate > 0 ? (double)cold_methods * opt.cold_reps * (double)c.size / cold_rate : 0;
			if (opt.budget > 0 && now() - start + estimate > opt.budget) {
				note("cold runs stopped before %s: they would have taken the run past --budget %.0f s "
				     "(about %.0f s more); pass --budget 0 to measure them", l, opt.budget, estimate);
				cold_stopped = true;
			} else {
				n = 0;
				for (int mi = 0; mi < METHOD_COUNT; mi++)
					if (methods[mi].cold)
						set[n++] = mi;
				measure(set, n, si, COLD, &c);
				if (fig[COLD][M_READ_1M][si].valid)
					cold_rate = (double)c.size / fig[COLD][M_READ_1M][si].seconds;
			}
		}
		if (!opt.keep && unlink(path) == -1)
			die("unlink %s: %s", path, strerror(errno));
		printf("%6s done in %5.1f s (lines=%" PRIu64 ")\n", l, now() - t0, ref_scan.lines);
		free(path);
	}

	if (warm_cold_runs)
		note("%d cold runs began with more than 1%% of the file still in the page cache after "
		     "POSIX_FADV_DONTNEED (is another process mapping it?)", warm_cold_runs);
	write_csv("sequential.csv", false);
	write_csv("random.csv", true);
	if (opt.plot)
		plot();
	print_table(CACHED, false);
	print_table(COLD, false);
	print_table(CACHED, true);
	print_faults(nsizes - 1);
	if (notes[0])
		printf("\nnotes:\n%s", notes);
	printf("\ntotal %.0f s\n", now() - start);
	print_ratios();
	return 0;
}
