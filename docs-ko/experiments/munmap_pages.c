/* munmap_pages.c - munmap(2) works in whole pages (concepts.md "munmap"; labs/01 3단계).
 *
 * A 6756-byte file is mapped (two pages). munmap(map, 11) removes every page the 11 bytes touch,
 * which is the first page only: the second stays mapped and readable, the first raises SIGSEGV. A
 * length that is not a page multiple is fine, an address that is not page aligned is EINVAL, and a
 * range with nothing mapped in it is not an error. */
#include "exp.h"

int main(int argc, char **argv)
{
	const char *dir = work_dir(argc, argv);
	long page = sysconf(_SC_PAGESIZE);
	char path[4096], data[6756], c = 0;

	CHECK(page);
	memset(data, 'a', sizeof data);
	int fd = make_file(dir, "munmap_pages.txt", data, sizeof data, path, sizeof path);
	char *map = check_map(mmap(NULL, sizeof data, PROT_READ, MAP_SHARED, fd, 0), "map");

	fact("munmap_unaligned_address", "%s", err_name(munmap(map + 1, 11) == -1));
	fact("munmap_11_bytes", "%s", err_name(munmap(map, 11) == -1));
	fact("first_page_after", "%s", touch(map, 0, NULL));
	fact("second_page_after", "%s", touch(map + page, 0, &c));
	fact("second_page_value", "%c", c);
	fact("munmap_rest", "%s", err_name(munmap(map + page, sizeof data - (size_t)page) == -1));
	fact("munmap_nothing_mapped", "%s", err_name(munmap(map, sizeof data) == -1));
	CHECK(close(fd));
	CHECK(unlink(path));
	return 0;
}
