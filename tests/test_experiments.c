/* test_experiments.c - the documents' behavioural claims, run (docs-ko/experiments/).
 *
 * Each experiment is compiled (warnings are errors) and run in a scratch directory on the
 * repository's own filesystem, and every "fact: NAME=VALUE" line it prints must have the value the
 * documents state. A kernel that changes one of these behaviours fails here instead of silently
 * making a document wrong. "env:" lines depend on the filesystem, the kernel or the machine: only
 * their invariants are checked, and the filesystem-dependent ones are skipped on tmpfs and overlayfs,
 * whose behaviour the documents describe separately. Every experiment must be listed here and linked
 * from a document ("직접 확인하기"). */
#include "testlib.h"

#include <dirent.h>

struct expect {
	const char *experiment, *fact, *value;
};

/* What the documents say, fact by fact. */
static const struct expect facts[] = {
	{ "eof_tail", "fresh_tail_reads_zero", "yes" },
	{ "eof_tail", "write_past_eof_signal", "ok" },
	{ "eof_tail", "size_after", "3" },
	{ "eof_tail", "file_content", "hel" },
	{ "eof_tail", "read_past_eof_bytes", "0" },

	{ "sigbus", "longer_than_file_maps", "ok" },
	{ "sigbus", "inside_last_page", "ok" },
	{ "sigbus", "inside_last_page_value", "0" },
	{ "sigbus", "last_byte_of_last_page", "ok" },
	{ "sigbus", "first_page_past_eof", "SIGBUS" },
	{ "sigbus", "past_the_mapping", "SIGSEGV" },
	{ "sigbus", "empty_file_one_page_mmap", "ok" },
	{ "sigbus", "empty_file_first_byte", "SIGBUS" },

	{ "mmap_args", "length_0", "EINVAL" },
	{ "mmap_args", "offset_not_page_multiple", "EINVAL" },
	{ "mmap_args", "offset_one_page", "ok" },
	{ "mmap_args", "length_not_page_multiple", "ok" },
	{ "mmap_args", "flags_neither_shared_nor_private", "EINVAL" },
	{ "mmap_args", "flags_shared_or_private_is_shared_validate", "yes" },
	{ "mmap_args", "flags_shared_validate", "ok" },
	{ "mmap_args", "rdonly_shared_write", "EACCES" },
	{ "mmap_args", "rdonly_shared_read", "ok" },
	{ "mmap_args", "rdonly_private_write", "ok" },
	{ "mmap_args", "wronly_shared_read", "EACCES" },
	{ "mmap_args", "wronly_shared_write", "EACCES" },
	{ "mmap_args", "rdwr_shared_write", "ok" },
	{ "mmap_args", "address_page_aligned", "yes" },
	{ "mmap_args", "read_after_close", "ok" },
	{ "mmap_args", "read_after_close_value", "a" },

	{ "private_cow", "private_sees_own_write", "hello mmap!" },
	{ "private_cow", "shared_mapping_sees", "Goodbye, wo" },
	{ "private_cow", "read_sees", "Goodbye, wo" },
	{ "private_cow", "msync_private", "ok" },
	{ "private_cow", "file_after_munmap", "Goodbye, wo" },
	{ "private_cow", "unwritten_private_page_before", "Goodbye" },

	{ "shared_visible", "other_process_read_without_msync", "hello mmap!" },
	{ "shared_visible", "other_process_mapping_without_msync", "hello mmap!" },
	{ "shared_visible", "read_after_munmap_without_msync", "hello mmap!" },

	{ "munmap_pages", "munmap_unaligned_address", "EINVAL" },
	{ "munmap_pages", "munmap_11_bytes", "ok" },
	{ "munmap_pages", "first_page_after", "SIGSEGV" },
	{ "munmap_pages", "second_page_after", "ok" },
	{ "munmap_pages", "second_page_value", "a" },
	{ "munmap_pages", "munmap_rest", "ok" },
	{ "munmap_pages", "munmap_nothing_mapped", "ok" },

	{ "msync_flags", "sync_and_async", "EINVAL" },
	{ "msync_flags", "unknown_flag", "EINVAL" },
	{ "msync_flags", "unaligned_address", "EINVAL" },
	{ "msync_flags", "address_inside_mapping", "ok" },
	{ "msync_flags", "length_not_page_multiple", "ok" },
	{ "msync_flags", "flags_0", "ok" },
	{ "msync_flags", "invalidate_alone", "ok" },
	{ "msync_flags", "range_past_mapping", "ENOMEM" },
	{ "msync_flags", "invalidate_locked", "EBUSY" },
	{ "msync_flags", "sync_locked", "ok" },

	{ "faults", "fewer_faults_than_pages", "yes" },
	{ "faults", "populate_counted_by_getrusage", "yes" },
	{ "faults", "populate_counted_by_perf_page_faults", "no" },
};

/* Facts an environment may be unable to show: a "skip:" line instead is fine. */
static const char *const may_skip[] = { "invalidate_locked", "sync_locked",
	                                "populate_counted_by_perf_page_faults" };

static const char *experiments_dir(void)
{
	static char dir[4096];
	snprintf(dir, sizeof dir, "%s/docs-ko/experiments", repo_root());
	return dir;
}

/* What one experiment printed, line by line. */
struct output {
	char *text;
	char *lines[256];
	size_t n;
};

/* The value of "KIND: NAME=VALUE" in out, or NULL. KIND is "fact" or "env". */
static const char *value_of(const struct output *out, const char *kind, const char *name)
{
	size_t klen = strlen(kind), nlen = strlen(name);

	for (size_t i = 0; i < out->n; i++) {
		const char *l = out->lines[i];
		if (!strncmp(l, kind, klen) && !strncmp(l + klen, ": ", 2) &&
		    !strncmp(l + klen + 2, name, nlen) && l[klen + 2 + nlen] == '=')
			return l + klen + 2 + nlen + 1;
	}
	return NULL;
}

static bool skipped(const struct output *out, const char *name)
{
	size_t nlen = strlen(name);

	for (size_t i = 0; i < out->n; i++)
		if (!strncmp(out->lines[i], "skip: ", 6) && !strncmp(out->lines[i] + 6, name, nlen) &&
		    out->lines[i][6 + nlen] == ' ')
			return true;
	return false;
}

/* Compiles docs-ko/experiments/NAME.c and runs it in a fresh directory under the repository's
 * build/ (the repository's filesystem, which the env: lines are about). */
static struct output run_experiment(const char *name)
{
	struct output out = { 0 };
	char build[4096], src[4600], bin[4600], work[4600], inc[4600];

	snprintf(build, sizeof build, "%s/build", repo_root());
	mkdir(build, 0755);
	snprintf(build, sizeof build, "%s/build/experiments-test.XXXXXX", repo_root());
	cr_assert_not_null(mkdtemp(build), "mkdtemp under build/: %s", strerror(errno));
	snprintf(src, sizeof src, "%s/%s.c", experiments_dir(), name);
	snprintf(bin, sizeof bin, "%s/%s", build, name);
	snprintf(work, sizeof work, "%s/work", build);
	snprintf(inc, sizeof inc, "-I%s", experiments_dir());
	cr_assert_eq(mkdir(work, 0755), 0, "mkdir %s: %s", work, strerror(errno));

	struct grader_run cc = run_command((char *const[]){ "gcc", "-std=gnu17", "-O2", "-Wall", "-Wextra",
	                                                    "-Werror", inc, "-o", bin, src, NULL },
	                                   NULL);
	cr_assert_eq(cc.status, 0, "%s.c does not compile cleanly:\n%s", name, cc.err);
	grader_run_free(&cc);

	struct grader_run r = run_command((char *const[]){ bin, work, NULL }, NULL);
	cr_assert_eq(r.status, 0, "%s exited with %d:\n%s%s", name, r.status, r.out, r.err);
	cr_assert(dir_is_empty(work), "%s left files behind in its directory", name);
	remove_dir(build);
	free(r.err);

	out.text = r.out;
	for (char *save = NULL, *l = strtok_r(out.text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		cr_assert_lt(out.n, sizeof out.lines / sizeof out.lines[0], "too many lines");
		cr_assert(!strncmp(l, "fact: ", 6) || !strncmp(l, "env: ", 5) || !strncmp(l, "skip: ", 6),
		          "%s printed a line that is not fact:, env: or skip: -> %s", name, l);
		out.lines[out.n++] = l;
	}
	return out;
}

/* Every fact the documents state for this experiment, and no fact they do not. */
static void check_facts(const char *name, const struct output *out)
{
	for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++) {
		if (strcmp(facts[i].experiment, name))
			continue;
		const char *v = value_of(out, "fact", facts[i].fact);
		bool may = false;
		for (size_t k = 0; k < sizeof may_skip / sizeof may_skip[0]; k++)
			may |= !strcmp(may_skip[k], facts[i].fact);
		if (!v && may && skipped(out, facts[i].fact)) {
			cr_log_info("%s: %s not observable here (skipped by the experiment)", name, facts[i].fact);
			continue;
		}
		cr_expect_not_null(v, "%s printed no fact %s", name, facts[i].fact);
		if (v)
			cr_expect_str_eq(v, facts[i].value, "%s: %s is '%s', the documents say '%s'", name,
			                 facts[i].fact, v, facts[i].value);
	}
	for (size_t i = 0; i < out->n; i++) {
		if (strncmp(out->lines[i], "fact: ", 6))
			continue;
		const char *f = out->lines[i] + 6;
		size_t len = strcspn(f, "=");
		bool known = false;
		for (size_t k = 0; k < sizeof facts / sizeof facts[0]; k++)
			known |= !strcmp(facts[k].experiment, name) && strlen(facts[k].fact) == len &&
			         !strncmp(facts[k].fact, f, len);
		cr_expect(known, "%s prints a fact this test does not know: %s", name, out->lines[i]);
	}
}

/* The filesystem the experiments ran on, as they printed it ("env: fs=..."). */
static bool fs_without_writeback(const struct output *out)
{
	const char *fs = value_of(out, "env", "fs");

	cr_assert_not_null(fs, "no env: fs= line");
	return !strcmp(fs, "tmpfs") || !strcmp(fs, "overlayfs");
}

static void free_output(struct output *out)
{
	free(out->text);
}

Test(experiments, eof_tail)
{
	struct output out = run_experiment("eof_tail");

	check_facts("eof_tail", &out);
	/* Past the end the page holds either zeros (the filesystem zeroed it on writeback) or the bytes
	 * written there (still in the page cache): never anything else, and never in the file. */
	static const char *const tails[] = { "tail_after_remap_without_msync", "tail_after_msync",
		                             "extended_bytes" };
	for (size_t i = 0; i < 3; i++) {
		const char *v = value_of(&out, "env", tails[i]);
		cr_expect(v && (!strcmp(v, "zero") || !strcmp(v, "lo mmap!")), "%s: %s", tails[i], v ? v : "(none)");
	}
	cr_log_info("eof_tail on %s: without msync %s, after msync %s, extended %s", value_of(&out, "env", "fs"),
	            value_of(&out, "env", "tail_after_remap_without_msync"),
	            value_of(&out, "env", "tail_after_msync"), value_of(&out, "env", "extended_bytes"));
	free_output(&out);
}

Test(experiments, sigbus)
{
	struct output out = run_experiment("sigbus");
	check_facts("sigbus", &out);
	free_output(&out);
}

Test(experiments, mmap_args)
{
	struct output out = run_experiment("mmap_args");
	check_facts("mmap_args", &out);
	free_output(&out);
}

Test(experiments, private_cow)
{
	struct output out = run_experiment("private_cow");
	check_facts("private_cow", &out);
	free_output(&out);
}

Test(experiments, shared_visible)
{
	struct output out = run_experiment("shared_visible");
	check_facts("shared_visible", &out);
	free_output(&out);
}

Test(experiments, munmap_pages)
{
	struct output out = run_experiment("munmap_pages");
	check_facts("munmap_pages", &out);
	free_output(&out);
}

Test(experiments, msync_flags)
{
	struct output out = run_experiment("msync_flags");
	check_facts("msync_flags", &out);
	free_output(&out);
}

/* MS_ASYNC leaves the page dirty and MS_SYNC cleans it: only a filesystem that writes back, and only
 * where the page flags can be read, shows this. */
Test(experiments, ms_async_starts_no_writeback)
{
	struct output out = run_experiment("msync_flags");

	if (fs_without_writeback(&out)) {
		free_output(&out);
		cr_skip_test("the repository is on tmpfs or overlayfs: no writeback to observe");
	}
	if (skipped(&out, "ms_async_left_page_dirty")) {
		free_output(&out);
		cr_skip_test("the page flags are not readable here (needs CAP_SYS_ADMIN)");
	}
	const char *store = value_of(&out, "env", "dirty_after_store");
	const char *async = value_of(&out, "env", "ms_async_left_page_dirty");
	const char *sync = value_of(&out, "env", "ms_sync_left_page_dirty");
	cr_expect(store && !strcmp(store, "yes"), "a store into a shared mapping did not dirty the page");
	cr_expect(async && !strcmp(async, "yes"), "MS_ASYNC cleaned the page every time: it wrote it back");
	cr_expect(sync && !strcmp(sync, "no"), "the page is still dirty after msync(MS_SYNC)");
	free_output(&out);
}

Test(experiments, faults)
{
	struct output out = run_experiment("faults");

	check_facts("faults", &out);
	const char *pages = value_of(&out, "env", "pages");
	const char *written = value_of(&out, "env", "faults_just_written");
	const char *back = value_of(&out, "env", "faults_read_back");
	cr_assert(pages && written && back, "missing fault counts:\n%s", out.text);
	cr_expect(atol(back) >= 1 && atol(back) <= atol(pages), "faults after reading back: %s of %s pages",
	          back, pages);
	cr_log_info("faults over %s pages: %s just written, %s read back", pages, written, back);
	free_output(&out);
}

/* Every experiment is checked above and linked from a document, so none runs unseen. */
Test(experiments, every_experiment_checked_and_linked)
{
	static const char *const checked[] = { "eof_tail", "sigbus", "mmap_args", "private_cow",
		                               "shared_visible", "munmap_pages", "msync_flags", "faults" };
	DIR *d = opendir(experiments_dir());
	struct dirent *e;
	int count = 0;

	cr_assert_not_null(d, "%s: %s", experiments_dir(), strerror(errno));
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 3 || strcmp(e->d_name + n - 2, ".c"))
			continue;
		count++;
		bool known = false;
		for (size_t i = 0; i < sizeof checked / sizeof checked[0]; i++)
			known |= strlen(checked[i]) == n - 2 && !strncmp(checked[i], e->d_name, n - 2);
		cr_expect(known, "docs-ko/experiments/%s has no test in test_experiments.c", e->d_name);

		char cmd[8192];
		snprintf(cmd, sizeof cmd,
		         "grep -rqF 'experiments/%s)' '%s/docs-ko' '%s/labs' --include='*.md'",
		         e->d_name, repo_root(), repo_root());
		cr_expect_eq(system(cmd), 0, "no document links experiments/%s", e->d_name);
	}
	closedir(d);
	cr_assert_eq(count, (int)(sizeof checked / sizeof checked[0]), "experiments found: %d", count);
}
