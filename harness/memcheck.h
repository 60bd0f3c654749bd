/* memcheck.h - read the text report that Valgrind Memcheck writes with --log-file.
 *
 * Valgrind 3.18-3.22 write the same shape: lines prefixed "==PID== ", errors as a title line followed
 * by "   at 0x...: fn (file.c:12)" / "   by ..." frames, a FILE DESCRIPTORS section with --track-fds=yes,
 * a LEAK SUMMARY and an ERROR SUMMARY. The report may hold bytes chosen by the program (paths), so the
 * reader accepts any input without crashing. */
#ifndef MMAPLAB_MEMCHECK_H
#define MMAPLAB_MEMCHECK_H

#include <stdbool.h>
#include <stddef.h>

/* One stack frame: "main (read_map.c:23)" or "malloc (in /usr/lib/...)". */
struct memcheck_frame {
	char *function;   /* "main", or NULL when valgrind printed only an address */
	char *file;       /* "read_map.c", or NULL when the frame had no file:line */
	int line;         /* 0 when unknown */
	char *object;     /* "(in /usr/lib/x.so)" object path, or NULL */
};

enum memcheck_finding_kind {
	MEMCHECK_ERROR,       /* "Invalid read of size 1", "Conditional jump ...", "Syscall param ..." ... */
	MEMCHECK_LEAK,        /* "N bytes in M blocks are definitely|indirectly|possibly lost ..." */
	MEMCHECK_OPEN_FD,     /* "Open file descriptor N: path", also "Open AF_UNIX socket N: ...";
	                         descriptors inherited from the parent (Valgrind's own log file
	                         among them) are reported too, with fd_inherited set */
};

struct memcheck_finding {
	enum memcheck_finding_kind kind;
	char *title;                  /* the first line without the "==PID== " prefix */
	/* MEMCHECK_LEAK */
	char *leak_kind;              /* "definitely", "indirectly", "possibly", "still reachable" */
	long long leak_bytes;         /* for "64 (32 direct, 32 indirect) bytes", the direct 32, so that
	                                 the records add up to the LEAK SUMMARY */
	long long leak_blocks;
	/* MEMCHECK_OPEN_FD */
	int fd;
	char *fd_path;                /* as valgrind printed it (may be relative), or NULL if none */
	bool fd_inherited;            /* "<inherited from parent>": the program did not open it */
	/* the stack of the finding ("at" and "by" frames, first = innermost), without the frames of an
	   "Address ... alloc'd" sub-stack */
	struct memcheck_frame *frames;
	size_t nframes;
};

struct memcheck_report {
	/* When the program forks, both processes write into the same report: the counts below add up
	   over the processes, and complete refers to the first process (the program itself). */
	bool complete;                /* the report reached its ERROR SUMMARY line */
	long long error_count;        /* from "ERROR SUMMARY: N errors", -1 if absent */
	long long definitely_lost_bytes, definitely_lost_blocks;  /* from LEAK SUMMARY; 0 if absent */
	long long indirectly_lost_bytes, indirectly_lost_blocks;
	struct memcheck_finding *findings;
	size_t count;
};

/* Parses buf[0..len) (allocation uses util.h's x* functions). Returns 0. The _file variant
 * returns -1 with errno set when the file cannot be read. */
int memcheck_parse(const char *buf, size_t len, struct memcheck_report *out);
int memcheck_parse_file(const char *path, struct memcheck_report *out);
void memcheck_free(struct memcheck_report *r);

/* The first frame of a finding that has a source file and line ("read_map.c:23"), skipping frames
 * inside libraries; NULL if there is none. A library with debug information installed (Debian's
 * libc6-dbg, which Valgrind recommends) has file:line frames too, e.g. "write (write.c:26)" above
 * main; memcheck_source_frame avoids that. */
const struct memcheck_frame *memcheck_user_frame(const struct memcheck_finding *f);

/* The first frame of a finding whose file is one of sources[0..nsources) (compared by base name,
 * since Valgrind prints "read_map.c" for "/tmp/x/read_map.c"); NULL if there is none. */
const struct memcheck_frame *memcheck_source_frame(const struct memcheck_finding *f,
                                                   const char *const *sources, size_t nsources);

#endif
