/* msg.h - every sentence the grader shows a person, by id; one table per language (msg_ko.c,
 * msg_en.c). A message may be a printf format: both tables use the same conversions in the same
 * order for an id (a test checks that). */
#ifndef MMAPLAB_MSG_H
#define MMAPLAB_MSG_H

#define MSG_IDS(X) \
	X(M_BUILD_FAILED) \
	X(M_BUILD_OK) \
	X(M_BUILD_TIMEOUT) \
	X(M_BUILD_WARNINGS) \
	X(M_CLOSE_EXPECT) \
	X(M_CLOSE_MISSING) \
	X(M_CLOSE_OK) \
	X(M_CONTENT_DIFF) \
	X(M_CONTENT_EXPECT) \
	X(M_CONTENT_FIRST_DIFF) \
	X(M_CONTENT_GONE) \
	X(M_CONTENT_OK) \
	X(M_CONTENT_SIZE) \
	X(M_EMPTY_EXIT) \
	X(M_EMPTY_EXPECT) \
	X(M_EMPTY_MAPPED) \
	X(M_EMPTY_OK) \
	X(M_EMPTY_OUTPUT) \
	X(M_ERR_BAD_VALUE) \
	X(M_ERR_CANNOT_READ) \
	X(M_ERR_EXIT0) \
	X(M_ERR_EXPECT) \
	X(M_ERR_MMAP_OK) \
	X(M_ERR_MSYNC_OK) \
	X(M_ERR_NOT_C_FILE) \
	X(M_ERR_NO_C_FILES) \
	X(M_ERR_NO_SUCH_PATH) \
	X(M_ERR_OPEN_OK) \
	X(M_ERR_PTRACE) \
	X(M_ERR_SILENT) \
	X(M_ERR_STDOUT) \
	X(M_ERR_TOOL_MISSING) \
	X(M_ERR_UNKNOWN_LAB) \
	X(M_ERR_USAGE) \
	X(M_EV_COMPILER) \
	X(M_EV_EXITED) \
	X(M_EV_FILE_AFTER) \
	X(M_EV_FILE_BEFORE) \
	X(M_EV_GOT_BYTES) \
	X(M_EV_NOT_STARTED) \
	X(M_EV_OUTPUT_CAPPED) \
	X(M_EV_SIGNALED) \
	X(M_EV_STDERR) \
	X(M_EV_STDOUT) \
	X(M_EV_STRACE) \
	X(M_EV_TIMED_OUT) \
	X(M_EV_VALGRIND) \
	X(M_EV_WANT_BYTES) \
	X(M_H_BUILD) \
	X(M_H_CLOSE) \
	X(M_H_CONTENT) \
	X(M_H_EMPTY_FILE) \
	X(M_H_ERROR_MMAP) \
	X(M_H_ERROR_MSYNC) \
	X(M_H_ERROR_OPEN) \
	X(M_H_MMAP_READ) \
	X(M_H_MMAP_WRITE) \
	X(M_H_MSYNC) \
	X(M_H_MUNMAP) \
	X(M_H_OPEN_RDWR) \
	X(M_H_OPEN_READ) \
	X(M_H_OUTPUT) \
	X(M_H_RUN) \
	X(M_H_SHORT_FILE) \
	X(M_H_SHORT_LOST) \
	X(M_H_SIZE) \
	X(M_H_VALGRIND) \
	X(M_LAB_READ_MAP) \
	X(M_LAB_WRITE_MSYNC) \
	X(M_LIST_CHECK) \
	X(M_LIST_LAB) \
	X(M_LIST_STEP) \
	X(M_LIST_TOTAL) \
	X(M_MMAP_EXPECT) \
	X(M_MMAP_FAILED) \
	X(M_MMAP_FLAGS) \
	X(M_MMAP_LENGTH) \
	X(M_MMAP_NONE) \
	X(M_MMAP_OFFSET) \
	X(M_MMAP_OK) \
	X(M_MMAP_PRIVATE_NOTE) \
	X(M_MMAP_PRIVATE_WRITE) \
	X(M_MMAP_PROT) \
	X(M_MSYNC_AFTER_MUNMAP) \
	X(M_MSYNC_EXPECT) \
	X(M_MSYNC_FAILED) \
	X(M_MSYNC_NONE) \
	X(M_MSYNC_NOT_SYNC) \
	X(M_MSYNC_OK) \
	X(M_MSYNC_RANGE) \
	X(M_MUNMAP_ADDR) \
	X(M_MUNMAP_EXPECT) \
	X(M_MUNMAP_FAILED) \
	X(M_MUNMAP_LEFT) \
	X(M_MUNMAP_LENGTH) \
	X(M_MUNMAP_NONE) \
	X(M_MUNMAP_OK) \
	X(M_OPEN_EXPECT) \
	X(M_OPEN_FAILED) \
	X(M_OPEN_NONE) \
	X(M_OPEN_OK) \
	X(M_OPEN_WRONG_MODE) \
	X(M_OUTPUT_DIFF) \
	X(M_OUTPUT_EMPTY) \
	X(M_OUTPUT_EXPECT) \
	X(M_OUTPUT_FLOOD) \
	X(M_OUTPUT_LINE_GOT) \
	X(M_OUTPUT_LINE_WANT) \
	X(M_OUTPUT_OK) \
	X(M_REPORT_ALL_PASSED) \
	X(M_REPORT_EXPECTED) \
	X(M_REPORT_HINT) \
	X(M_REPORT_INTERRUPTED) \
	X(M_REPORT_KEPT) \
	X(M_REPORT_NOTE) \
	X(M_REPORT_REPLAY) \
	X(M_REPORT_SCORE) \
	X(M_REPORT_SEE) \
	X(M_REPORT_SEED) \
	X(M_REPORT_STEP_ONLY) \
	X(M_REPORT_SUBMISSION) \
	X(M_REPORT_TITLE) \
	X(M_RUN_EXIT) \
	X(M_RUN_FLOOD) \
	X(M_RUN_NOT_STARTED) \
	X(M_RUN_OK) \
	X(M_RUN_ORPHANS) \
	X(M_RUN_SIGNAL) \
	X(M_RUN_TIMEOUT) \
	X(M_SHORT_CHANGED_REFUSED) \
	X(M_SHORT_EXPECT) \
	X(M_SHORT_GROWN) \
	X(M_SHORT_LOST) \
	X(M_SHORT_NOTHING) \
	X(M_SHORT_NO_MESSAGE) \
	X(M_SHORT_NOT_WRITTEN) \
	X(M_SHORT_REFUSED) \
	X(M_SIZE_AFTER_MAP) \
	X(M_SIZE_EXPECT) \
	X(M_SIZE_NONE) \
	X(M_SIZE_OK) \
	X(M_SKIP_ABNORMAL) \
	X(M_SKIP_BUILD) \
	X(M_SKIP_INJECT_MISSED) \
	X(M_SKIP_INTERRUPTED) \
	X(M_SKIP_MMAP_EACCES) \
	X(M_SKIP_NOT_OPENED) \
	X(M_SKIP_NO_MAPPING) \
	X(M_SKIP_NO_MMAP_CALL) \
	X(M_SKIP_NO_MSYNC_CALL) \
	X(M_SKIP_NO_SHARED_MAPPING) \
	X(M_SKIP_RUN_NOTHING) \
	X(M_SKIP_TIMEOUT) \
	X(M_STATUS_FAIL) \
	X(M_STATUS_PASS) \
	X(M_STATUS_SKIP) \
	X(M_T_BUILD) \
	X(M_T_CLOSE) \
	X(M_T_CONTENT) \
	X(M_T_EMPTY_FILE) \
	X(M_T_ERROR_MMAP) \
	X(M_T_ERROR_MSYNC) \
	X(M_T_ERROR_OPEN) \
	X(M_T_MMAP_READ) \
	X(M_T_MMAP_WRITE) \
	X(M_T_MSYNC) \
	X(M_T_MUNMAP) \
	X(M_T_OPEN_RDWR) \
	X(M_T_OPEN_READ) \
	X(M_T_OUTPUT) \
	X(M_T_RUN) \
	X(M_T_SHORT_FILE) \
	X(M_T_SIZE) \
	X(M_T_VALGRIND) \
	X(M_USAGE) \
	X(M_VG_EXPECT) \
	X(M_VG_FOUND) \
	X(M_VG_INCOMPLETE) \
	X(M_VG_OK) \
	X(M_VG_TIMEOUT) \

enum msg_id {
	M_NONE = 0,
#define MSG_ENUM(id) id,
	MSG_IDS(MSG_ENUM)
#undef MSG_ENUM
	M_COUNT
};

enum lang { LANG_KO, LANG_EN };

/* The language of every later msg(); Korean unless set. */
void msg_set_lang(enum lang lang);
enum lang msg_lang(void);

/* The text of m in the current language (never NULL). */
const char *msg(enum msg_id m);

/* The text of m in the given language, or NULL when the table lacks it (for tests). */
const char *msg_in(enum lang lang, enum msg_id m);

/* The id's name, e.g. "M_OPEN_OK" (for tests and diagnostics). */
const char *msg_name(enum msg_id m);

extern const char *const msg_ko[M_COUNT];
extern const char *const msg_en[M_COUNT];

#endif
