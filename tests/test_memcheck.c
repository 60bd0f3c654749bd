/* test_memcheck.c - unit tests of the Valgrind Memcheck report reader (harness/memcheck.c).
 *
 * The fixtures under tests/fixtures/valgrind/ are reports of real runs of Valgrind 3.19 with
 * --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect
 * --track-fds=yes; see the README there. Tests run from the repository root, or from $MMAPLAB_ROOT. */
#define _GNU_SOURCE /* memmem */
#include <criterion/criterion.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memcheck.h"
#include "util.h"

/* Returns the path of fixture `name` (static buffer). */
static const char *fixture_path(const char *name)
{
	static char path[4096];
	const char *root = getenv("MMAPLAB_ROOT");

	snprintf(path, sizeof path, "%s/tests/fixtures/valgrind/%s", root && *root ? root : ".", name);
	return path;
}

/* Parses fixture `name` into *r, failing the test when it cannot be read. */
static void load(const char *name, struct memcheck_report *r)
{
	cr_assert_eq(memcheck_parse_file(fixture_path(name), r), 0, "cannot read fixture %s", fixture_path(name));
}

/* Parses the NUL-terminated text s. */
static void parse_text(const char *s, struct memcheck_report *r)
{
	cr_assert_eq(memcheck_parse(s, strlen(s), r), 0, "memcheck_parse failed");
}

/* The n-th (from 0) finding of a kind, or NULL. */
static const struct memcheck_finding *nth(const struct memcheck_report *r, enum memcheck_finding_kind kind, size_t n)
{
	for (size_t i = 0; i < r->count; i++)
		if (r->findings[i].kind == kind && n-- == 0)
			return &r->findings[i];
	return NULL;
}

/* Counts the findings of a kind. */
static size_t count_kind(const struct memcheck_report *r, enum memcheck_finding_kind kind)
{
	size_t n = 0;

	for (size_t i = 0; i < r->count; i++)
		n += r->findings[i].kind == kind;
	return n;
}

/* The open-descriptor finding for fd, or NULL. */
static const struct memcheck_finding *open_fd(const struct memcheck_report *r, int fd)
{
	for (size_t i = 0; i < r->count; i++)
		if (r->findings[i].kind == MEMCHECK_OPEN_FD && r->findings[i].fd == fd)
			return &r->findings[i];
	return NULL;
}

/* Checks that frame i of f is function `fn` at file:line (file NULL: no file expected). */
static void assert_frame(const struct memcheck_finding *f, size_t i, const char *fn, const char *file, int line)
{
	const struct memcheck_frame *fr;

	cr_assert_lt(i, f->nframes, "\"%s\" has only %zu frames", f->title, f->nframes);
	fr = &f->frames[i];
	cr_assert_str_eq(fr->function, fn, "function of frame %zu of \"%s\"", i, f->title);
	if (file) {
		cr_assert_not_null(fr->file, "frame %zu of \"%s\" has a file", i, f->title);
		cr_assert_str_eq(fr->file, file, "file of frame %zu of \"%s\"", i, f->title);
		cr_assert_eq(fr->line, line, "line of frame %zu of \"%s\"", i, f->title);
		cr_assert_null(fr->object, "a frame with a file has no object");
	} else {
		cr_assert_null(fr->file, "frame %zu of \"%s\" has no file", i, f->title);
		cr_assert_eq(fr->line, 0, "no line without a file");
	}
}

/* Checks the structural promises of memcheck.h: used on good and on garbage input. */
static void check_invariants(const struct memcheck_report *r)
{
	cr_assert(r->count == 0 || r->findings, "count without findings");
	cr_assert(!r->complete || r->error_count >= 0, "complete without an error count");
	for (size_t i = 0; i < r->count; i++) {
		const struct memcheck_finding *f = &r->findings[i];

		cr_assert_not_null(f->title, "finding %zu has no title", i);
		cr_assert(f->kind >= MEMCHECK_ERROR && f->kind <= MEMCHECK_OPEN_FD, "finding %zu kind", i);
		cr_assert(f->nframes == 0 || f->frames, "finding %zu: nframes without frames", i);
		if (f->kind == MEMCHECK_LEAK)
			cr_assert_not_null(f->leak_kind, "leak %zu has no kind", i);
		if (f->kind == MEMCHECK_ERROR)
			cr_assert_gt(f->nframes, 0, "error %zu without a stack", i);
		for (size_t j = 0; j < f->nframes; j++)
			cr_assert(f->frames[j].line >= 0, "finding %zu frame %zu line", i, j);
	}
}

Test(memcheck_fixture, errors_with_their_own_stacks)
{
	struct memcheck_report r;
	const struct memcheck_finding *f;

	load("errors.log", &r);
	check_invariants(&r);
	cr_assert(r.complete, "the report reached ERROR SUMMARY");
	cr_assert_eq(r.error_count, 9, "6 errors + 3 leak records counted as errors");
	cr_assert_eq(count_kind(&r, MEMCHECK_ERROR), 6, "error blocks");

	f = nth(&r, MEMCHECK_ERROR, 0);
	cr_assert_str_eq(f->title, "Invalid read of size 1", "title without the ==PID== prefix");
	cr_assert_eq(f->nframes, 2, "the alloc'd sub-stack is not part of the error's stack");
	assert_frame(f, 0, "helper", "vgerr.c", 8);
	assert_frame(f, 1, "main", "vgerr.c", 12);
	cr_assert_eq(memcheck_user_frame(f), &f->frames[0], "innermost frame with a file");

	f = nth(&r, MEMCHECK_ERROR, 1);
	cr_assert_str_eq(f->title, "Invalid write of size 1", "title");
	cr_assert_eq(f->nframes, 1, "one frame");
	assert_frame(f, 0, "main", "vgerr.c", 13);

	f = nth(&r, MEMCHECK_ERROR, 2);
	cr_assert_str_eq(f->title, "Conditional jump or move depends on uninitialised value(s)", "title");
	assert_frame(f, 0, "main", "vgerr.c", 15);

	f = nth(&r, MEMCHECK_ERROR, 3);
	cr_assert_str_eq(f->title, "Syscall param write(buf) points to uninitialised byte(s)", "title");
	cr_assert_eq(f->nframes, 2, "frames");
	assert_frame(f, 0, "write", "write.c", 26);

	f = nth(&r, MEMCHECK_ERROR, 4);
	cr_assert_str_eq(f->title, "Invalid free() / delete / delete[] / realloc()", "title");
	cr_assert_eq(f->nframes, 2, "neither the free'd nor the alloc'd sub-stack");
	cr_assert_str_eq(f->frames[0].function, "free", "library frame");
	cr_assert_null(f->frames[0].file, "library frame has no file");
	cr_assert_str_eq(f->frames[0].object, "/usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so", "object");
	cr_assert_eq(memcheck_user_frame(f), &f->frames[1], "user frame skips the library");
	assert_frame(f, 1, "main", "vgerr.c", 20);

	f = nth(&r, MEMCHECK_ERROR, 5);
	cr_assert_str_eq(f->title, "Source and destination overlap in strncpy(0x1fff000485, 0x1fff000484, 20)", "title");
	assert_frame(f, 1, "main", "vgerr.c", 22);
	memcheck_free(&r);
}

Test(memcheck_fixture, debug_info_of_libc_and_source_frame)
{
	static const char *const sources[] = { "vgerr.c" };
	static const char *const full[] = { "/some/dir/vgerr.c" };
	struct memcheck_report r;
	const struct memcheck_finding *f;
	const struct memcheck_frame *fr;

	load("errors.log", &r);
	f = nth(&r, MEMCHECK_ERROR, 3);
	/* With libc6-dbg installed glibc's own frames carry file:line ("write (write.c:26)"). */
	cr_assert_str_eq(memcheck_user_frame(f)->function, "write", "memcheck_user_frame cannot tell libc apart");
	fr = memcheck_source_frame(f, sources, 1);
	cr_assert_not_null(fr, "a frame in the submission's file");
	cr_assert_str_eq(fr->function, "main", "the submission's frame");
	cr_assert_eq(fr->line, 18, "its line");
	cr_assert_eq(memcheck_source_frame(f, full, 1), fr, "sources compared by base name");
	cr_assert_null(memcheck_source_frame(f, sources, 0), "no sources, no frame");
	cr_assert_null(memcheck_source_frame(NULL, sources, 1), "no finding");
	memcheck_free(&r);
}

Test(memcheck_fixture, leak_records_and_summary)
{
	struct memcheck_report r;
	const struct memcheck_finding *f;
	long long definite = 0;

	load("errors.log", &r);
	cr_assert_eq(count_kind(&r, MEMCHECK_LEAK), 3, "three loss records");
	f = nth(&r, MEMCHECK_LEAK, 0);
	cr_assert_str_eq(f->leak_kind, "definitely", "kind");
	cr_assert_eq(f->leak_bytes, 10, "bytes");
	cr_assert_eq(f->leak_blocks, 1, "blocks");
	cr_assert_str_eq(f->title, "10 bytes in 1 blocks are definitely lost in loss record 1 of 3", "title");
	assert_frame(f, 1, "main", "vgerr.c", 26);
	f = nth(&r, MEMCHECK_LEAK, 1);
	cr_assert_str_eq(f->leak_kind, "indirectly", "kind");
	cr_assert_eq(f->leak_bytes, 32, "bytes");
	f = nth(&r, MEMCHECK_LEAK, 2);
	cr_assert_str_eq(f->leak_kind, "definitely", "kind");
	cr_assert_eq(f->leak_bytes, 32, "the direct part of 64 (32 direct, 32 indirect)");
	cr_assert_eq(memcheck_user_frame(f)->line, 23, "where it was allocated");

	for (size_t i = 0; i < r.count; i++)
		if (r.findings[i].kind == MEMCHECK_LEAK && strcmp(r.findings[i].leak_kind, "definitely") == 0)
			definite += r.findings[i].leak_bytes;
	cr_assert_eq(r.definitely_lost_bytes, 42, "LEAK SUMMARY definitely lost bytes");
	cr_assert_eq(r.definitely_lost_blocks, 2, "LEAK SUMMARY definitely lost blocks");
	cr_assert_eq(r.indirectly_lost_bytes, 32, "LEAK SUMMARY indirectly lost bytes");
	cr_assert_eq(r.indirectly_lost_blocks, 1, "LEAK SUMMARY indirectly lost blocks");
	cr_assert_eq(definite, r.definitely_lost_bytes, "records add up to the summary");
	memcheck_free(&r);
}

Test(memcheck_fixture, open_descriptors)
{
	struct memcheck_report r;
	const struct memcheck_finding *f;

	load("errors.log", &r);
	cr_assert_eq(count_kind(&r, MEMCHECK_OPEN_FD), 7, "seven descriptors listed");

	f = open_fd(&r, 5);
	cr_assert_not_null(f, "the lab file's descriptor");
	cr_assert_str_eq(f->fd_path, "link.txt", "path as the program opened it");
	cr_assert(!f->fd_inherited, "opened by the program");
	assert_frame(f, 0, "open", "open64.c", 41);
	assert_frame(f, 1, "main", "vgerr.c", 28);

	f = open_fd(&r, 7);
	cr_assert_not_null(f, "a pipe end");
	cr_assert_null(f->fd_path, "a pipe has no path");
	cr_assert(!f->fd_inherited, "opened by the program");
	cr_assert_eq(f->nframes, 2, "where pipe() was called");

	f = open_fd(&r, 251);
	cr_assert_not_null(f, "descriptor 251");
	cr_assert_null(f->fd_path, "no path");
	cr_assert(f->fd_inherited, "<inherited from parent> on the next line");
	cr_assert_eq(f->nframes, 0, "no stack");

	f = open_fd(&r, 4);
	cr_assert_not_null(f, "Valgrind's log file");
	cr_assert_str_eq(f->fd_path, "/tmp/exp/errors.log", "absolute path");
	cr_assert(f->fd_inherited, "Valgrind's own log file shows as inherited");
	cr_assert(open_fd(&r, 3)->fd_inherited, "a descriptor given by the shell");
	memcheck_free(&r);
}

Test(memcheck_fixture, clean_run)
{
	struct memcheck_report r;

	load("clean.log", &r);
	check_invariants(&r);
	cr_assert(r.complete, "complete");
	cr_assert_eq(r.error_count, 0, "no error");
	cr_assert_eq(count_kind(&r, MEMCHECK_ERROR), 0, "no error finding");
	cr_assert_eq(count_kind(&r, MEMCHECK_LEAK), 0, "no leak");
	for (size_t i = 0; i < r.count; i++)
		cr_assert(r.findings[i].fd_inherited, "only inherited descriptors (fd %d)", r.findings[i].fd);
	cr_assert_eq(r.definitely_lost_bytes, 0, "no LEAK SUMMARY: 0");
	memcheck_free(&r);
}

Test(memcheck_fixture, killed_by_signal_is_complete)
{
	struct memcheck_report r;
	const struct memcheck_finding *f;

	load("segv.log", &r);
	check_invariants(&r);
	cr_assert(r.complete, "valgrind still writes its summaries after SIGSEGV");
	cr_assert_eq(r.error_count, 1, "one error");
	cr_assert_eq(count_kind(&r, MEMCHECK_ERROR), 1, "\"Process terminating\" is not an error");
	f = nth(&r, MEMCHECK_ERROR, 0);
	cr_assert_str_eq(f->title, "Invalid read of size 1", "title");
	cr_assert_eq(f->nframes, 1, "frames");
	f = open_fd(&r, 4);
	cr_assert_not_null(f, "lab file left open");
	cr_assert_str_eq(f->fd_path, "link.txt", "path");
	cr_assert(!f->fd_inherited, "opened by the program");
	memcheck_free(&r);
}

Test(memcheck_fixture, mismatched_free_cxx_names)
{
	struct memcheck_report r;
	const struct memcheck_finding *f;

	load("mismatched.log", &r);
	check_invariants(&r);
	cr_assert_eq(r.error_count, 2, "two errors");
	f = nth(&r, MEMCHECK_ERROR, 1);
	cr_assert_str_eq(f->title, "Mismatched free() / delete / delete []", "title");
	cr_assert_eq(f->nframes, 2, "frames");
	cr_assert_str_eq(f->frames[0].function, "operator delete(void*, unsigned long)", "C++ name with parentheses");
	cr_assert_str_eq(f->frames[0].object, "/usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so", "object");
	assert_frame(f, 1, "main", "mism.cc", 2);
	memcheck_free(&r);
}

Test(memcheck_fixture, truncated_report_is_incomplete)
{
	struct memcheck_report r;
	const struct memcheck_finding *f;

	load("killed.log", &r);
	check_invariants(&r);
	cr_assert(!r.complete, "valgrind was killed before its summary");
	cr_assert_eq(r.error_count, -1, "no ERROR SUMMARY");
	cr_assert_eq(r.count, 1, "the one error written before the kill");
	f = nth(&r, MEMCHECK_ERROR, 0);
	assert_frame(f, 0, "main", "vgsleep.c", 4);
	memcheck_free(&r);
}

Test(memcheck_fixture, forked_processes_share_the_report)
{
	struct memcheck_report r;
	const struct memcheck_finding *f;

	load("fork.log", &r);
	check_invariants(&r);
	cr_assert(r.complete, "the parent's summary was written");
	cr_assert_eq(r.error_count, 2, "child's leak + parent's invalid write");
	cr_assert_eq(r.definitely_lost_bytes, 100, "child's leak in the totals");
	f = nth(&r, MEMCHECK_LEAK, 0);
	cr_assert_not_null(f, "child's leak record");
	cr_assert_eq(f->leak_bytes, 100, "bytes");
	f = nth(&r, MEMCHECK_ERROR, 0);
	cr_assert_str_eq(f->title, "Invalid write of size 1", "parent's error");
	cr_assert_eq(f->nframes, 1, "frames");
	cr_assert_eq(count_kind(&r, MEMCHECK_OPEN_FD), 6, "both processes list their descriptors");
	memcheck_free(&r);
}

Test(memcheck_fixture, thread_header_and_origin_substack)
{
	struct memcheck_report r;
	const struct memcheck_finding *f;

	load("origins.log", &r);
	check_invariants(&r);
	cr_assert_eq(count_kind(&r, MEMCHECK_ERROR), 1, "\"Thread 2:\" is not an error");
	f = nth(&r, MEMCHECK_ERROR, 0);
	cr_assert_str_eq(f->title, "Conditional jump or move depends on uninitialised value(s)", "title");
	cr_assert_eq(f->nframes, 3, "the origin's stack is not included");
	assert_frame(f, 0, "worker", "vgorigin.c", 6);
	assert_frame(f, 2, "clone", "clone.S", 100);
	memcheck_free(&r);
}

Test(memcheck_fixture, warning_is_not_an_error)
{
	struct memcheck_report r;
	const struct memcheck_finding *f;

	load("warning.log", &r);
	check_invariants(&r);
	cr_assert_eq(r.error_count, 1, "a warning is not counted");
	cr_assert_eq(count_kind(&r, MEMCHECK_ERROR), 1, "one error");
	f = nth(&r, MEMCHECK_ERROR, 0);
	cr_assert_str_eq(f->title, "Argument 'size' of function malloc has a fishy (possibly negative) value: -5",
	                 "the error right after the warning line starts its own block");
	cr_assert_eq(f->nframes, 2, "frames");
	assert_frame(f, 1, "main", "vgwarn.c", 3);
	memcheck_free(&r);
}

Test(memcheck_synthetic, frame_forms)
{
	struct memcheck_report r;
	const struct memcheck_finding *f;

	parse_text("==1== Invalid read of size 4\n"
	           "==1==    at 0x4015D9: ???\n"
	           "==1==    by 0x4015DA: ??? (in /lib/ld (x).so)\n"
	           "==1==    by 0x4015DB: (below main) (libc-start.c:392)\n"
	           "==1==    by 0x4015DC: foo (in /usr/lib/x.so)\n"
	           "==1==    by 0x4015DD: bar\n"
	           "==1==    by 0x4015DE: baz (weird)\n"
	           "==1==    by 0x4015DF: qux (dir/a:b.c:7)\n"
	           "==1==    by 0x\n"
	           "==1== \n"
	           "==1== ERROR SUMMARY: 1,234 errors from 1 contexts (suppressed: 0 from 0)", &r);
	check_invariants(&r);
	cr_assert(r.complete, "complete without a final newline");
	cr_assert_eq(r.error_count, 1234, "count with a thousands separator");
	f = nth(&r, MEMCHECK_ERROR, 0);
	cr_assert_eq(f->nframes, 8, "every frame line");
	cr_assert_null(f->frames[0].function, "??? has no name");
	cr_assert_null(f->frames[1].function, "??? with an object");
	cr_assert_str_eq(f->frames[1].object, "/lib/ld (x).so", "object with parentheses");
	cr_assert_str_eq(f->frames[2].function, "(below main)", "(below main) is a name");
	cr_assert_str_eq(f->frames[2].file, "libc-start.c", "its file");
	cr_assert_str_eq(f->frames[3].object, "/usr/lib/x.so", "object");
	cr_assert_str_eq(f->frames[4].function, "bar", "name without location");
	cr_assert_null(f->frames[4].file, "no file");
	cr_assert_str_eq(f->frames[5].file, "weird", "unknown location kept as file");
	cr_assert_eq(f->frames[5].line, 0, "no line");
	cr_assert_str_eq(f->frames[6].file, "dir/a:b.c", "last colon splits the line");
	cr_assert_eq(f->frames[6].line, 7, "line");
	cr_assert_null(f->frames[7].function, "truncated frame");
	cr_assert_eq(memcheck_user_frame(f), &f->frames[2], "first frame with file:line and no object");
	memcheck_free(&r);
}

Test(memcheck_synthetic, leak_kinds_and_sockets)
{
	struct memcheck_report r;

	parse_text("==9== 4,096 bytes in 1 blocks are possibly lost in loss record 1 of 3\n"
	           "==9==    at 0x1: malloc (in /v.so)\n"
	           "==9== \n"
	           "==9== 8 bytes in 2 blocks are still reachable in loss record 2 of 3\n"
	           "==9==    at 0x1: malloc (in /v.so)\n"
	           "==9== \n"
	           "==9== 5 bytes in 1 blocks are definitely lost in loss\n"
	           "==9==    at 0x1: malloc (in /v.so)\n"
	           "==9== \n"
	           "==9== Open AF_UNIX socket 5: <unknown>\n"
	           "==9==    at 0x1: socket (in /libc.so)\n"
	           "==9== \n"
	           "--9-- Open file descriptor 6: debug line\n"
	           "no prefix at all\n", &r);
	check_invariants(&r);
	cr_assert(!r.complete, "no ERROR SUMMARY");
	cr_assert_eq(count_kind(&r, MEMCHECK_LEAK), 2, "two well-formed leak records");
	cr_assert_str_eq(r.findings[0].leak_kind, "possibly", "possibly lost");
	cr_assert_eq(r.findings[0].leak_bytes, 4096, "bytes with separator");
	cr_assert_str_eq(r.findings[1].leak_kind, "still reachable", "still reachable");
	cr_assert_eq(r.findings[1].leak_blocks, 2, "blocks");
	cr_assert_eq(r.findings[2].kind, MEMCHECK_ERROR, "a malformed leak record stays an error with a stack");
	cr_assert_eq(r.findings[3].kind, MEMCHECK_OPEN_FD, "socket");
	cr_assert_eq(r.findings[3].fd, 5, "socket descriptor");
	cr_assert_str_eq(r.findings[3].fd_path, "<unknown>", "socket description");
	cr_assert_eq(r.count, 4, "--PID-- and unprefixed lines are ignored");
	memcheck_free(&r);
}

Test(memcheck_synthetic, nul_bytes_and_blank_input)
{
	static const char buf[] = "==3== Invalid read of size 1\n==3==    at 0x1: main (a\0.c:1)\n==3== ERROR SUMMARY: 1 errors";
	struct memcheck_report r;

	cr_assert_eq(memcheck_parse(buf, sizeof buf - 1, &r), 0, "parse");
	check_invariants(&r);
	cr_assert_eq(r.count, 1, "one error");
	cr_assert_eq(r.findings[0].nframes, 1, "its frame, cut at the NUL");
	cr_assert(r.complete, "summary after the NUL line");
	memcheck_free(&r);
	cr_assert_eq(memcheck_parse("", 0, &r), 0, "empty input");
	cr_assert(!r.complete && r.error_count == -1 && r.count == 0, "nothing in an empty report");
	memcheck_free(&r);
}

Test(memcheck_synthetic, huge_counts_saturate)
{
	struct memcheck_report r;

	/* Found by fuzzing: adding two saturated counts overflowed. */
	parse_text("==1== ERROR SUMMARY: 99999999999999999999 errors\n==2== ERROR SUMMARY: 6 errors\n"
	           "==1== LEAK SUMMARY:\n==1==    definitely lost: 9223372036854775807 bytes in 1 blocks\n"
	           "==1== LEAK SUMMARY:\n==1==    definitely lost: 5 bytes in 1 blocks\n", &r);
	cr_assert(r.complete, "first process summarised");
	cr_assert_eq(r.error_count, INT64_MAX, "saturated error count");
	cr_assert_eq(r.definitely_lost_bytes, INT64_MAX, "saturated byte count");
	cr_assert_eq(r.definitely_lost_blocks, 2, "blocks add up");
	memcheck_free(&r);
}

Test(memcheck_synthetic, missing_file)
{
	struct memcheck_report r;

	cr_assert_eq(memcheck_parse_file(fixture_path("does-not-exist.log"), &r), -1, "missing file");
	cr_assert_eq(r.count, 0, "empty report");
	memcheck_free(&r);
}

/* A deterministic generator, so a failure can be reproduced. */
static uint32_t next_random(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

Test(memcheck_robustness, random_bytes)
{
	static const char *const pieces[] = {
		"==12== ", "   at 0x1: ", "   by 0x", " (", ")", ":", "(in /x.so)", " Address ", "Open file descriptor ",
		"3", ": ", "<inherited from parent>", " bytes in ", " blocks are definitely lost in loss record",
		" (1 direct, 2 indirect) ", "LEAK SUMMARY:", "   definitely lost: ", "ERROR SUMMARY: ", ",", "\n",
		"???", "main", "a.c:12",
	};
	uint32_t state = 31337;
	struct strbuf sb;

	sb_init(&sb);
	for (int round = 0; round < 4000; round++) {
		struct memcheck_report r;
		size_t n = next_random(&state) % 60;

		sb.len = 0;
		for (size_t i = 0; i < n; i++) {
			uint32_t x = next_random(&state);

			if (x % 5 == 0) {
				char c = (char)(x >> 8);

				sb_append(&sb, &c, 1);
			} else {
				sb_puts(&sb, pieces[(x >> 8) % (sizeof pieces / sizeof pieces[0])]);
			}
		}
		cr_assert_eq(memcheck_parse(sb.data, sb.len, &r), 0, "round %d", round);
		check_invariants(&r);
		memcheck_free(&r);
	}
	sb_free(&sb);
}

Test(memcheck_robustness, every_prefix_of_every_fixture)
{
	static const char *const names[] = {
		"errors.log", "clean.log", "segv.log", "mismatched.log", "killed.log", "fork.log", "origins.log",
		"warning.log",
	};

	for (size_t f = 0; f < sizeof names / sizeof names[0]; f++) {
		char *data;
		size_t len;

		char needle[64];
		size_t pid_len;

		cr_assert_eq(read_file(fixture_path(names[f]), 1 << 20, &data, &len, NULL), 0, "read %s", names[f]);
		/* The summary line of the first process: "==PID== ERROR SUMMARY: ". */
		pid_len = strspn(data + 2, "0123456789");
		cr_assert_lt(pid_len, 20, "%s starts with ==PID==", names[f]);
		snprintf(needle, sizeof needle, "==%.*s== ERROR SUMMARY: ", (int)pid_len, data + 2);
		for (size_t cut = 0; cut <= len; cut++) {
			char *copy = xmalloc(cut);
			struct memcheck_report r;

			/* Exactly cut bytes, so that reading past them is caught by the sanitizers. */
			memcpy(copy, data, cut);
			cr_assert_eq(memcheck_parse(copy, cut, &r), 0, "%s cut at %zu", names[f], cut);
			check_invariants(&r);
			/* Complete exactly when the first process's summary and its count survived the cut. */
			const char *sum = memmem(copy, cut, needle, strlen(needle));
			bool want = sum && (size_t)(sum - copy) + strlen(needle) < cut;

			cr_assert_eq(r.complete, want, "%s cut at %zu: complete", names[f], cut);
			memcheck_free(&r);
			free(copy);
		}
		free(data);
	}
}
