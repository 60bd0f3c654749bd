/* eof_tail.c - what happens to bytes written past the end of a file, inside the mapping's last
 * page (concepts.md "파일 크기, EOF, SIGBUS"; labs/02 6단계).
 *
 * A 3-byte file "abc" is mapped with length 11 and "hello mmap!" is written at the start, as the
 * note's program does. Facts: no signal, the file keeps 3 bytes "hel", read(2) sees nothing past
 * offset 3. Then, per mmap(2) BUGS, the 8 bytes past the end are not written to the file but stay
 * in the page cache page: whether a new mapping sees them depends on whether anything zeroed the
 * page's tail (ext4 does when msync writes the page back; tmpfs never writes back), so those are
 * printed as env: lines. */
#include "exp.h"

/* What a fresh mapping of the file shows at offsets 3..10: "zero" or the bytes themselves. */
static void tail_seen(const char *name, int fd)
{
	char *map = check_map(mmap(NULL, 11, PROT_READ, MAP_SHARED, fd, 0), "remap");
	int zero = 1;

	for (int i = 3; i < 11; i++)
		zero &= map[i] == 0;
	if (zero)
		env(name, "zero");
	else
		env(name, "%.8s", map + 3);
	CHECK(munmap(map, 11));
}

int main(int argc, char **argv)
{
	const char *dir = work_dir(argc, argv);
	char path[4096], buf[16];

	env("fs", "%s", fs_name(dir));

	/* A fresh mapping of a never-extended file: the rest of the last page reads as zeros. */
	int fd = make_file(dir, "eof_tail.txt", "abc", 3, path, sizeof path);
	char *map = check_map(mmap(NULL, 11, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), "abc");
	int zero = 1;
	for (int i = 3; i < 4096; i++)
		zero &= map[i] == 0;
	fact("fresh_tail_reads_zero", zero ? "yes" : "no");

	const char *sig = "ok";
	for (int i = 0; i < 11 && !strcmp(sig, "ok"); i++) {
		sig = touch(map + i, 1, NULL);
		map[i] = "hello mmap!"[i];
	}
	fact("write_past_eof_signal", "%s", sig);
	CHECK(munmap(map, 11));

	struct stat st;
	CHECK(fstat(fd, &st));
	fact("size_after", "%lld", (long long)st.st_size);
	ssize_t n = pread(fd, buf, sizeof buf, 0);
	CHECK(n);
	fact("file_content", "%.*s", (int)n, buf);
	n = pread(fd, buf, sizeof buf, 3);
	CHECK(n);
	fact("read_past_eof_bytes", "%zd", n);

	/* Not written to the file, but still in the page cache page past the end. */
	tail_seen("tail_after_remap_without_msync", fd);

	map = check_map(mmap(NULL, 11, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), "again");
	memcpy(map, "hello mmap!", 11);
	CHECK(msync(map, 11, MS_SYNC));
	CHECK(munmap(map, 11));
	tail_seen("tail_after_msync", fd);

	/* Extending the file: ftruncate(2) says the new bytes read as '\0'. Whether the stale tail
	 * shows through instead depends on the filesystem zeroing it, so this too is printed. */
	map = check_map(mmap(NULL, 11, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), "third");
	memcpy(map, "hello mmap!", 11);
	CHECK(munmap(map, 11));
	CHECK(ftruncate(fd, 11));
	n = pread(fd, buf, 11, 0);
	CHECK(n);
	zero = 1;
	for (ssize_t i = 3; i < n; i++)
		zero &= buf[i] == 0;
	env("extended_bytes", zero ? "zero" : "%.8s", buf + 3);

	CHECK(close(fd));
	CHECK(unlink(path));
	return 0;
}
