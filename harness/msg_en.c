/* msg_en.c - the grader's messages in English (--lang=en). */
#include "msg.h"

const char *const msg_en[M_COUNT] = {
	/* labs */
	[M_LAB_READ_MAP] = "print every byte of a file through a read-only memory mapping",
	[M_LAB_WRITE_MSYNC] = "write hello mmap! into a file through a read-write mapping and msync it",

	/* check titles */
	[M_T_BUILD] = "it compiles",
	[M_T_OPEN_READ] = "opens the input file read-only (O_RDONLY)",
	[M_T_OPEN_RDWR] = "opens the input file read-write (O_RDWR)",
	[M_T_SIZE] = "learns the file's size from the file before mapping",
	[M_T_MMAP_READ] = "maps the whole file PROT_READ, MAP_SHARED",
	[M_T_MMAP_WRITE] = "maps the whole file PROT_READ|PROT_WRITE, MAP_SHARED",
	[M_T_RUN] = "exits with status 0 on the normal file",
	[M_T_OUTPUT] = "standard output is exact",
	[M_T_CONTENT] = "the file starts with hello mmap! and is otherwise unchanged",
	[M_T_MSYNC] = "synchronizes the mapping with msync(MS_SYNC)",
	[M_T_MUNMAP] = "unmaps the mapping with munmap",
	[M_T_CLOSE] = "closes the input file's descriptor",
	[M_T_VALGRIND] = "Valgrind Memcheck finds no error, leak or open descriptor",
	[M_T_ERROR_OPEN] = "reports on stderr and fails when the file is missing",
	[M_T_ERROR_MMAP] = "reports on stderr and fails when mmap fails",
	[M_T_ERROR_MSYNC] = "reports on stderr and fails when msync fails",
	[M_T_EMPTY_FILE] = "prints File size is 0 for an empty file without mapping it",
	[M_T_SHORT_FILE] = "grows or refuses a file shorter than hello mmap!",

	/* hints */
	[M_H_BUILD] = "Fix the first error the compiler reports first: later errors often follow from it.",
	[M_H_OPEN_READ] = "Open with open(path, O_RDONLY): a read-only mapping needs no write access.",
	[M_H_OPEN_RDWR] = "Open with open(path, O_RDWR): a PROT_WRITE, MAP_SHARED mapping needs a descriptor open for writing too.",
	[M_H_SIZE] = "Call fstat(fd, &st) before mmap and use st.st_size as the length; check its return value too.",
	[M_H_MMAP_READ] = "Call mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0) and compare the result with MAP_FAILED.",
	[M_H_MMAP_WRITE] = "Call mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0). Stores to a MAP_PRIVATE mapping never reach the file.",
	[M_H_RUN] = "Look at the exit status or signal in the evidence. SIGSEGV or SIGBUS means a load or store outside the mapping.",
	[M_H_OUTPUT] = "Print printf(\"File size is %%jd\\n\", (intmax_t)st.st_size) first, then each byte with printf(\"Found character %%c at %%jd\\n\", map[i], (intmax_t)i).",
	[M_H_CONTENT] = "Store hello mmap! in the first 11 bytes of the mapping, without the terminating NUL (memcpy, not strcpy).",
	[M_H_MSYNC] = "Call msync(map, st.st_size, MS_SYNC) before munmap and check its result. On Linux the file looks changed even without msync, but only MS_SYNC guarantees it reached the disk.",
	[M_H_MUNMAP] = "Call munmap(map, st.st_size) with the address mmap returned and the same length, and check its result.",
	[M_H_CLOSE] = "The descriptor may be closed right after mmap; whichever way the program ends, call close(fd).",
	[M_H_VALGRIND] = "Look at the file:line in the evidence. Free what you malloc and close every file you open.",
	[M_H_ERROR_OPEN] = "When open returns -1, report it on stderr (perror(\"open\")) and exit with EXIT_FAILURE.",
	[M_H_ERROR_MMAP] = "Compare mmap's result with MAP_FAILED, not NULL; on failure call perror(\"mmap\") and exit with EXIT_FAILURE.",
	[M_H_ERROR_MSYNC] = "When msync returns -1, report it with perror(\"msync\") and exit with EXIT_FAILURE: exiting with success hides lost data.",
	[M_H_EMPTY_FILE] = "mmap with length 0 fails with EINVAL. When the size is 0, print File size is 0 and exit 0 without mapping.",
	[M_H_SHORT_FILE] = "When the file is shorter than 11 bytes, grow it first with ftruncate(fd, 11) and map the new length, or report on stderr and fail.",
	[M_H_SHORT_LOST] = "The file holds only %1$zu bytes. A mapping covers whole pages: the rest of the last page is zero-filled memory, and bytes stored there are never written to the file. Grow the file with ftruncate before storing past byte %2$zu.",

	/* lab perf */
	[M_LAB_PERF] = "scan one file with read() and several kinds of mmap, and measure which is faster",
	[M_T_PERF_READ] = "read mode: reads with the requested buffer size, exact result",
	[M_T_PERF_MMAP] = "mmap mode: maps the file once and scans it, exact result",
	[M_T_PERF_SEQ] = "mmap-seq mode: madvise(MADV_SEQUENTIAL) on the mapping",
	[M_T_PERF_POPULATE] = "mmap-populate mode: maps with MAP_POPULATE",
	[M_T_PERF_PREAD] = "random-pread mode: one pread of 8 bytes per lookup",
	[M_T_PERF_RANDOM_MMAP] = "random-mmap mode: lookups through the mapping, no pread",
	[M_T_PERF_ERRORS] = "handles a bad mode, a missing file and an empty file",
	[M_H_PERF_READ] = "Allocate a buffer of the --buffer size and repeat read(fd, buf, size). Add bytes as unsigned char so that no negative values creep in.",
	[M_H_PERF_MMAP] = "mmap the whole file once, scan it, then munmap it. This mode calls no read.",
	[M_H_PERF_SEQ] = "Call madvise(map, len, MADV_SEQUENTIAL) with the address and length of the mapping and check its result.",
	[M_H_PERF_POPULATE] = "Pass MAP_SHARED | MAP_POPULATE as mmap's flags.",
	[M_H_PERF_PREAD] = "Call pread(fd, &v, 8, offset) exactly once per lookup; make no mapping.",
	[M_H_PERF_RANDOM_MMAP] = "Map the file once and read with memcpy(&v, map + offset, 8); call no pread.",
	[M_H_PERF_ERRORS] = "An unknown mode prints the usage on stderr and exits 2; a file that cannot be opened exits 1 after perror. An empty file prints lines=0 sum=0 without mapping.",
	[M_PERF_EXPECT_LINE] = "one line on stdout: \"%s seconds=<elapsed>\"",
	[M_PERF_WRONG_LINE] = "the printed result is not exact",
	[M_PERF_READ_IN_MMAP_MODE] = "an mmap mode read the file with %s",
	[M_PERF_NO_MAPPING] = "no successful mmap of the file",
	[M_PERF_MAPPINGS] = "the file must be mapped once, but was mapped %zu times",
	[M_PERF_MAPPED_IN_READ_MODE] = "the file was mapped in a mode that must not map it",
	[M_PERF_NO_READ] = "no read call reads the file",
	[M_PERF_BUFFER_SIZE] = "read asked for %1$lld bytes (it must be the %2$d bytes given with --buffer)",
	[M_PERF_READ_OK] = "%1$zu reads, each asking for %2$d bytes, exact result",
	[M_PERF_MMAP_OK] = "maps the file once, scans and unmaps it, exact result",
	[M_PERF_MADVISE_OK] = "MADV_SEQUENTIAL on the mapping, exact result",
	[M_PERF_NO_MADVISE] = "no madvise(MADV_SEQUENTIAL) on the mapping",
	[M_PERF_MADVISE_PARTIAL] = "madvise(MADV_SEQUENTIAL) covers only part of the mapping (it must cover its whole address and length)",
	[M_PERF_NO_POPULATE] = "mmap's flags %s lack MAP_POPULATE",
	[M_PERF_POPULATE_OK] = "maps with MAP_POPULATE, exact result",
	[M_PERF_PREAD_COUNT] = "%1$zu pread calls (there must be one per lookup, %2$d)",
	[M_PERF_PREAD_SIZE] = "pread asked for %lld bytes (a lookup reads 8 bytes)",
	[M_PERF_PREAD_OK] = "one pread per lookup (%zu), exact result",
	[M_PERF_RANDOM_MMAP_OK] = "%d lookups through the mapping without pread, exact result",
	[M_PERF_ERRORS_EXPECT] = "unknown mode: usage on stderr, exit status 2; missing file: message on stderr, exit status 1; empty file: lines=0 sum=0 without mapping",
	[M_PERF_ERROR_RUN] = "the %1$s run must write a message on stderr and exit with status %2$d",
	[M_PERF_EMPTY] = "on an empty file the %s mode did not print lines=0 sum=0 and exit 0",
	[M_PERF_ERRORS_OK] = "handles a bad mode, a missing file and an empty file",

	/* build */
	[M_BUILD_OK] = "it compiles",
	[M_BUILD_WARNINGS] = "There are warnings. They cost no points, but they usually point at bugs: fix them.",
	[M_BUILD_FAILED] = "it does not compile",
	[M_BUILD_TIMEOUT] = "the compiler was stopped at its time or output limit",

	/* open */
	[M_OPEN_OK] = "opens the input file %s",
	[M_OPEN_EXPECT] = "an open or openat of %1$s with %2$s",
	[M_OPEN_NONE] = "no call opens %s",
	[M_OPEN_FAILED] = "the open of the input file failed with %s",
	[M_OPEN_WRONG_MODE] = "the input file was opened %1$s (it must be %2$s)",

	/* size */
	[M_SIZE_OK] = "learns the size with %s before mapping",
	[M_SIZE_EXPECT] = "fstat, stat, statx or lseek(SEEK_END) on the input file before mmap",
	[M_SIZE_AFTER_MAP] = "the size is learned only after mmap",
	[M_SIZE_NONE] = "no call learns the size from the file (fstat, stat, statx, lseek)",

	/* mmap */
	[M_MMAP_OK] = "maps %1$llu bytes (at %2$#llx)",
	[M_MMAP_EXPECT] = "a successful mmap of length %1$llu (or %2$llu, rounded up to pages), %3$s, MAP_SHARED, offset 0",
	[M_MMAP_NONE] = "no mmap call maps %s",
	[M_MMAP_FAILED] = "the input file's mmap failed with %s",
	[M_MMAP_PROT] = "protection is %1$s (it must be %2$s)",
	[M_MMAP_PRIVATE_WRITE] = "flags are %s: stores to a private mapping never reach the file, so it must be MAP_SHARED",
	[M_MMAP_FLAGS] = "flags %s lack MAP_SHARED",
	[M_MMAP_OFFSET] = "offset is %lld (it must be 0)",
	[M_MMAP_LENGTH] = "length is %1$llu; the file holds %2$llu bytes",
	[M_MMAP_PRIVATE_NOTE] = "MAP_PRIVATE was used: a read-only mapping behaves the same as MAP_SHARED, so it passes.",

	/* run */
	[M_RUN_OK] = "exits with status 0 (%.2f s)",
	[M_RUN_NOT_STARTED] = "the program could not be run: %s",
	[M_RUN_TIMEOUT] = "stopped at the time limit after %d s: look for an endless loop or a wait for input",
	[M_RUN_FLOOD] = "stopped for printing too much (over the limit)",
	[M_RUN_SIGNAL] = "killed by signal %s",
	[M_RUN_EXIT] = "exited with status %d (it must be 0)",
	[M_RUN_LEFT_BEHIND] = "the program ended, but a process it left behind kept running until the time limit (%d s): wait for child processes, or make none",
	[M_RUN_ORPHANS] = "%d processes were still alive after the program ended; the grader killed them",
	[M_EV_UNTRACED] = "(this happened in the untraced run)",

	/* output */
	[M_OUTPUT_OK] = "all %zu lines are exact",
	[M_OUTPUT_EXPECT] = "one line File size is %1$zu, then one line Found character C at I for each of the %2$zu bytes",
	[M_OUTPUT_EMPTY] = "nothing was printed on standard output",
	[M_OUTPUT_DIFF] = "standard output differs from the expected one",
	[M_OUTPUT_FLOOD] = "stopped after printing more than %zu bytes",
	[M_OUTPUT_LINE_WANT] = "line %1$zu expected: %2$s",
	[M_OUTPUT_LINE_GOT] = "line %1$zu actual:   %2$s",

	/* content */
	[M_CONTENT_OK] = "the file starts with hello mmap!; its other bytes and its size are unchanged",
	[M_CONTENT_EXPECT] = "the file still %zu bytes long, with only its first 11 bytes changed to hello mmap!",
	[M_CONTENT_GONE] = "the input file is gone after the run",
	[M_CONTENT_SIZE] = "the file's size changed from %1$zu to %2$zu bytes",
	[M_CONTENT_DIFF] = "the file's content differs from the expected one",
	[M_CONTENT_FIRST_DIFF] = "first differing byte: offset %zu",

	/* msync */
	[M_MSYNC_OK] = "synchronizes the mapping with %s",
	[M_MSYNC_EXPECT] = "msync(%1$#llx, at least %2$zu bytes, MS_SYNC) returning 0 before munmap",
	[M_MSYNC_NONE] = "no msync of the mapping. On Linux the file looks changed even without msync, but nothing guarantees it reached the disk",
	[M_MSYNC_FAILED] = "msync failed with %s",
	[M_MSYNC_NOT_SYNC] = "flags are %s: MS_SYNC is required (MS_ASYNC has done nothing since Linux 2.6.19, and MS_INVALIDATE alone writes nothing)",
	[M_MSYNC_RANGE] = "msync's range does not cover the bytes written (the first 11 bytes of the mapping)",
	[M_MSYNC_AFTER_MUNMAP] = "msync was called after munmap: an unmapped range cannot be synchronized",

	/* munmap */
	[M_MUNMAP_OK] = "unmaps the mapping at the address and length mmap used",
	[M_MUNMAP_EXPECT] = "munmap(%1$#llx, %2$llu) returning 0",
	[M_MUNMAP_NONE] = "no munmap of the mapping",
	[M_MUNMAP_ADDR] = "munmap's address %1$#llx differs from the address mmap returned, %2$#llx",
	[M_MUNMAP_LENGTH] = "munmap's length %1$lld unmaps %3$llu pages, not the mapping's %2$llu",
	[M_MUNMAP_FAILED] = "munmap failed with %s",
	[M_MUNMAP_LEFT] = "another mapping of the input file was never unmapped",

	/* close */
	[M_CLOSE_OK] = "closes every descriptor of the input file",
	[M_CLOSE_EXPECT] = "close(%ld) before exit",
	[M_CLOSE_MISSING] = "the input file's descriptor %ld was never closed",

	/* valgrind */
	[M_VG_OK] = "no memory error, leak or unclosed descriptor",
	[M_VG_EXPECT] = "0 errors, 0 bytes definitely or indirectly lost, no descriptor open at exit (the input file's own is judged by close)",
	[M_VG_FOUND] = "Valgrind found %1$zu memory errors, %2$zu leaks and %3$zu unclosed descriptors",
	[M_VG_TIMEOUT] = "stopped at the time limit under Valgrind after %d s",
	[M_VG_INCOMPLETE] = "Valgrind's report was not finished (the program ended abnormally)",

	/* error paths */
	[M_ERR_EXPECT] = "a message on standard error and a non-zero exit status (without a signal)",
	[M_ERR_EXIT0] = "it failed but exited with status 0 (success)",
	[M_ERR_STDOUT] = "exited with status %d, but printed its message on standard output instead of standard error",
	[M_ERR_SILENT] = "exited with status %d, but wrote nothing on standard error",
	[M_ERR_OPEN_OK] = "reports a missing file on stderr and exits with status %d",
	[M_ERR_MMAP_OK] = "reports mmap's ENOMEM on stderr and exits with status %d",
	[M_ERR_MSYNC_OK] = "reports msync's EIO on stderr and exits with status %d",

	/* empty file */
	[M_EMPTY_OK] = "prints File size is 0 for an empty file and exits 0 without mapping",
	[M_EMPTY_EXPECT] = "standard output \"File size is 0\\n\", exit status 0, no mmap of the input file",
	[M_EMPTY_MAPPED] = "tried to map the empty file: mmap with length 0 fails with EINVAL",
	[M_EMPTY_EXIT] = "exited with status %d on an empty file (it must be 0)",
	[M_EMPTY_OUTPUT] = "on an empty file, standard output is not the one line File size is 0",

	/* short file */
	[M_SHORT_GROWN] = "grew the short file and wrote hello mmap! (now %zu bytes)",
	[M_SHORT_REFUSED] = "left the short file unchanged, reported on stderr and exited with status %d",
	[M_SHORT_EXPECT] = "the %zu-byte file grown with ftruncate so that it starts with hello mmap!, or left unchanged with a message on stderr and a failing exit status",
	[M_SHORT_NO_MESSAGE] = "exited with status %d but wrote nothing on standard error",
	[M_SHORT_CHANGED_REFUSED] = "failed (exit status %d) but changed the file",
	[M_SHORT_NOTHING] = "left the short file unchanged and exited with success: it neither wrote hello mmap! nor refused",
	[M_SHORT_NOT_WRITTEN] = "changed the file from %1$zu to %2$zu bytes, but it does not start with hello mmap! (was the mapping shared?)",
	[M_SHORT_LOST] = "bytes stored past the end of the %1$zu-byte file were silently lost (the file has %2$zu bytes afterwards)",

	/* skips */
	[M_SKIP_BUILD] = "not judged: it does not compile",
	[M_SKIP_INTERRUPTED] = "not judged: the grading was interrupted",
	[M_SKIP_NOT_OPENED] = "not judged: %s was never opened (see the open check)",
	[M_SKIP_RUN_NOTHING] = "not judged: the program never even opened %s (an empty program earns no points)",
	[M_SKIP_NO_MAPPING] = "not judged: no mapping of the input file was made (see the mmap check)",
	[M_SKIP_NO_SHARED_MAPPING] = "not judged: the file is unchanged because there was no shared mapping (see the mmap check)",
	[M_SKIP_MMAP_EACCES] = "not judged: mmap failed with EACCES because the file was opened %s (see the open check)",
	[M_SKIP_ABNORMAL] = "not judged: the program ended abnormally, so its later calls cannot be seen (see the run check)",
	[M_SKIP_TIMEOUT] = "not judged: stopped at the time limit (see the run check)",
	[M_SKIP_NO_MMAP_CALL] = "not judged: the normal run made no mmap of the input file to inject a failure into (see the mmap check)",
	[M_SKIP_NO_MSYNC_CALL] = "not judged: the normal run made no msync of the mapping to inject a failure into (see the msync check)",
	[M_SKIP_INJECT_MISSED] = "not judged: the injected failure missed the input file's call (the program calls in a different order on every run); grade again",

	/* evidence */
	[M_EV_STRACE] = "strace: ",
	[M_EV_STDERR] = "stderr: ",
	[M_EV_STDOUT] = "stdout: ",
	[M_EV_COMPILER] = "compiler:\n",
	[M_EV_VALGRIND] = "Valgrind: ",
	[M_EV_WANT_BYTES] = "expected bytes: ",
	[M_EV_GOT_BYTES] = "actual bytes:   ",
	[M_EV_FILE_BEFORE] = "file before: ",
	[M_EV_FILE_AFTER] = "file after:  ",
	[M_EV_NOT_STARTED] = "could not be run: %s",
	[M_EV_TIMED_OUT] = "stopped under %1$s at the time limit after %2$d s",
	[M_EV_OUTPUT_CAPPED] = "stopped at the output limit",
	[M_EV_SIGNALED] = "killed by signal %s",
	[M_EV_EXITED] = "exited with status %d",

	/* report */
	[M_STATUS_PASS] = "PASS",
	[M_STATUS_FAIL] = "FAIL",
	[M_STATUS_SKIP] = "SKIP",
	[M_REPORT_TITLE] = "mmaplab %1$s: grading lab %2$s",
	[M_REPORT_SUBMISSION] = "submission: %s",
	[M_REPORT_SEED] = "seed: %llu",
	[M_REPORT_REPLAY] = "to replay this grading: %s",
	[M_REPORT_STEP_ONLY] = "grading only the checks of steps 1 to %d",
	[M_REPORT_EXPECTED] = "expected: ",
	[M_REPORT_HINT] = "hint: ",
	[M_REPORT_NOTE] = "note: ",
	[M_REPORT_SEE] = "read: %1$s/README.md step %2$d, man %3$s",
	[M_REPORT_SCORE] = "Score: %1$d/%2$d",
	[M_REPORT_ALL_PASSED] = "every check passed",
	[M_REPORT_ISOLATION] = "isolation: %s (docs-ko/security.md)",
	[M_OUTPUT_UNTRACED_DIFF] = "the output is right under strace but differs in the untraced run: a program that behaves differently when traced does not pass",
	[M_CONTENT_UNTRACED_DIFF] = "the file is right under strace but differs after the untraced run: a program that behaves differently when traced does not pass",
	[M_REPORT_KEPT] = "kept the scratch directory (each run's directory, and the logs and reports in logs/): %s",
	[M_REPORT_INTERRUPTED] = "grading interrupted; every process and temporary file was cleaned up",

	/* command line */
	[M_USAGE] =
		"usage:\n"
		"  mmaplab grade [--format=text|json|tap|gradescope] [--lang=ko|en] [--step=N] [--seed=N] [--keep] LAB SUBMISSION\n"
		"  mmaplab batch [-j N] [--seed=N] [--out DIR] [--resume] [--only ID] [--lang=ko|en] LAB SUBMISSIONS_DIR\n"
		"  mmaplab report DIR\n"
		"  mmaplab list [--format=json]\n"
		"  mmaplab --version\n"
		"\n"
		"labs: read-map, write-msync, perf\n"
		"SUBMISSION: one .c file, or a directory of .c files\n"
		"exit status: 0 every check passed, 1 a check failed or was skipped, 2 usage error or cannot grade here\n",
	[M_ERR_USAGE] = "%s (see mmaplab --help)",
	[M_ERR_BAD_VALUE] = "invalid value for %1$s: '%2$s'",
	[M_ERR_UNKNOWN_LAB] = "unknown lab '%s'; mmaplab list shows the labs",
	[M_ERR_NO_SUCH_PATH] = "submission '%s' does not exist",
	[M_ERR_CANNOT_READ] = "cannot read submission '%s'",
	[M_ERR_NOT_C_FILE] = "'%s' is neither a C source file (.c) nor a directory",
	[M_ERR_NO_C_FILES] = "directory '%s' holds no .c file",
	[M_ERR_TOOL_MISSING] = "%s not found; install it with sudo apt-get install build-essential strace valgrind",
	[M_ERR_NOEXEC] = "programs cannot be run from %s (a filesystem mounted noexec): set TMPDIR to a directory that allows execution",
	[M_ERR_PTRACE] =
		"strace cannot trace programs here (ptrace is not permitted). "
		"Under Docker run with --cap-add=SYS_PTRACE, and check that kernel.yama.ptrace_scope is not 3. "
		"See docs-ko/troubleshooting.md",

	/* batch, progress, class summary and report.html */
	[M_BATCH_SKIP_ENTRY] = "skipping '%s': neither a directory nor a .c file, so not a student",
	[M_BATCH_SKIP_HIDDEN] = "skipping the hidden entry '%s': not a student",
	[M_BATCH_SKIP_RESULTS] = "skipping '%s': it holds the results, not a student",
	[M_BATCH_SKIP_DUPLICATE] = "skipping '%s': another entry has the same student id",
	[M_BATCH_LOCKED] = "another batch is writing to '%s'; run again when it has finished",
	[M_BATCH_BAD_RESULT] = "'%1$s' cannot be read as a result of the %2$s lab",
	[M_BATCH_NOT_GRADED] = "not graded yet (--resume grades it)",
	[M_BATCH_OVERRAN] = "the grading did not end within %d seconds and was stopped",
	[M_BATCH_WORKER_STOPPED] = "the grading was stopped before it ended",
	[M_BATCH_WORKER_SIGNAL] = "the grader was killed by %1$s%2$s",
	[M_BATCH_WORKER_EXIT] = "the grader ended with exit status %1$d%2$s",
	[M_BATCH_OTHER_LAB] = "'%1$s' holds a batch of the %2$s lab; give another --out, or grade afresh without --resume and --only",
	[M_BATCH_SEED_CONFLICT] = "the batch in '%s' was graded with another seed; --resume and --only reuse the recorded seed, so leave out --seed",
	[M_BATCH_NO_STUDENT] = "there is no student '%1$s' in '%2$s'",
	[M_BATCH_EMPTY] = "'%s' holds no student to grade",
	[M_BATCH_START] = "%1$s: grading %2$zu students (of %3$zu, seed %4$llu, %5$d at once)",
	[M_BATCH_INTERRUPTED] = "interrupted; %1$zu students were graded (of %2$zu this time), --resume grades the others",
	[M_BATCH_WROTE] = "results: %s (summary.csv, report.html, a .json and a .txt per student)",
	[M_BATCH_WROTE_HTML] = "wrote %s/report.html",
	[M_BATCH_NO_RESULTS] = "'%s' holds no results",
	[M_BATCH_SUMMARY_HEAD] = "%1$s: %2$zu students, %3$zu graded, %4$zu could not be graded",
	[M_BATCH_SUMMARY_MEAN] = "mean %1$.1f of %2$d points",
	[M_BATCH_SUMMARY_CHECKS] = "students who passed each check",
	[M_BATCH_SUMMARY_SCORES] = "scores",
	[M_BATCH_POINTS] = "%d pt",
	[M_BATCH_POINT_RANGE] = "%1$d-%2$d pt",
	[M_PROGRESS_ESTIMATING] = "estimating time left",
	[M_PROGRESS_LEFT] = "about %1$ldm %2$lds left",
	[M_PROGRESS_FAILED] = "failed %1$zu (could not grade %2$zu)",
	[M_PROGRESS_NOT_GRADED] = "could not grade",
	[M_HTML_TITLE] = "%s: class results",
	[M_HTML_PASS_RATES] = "pass rate of each check",
	[M_HTML_CLASS] = "students",
	[M_HTML_SORT_HINT] = "Click a header to sort by that column, again to reverse; click a student id to open that student's report.",
	[M_HTML_STUDENT] = "student",
	[M_HTML_SCORE] = "score",
	[M_HTML_CHECK_TITLE] = "%1$s (%2$d pt)",
	[M_HTML_ERROR] = "why not graded",
	[M_HTML_REPORTS] = "reports",

	/* list */
	[M_LIST_LAB] = "%1$s (%2$s): %3$s",
	[M_LIST_STEP] = "  step %d",
	[M_LIST_CHECK] = "    %1$-12s %2$d pt  %3$s",
	[M_LIST_TOTAL] = "  total %d points",

	/* limits of a run's directory, Valgrind not needed */
	[M_LIMIT_DISK] = "used up the disk cap of its run directory (%llu MiB)",
	[M_LIMIT_INODES] = "used up the file cap of its run directory (%u files)",
	[M_H_LIMIT_SPACE] = "Look at the files your program creates in its directory. This lab needs no file but the input file: check that no loop keeps creating or growing files.",
	[M_SKIP_VG_TIMEOUT] = "Valgrind was not run: the run of the same input hit its time limit (see the %s check)",
	[M_SKIP_VG_FLOOD] = "Valgrind was not run: the run of the same input went over the output cap (see the %s check)",
	[M_SKIP_INJECT_UNREACHABLE] = "not judged: another process or thread of the normal run made as many %s calls, so strace cannot make that one call fail",
};
