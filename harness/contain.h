/* contain.h - keeping a student's program in its place.
 *
 * What a run gets depends on what the platform allows (probed once, see contain_level):
 *   CONTAIN_ROOT   the grader is root: every run gets new PID, network, IPC, UTS and mount
 *                  namespaces, a read-only view of the filesystem but for its own directory, the
 *                  grader's files hidden, and an unprivileged user id of its own (one per worker);
 *                  the grader's scratch directory is a size- and inode-capped tmpfs.
 *   CONTAIN_USERNS the grader is a normal user but may make user namespaces: the same, except the
 *                  user id, which cannot change (the program runs as the grader's user).
 *   CONTAIN_NONE   neither (a container without the right privileges): process groups, resource
 *                  limits and the subreaper only.
 * docs-ko/security.md says what each level keeps out. */
#ifndef MMAPLAB_CONTAIN_H
#define MMAPLAB_CONTAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

enum contain_level { CONTAIN_NONE, CONTAIN_USERNS, CONTAIN_ROOT };

/* What one run is confined to (see sandbox.h's run_spec.contain). */
struct containment {
	uid_t uid;                  /* run the program as this user (CONTAIN_ROOT), or (uid_t)-1 */
	gid_t gid;
	bool program_is_traced;     /* the run is strace, which drops to `uid` itself with -u */
	const char *passwd_file;    /* bound over /etc/passwd and /etc/group so that strace -u */
	const char *group_file;     /* finds the run's user by name; NULL for none */
	const char *reach;          /* a directory the run's user must be able to reach although a
	                               directory above it is closed to others (TMPDIR of mode 0700) */
	const char *writable[4];    /* the only paths that stay writable (NULL-terminated) */
	const char *hidden[8];      /* directories replaced by an empty read-only one (NULL-terminated
	                               unless full) */
};

/* Enters the grader's own namespaces once (a mount namespace, and a user namespace when not root)
 * and returns the level that runs will get. Later calls return the first answer. */
enum contain_level contain_level(void);

/* A short name of the level for reports: "namespaces+uid", "namespaces", "none". */
const char *contain_level_name(enum contain_level level);

/* Mounts a tmpfs of at most size_mib MiB and inodes inodes on dir (in the grader's own mount
 * namespace, so it disappears with the grader). Returns 0, or -1 with errno set. */
int contain_mount_scratch(const char *dir, unsigned size_mib, unsigned inodes);

/* The default first run user: far above the ranges /etc/subuid hands out (from 100000 up) and below
 * 2^31, where some tools stop. */
#define CONTAIN_UID_BASE 1900000000UL

/* The user a run gets under CONTAIN_ROOT: one of its own per grading process (MMAPLAB_UID_BASE,
 * default CONTAIN_UID_BASE, plus the process id modulo 100000), since RLIMIT_NPROC counts per user:
 * a fork bomb in one grading, or one batch worker, must not starve another running beside it. */
uid_t contain_run_uid(void);

/* The clone(2) flags of a contained run's first process (it becomes PID 1 of its namespace). */
unsigned long contain_clone_flags(void);

/* In a contained run's first process (PID 1 of the new namespaces): makes the mounts. Returns 0, or
 * -1 with errno set. */
int contain_setup_mounts(const struct containment *c);

/* Drops to c->uid/c->gid when set, else every capability (the program then runs as root of the
 * grader's user namespace, with none of root's powers). Returns 0, or -1 with errno set. */
int contain_drop_privileges(const struct containment *c);

/* Empties the capability bounding set and sets no_new_privs. Returns 0, or -1 with errno set. */
int contain_drop_capabilities(void);

#endif
