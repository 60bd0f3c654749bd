#include "mapfile.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int mapfile_open(struct mapfile *mf, const char *path)
{
	struct stat st;

	mf->fd = open(path, O_RDONLY);
	if (mf->fd < 0) {
		perror(path);
		return -1;
	}
	if (fstat(mf->fd, &st) < 0) {
		perror("fstat");
		close(mf->fd);
		return -1;
	}
	mf->size = (size_t)st.st_size;
	mf->data = NULL;
	if (mf->size == 0)
		return 0;       /* mmap of length 0 fails with EINVAL: nothing to map */
	void *p = mmap(NULL, mf->size, PROT_READ, MAP_SHARED, mf->fd, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		close(mf->fd);
		return -1;
	}
	mf->data = p;
	return 0;
}

int mapfile_close(struct mapfile *mf)
{
	int rc = 0;

	if (mf->data != NULL && munmap((void *)mf->data, mf->size) < 0) {
		perror("munmap");
		rc = -1;
	}
	if (close(mf->fd) < 0) {
		perror("close");
		rc = -1;
	}
	return rc;
}
