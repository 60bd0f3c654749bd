#include "mapping.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int mapping_open(struct mapping *m, const char *path, size_t min)
{
	struct stat st;

	m->fd = open(path, O_RDWR | O_CREAT, 0644);   /* BUG: a missing file is silently created */
	if (m->fd < 0) {
		perror(path);
		return -1;
	}
	if (fstat(m->fd, &st) < 0) {
		perror("fstat");
		goto fail;
	}
	m->len = (size_t)st.st_size;
	if (m->len < min) {
		if (ftruncate(m->fd, (off_t)min) < 0) {
			perror("ftruncate");
			goto fail;
		}
		m->len = min;
	}
	m->addr = mmap(NULL, m->len, PROT_READ | PROT_WRITE, MAP_SHARED, m->fd, 0);
	if (m->addr == MAP_FAILED) {
		perror("mmap");
		goto fail;
	}
	return 0;
fail:
	close(m->fd);
	return -1;
}

int mapping_sync(struct mapping *m)
{
	if (msync(m->addr, m->len, MS_SYNC) < 0) {
		perror("msync");
		return -1;
	}
	return 0;
}

int mapping_close(struct mapping *m)
{
	int rc = 0;

	if (munmap(m->addr, m->len) < 0) {
		perror("munmap");
		rc = -1;
	}
	if (close(m->fd) < 0) {
		perror("close");
		rc = -1;
	}
	return rc;
}
