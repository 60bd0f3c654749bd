/* build.h - find a submission's sources and compile them into one program. */
#ifndef MMAPLAB_BUILD_H
#define MMAPLAB_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "contain.h"
#include "msg.h"

struct sources {
	char **files;          /* absolute paths of the .c files, sorted */
	size_t count;
	char *include_dir;     /* the directory of the sources, for their headers */
};

/* Finds the sources of SUBMISSION: one .c file, or the .c files directly in a directory. Returns 0,
 * or -1 with *why set to the message that says what is wrong (no such path, not a C file, no .c
 * file in the directory, ...); *why_arg is a detail to format into it. */
int sources_find(const char *submission, struct sources *out, enum msg_id *why, const char **why_arg);
void sources_free(struct sources *s);

/* Copies the sources (and the headers beside them) into dir, so that the compile never needs the
 * submission's own directory (hidden from the runs). Fills out with the copies. Dies on failure:
 * dir is the grader's own. */
void sources_copy(const struct sources *s, const char *dir, struct sources *out);

/* Compiles the sources into program with the course's flags, as a sandboxed run with cwd dir
 * (confined by contain, or NULL). Returns true when the program was built; *output gets what the
 * compiler printed (malloc'd). */
bool build_program(const struct sources *s, const char *program, const char *dir,
                   const struct containment *contain, char **output, bool *timed_out, double *seconds);

/* The compiler flags, for the report and the docs. */
extern const char *const build_flags[];

#endif
