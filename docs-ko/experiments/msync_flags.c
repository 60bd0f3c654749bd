/* msync_flags.c - what msync(2) accepts and what its flags do on Linux (concepts.md "msync와
 * 플래그"; labs/02 3단계; note-review.md).
 *
 * Facts: MS_SYNC | MS_ASYNC, an unknown flag and an address that is not page aligned are EINVAL; a
 * range with an unmapped part is ENOMEM; any page-aligned address inside the mapping works, not only
 * the one mmap returned; a length that is not a page multiple works; flags 0 is accepted (Linux,
 * not POSIX); MS_INVALIDATE alone succeeds, and fails with EBUSY only on a locked range.
 *
 * Then whether a flag writes the page back, read from the page's own flags (/proc/self/pagemap
 * gives the page frame, /proc/kpageflags its dirty and writeback bits; both need CAP_SYS_ADMIN):
 * after a store the page is dirty, after MS_ASYNC it still is (MS_ASYNC does nothing since Linux
 * 2.6.19, mm/msync.c), after MS_SYNC it is clean. Only a filesystem that writes back can show this:
 * tmpfs has no writeback, so there the lines are skipped. */
#include "exp.h"

#include <stdint.h>

#define KPF_DIRTY 4
#define KPF_WRITEBACK 8

/* The kpageflags of the page at p, or -1 when they cannot be read here. */
static int64_t page_flags(const void *p)
{
	long page = sysconf(_SC_PAGESIZE);
	uint64_t entry, flags;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	if (fd == -1)
		return -1;
	off_t off = (off_t)((uintptr_t)p / (uintptr_t)page * sizeof entry);
	ssize_t n = pread(fd, &entry, sizeof entry, off);
	CHECK(close(fd));
	uint64_t pfn = entry & ((1ULL << 55) - 1);
	/* Without CAP_SYS_ADMIN the kernel reports page frame 0. */
	if (n != (ssize_t)sizeof entry || !(entry >> 63) || pfn == 0)
		return -1;
	fd = open("/proc/kpageflags", O_RDONLY);
	if (fd == -1)
		return -1;
	n = pread(fd, &flags, sizeof flags, (off_t)(pfn * sizeof flags));
	CHECK(close(fd));
	return n == (ssize_t)sizeof flags ? (int64_t)(flags & INT64_MAX) : -1;
}

static const char *dirty(int64_t flags)
{
	return flags & ((1 << KPF_DIRTY) | (1 << KPF_WRITEBACK)) ? "yes" : "no";
}

int main(int argc, char **argv)
{
	const char *dir = work_dir(argc, argv);
	const char *fs = fs_name(dir);
	long page = sysconf(_SC_PAGESIZE);
	char path[4096], data[3 * 4096];

	CHECK(page);
	env("fs", "%s", fs);
	memset(data, 'a', sizeof data);
	int fd = make_file(dir, "msync_flags.txt", data, sizeof data, path, sizeof path);
	size_t len = sizeof data;
	/* Reserve room and map the file at its start, then free the rest: the pages after the mapping
	 * are then certainly unmapped (a plain mmap may land right before some other mapping). */
	char *area = check_map(mmap(NULL, len + 4 * (size_t)page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
	                       "reserve");
	char *map = check_map(mmap(area, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0), "map");
	CHECK(munmap(area + len, 4 * (size_t)page));

	fact("sync_and_async", "%s", err_name(msync(map, len, MS_SYNC | MS_ASYNC) == -1));
	fact("unknown_flag", "%s", err_name(msync(map, len, MS_SYNC | 0x100) == -1));
	fact("unaligned_address", "%s", err_name(msync(map + 1, 10, MS_SYNC) == -1));
	fact("address_inside_mapping", "%s", err_name(msync(map + page, (size_t)page, MS_SYNC) == -1));
	fact("length_not_page_multiple", "%s", err_name(msync(map, 11, MS_SYNC) == -1));
	fact("flags_0", "%s", err_name(msync(map, len, 0) == -1));
	fact("invalidate_alone", "%s", err_name(msync(map, len, MS_INVALIDATE) == -1));
	fact("range_past_mapping", "%s", err_name(msync(map, len + 4 * (size_t)page, MS_SYNC) == -1));
	if (mlock(map, (size_t)page) == 0) {
		fact("invalidate_locked", "%s", err_name(msync(map, len, MS_INVALIDATE) == -1));
		fact("sync_locked", "%s", err_name(msync(map, len, MS_SYNC) == -1));
		CHECK(munlock(map, (size_t)page));
	} else {
		skip("invalidate_locked", "mlock failed here (RLIMIT_MEMLOCK?)");
	}

	/* Dirty or not after each flag. A background flush could clean the page between the store and
	 * the look, so MS_ASYNC gets three tries: it writes back only if it cleans the page every time. */
	CHECK(msync(map, len, MS_SYNC));
	if (strcmp(fs, "tmpfs") == 0 || strcmp(fs, "overlayfs") == 0) {
		skip("ms_async_left_page_dirty", "tmpfs and overlayfs (over tmpfs) have no writeback to see");
	} else if (page_flags(map) == -1) {
		skip("ms_async_left_page_dirty", "needs CAP_SYS_ADMIN to read /proc/self/pagemap and /proc/kpageflags");
	} else {
		int stayed = 0;
		env("clean_after_ms_sync", "%s", strcmp(dirty(page_flags(map)), "no") == 0 ? "yes" : "no");
		for (int i = 0; i < 3; i++) {
			map[0] = (char)('b' + i);
			if (strcmp(dirty(page_flags(map)), "yes") != 0)
				continue;
			CHECK(msync(map, len, MS_ASYNC));
			stayed += strcmp(dirty(page_flags(map)), "yes") == 0;
		}
		env("ms_async_left_page_dirty", stayed > 0 ? "yes" : "no");
		map[0] = 'z';
		env("dirty_after_store", "%s", dirty(page_flags(map)));
		CHECK(msync(map, len, MS_SYNC));
		env("ms_sync_left_page_dirty", "%s", dirty(page_flags(map)));
	}
	CHECK(munmap(map, len));
	CHECK(close(fd));
	CHECK(unlink(path));
	return 0;
}
