/* test_hostile.c - the hostile corpus (tests/hostile/): programs that fork without end, hang,
 * flood, fill their disk, escape their session, write outside their directory, read the solutions,
 * kill their tracer, forge reports or behave only while traced. Each is graded by the real grader,
 * as the current user and (when that is root) as an unprivileged user too, and must get:
 *   - a verdict (exit status 0 or 1, valid JSON) within its limits and a margin;
 *   - the statuses in its `expect:` line, and a score that is the sum of its checks' scores;
 *   - no process left, nothing written outside the grader's scratch directory, TMPDIR empty. */
#include "testlib.h"

#include "contain.h"

#include <criterion/parameterized.h>
#include <dirent.h>
#include <grp.h>
#include <sys/file.h>
#include <sys/types.h>

#define SCALE "0.3"          /* run 3 s, Valgrind 18 s, compile 18 s */
#define VERDICT_SECONDS 75.0 /* the phases of a grading one after another, and a margin */
#define NOBODY 65534

struct hostile_case {
	char *name;    /* file name in tests/hostile */
	bool as_nobody;
};

static char *cr_strdup(const char *s)
{
	char *p = cr_malloc(strlen(s) + 1);
	strcpy(p, s);
	return p;
}

static void free_cases(struct criterion_test_params *crp)
{
	struct hostile_case *c = crp->params;
	for (size_t i = 0; i < crp->length; i++)
		cr_free(c[i].name);
	cr_free(crp->params);
}

static size_t list_cases(struct hostile_case *out)
{
	char dir[4096];
	size_t n = 0;

	snprintf(dir, sizeof dir, "%s/tests/hostile", repo_root());
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (len < 3 || strcmp(de->d_name + len - 2, ".c"))
			continue;
		for (int nobody = 0; nobody <= (geteuid() == 0); nobody++) {
			if (out) {
				out[n].name = cr_strdup(de->d_name);
				out[n].as_nobody = nobody;
			}
			n++;
		}
	}
	closedir(d);
	return n;
}

ParameterizedTestParameters(hostile, contained)
{
	size_t n = list_cases(NULL);
	struct hostile_case *cases = cr_malloc(sizeof *cases * (n ? n : 1));
	n = list_cases(cases);
	return cr_make_param_array(struct hostile_case, cases, n, free_cases);
}

/* Replaces every @KEY@ in text (a new string). */
static char *substitute(const char *text, const char *const *pairs)
{
	char *out = strdup(text);
	for (size_t i = 0; pairs[i]; i += 2) {
		char *at;
		while ((at = strstr(out, pairs[i]))) {
			char *next;
			cr_assert_neq(asprintf(&next, "%.*s%s%s", (int)(at - out), out, pairs[i + 1],
			                       at + strlen(pairs[i])), -1);
			free(out);
			out = next;
		}
	}
	return out;
}

/* Processes still running as uid: a grading's run user is CONTAIN_UID_BASE plus the grader's pid
 * modulo 100000 (contain.h); a grading as nobody runs its programs as nobody. */
static int leftovers(uid_t uid)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	int found = 0;

	while ((de = readdir(d))) {
		char path[300];
		struct stat st;
		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "/proc/%s", de->d_name);
		found += stat(path, &st) == 0 && st.st_uid == uid;
	}
	closedir(d);
	return found;
}

/* Whether pid is part of a grading in progress: a run's init (the grader's own child, named
 * mmaplab), strace, or a process of a run user. */
static bool parent_is_a_run(long pid)
{
	char path[64], comm[64] = "";
	struct stat st;

	snprintf(path, sizeof path, "/proc/%ld", pid);
	if (stat(path, &st) == 0 && st.st_uid >= CONTAIN_UID_BASE && st.st_uid < CONTAIN_UID_BASE + 100000)
		return true;
	snprintf(path, sizeof path, "/proc/%ld/comm", pid);
	FILE *f = fopen(path, "r");
	if (f) {
		if (!fgets(comm, sizeof comm, f))
			comm[0] = '\0';
		fclose(f);
	}
	comm[strcspn(comm, "\n")] = '\0';
	return !strcmp(comm, "mmaplab") || !strcmp(comm, "strace");
}

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

/* Runs the grader as root or as nobody. */
static struct grader_run grade_as(bool nobody, char *const argv[], char *const env[])
{
	if (!nobody)
		return run_command(argv, env);
	/* run_command forks and execs; become nobody in between with a tiny wrapper: setpriv is in
	   util-linux, which every Debian system has. */
	char *wrapped[16];
	size_t n = 0;
	wrapped[n++] = "setpriv";
	wrapped[n++] = "--reuid=65534";
	wrapped[n++] = "--regid=65534";
	wrapped[n++] = "--clear-groups";
	wrapped[n++] = "--";
	for (size_t i = 0; argv[i] && n < 15; i++)
		wrapped[n++] = argv[i];
	wrapped[n] = NULL;
	return run_command(wrapped, env);
}

ParameterizedTest(struct hostile_case *hc, hostile, contained, .timeout = 200)
{
	char *src_dir = make_temp_dir(), *tmp = make_temp_dir();
	char path[4200], tag[64], tmp_env[4200], scale_env[64], hostile_path[4200];
	const char *home = getenv("HOME") ? getenv("HOME") : "/root";

	snprintf(tag, sizeof tag, "%d-%s", getpid(), hc->as_nobody ? "nobody" : "self");
	cr_assert_eq(chmod(src_dir, 0755), 0);
	if (hc->as_nobody)
		cr_assert_eq(chown(tmp, NOBODY, NOBODY), 0);

	/* The program, with the paths it attacks filled in, and the shared header. */
	snprintf(hostile_path, sizeof hostile_path, "%s/tests/hostile/%s", repo_root(), hc->name);
	char *text = slurp(hostile_path);
	const char *pairs[] = { "@TAG@", tag, "@HOME@", home, "@SUBMISSION_DIR@", src_dir, "@ROOT@", repo_root(), NULL };
	char *source = substitute(text, pairs);
	snprintf(path, sizeof path, "%s/%s", src_dir, hc->name);
	write_text(path, source);
	snprintf(hostile_path, sizeof hostile_path, "%s/tests/hostile/common.h", repo_root());
	char *common = slurp(hostile_path);
	snprintf(path, sizeof path, "%s/common.h", src_dir);
	write_text(path, common);

	/* One hostile grading at a time: "no process left" is judged by the run users' ids, which
	   every grading on this machine draws from. */
	int lock = open("/tmp/mmaplab-hostile.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	cr_assert_neq(lock, -1);
	cr_assert_eq(flock(lock, LOCK_EX), 0);
	snprintf(tmp_env, sizeof tmp_env, "TMPDIR=%s", tmp);
	snprintf(scale_env, sizeof scale_env, "MMAPLAB_TIME_SCALE=%s", SCALE);
	/* The copy run as nobody does not know the repository it came from: name it. */
	char hide_env[4200];
	snprintf(hide_env, sizeof hide_env, "MMAPLAB_HIDE=%s", repo_root());
	char *env[] = { tmp_env, scale_env, hc->as_nobody ? hide_env : NULL, NULL };
	/* As nobody, a copy of the grader: the repository may sit where nobody cannot reach (a
	   checkout under /root). */
	char grader[4300];
	snprintf(grader, sizeof grader, "%s", grader_path());
	if (hc->as_nobody) {
		char *bin_dir = make_temp_dir();
		snprintf(grader, sizeof grader, "%s/mmaplab", bin_dir);
		char *copy_cmd;
		cr_assert_neq(asprintf(&copy_cmd, "cp '%s' '%s' && chmod 755 '%s'", grader_path(), grader, bin_dir), -1);
		cr_assert_eq(system(copy_cmd), 0, "cannot copy the grader for nobody");
		free(copy_cmd);
		free(bin_dir);
	}
	char *argv[] = { grader, "grade", "--format=json", "--seed=7", "read-map", src_dir, NULL };
	struct grader_run r = grade_as(hc->as_nobody, argv, env);
	const char *who = hc->as_nobody ? "as nobody" : "as the test's user";

	/* A verdict, in time. */
	cr_assert(r.status == 0 || r.status == 1, "%s %s: exit status %d\n%s", hc->name, who, r.status, r.err);
	cr_assert_lt(r.seconds, VERDICT_SECONDS, "%s %s: took %.1f s", hc->name, who, r.seconds);
	json_t *report = parse_report(&r);

	/* The statuses its author expects, and a score nothing printed could change. */
	char *expect = strstr(text, "expect:");
	cr_assert_not_null(expect, "%s has no expect: line", hc->name);
	expect = strndup(expect + 7, strcspn(expect + 7, "\n"));
	char *save = NULL;
	for (char *tok = strtok_r(expect, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		char *eq = strchr(tok, '=');
		cr_assert_not_null(eq);
		*eq = '\0';
		const char *got = check_status(report, tok);
		cr_expect(got && !strcmp(got, eq + 1), "%s %s: %s is %s, expected %s: %s", hc->name, who, tok,
		          got ? got : "(absent)", eq + 1, check_message(report, tok));
	}
	json_int_t sum = 0;
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(report, "checks"), i, c)
		sum += json_integer_value(json_object_get(c, "score"));
	cr_expect_eq(sum, json_integer_value(json_object_get(report, "score")), "%s: score is not the sum", hc->name);
	cr_expect_eq(json_array_size(json_object_get(report, "checks")), 12, "%s: forged checks?", hc->name);

	/* Nothing left behind, nothing written outside. */
	uid_t run_user = hc->as_nobody ? NOBODY : (uid_t)(CONTAIN_UID_BASE + (unsigned long)r.pid % 100000);
	cr_expect_eq(leftovers(run_user), 0, "%s %s: a process outlived the grading", hc->name, who);
	cr_expect(dir_is_empty(tmp), "%s %s: TMPDIR %s is not empty", hc->name, who, tmp);
	const char *outside[] = { "/tmp/mmaplab-pwned-", "/var/tmp/mmaplab-pwned-", "/dev/shm/mmaplab-pwned-" };
	for (size_t k = 0; k < 3; k++) {
		snprintf(path, sizeof path, "%s%s", outside[k], tag);
		cr_expect(!exists(path), "%s %s wrote %s", hc->name, who, path);
		unlink(path);
	}
	snprintf(path, sizeof path, "%s/mmaplab-pwned-%s", home, tag);
	cr_expect(!exists(path), "%s %s wrote %s", hc->name, who, path);
	unlink(path);
	snprintf(path, sizeof path, "%s/pwned", src_dir);
	cr_expect(!exists(path), "%s %s wrote into its submission folder", hc->name, who);
	snprintf(path, sizeof path, "%s/pwned-%s", repo_root(), tag);
	cr_expect(!exists(path), "%s %s wrote into the repository", hc->name, who);
	unlink(path);

	close(lock); /* releases the lock */
	free(expect);
	free(text);
	free(source);
	free(common);
	json_decref(report);
	grader_run_free(&r);
	remove_dir(tmp);
	remove_dir(src_dir);
	if (hc->as_nobody) {
		*strrchr(grader, '/') = '\0';
		remove_dir(grader);
	}
	free(tmp);
	free(src_dir);
}

/* A class in which two students attack (a fork bomb, an output flood) and one is correct: the batch
 * grades all three, the correct one gets full marks as if alone, and nothing outlives the batch. */
Test(hostile, batch_neighbours_are_unaffected, .timeout = 300)
{
	char *class_dir = make_temp_dir(), *tmp = make_temp_dir(), *out = make_temp_dir();
	char path[4300], tmp_env[4200], scale_env[64], out_arg[4300];
	static const char *const attackers[] = { "fork-bomb.c", "flood-stdout.c" };

	cr_assert_eq(chmod(class_dir, 0755), 0);
	for (size_t i = 0; i < 2; i++) {
		char *student = NULL, from[4300];
		cr_assert_neq(asprintf(&student, "%s/attacker%zu", class_dir, i), -1);
		cr_assert_eq(mkdir(student, 0755), 0);
		snprintf(from, sizeof from, "%s/tests/hostile/%s", repo_root(), attackers[i]);
		char *text = slurp(from);
		snprintf(path, sizeof path, "%s/%s", student, attackers[i]);
		write_text(path, text);
		free(text);
		snprintf(from, sizeof from, "%s/tests/hostile/common.h", repo_root());
		text = slurp(from);
		snprintf(path, sizeof path, "%s/common.h", student);
		write_text(path, text);
		free(text);
		free(student);
	}
	snprintf(path, sizeof path, "%s/solutions/read-map/read_map.c", repo_root());
	char *solution = slurp(path);
	snprintf(path, sizeof path, "%s/honest.c", class_dir);
	write_text(path, solution);
	free(solution);

	int lock = open("/tmp/mmaplab-hostile.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	cr_assert_neq(lock, -1);
	cr_assert_eq(flock(lock, LOCK_EX), 0);
	snprintf(tmp_env, sizeof tmp_env, "TMPDIR=%s", tmp);
	snprintf(scale_env, sizeof scale_env, "MMAPLAB_TIME_SCALE=%s", SCALE);
	snprintf(out_arg, sizeof out_arg, "--out=%s", out);
	char *env[] = { tmp_env, scale_env, NULL };
	char *argv[] = { (char *)grader_path(), "batch", "-j", "2", "--seed=7", out_arg, "read-map", class_dir, NULL };
	struct grader_run r = run_command(argv, env);

	cr_assert_eq(r.status, 0, "every student graded: exit %d\n%s", r.status, r.err);
	snprintf(path, sizeof path, "%s/honest.json", out);
	char *honest = slurp(path);
	json_error_t e;
	json_t *j = json_loads(honest, 0, &e);
	cr_assert_not_null(j, "honest.json: %s", e.text);
	cr_expect(json_is_true(json_object_get(j, "passed")), "the correct student beside two attackers: %s", honest);
	for (size_t i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/attacker%zu.json", out, i);
		char *text = slurp(path);
		json_t *a = json_loads(text, 0, &e);
		cr_assert_not_null(a, "attacker%zu.json: %s", i, e.text);
		cr_expect_str_eq(check_status(a, "run"), "fail", "attacker%zu", i);
		json_decref(a);
		free(text);
	}
	cr_expect(dir_is_empty(tmp), "TMPDIR is not empty after the batch");
	/* The workers' run users are CONTAIN_UID_BASE + their pids mod 100000: none may be left. A
	   process the batch left behind has lost its grader and the batch, so its parent is no longer
	   a run's init (mmaplab), strace or another run process; processes of gradings running
	   elsewhere on the machine still have those parents and are not counted. */
	int left = 0;
	DIR *d = opendir("/proc");
	struct dirent *de;
	while (d && (de = readdir(d))) {
		struct stat st;
		snprintf(path, sizeof path, "/proc/%s", de->d_name);
		if (de->d_name[0] < '1' || de->d_name[0] > '9' || stat(path, &st) != 0 ||
		    st.st_uid < CONTAIN_UID_BASE || st.st_uid >= CONTAIN_UID_BASE + 100000)
			continue;
		snprintf(path, sizeof path, "/proc/%s/status", de->d_name);
		FILE *status = fopen(path, "r");
		char line[256];
		long ppid = -1;
		while (status && fgets(line, sizeof line, status))
			if (!strncmp(line, "PPid:", 5))
				ppid = strtol(line + 5, NULL, 10);
		if (status)
			fclose(status);
		left += ppid > 0 && !parent_is_a_run(ppid);
	}
	if (d)
		closedir(d);
	cr_expect_eq(left, 0, "%d processes of the class outlived the batch", left);
	close(lock);
	json_decref(j);
	free(honest);
	grader_run_free(&r);
	remove_dir(class_dir);
	remove_dir(tmp);
	remove_dir(out);
	free(class_dir);
	free(tmp);
	free(out);
}
