/* sigbus.c - a mapping longer than its file (concepts.md "파일 크기, EOF, SIGBUS"; labs/01 5단계).
 *
 * mmap(2) does not compare the length with the file size. Inside the page that holds the end of the
 * file the rest reads as zeros; a page that begins at or after the end raises SIGBUS (mmap(2),
 * "SIGBUS"; filemap_fault() in mm/filemap.c). An empty file mapped with one page of length maps
 * fine, and its first byte raises SIGBUS. Past the mapping's own end is SIGSEGV. */
#include "exp.h"

int main(int argc, char **argv)
{
	const char *dir = work_dir(argc, argv);
	long page = sysconf(_SC_PAGESIZE);
	char path[4096], c = 1;

	CHECK(page);
	/* 7123 bytes: the end lies in the second page. Four pages of mapping, with an inaccessible
	 * page reserved after them so that "past the mapping" is never some other mapping. */
	char data[7123];
	memset(data, 'a', sizeof data);
	int fd = make_file(dir, "sigbus.txt", data, sizeof data, path, sizeof path);
	char *area = check_map(mmap(NULL, (size_t)page * 5, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
	                       "reserve");
	char *map = check_map(mmap(area, (size_t)page * 4, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0),
	                      "file");
	fact("longer_than_file_maps", "ok");
	fact("inside_last_page", "%s", touch(map + 7200, 0, &c));
	fact("inside_last_page_value", "%d", c);
	fact("last_byte_of_last_page", "%s", touch(map + 2 * page - 1, 0, NULL));
	fact("first_page_past_eof", "%s", touch(map + 2 * page, 0, NULL));
	fact("past_the_mapping", "%s", touch(map + 4 * page, 0, NULL));
	CHECK(munmap(area, (size_t)page * 5));
	CHECK(close(fd));
	CHECK(unlink(path));

	fd = make_file(dir, "sigbus-empty.txt", "", 0, path, sizeof path);
	map = mmap(NULL, (size_t)page, PROT_READ, MAP_SHARED, fd, 0);
	fact("empty_file_one_page_mmap", "%s", err_name(map == MAP_FAILED));
	if (map != MAP_FAILED) {
		fact("empty_file_first_byte", "%s", touch(map, 0, NULL));
		CHECK(munmap(map, (size_t)page));
	}
	CHECK(close(fd));
	CHECK(unlink(path));
	return 0;
}
