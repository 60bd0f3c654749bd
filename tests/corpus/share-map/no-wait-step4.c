/*
 * expect: build=pass open=pass size=pass mmap=pass fork=pass shared-write=pass wait=fail run=pass private=pass anon=skip output=skip munmap=pass close=pass valgrind=skip error-open=pass error-fork=pass error-mmap=pass
 * why: 부모가 세 번째 자식을 기다리지 않는다. wait만 실패한다. 줄 수와 출력, Valgrind 보고는 경쟁 상태에 달리므로 anon, output, valgrind는 판단하지 않고, 그 전 단계의 shared-write와 private은 통과한다.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAYLOAD_LEN 16
static const char greeting[] = "hello from child";
static const char private_edit[] = "private edit 123";

/* label, then exactly PAYLOAD_LEN bytes of the mapping, then a newline: the bytes are not a string
 * (no NUL after them) and may themselves hold a newline. */
static int print_payload(const char *label, const char *bytes)
{
	if (fputs(label, stdout) == EOF || fwrite(bytes, 1, PAYLOAD_LEN, stdout) != PAYLOAD_LEN ||
	    putchar('\n') == EOF) {
		perror("stdout");
		return -1;
	}
	return 0;
}

/* fork() with standard output flushed first: a child gets a copy of the parent's stdio buffer, and
 * a child that flushes it (exit, fflush) would print the parent's pending lines a second time. */
static pid_t fork_flushed(void)
{
	if (fflush(stdout) == EOF) {
		perror("fflush");
		return -1;
	}
	pid_t pid = fork();
	if (pid == -1)
		perror("fork");
	return pid;
}

/* Waits for the child and returns 0 when it exited normally with status 0; otherwise says why on
 * standard error and returns -1. */
static int wait_child(pid_t pid, const char *what)
{
	int status;
	pid_t got;

	do
		got = waitpid(pid, &status, 0);
	while (got == -1 && errno == EINTR);
	if (got == -1) {
		perror("waitpid");
		return -1;
	}
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "%s: child %ld was killed by signal %d\n", what, (long)pid, WTERMSIG(status));
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "%s: child %ld exited with status %d\n", what, (long)pid,
		        WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return -1;
	}
	return 0;
}

/* The children end with _exit: they have nothing of their own to flush, and exit() would also run
 * the parent's atexit handlers in the child. */

/* Step 2's child: the greeting goes into the shared mapping, so into the page cache of the file. */
static void shared_child(char *shared)
{
	memcpy(shared, greeting, PAYLOAD_LEN);
	_exit(EXIT_SUCCESS);
}

/* Step 3's child: the first store into the private mapping copies the page for this process only. */
static void private_child(char *private)
{
	memcpy(private, private_edit, PAYLOAD_LEN);
	if (print_payload("child sees: ", private) == -1 || fflush(stdout) == EOF)
		_exit(EXIT_FAILURE);
	_exit(EXIT_SUCCESS);
}

/* Step 4's child: counts the newline bytes of the whole file and hands the count to the parent
 * through the anonymous shared mapping. */
static void counting_child(const char *shared, size_t len, unsigned long *count)
{
	unsigned long lines = 0;

	for (size_t i = 0; i < len; i++)
		lines += shared[i] == '\n';
	*count = lines;
	_exit(EXIT_SUCCESS);
}

int main(int argc, char *argv[])
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	int status = EXIT_FAILURE;
	char *shared = MAP_FAILED, *private = MAP_FAILED;
	unsigned long *count = MAP_FAILED;
	size_t len = 0;
	struct stat st;
	pid_t pid;

	/* Step 1: open read-write (a shared writable mapping needs it), learn the size, map it all. */
	int fd = open(path, O_RDWR);
	if (fd == -1) {
		perror(path);
		return EXIT_FAILURE;
	}
	if (fstat(fd, &st) == -1) {
		perror("fstat");
		goto out;
	}
	if (printf("File size is %jd\n", (intmax_t)st.st_size) < 0) {
		perror("stdout");
		goto out;
	}
	if (st.st_size < PAYLOAD_LEN) {
		fprintf(stderr, "%s: %jd bytes, shorter than the %d bytes this program writes\n", path,
		        (intmax_t)st.st_size, PAYLOAD_LEN);
		goto out;
	}
	len = (size_t)st.st_size;
	shared = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (shared == MAP_FAILED) {
		perror("mmap(MAP_SHARED)");
		goto out;
	}

	/* Step 2: the child writes into the shared mapping; the parent reads it after the child ended. */
	pid = fork_flushed();
	if (pid == -1)
		goto out;
	if (pid == 0)
		shared_child(shared);
	if (wait_child(pid, "shared") == -1 || print_payload("parent sees: ", shared) == -1)
		goto out;

	/* Step 3: a private mapping of the same file; the child's store stays in the child's copy. */
	private = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (private == MAP_FAILED) {
		perror("mmap(MAP_PRIVATE)");
		goto out;
	}
	pid = fork_flushed();
	if (pid == -1)
		goto out;
	if (pid == 0)
		private_child(private);
	if (wait_child(pid, "private") == -1 || print_payload("parent still sees: ", private) == -1)
		goto out;

	/* Step 4: memory that belongs to no file, shared with the child. */
	count = mmap(NULL, sizeof *count, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (count == MAP_FAILED) {
		perror("mmap(MAP_ANONYMOUS)");
		goto out;
	}
	pid = fork_flushed();
	if (pid == -1)
		goto out;
	if (pid == 0)
		counting_child(shared, len, count);
	if (printf("child counted %lu lines\n", *count) < 0 || fflush(stdout) == EOF) {
		perror("stdout");
		goto out;
	}
	status = EXIT_SUCCESS;

	/* Step 5: undo everything, in every case; a failure here fails the program too. */
out:
	if (count != MAP_FAILED && munmap(count, sizeof *count) == -1) {
		perror("munmap(MAP_ANONYMOUS)");
		status = EXIT_FAILURE;
	}
	if (private != MAP_FAILED && munmap(private, len) == -1) {
		perror("munmap(MAP_PRIVATE)");
		status = EXIT_FAILURE;
	}
	if (shared != MAP_FAILED && munmap(shared, len) == -1) {
		perror("munmap(MAP_SHARED)");
		status = EXIT_FAILURE;
	}
	if (close(fd) == -1) {
		perror("close");
		status = EXIT_FAILURE;
	}
	return status;
}
