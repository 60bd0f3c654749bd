/* exp.h - what the experiments share: the output format, checked system calls, the filesystem of
 * the working directory, and touching a byte while catching SIGBUS and SIGSEGV.
 *
 * Output, one fact a line, so that tests/test_experiments.c can check it:
 *   fact: NAME=VALUE   behaviour the documents state; the same on every Linux they describe
 *   env: NAME=VALUE    depends on the filesystem, the kernel or the machine; printed, not asserted
 *   skip: NAME REASON  could not be observed here (the reason says why)
 * Each experiment takes the directory to work in (default ".") and leaves nothing behind in it. */
#ifndef EXP_H
#define EXP_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

/* A failed call is a broken experiment, not a fact: say which call and exit 1. */
#define CHECK(call)                                                                      \
	do {                                                                             \
		if ((call) == -1) {                                                      \
			fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,    \
			        strerror(errno));                                        \
			exit(1);                                                         \
		}                                                                        \
	} while (0)

static inline void *check_map(void *p, const char *what)
{
	if (p == MAP_FAILED) {
		fprintf(stderr, "mmap (%s): %s\n", what, strerror(errno));
		exit(1);
	}
	return p;
}

static inline void fact(const char *name, const char *fmt, ...)
{
	va_list ap;

	printf("fact: %s=", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static inline void env(const char *name, const char *fmt, ...)
{
	va_list ap;

	printf("env: %s=", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static inline void skip(const char *name, const char *reason)
{
	printf("skip: %s %s\n", name, reason);
}

/* The error name a failed call left, or "ok" (the facts compare names, not numbers). */
static inline const char *err_name(int failed)
{
	if (!failed)
		return "ok";
	switch (errno) {
	case EINVAL: return "EINVAL";
	case EACCES: return "EACCES";
	case ENOMEM: return "ENOMEM";
	case EBUSY: return "EBUSY";
	case EPERM: return "EPERM";
	case EBADF: return "EBADF";
	default: return strerrorname_np(errno) ? strerrorname_np(errno) : "unknown";
	}
}

/* The working directory's filesystem, by statfs(2)'s f_type: the facts that depend on it are only
 * printed (env:) and the test skips them on tmpfs and overlayfs. */
static inline const char *fs_name(const char *dir)
{
	struct statfs s;

	CHECK(statfs(dir, &s));
	switch ((unsigned long)s.f_type) {
	case 0xEF53: return "ext4";
	case 0x01021994: return "tmpfs";
	case 0x794c7630: return "overlayfs";
	case 0x58465342: return "xfs";
	case 0x9123683EUL: return "btrfs";
	default: return "other";
	}
}

/* A file in the working directory with the given contents; the path is kept for unlinking. */
static inline int make_file(const char *dir, const char *name, const void *data, size_t len,
                            char *path, size_t cap)
{
	snprintf(path, cap, "%s/%s", dir, name);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd);
	for (size_t done = 0; done < len;) {
		ssize_t n = write(fd, (const char *)data + done, len - done);
		CHECK(n);
		done += (size_t)n;
	}
	return fd;
}

static sigjmp_buf touch_env;
static volatile sig_atomic_t touch_sig;

static void touch_handler(int sig)
{
	touch_sig = sig;
	siglongjmp(touch_env, 1);
}

/* Reads (or writes) one byte at p and says what happened: "ok", "SIGBUS" or "SIGSEGV". The value
 * read goes to *out when out is not NULL. */
static inline const char *touch(volatile char *p, int write_it, char *out)
{
	struct sigaction sa = { 0 }, old_bus, old_segv;

	sa.sa_handler = touch_handler;
	sigemptyset(&sa.sa_mask);
	CHECK(sigaction(SIGBUS, &sa, &old_bus));
	CHECK(sigaction(SIGSEGV, &sa, &old_segv));
	touch_sig = 0;
	if (sigsetjmp(touch_env, 1) == 0) {
		if (write_it)
			*p = 'x';
		else if (out)
			*out = *p;
		else
			(void)*p;
	}
	CHECK(sigaction(SIGBUS, &old_bus, NULL));
	CHECK(sigaction(SIGSEGV, &old_segv, NULL));
	return touch_sig == SIGBUS ? "SIGBUS" : touch_sig == SIGSEGV ? "SIGSEGV" : "ok";
}

static inline const char *work_dir(int argc, char **argv)
{
	return argc > 1 ? argv[1] : ".";
}

#endif
