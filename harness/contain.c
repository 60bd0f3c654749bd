/* contain.c - namespaces, mounts and user ids for the runs (see contain.h). */
#define _GNU_SOURCE
#include "contain.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef MOUNT_ATTR_RDONLY
#define MOUNT_ATTR_RDONLY 0x00000001
#endif
#ifndef AT_RECURSIVE
#define AT_RECURSIVE 0x8000
#endif

/* mount_setattr(2) (Linux 5.12); glibc 2.36 has no wrapper in every build. */
struct mount_attr_v0 {
	uint64_t attr_set, attr_clr, propagation, userns_fd;
};

static int set_mount_attr(const char *path, unsigned flags, uint64_t set, uint64_t clr)
{
#ifdef SYS_mount_setattr
	struct mount_attr_v0 attr = { .attr_set = set, .attr_clr = clr };
	return (int)syscall(SYS_mount_setattr, AT_FDCWD, path, flags, &attr, sizeof attr);
#else
	(void)path;
	(void)flags;
	(void)set;
	(void)clr;
	errno = ENOSYS;
	return -1;
#endif
}

static const unsigned long run_namespaces =
	CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS;

unsigned long contain_clone_flags(void)
{
	return contain_level() == CONTAIN_NONE ? 0 : run_namespaces;
}

const char *contain_level_name(enum contain_level level)
{
	switch (level) {
	case CONTAIN_ROOT:
		return "namespaces+uid";
	case CONTAIN_USERNS:
		return "namespaces";
	case CONTAIN_NONE:
		break;
	}
	return "none";
}

/* Writes text to a /proc file (uid_map and friends). Returns 0, or -1 with errno set. */
static int write_proc(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd == -1)
		return -1;
	if (write_all(fd, text, strlen(text)) == -1) {
		int saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return close(fd);
}

/* Whether a child can make the namespaces of a run (checked in a throwaway process, so that a
 * refusal costs nothing). */
static bool runs_can_unshare(void)
{
	pid_t pid = fork();
	int status;

	if (pid == -1)
		die_errno("fork");
	if (pid == 0)
		_exit(unshare((int)run_namespaces) == 0 ? 0 : 1);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			die_errno("waitpid");
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Enters a user namespace in which this process is root, mapped to its real user. */
static bool enter_user_namespace(void)
{
	uid_t uid = getuid();
	gid_t gid = getgid();
	char map[64];

	if (unshare(CLONE_NEWUSER) == -1)
		return false;
	/* setgroups must be denied before an unprivileged process may write gid_map. */
	snprintf(map, sizeof map, "0 %u 1\n", (unsigned)uid);
	if (write_proc("/proc/self/setgroups", "deny") == -1 && errno != ENOENT)
		return false;
	if (write_proc("/proc/self/uid_map", map) == -1)
		return false;
	snprintf(map, sizeof map, "0 %u 1\n", (unsigned)gid);
	return write_proc("/proc/self/gid_map", map) == 0;
}

enum contain_level contain_level(void)
{
	static int level = -1;

	if (level != -1)
		return (enum contain_level)level;
	const char *off = getenv("MMAPLAB_NO_NAMESPACES");
	level = CONTAIN_NONE;
	if (off && *off && strcmp(off, "0"))
		return CONTAIN_NONE;
	bool root = geteuid() == 0;
	if (!root && !enter_user_namespace())
		return CONTAIN_NONE;
	/* The grader's own mount namespace: its tmpfs scratch directories are private to it and
	   vanish with it, whatever happens. */
	if (unshare(CLONE_NEWNS) == -1 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1) {
		/* A user namespace we could enter but not use: runs get no namespaces. */
		return CONTAIN_NONE;
	}
	if (!runs_can_unshare())
		return CONTAIN_NONE;
	level = root ? CONTAIN_ROOT : CONTAIN_USERNS;
	return (enum contain_level)level;
}

int contain_mount_scratch(const char *dir, unsigned size_mib, unsigned inodes)
{
	char options[128];

	snprintf(options, sizeof options, "size=%um,nr_inodes=%u,mode=0711", size_mib, inodes);
	return mount("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options);
}

uid_t contain_run_uid(void)
{
	const char *base = getenv("MMAPLAB_UID_BASE");
	unsigned long b = CONTAIN_UID_BASE;

	/* Only a plain number that keeps every run user an ordinary, unprivileged id: never root or a
	   system account, never (uid_t)-1. */
	if (base && *base) {
		char *end;
		unsigned long v = strtoul(base, &end, 10);
		if (!*end && v >= 10000 && v <= 2000000000UL)
			b = v;
	}
	return (uid_t)(b + (unsigned long)getpid() % 100000);
}

/* Makes every directory from / down to c->reach searchable for the run's user: the first one that
 * is closed to others is covered (in this namespace only) by a tmpfs holding just the way down,
 * and c->reach itself is bound back at the bottom of it. */
static int open_the_way(const struct containment *c)
{
	char path[4096];
	struct stat st;
	size_t len = strlen(c->reach);

	if (c->uid == (uid_t)-1 || len >= sizeof path || c->reach[0] != '/')
		return 0;
	for (size_t i = 1; i < len; i++) {
		if (c->reach[i] != '/')
			continue;
		memcpy(path, c->reach, i);
		path[i] = '\0';
		if (stat(path, &st) == -1)
			return -1;
		if (st.st_mode & S_IXOTH)
			continue;
		/* path is closed: cover it. */
		int keep = open(c->reach, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (keep == -1)
			return -1;
		if (mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "size=16k,nr_inodes=64,mode=0711") == -1)
			return -1;
		for (size_t k = i + 1; k <= len; k++) {
			if (k < len && c->reach[k] != '/')
				continue;
			memcpy(path, c->reach, k);
			path[k] = '\0';
			if (mkdir(path, 0711) == -1 && errno != EEXIST)
				return -1;
		}
		char from[64];
		snprintf(from, sizeof from, "/proc/self/fd/%d", keep);
		if (mount(from, c->reach, NULL, MS_BIND | MS_REC, NULL) == -1)
			return -1;
		return close(keep);
	}
	return 0;
}

int contain_setup_mounts(const struct containment *c)
{
	/* Nothing we mount may leak back to the grader's namespace. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
		return -1;
	if (c->reach && open_the_way(c) == -1)
		return -1;
	/* The writable paths become mounts of their own, so that they can stay writable when
	   everything else turns read-only. */
	for (size_t i = 0; i < sizeof c->writable / sizeof c->writable[0] && c->writable[i]; i++)
		if (mount(c->writable[i], c->writable[i], NULL, MS_BIND | MS_REC, NULL) == -1)
			return -1;
	if (set_mount_attr("/", AT_RECURSIVE, MOUNT_ATTR_RDONLY, 0) == -1) {
		/* Before Linux 5.12 the whole tree cannot be made read-only in one call; the user id
		   (when root) still keeps the program out of what is not its own. */
		if (errno != ENOSYS)
			return -1;
	} else {
		for (size_t i = 0; i < sizeof c->writable / sizeof c->writable[0] && c->writable[i]; i++)
			if (set_mount_attr(c->writable[i], AT_RECURSIVE, 0, MOUNT_ATTR_RDONLY) == -1)
				return -1;
	}
	for (size_t i = 0; i < sizeof c->hidden / sizeof c->hidden[0] && c->hidden[i]; i++)
		if (mount("tmpfs", c->hidden[i], "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
		          "size=4k,nr_inodes=4,mode=0555") == -1 && errno != ENOENT)
			return -1;
	if (c->passwd_file && mount(c->passwd_file, "/etc/passwd", NULL, MS_BIND, NULL) == -1)
		return -1;
	if (c->group_file && mount(c->group_file, "/etc/group", NULL, MS_BIND, NULL) == -1)
		return -1;
	/* A /proc of the new PID namespace: strace -y reads the program's descriptors there. */
	if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) == -1)
		return -1;
	return 0;
}

int contain_drop_capabilities(void)
{
	/* Root inside the grader's user namespace holds every capability of that namespace: enough
	   to remount the read-only view writable. Emptying the bounding set leaves a later exec with
	   none, and no_new_privs keeps it so. */
	for (int cap = 0; cap <= 63; cap++)
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == -1 && errno != EINVAL)
			return -1;
	return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

int contain_drop_privileges(const struct containment *c)
{
	if (c->uid == (uid_t)-1)
		return contain_drop_capabilities();
	if (setgroups(0, NULL) == -1 || setresgid(c->gid, c->gid, c->gid) == -1 ||
	    setresuid(c->uid, c->uid, c->uid) == -1)
		return -1;
	return 0;
}
