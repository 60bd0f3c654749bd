/* mmap_args.c - which arguments mmap(2) refuses (concepts.md "공유 매핑과 사적 매핑", "페이지 정렬";
 * labs/01 5단계, labs/02 1단계).
 *
 * Facts: length 0 is EINVAL (since Linux 2.6.12); an offset that is not a multiple of the page size
 * is EINVAL; flags need exactly one of MAP_SHARED, MAP_SHARED_VALIDATE, MAP_PRIVATE (none is
 * EINVAL; MAP_SHARED | MAP_PRIVATE is the value of MAP_SHARED_VALIDATE and is accepted); a shared
 * PROT_WRITE mapping of a file opened O_RDONLY is EACCES, and so is any mapping of an O_WRONLY file;
 * a private PROT_WRITE mapping of an O_RDONLY file is fine. The address returned is page aligned,
 * and the mapping outlives close(2) of its descriptor. */
#include "exp.h"

static const char *try_map(size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = mmap(NULL, len, prot, flags, fd, off);
	const char *r = err_name(p == MAP_FAILED);

	if (p != MAP_FAILED)
		CHECK(munmap(p, len));
	return r;
}

int main(int argc, char **argv)
{
	const char *dir = work_dir(argc, argv);
	long page = sysconf(_SC_PAGESIZE);
	char path[4096], data[8192];

	CHECK(page);
	memset(data, 'a', sizeof data);
	int rw = make_file(dir, "mmap_args.txt", data, sizeof data, path, sizeof path);
	int ro = open(path, O_RDONLY);
	CHECK(ro);
	int wo = open(path, O_WRONLY);
	CHECK(wo);

	fact("length_0", "%s", try_map(0, PROT_READ, MAP_SHARED, ro, 0));
	fact("offset_not_page_multiple", "%s", try_map(100, PROT_READ, MAP_SHARED, ro, 1));
	fact("offset_one_page", "%s", try_map(100, PROT_READ, MAP_SHARED, ro, page));
	fact("length_not_page_multiple", "%s", try_map(11, PROT_READ, MAP_SHARED, ro, 0));
	fact("flags_neither_shared_nor_private", "%s", try_map(100, PROT_READ, 0, ro, 0));
	fact("flags_shared_or_private_is_shared_validate",
	     (MAP_SHARED | MAP_PRIVATE) == MAP_SHARED_VALIDATE ? "yes" : "no");
	fact("flags_shared_validate", "%s", try_map(100, PROT_READ, MAP_SHARED_VALIDATE, ro, 0));
	fact("rdonly_shared_write", "%s", try_map(100, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0));
	fact("rdonly_shared_read", "%s", try_map(100, PROT_READ, MAP_SHARED, ro, 0));
	fact("rdonly_private_write", "%s", try_map(100, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0));
	fact("wronly_shared_read", "%s", try_map(100, PROT_READ, MAP_SHARED, wo, 0));
	fact("wronly_shared_write", "%s", try_map(100, PROT_WRITE, MAP_SHARED, wo, 0));
	fact("rdwr_shared_write", "%s", try_map(100, PROT_READ | PROT_WRITE, MAP_SHARED, rw, 0));

	/* The address the kernel picks, and a mapping used after its descriptor is closed. */
	char *map = check_map(mmap(NULL, sizeof data, PROT_READ, MAP_SHARED, ro, 0), "close");
	fact("address_page_aligned", (unsigned long)map % (unsigned long)page == 0 ? "yes" : "no");
	CHECK(close(ro));
	char c = 0;
	fact("read_after_close", "%s", touch(map + 5000, 0, &c));
	fact("read_after_close_value", "%c", c);
	CHECK(munmap(map, sizeof data));

	CHECK(close(wo));
	CHECK(close(rw));
	CHECK(unlink(path));
	return 0;
}
