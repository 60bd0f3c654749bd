/* jail.c - see jail.h. */
#define _GNU_SOURCE
#include "jail.h"
#include "fixture.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void jail_give(const struct jail *j, const char *path)
{
	if (j->uid != (uid_t)-1 && chown(path, j->uid, j->gid) == -1)
		die("cannot give %s to the run's user: %s", path, strerror(errno));
}

/* Writes a copy of an /etc file with one more line (the run's user or group). */
static char *etc_copy(const char *scratch, const char *name, const char *line)
{
	char *from = xasprintf("/etc/%s", name), *to = xasprintf("%s/etc-%s", scratch, name);
	char *data = NULL;
	size_t len = 0;
	struct strbuf sb;

	sb_init(&sb);
	if (read_file(from, 4 << 20, &data, &len, NULL) == 0) {
		sb_append(&sb, data, len);
		if (len && data[len - 1] != '\n')
			sb_putc(&sb, '\n');
		free(data);
	}
	sb_puts(&sb, line);
	fixture_write(to, sb.data, sb.len);
	sb_free(&sb);
	free(from);
	return to;
}

/* The repository the grader was built in (the directory above build/ holding harness/), or NULL:
 * its solutions and tests are hidden from the runs. */
static char *repository_root(void)
{
	char *exe = realpath("/proc/self/exe", NULL);

	for (int up = 0; exe && up < 3; up++) {
		char *slash = strrchr(exe, '/');
		if (!slash || slash == exe)
			break;
		*slash = '\0';
		char *probe = xasprintf("%s/harness/grade.c", exe);
		bool found = access(probe, F_OK) == 0;
		free(probe);
		if (found)
			return exe;
	}
	free(exe);
	return NULL;
}

/* Hides dir from the runs unless the scratch directory lies inside it (then hiding it would hide
 * the runs' own directories too). */
static void jail_hide(struct jail *j, const char *dir, const char *scratch)
{
	size_t n;

	if (!dir || !*dir || !strcmp(dir, "/") || j->hidden_count == sizeof j->hidden / sizeof j->hidden[0])
		return;
	n = strlen(dir);
	if (!strncmp(scratch, dir, n) && (scratch[n] == '/' || scratch[n] == '\0'))
		return;
	j->hidden[j->hidden_count++] = xstrdup(dir);
}

void jail_init(struct jail *j, const char *scratch, const char *submission_dir,
               const char *const *hide, size_t hide_max, bool caps)
{
	memset(j, 0, sizeof *j);
	j->level = contain_level();
	j->uid = (uid_t)-1;
	j->gid = (gid_t)-1;
	j->scratch = scratch;
	j->caps = caps && j->level != CONTAIN_NONE;
	/* The scratch directory itself: sources, the /etc copies and the mount points of the capped
	   directories inside it. */
	(void)jail_cap(j, scratch, 256, 20000);
	if (j->level == CONTAIN_NONE)
		return;
	if (j->level == CONTAIN_ROOT) {
		j->uid = contain_run_uid();
		j->gid = (gid_t)j->uid;
		j->user = xasprintf("mmaplab%u", (unsigned)j->uid);
		char *line = xasprintf("%s:x:%u:%u:mmaplab run:/nonexistent:/usr/sbin/nologin\n", j->user,
		                       (unsigned)j->uid, (unsigned)j->gid);
		j->passwd = etc_copy(scratch, "passwd", line);
		free(line);
		line = xasprintf("%s:x:%u:\n", j->user, (unsigned)j->gid);
		j->group = etc_copy(scratch, "group", line);
		free(line);
	}
	char *repo = repository_root();
	jail_hide(j, repo, scratch);
	free(repo);
	jail_hide(j, submission_dir, scratch);
	for (size_t i = 0; i < hide_max && hide[i]; i++) {
		char *real = realpath(hide[i], NULL);
		jail_hide(j, real, scratch);
		free(real);
	}
	/* MMAPLAB_HIDE: more directories, separated by ':' (an instructor's hidden tests, a copy of
	   the grader that lives outside its repository). */
	const char *more = getenv("MMAPLAB_HIDE");
	if (more && *more) {
		char *copy = xstrdup(more), *save = NULL;
		for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
			char *real = realpath(dir, NULL);
			jail_hide(j, real, scratch);
			free(real);
		}
		free(copy);
	}
}

void jail_free(struct jail *j)
{
	free(j->user);
	free(j->passwd);
	free(j->group);
	for (size_t i = 0; i < j->hidden_count; i++)
		free(j->hidden[i]);
}

void jail_confine(const struct jail *j, struct containment *c, const char *dir, const char *log_dir)
{
	memset(c, 0, sizeof *c);
	c->uid = j->uid;
	c->gid = j->gid;
	c->program_is_traced = log_dir != NULL;
	if (log_dir && j->user) {
		c->passwd_file = j->passwd;
		c->group_file = j->group;
	}
	c->reach = j->scratch;
	c->writable[0] = dir;
	c->writable[1] = log_dir;
	for (size_t i = 0; i < j->hidden_count; i++)
		c->hidden[i] = j->hidden[i];
}

bool jail_cap(struct jail *j, const char *dir, unsigned long long mib, unsigned inodes)
{
	if (!j->caps)
		return false;
	if (contain_mount_scratch(dir, mib, inodes) == -1) {
		j->cap_failed = true;
		return false;
	}
	return true;
}

const char *jail_isolation(const struct jail *j)
{
	static char name[64];

	if (j->level == CONTAIN_NONE || (j->caps && !j->cap_failed))
		return contain_level_name(j->level);
	snprintf(name, sizeof name, "%s (no disk caps)", contain_level_name(j->level));
	return name;
}
