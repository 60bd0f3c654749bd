/* scratch.c - see scratch.h. */
#define _GNU_SOURCE
#include "scratch.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

char *scratch_create(void)
{
	const char *tmp = getenv("TMPDIR");
	char *path;

	if (!tmp || !*tmp)
		tmp = "/tmp";
	path = xasprintf("%s/mmaplab.XXXXXX", tmp);
	if (!mkdtemp(path))
		die("cannot make a scratch directory under %s (set TMPDIR to a writable directory): %s",
		    tmp, strerror(errno));
	if (path[0] != '/') {
		char *cwd = getcwd(NULL, 0);

		if (!cwd)
			die_errno("getcwd");
		char *abs = xasprintf("%s/%s", cwd, path);
		free(cwd);
		free(path);
		path = abs;
	}
	scratch_register(path);
	return path;
}

char *scratch_subdir(const char *parent, const char *name)
{
	char *path = xasprintf("%s/%s", parent, name);

	if (mkdir(path, 0755) == -1)
		die("cannot make %s: %s", path, strerror(errno));
	return path;
}

/* Removes everything inside the directory open as dirfd, then closes dirfd. */
static int remove_contents(int dirfd)
{
	DIR *d = fdopendir(dirfd);
	struct dirent *de;
	int result = 0;

	if (!d) {
		close(dirfd);
		return -1;
	}
	/* Restore search and write permission first: a program may have chmod'ed its directory 000
	   (as root that does not matter; as a normal user it does). */
	(void)fchmod(dirfd, 0700);
	while ((errno = 0, de = readdir(d)) != NULL) {
		const char *name = de->d_name;

		if (!strcmp(name, ".") || !strcmp(name, ".."))
			continue;
		if (unlinkat(dirfd, name, 0) == 0)
			continue;
		if (errno != EISDIR && errno != EPERM) {
			result = -1;
			continue;
		}
		int sub = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (sub == -1) {
			/* No permission to read it: give it back and try again. */
			(void)fchmodat(dirfd, name, 0700, 0);
			sub = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		}
		if (sub == -1) {
			result = -1;
			continue;
		}
		if (remove_contents(sub) == -1)
			result = -1;
		if (unlinkat(dirfd, name, AT_REMOVEDIR) == -1)
			result = -1;
	}
	if (errno != 0)
		result = -1;
	if (closedir(d) == -1)
		result = -1;
	return result;
}

int remove_tree(const char *path)
{
	/* A scratch directory may be a tmpfs of its own (contain_mount_scratch): unmounting it frees
	   its contents at once and leaves the empty directory beneath. EINVAL: not a mount point. */
	if (umount2(path, MNT_DETACH) == -1 && errno != EINVAL && errno != EPERM && errno != ENOENT)
		return -1;
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd == -1) {
		if (errno == ENOENT)
			return 0;
		if (chmod(path, 0700) == -1)
			return -1;
		fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd == -1)
			return unlink(path);
	}
	int result = remove_contents(fd);
	if (rmdir(path) == -1)
		result = -1;
	return result;
}

static char *registered[64];

void scratch_register(const char *path)
{
	for (size_t i = 0; i < sizeof registered / sizeof registered[0]; i++)
		if (!registered[i]) {
			registered[i] = xstrdup(path);
			return;
		}
	die("too many scratch directories at once");
}

void scratch_forget(const char *path)
{
	for (size_t i = 0; i < sizeof registered / sizeof registered[0]; i++)
		if (registered[i] && !strcmp(registered[i], path)) {
			free(registered[i]);
			registered[i] = NULL;
		}
}

void scratch_cleanup_all(void)
{
	for (size_t i = 0; i < sizeof registered / sizeof registered[0]; i++) {
		if (!registered[i])
			continue;
		if (remove_tree(registered[i]) == -1)
			fprintf(stderr, "mmaplab: could not remove all of %s: %s\n", registered[i],
			        strerror(errno));
		free(registered[i]);
		registered[i] = NULL;
	}
}
