/* private_cow.c - copy-on-write of a private mapping (concepts.md "공유 매핑과 사적 매핑"; labs/02
 * 2단계).
 *
 * A MAP_PRIVATE mapping is written: the process sees its own copy, a shared mapping of the same file
 * and read(2) still see the file, and neither msync(MS_SYNC) (which succeeds) nor munmap(2) carries
 * the write to the file. */
#include "exp.h"

int main(int argc, char **argv)
{
	const char *dir = work_dir(argc, argv);
	char path[4096], buf[12] = { 0 };

	int fd = make_file(dir, "private_cow.txt", "Goodbye, world!", 15, path, sizeof path);
	char *priv = check_map(mmap(NULL, 15, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0), "private");
	char *shared = check_map(mmap(NULL, 15, PROT_READ, MAP_SHARED, fd, 0), "shared");

	memcpy(priv, "hello mmap!", 11);
	fact("private_sees_own_write", "%.11s", priv);
	fact("shared_mapping_sees", "%.11s", shared);
	CHECK(pread(fd, buf, 11, 0));
	fact("read_sees", "%.11s", buf);
	fact("msync_private", "%s", err_name(msync(priv, 15, MS_SYNC) == -1));
	CHECK(munmap(priv, 15));
	CHECK(pread(fd, buf, 11, 0));
	fact("file_after_munmap", "%.11s", buf);

	/* The other direction is unspecified (mmap(2)): on Linux a page the process never wrote is
	 * still the page cache page, so a later change of the file shows through. Printed, not asserted. */
	priv = check_map(mmap(NULL, 15, PROT_READ, MAP_PRIVATE, fd, 0), "read-only private");
	fact("unwritten_private_page_before", "%.7s", priv);
	CHECK(pwrite(fd, "HELLO", 5, 0));
	env("unwritten_private_page_after_pwrite", "%.7s", priv);
	CHECK(munmap(priv, 15));
	CHECK(munmap(shared, 15));
	CHECK(close(fd));
	CHECK(unlink(path));
	return 0;
}
