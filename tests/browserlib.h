/* browserlib.h - headless Chromium for the suites that check pages in a real browser: finding it,
 * and loading a file:// page to read its DOM after its scripts ran or to take a screenshot. The
 * suites skip themselves without it (CI must have it: .ci/run installs it). */
#ifndef MMAPLAB_BROWSERLIB_H
#define MMAPLAB_BROWSERLIB_H

#include "testlib.h"

/* The path of chromium on PATH, or NULL. */
static inline char *find_chromium(void)
{
	struct grader_run r = run_command((char *const[]){ "sh", "-c", "command -v chromium", NULL }, NULL);
	char *path = r.status == 0 ? strndup(r.out, strcspn(r.out, "\n")) : NULL;
	grader_run_free(&r);
	return path;
}

/* Runs headless Chromium with profile as its user data directory on url, with one extra option
 * (e.g. "--dump-dom", "--screenshot=FILE") and maybe another (NULL for none). Returns stdout. */
static inline char *chromium_run(const char *chromium, const char *url, const char *profile, const char *what,
                                 const char *extra)
{
	char *user_data;
	cr_assert_neq(asprintf(&user_data, "--user-data-dir=%s", profile), -1);
	struct grader_run r = run_command(
		(char *const[]){ "timeout", "120", (char *)chromium, "--headless", "--no-sandbox", "--disable-gpu",
		                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
		                 "--no-first-run", user_data, (char *)what, (char *)url, (char *)extra, NULL },
		NULL);
	cr_assert_eq(r.status, 0, "chromium %s %s failed:\n%s", what, url, r.err);
	char *out = r.out;
	free(r.err);
	free(user_data);
	return out;
}

/* The DOM of url after its scripts ran, as headless Chromium serializes it. */
static inline char *dump_dom(const char *chromium, const char *url, const char *profile)
{
	return chromium_run(chromium, url, profile, "--dump-dom", NULL);
}

#endif
