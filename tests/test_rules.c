/* test_rules.c - the lab rules on traces recorded from real runs (tests/fixtures/rules/, made in the
 * directory /tmp/fx/run on a 9000-byte link.txt): which calls concern the lab file, and how each
 * check judges them. A bug is put into a recorded line by editing its text, so every line stays one
 * that strace really prints. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "judges.h"

#define RUN_DIR "/tmp/fx/run"
#define LAB_PATH RUN_DIR "/link.txt"
#define FILE_SIZE 9000

static char *read_fixture(const char *name)
{
	const char *root = getenv("MMAPLAB_ROOT");
	char path[4096];
	char *data;
	size_t len;

	snprintf(path, sizeof path, "%s/tests/fixtures/rules/%s", root ? root : ".", name);
	cr_assert_eq(read_file(path, 1 << 20, &data, &len, NULL), 0, "cannot read %s", path);
	return data;
}

/* Replaces the first occurrence of from with to in text (a new string; text is freed). */
static char *edit(char *text, const char *from, const char *to)
{
	char *at = strstr(text, from);

	cr_assert_not_null(at, "the fixture has no '%s'", from);
	char *out = xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	free(text);
	return out;
}

static struct evidence ev;

/* Builds the evidence of a normal run from a trace text, as grade() would. */
static void load(const struct lab_def *lab, char *trace_text)
{
	struct run_evidence *run = &ev.runs[RUN_NORMAL];

	memset(&ev, 0, sizeof ev);
	ev.lab = lab;
	ev.page_size = 4096;
	ev.built = true;
	run->performed = true;
	run->def = &file_lab_runs[RUN_NORMAL];
	run->traced = true;
	run->dir = RUN_DIR;
	run->lab_path = LAB_PATH;
	run->before_len = FILE_SIZE;
	run->res.started = true;
	run->res.exited = true;
	cr_assert_eq(trace_parse(trace_text, strlen(trace_text), &run->trace), 0);
	lab_view_build(&run->trace, LAB_PATH, RUN_DIR, &run->view);
	free(trace_text);
}

static void unload(void)
{
	lab_view_free(&ev.runs[RUN_NORMAL].view);
	trace_free(&ev.runs[RUN_NORMAL].trace);
}

/* Judges check id and returns its status; the message is kept in last_message. */
static char last_message[2048];
static enum check_status judge(const char *id)
{
	const struct check_def *c = lab_check(ev.lab, id);
	struct check_result r = { .def = c };

	cr_assert_not_null(c, "no check %s", id);
	sb_init(&r.evidence);
	ev.reader = c; /* as the grading does: the judge may read only the runs c declares */
	c->judge(&ev, &r);
	ev.reader = NULL;
	snprintf(last_message, sizeof last_message, "%s", r.message ? r.message : "");
	check_result_free(&r);
	return r.status;
}

#define EXPECT_STATUS(id, want) \
	cr_expect_eq(judge(id), want, "check %s: got '%s'", id, last_message)

TestSuite(rules, .fini = unload);

Test(rules, loader_calls_are_not_the_lab_files)
{
	load(&lab_write_msync, read_fixture("write-close-early.log"));
	const struct lab_view *v = &ev.runs[RUN_NORMAL].view;

	cr_assert_eq(v->open_count, 1, "only the lab file's open, not ld.so.cache or libc");
	cr_assert_eq(v->map_count, 1, "only the lab file's mmap, not the loader's or malloc's");
	cr_assert_eq(v->maps[0].length, FILE_SIZE);
	cr_assert_eq(v->munmap_count, 1, "malloc's munmap of its own region is not the lab's");
	cr_assert_eq(v->msync_count, 2);
	cr_assert_eq(v->close_count, 1);
	cr_assert(v->opens[0].closed, "the descriptor closed right after mmap counts as closed");
	cr_assert_eq(v->size_count, 1, "stat(\"./link.txt\") is found through the path");
	cr_assert_eq(trace_call_ordinal(&ev.runs[RUN_NORMAL].trace, v->maps[0].call, NULL), 9,
	             "strace's inject when= counts every mmap of the pid");
}

Test(rules, written_another_way_still_passes)
{
	/* stat instead of fstat, O_CLOEXEC, close right after mmap, an MS_ASYNC msync before a good
	   MS_SYNC|MS_INVALIDATE one, munmap of the page-rounded length. */
	load(&lab_write_msync, read_fixture("write-close-early.log"));
	EXPECT_STATUS("open", CHECK_PASS);
	EXPECT_STATUS("size", CHECK_PASS);
	EXPECT_STATUS("mmap", CHECK_PASS);
	EXPECT_STATUS("msync", CHECK_PASS);
	EXPECT_STATUS("munmap", CHECK_PASS);
	EXPECT_STATUS("close", CHECK_PASS);
	EXPECT_STATUS("run", CHECK_PASS);
}

Test(rules, solutions_pass)
{
	load(&lab_read_map, read_fixture("read-solution.log"));
	EXPECT_STATUS("open", CHECK_PASS);
	EXPECT_STATUS("size", CHECK_PASS);
	EXPECT_STATUS("mmap", CHECK_PASS);
	EXPECT_STATUS("munmap", CHECK_PASS);
	EXPECT_STATUS("close", CHECK_PASS);
	unload();
	load(&lab_write_msync, read_fixture("write-solution.log"));
	EXPECT_STATUS("msync", CHECK_PASS);
}

Test(rules, ms_async_alone_fails_msync_only)
{
	char *t = read_fixture("write-solution.log");
	load(&lab_write_msync, edit(t, "9000, MS_SYNC)", "9000, MS_ASYNC)"));
	EXPECT_STATUS("msync", CHECK_FAIL);
	cr_expect(strstr(last_message, "MS_ASYNC"), "the message names the flag: %s", last_message);
	EXPECT_STATUS("munmap", CHECK_PASS);
	EXPECT_STATUS("mmap", CHECK_PASS);
}

Test(rules, msync_after_munmap_fails)
{
	char *t = read_fixture("write-solution.log");
	/* Swap the two lines: munmap first, then an msync that fails with ENOMEM. */
	t = edit(t, "25365 msync(0x7f2e03088000, 9000, MS_SYNC) = 0\n25365 munmap(0x7f2e03088000, 9000)      = 0",
	         "25365 munmap(0x7f2e03088000, 9000)      = 0\n25365 msync(0x7f2e03088000, 9000, MS_SYNC) = -1 ENOMEM (Cannot allocate memory)");
	load(&lab_write_msync, t);
	EXPECT_STATUS("msync", CHECK_FAIL);
	cr_expect(strstr(last_message, "munmap"), "the message says msync came after munmap: %s", last_message);
	EXPECT_STATUS("munmap", CHECK_PASS);
}

Test(rules, msync_of_zero_bytes_fails)
{
	char *t = read_fixture("write-solution.log");
	load(&lab_write_msync, edit(t, "9000, MS_SYNC)", "0, MS_SYNC)"));
	EXPECT_STATUS("msync", CHECK_FAIL);
}

Test(rules, munmap_of_eleven_bytes_fails_munmap_only)
{
	char *t = read_fixture("read-solution.log");
	load(&lab_read_map, edit(t, "munmap(0x7f1ab2ec5000, 9000)", "munmap(0x7f1ab2ec5000, 11)"));
	EXPECT_STATUS("munmap", CHECK_FAIL);
	EXPECT_STATUS("mmap", CHECK_PASS);
	EXPECT_STATUS("close", CHECK_PASS);
}

Test(rules, munmap_at_another_address_fails)
{
	char *t = read_fixture("read-solution.log");
	load(&lab_read_map, edit(t, "munmap(0x7f1ab2ec5000, 9000)      = 0", "munmap(0x7f1ab2ec6000, 9000)      = 0"));
	EXPECT_STATUS("munmap", CHECK_FAIL);
}

Test(rules, missing_munmap_and_close_fail_alone)
{
	char *t = read_fixture("read-solution.log");
	t = edit(t, "25355 munmap(0x7f1ab2ec5000, 9000)      = 0\n", "");
	t = edit(t, "25355 close(3</tmp/fx/run/link.txt>)    = 0\n", "");
	load(&lab_read_map, t);
	EXPECT_STATUS("munmap", CHECK_FAIL);
	EXPECT_STATUS("close", CHECK_FAIL);
	EXPECT_STATUS("mmap", CHECK_PASS);
	EXPECT_STATUS("open", CHECK_PASS);
}

Test(rules, read_write_open_fails_open_only_in_read_map)
{
	char *t = read_fixture("read-solution.log");
	load(&lab_read_map, edit(t, "\"link.txt\", O_RDONLY)", "\"link.txt\", O_RDWR)"));
	EXPECT_STATUS("open", CHECK_FAIL);
	EXPECT_STATUS("mmap", CHECK_PASS);
}

Test(rules, mapping_lengths)
{
	/* One page short fails; the page-rounded length passes; a page too many fails. */
	static const struct { const char *len; enum check_status want; } cases[] = {
		{ "4096", CHECK_FAIL }, { "8999", CHECK_FAIL }, { "12288", CHECK_PASS }, { "16384", CHECK_FAIL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = read_fixture("read-solution.log");
		char *to = xasprintf("mmap(NULL, %s, PROT_READ", cases[i].len);
		load(&lab_read_map, edit(t, "mmap(NULL, 9000, PROT_READ", to));
		cr_expect_eq(judge("mmap"), cases[i].want, "length %s: %s", cases[i].len, last_message);
		free(to);
		unload();
	}
	memset(&ev, 0, sizeof ev);
}

Test(rules, map_private_passes_read_map_with_a_note_but_fails_write_msync)
{
	char *t = read_fixture("read-solution.log");
	load(&lab_read_map, edit(t, "PROT_READ, MAP_SHARED, 3</tmp/fx/run/link.txt>", "PROT_READ, MAP_PRIVATE, 3</tmp/fx/run/link.txt>"));
	EXPECT_STATUS("mmap", CHECK_PASS);
	unload();
	t = read_fixture("write-solution.log");
	load(&lab_write_msync, edit(t, "PROT_READ|PROT_WRITE, MAP_SHARED,", "PROT_READ|PROT_WRITE, MAP_PRIVATE,"));
	EXPECT_STATUS("mmap", CHECK_FAIL);
}

Test(rules, write_protection_on_a_read_map_fails)
{
	char *t = read_fixture("read-solution.log");
	load(&lab_read_map, edit(t, "9000, PROT_READ, MAP_SHARED", "9000, PROT_READ|PROT_WRITE, MAP_PRIVATE"));
	EXPECT_STATUS("mmap", CHECK_FAIL);
}

Test(rules, size_learned_after_mapping_fails_size)
{
	char *t = read_fixture("read-solution.log");
	/* Move the fstat line after the mmap line. */
	const char *fstat_line = "25355 newfstatat(3</tmp/fx/run/link.txt>, \"\", {st_mode=S_IFREG|0644, st_size=9000, ...}, AT_EMPTY_PATH) = 0\n";
	t = edit(t, fstat_line, "");
	char *with = xasprintf("%s25355 munmap(0x7f1ab2ec5000", fstat_line);
	t = edit(t, "25355 munmap(0x7f1ab2ec5000", with);
	free(with);
	load(&lab_read_map, t);
	EXPECT_STATUS("size", CHECK_FAIL);
	EXPECT_STATUS("mmap", CHECK_PASS);
}

Test(rules, eacces_after_a_read_only_open_is_the_open_checks_bug)
{
	char *t = read_fixture("write-solution.log");
	t = edit(t, "\"link.txt\", O_RDWR)", "\"link.txt\", O_RDONLY)");
	t = edit(t, "MAP_SHARED, 3</tmp/fx/run/link.txt>, 0) = 0x7f2e03088000",
	         "MAP_SHARED, 3</tmp/fx/run/link.txt>, 0) = -1 EACCES (Permission denied)");
	load(&lab_write_msync, t);
	EXPECT_STATUS("open", CHECK_FAIL);
	EXPECT_STATUS("mmap", CHECK_SKIP);
	EXPECT_STATUS("msync", CHECK_SKIP);
	EXPECT_STATUS("munmap", CHECK_SKIP);
}

Test(rules, a_deleted_lab_file_is_still_the_lab_file)
{
	char *t = read_fixture("read-solution.log");
	t = edit(t, "close(3</tmp/fx/run/link.txt>)", "close(3</tmp/fx/run/link.txt (deleted)>)");
	load(&lab_read_map, t);
	EXPECT_STATUS("close", CHECK_PASS);
}
