/* faults.c - how many page faults a scan of a cached file mapping takes, and who counts the pages
 * MAP_POPULATE fills (concepts.md "mmap이 하는 일과 데이터가 실제로 옮겨지는 때"; performance.md
 * "페이지 폴트와 폴트 어라운드"; labs/03 2단계).
 *
 * A 4 MiB file is written 4 KiB at a time and scanned through a fresh mapping, counting minor faults
 * with getrusage(2) (what /usr/bin/time's %R prints). Fault-around maps the neighbouring cached pages
 * on each read fault, so there are fewer faults than pages; how many fewer depends on
 * fault_around_bytes (64 KiB by default) and on the page cache's folios (large folios map more at
 * once), so the counts are env: lines. The file is then dropped from the page cache and read back
 * (readahead brings it in larger folios) and scanned again.
 *
 * MAP_POPULATE fills the page tables inside mmap(2) through the same fault code (mm/gup.c): the
 * process's minor fault counter counts those faults, but the perf software event page-faults does
 * not (mm_account_fault() in mm/memory.c sends no perf event for faults without user registers). */
#include "exp.h"

#include <linux/perf_event.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>

#define FILE_BYTES (4L << 20)

static long minor_faults(void)
{
	struct rusage ru;

	CHECK(getrusage(RUSAGE_SELF, &ru));
	return ru.ru_minflt;
}

/* Minor faults of one scan of a fresh mapping (one read per page). */
static long scan_faults(int fd, long page)
{
	volatile const char *map = check_map(mmap(NULL, FILE_BYTES, PROT_READ, MAP_SHARED, fd, 0), "scan");
	unsigned sum = 0;
	long before = minor_faults();

	for (long i = 0; i < FILE_BYTES; i += page)
		sum += (unsigned char)map[i];
	long faults = minor_faults() - before;
	CHECK(munmap((void *)map, FILE_BYTES));
	return sum == 0 ? -1 : faults;
}

static int perf_page_faults(void)
{
	struct perf_event_attr pe = { 0 };

	pe.type = PERF_TYPE_SOFTWARE;
	pe.size = sizeof pe;
	pe.config = PERF_COUNT_SW_PAGE_FAULTS;
	pe.disabled = 1;
	pe.exclude_kernel = 1;
	pe.exclude_hv = 1;
	return (int)syscall(SYS_perf_event_open, &pe, 0, -1, -1, 0);
}

int main(int argc, char **argv)
{
	const char *dir = work_dir(argc, argv);
	long page = sysconf(_SC_PAGESIZE);
	char path[4096], chunk[4096];

	CHECK(page);
	env("fs", "%s", fs_name(dir));
	memset(chunk, 'a', sizeof chunk);
	int fd = make_file(dir, "faults.txt", "", 0, path, sizeof path);
	for (long done = 0; done < FILE_BYTES; done += (long)sizeof chunk)
		if (write(fd, chunk, sizeof chunk) != (ssize_t)sizeof chunk) {
			perror("write");
			return 1;
		}
	long pages = FILE_BYTES / page;
	env("pages", "%ld", pages);

	FILE *f = fopen("/sys/kernel/debug/fault_around_bytes", "r");
	long around;
	if (f && fscanf(f, "%ld", &around) == 1)
		env("fault_around_bytes", "%ld", around);
	else
		skip("fault_around_bytes", "debugfs is not mounted or not readable here");
	if (f)
		fclose(f);

	long written = scan_faults(fd, page);
	env("faults_just_written", "%ld", written);
	fact("fewer_faults_than_pages", written >= 1 && written < pages ? "yes" : "no");

	/* Out of the page cache and back in by read(2), as make bench and make measure prepare files. */
	CHECK(fsync(fd));
	errno = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
	CHECK(errno ? -1 : 0);
	for (off_t off = 0; off < FILE_BYTES;) {
		ssize_t n = pread(fd, chunk, sizeof chunk, off);
		CHECK(n);
		if (n == 0)
			break;
		off += n;
	}
	long reread = scan_faults(fd, page);
	env("faults_read_back", "%ld", reread);
	env("bytes_per_fault_read_back", "%ld", reread > 0 ? FILE_BYTES / reread : 0);

	/* MAP_POPULATE: counted by getrusage, not by the perf software event. */
	int pfd = perf_page_faults();
	if (pfd != -1)
		CHECK(ioctl(pfd, PERF_EVENT_IOC_ENABLE, 0));
	long before = minor_faults();
	void *map = check_map(mmap(NULL, FILE_BYTES, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0), "populate");
	long populate = minor_faults() - before;
	env("populate_minor_faults", "%ld", populate);
	fact("populate_counted_by_getrusage", populate > 0 ? "yes" : "no");
	if (pfd != -1) {
		uint64_t count;
		CHECK(ioctl(pfd, PERF_EVENT_IOC_DISABLE, 0));
		CHECK(read(pfd, &count, sizeof count));
		fact("populate_counted_by_perf_page_faults", count == 0 ? "no" : "yes");
		CHECK(close(pfd));
	} else {
		skip("populate_counted_by_perf_page_faults", "perf_event_open is not allowed here (perf_event_paranoid)");
	}
	CHECK(munmap(map, FILE_BYTES));
	CHECK(close(fd));
	CHECK(unlink(path));
	return 0;
}
