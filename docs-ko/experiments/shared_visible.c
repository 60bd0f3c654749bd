/* shared_visible.c - a write to a shared mapping is visible at once, without msync (concepts.md
 * "가시성과 내구성"; labs/02 2단계).
 *
 * The parent writes "hello mmap!" into a MAP_SHARED mapping and calls no msync. A second process
 * (a child that opens the file on its own) then sees the new bytes both with read(2) and through its
 * own mapping: they all use the same page cache pages. After munmap(2), still without msync, a new
 * open sees them too. msync is about durability, not visibility. */
#include "exp.h"

#include <sys/wait.h>

/* What another process sees of the first 11 bytes, through read(2) and through its own mapping. */
static void look_from_another_process(const char *path, const char *read_name, const char *map_name)
{
	fflush(stdout);
	pid_t pid = fork();
	CHECK(pid);
	if (pid == 0) {
		char buf[12] = { 0 };
		int fd = open(path, O_RDONLY);
		CHECK(fd);
		CHECK(read(fd, buf, 11));
		fact(read_name, "%s", buf);
		if (map_name) {
			char *map = check_map(mmap(NULL, 11, PROT_READ, MAP_SHARED, fd, 0), "child");
			fact(map_name, "%.11s", map);
			CHECK(munmap(map, 11));
		}
		CHECK(close(fd));
		fflush(stdout);
		_exit(0);
	}
	int status;
	CHECK(waitpid(pid, &status, 0));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "the other process failed\n");
		exit(1);
	}
}

int main(int argc, char **argv)
{
	const char *dir = work_dir(argc, argv);
	char path[4096];
	const char *text = "Goodbye, world! This line is longer than 11 bytes.\n";

	int fd = make_file(dir, "shared_visible.txt", text, strlen(text), path, sizeof path);
	char *map = check_map(mmap(NULL, strlen(text), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), "map");
	memcpy(map, "hello mmap!", 11);
	look_from_another_process(path, "other_process_read_without_msync",
	                          "other_process_mapping_without_msync");
	CHECK(munmap(map, strlen(text)));
	CHECK(close(fd));
	look_from_another_process(path, "read_after_munmap_without_msync", NULL);
	CHECK(unlink(path));
	return 0;
}
