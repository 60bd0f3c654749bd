/* jail.h - the containment of one grading's runs: which user they run as, what they may write,
 * what they must not see, and the capped directories they write in (contain.h does the mounts). */
#ifndef MMAPLAB_JAIL_H
#define MMAPLAB_JAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "contain.h"

struct jail {
	enum contain_level level;
	uid_t uid;                /* (uid_t)-1 when the runs keep the grader's user */
	gid_t gid;
	char *user;               /* the name strace -u finds in `passwd` */
	char *passwd, *group;     /* bound over /etc/passwd and /etc/group in traced runs */
	const char *scratch;      /* the grading's scratch directory */
	char *hidden[8];
	size_t hidden_count;
	bool caps;                /* directories get a tmpfs of their own, capped (jail_cap) */
	bool cap_failed;          /* a cap could not be mounted: the runs are less contained */
};

/* Sets up the jail of a grading whose scratch directory is `scratch`: the run user (as root), the
 * directories to hide (the repository, the submission's folder, `hide` (NULL-terminated, at most
 * hide_max) and MMAPLAB_HIDE), and whether directories are capped (`caps`: not with --keep, whose
 * directories must outlive the grader's mount namespace). */
void jail_init(struct jail *j, const char *scratch, const char *submission_dir,
               const char *const *hide, size_t hide_max, bool caps);
void jail_free(struct jail *j);

/* Gives path to the run's user (CONTAIN_ROOT), so that the program may write its own directory
 * and its lab file and nothing else. Dies when it cannot. */
void jail_give(const struct jail *j, const char *path);

/* Makes dir a tmpfs of its own of at most mib MiB and `inodes` files, when the jail caps
 * directories. Returns true when dir is capped; a mount that fails is remembered in cap_failed. */
bool jail_cap(struct jail *j, const char *dir, unsigned long long mib, unsigned inodes);

/* The containment of one run in dir: dir writable, and log_dir (strace's log of this run, or NULL)
 * for strace, which writes there as root. */
void jail_confine(const struct jail *j, struct containment *c, const char *dir, const char *log_dir);

/* The isolation the runs really got, for reports: contain_level_name(), with " (no disk caps)"
 * when the directories could not be capped. */
const char *jail_isolation(const struct jail *j);

#endif
