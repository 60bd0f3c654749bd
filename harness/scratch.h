/* scratch.h - the grader's private working directory: made under $TMPDIR (default /tmp), always
 * removed afterwards, whatever a program did to it (chmod 000, deep trees, many files). */
#ifndef MMAPLAB_SCRATCH_H
#define MMAPLAB_SCRATCH_H

/* Makes a new directory $TMPDIR/mmaplab.XXXXXX (mode 0700) and returns its absolute path
 * (malloc'd). Dies when it cannot. */
char *scratch_create(void);

/* Makes the directory parent/name (mode 0755: the program may run under another uid later) and
 * returns its path (malloc'd). Dies when it cannot. */
char *scratch_subdir(const char *parent, const char *name);

/* Removes path and everything below it, without following symbolic links and restoring the
 * permissions a program may have taken away. Returns 0, or -1 with errno set (what could be
 * removed was removed). */
int remove_tree(const char *path);

/* Registers a directory to be removed by scratch_cleanup_all() (at exit, on a fatal error or an
 * interrupt) unless scratch_forget() is called for it. */
void scratch_register(const char *path);
void scratch_forget(const char *path);
void scratch_cleanup_all(void);

#endif
