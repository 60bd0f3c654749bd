/* memcheck.c - see memcheck.h.
 *
 * The report is read line by line. Each line is "==PID== " followed by a body whose indentation tells
 * what it is: no indentation starts a block (an error title, a leak record, an open descriptor, a
 * summary), three spaces are its "at"/"by" frames, and a single space starts a sub-block such as
 * " Address 0x.. is 0 bytes inside a block of size 8 alloc'd" whose own frames belong to another
 * stack and are not kept. A blank body ends the block. */
#include "memcheck.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* A report for these labs is a few kilobytes; this only bounds what a runaway program can cost. */
#define MEMCHECK_MAX_LOG_BYTES ((size_t)64 << 20)

/* Titles that start a block with a stack but are not errors: the description of a fatal signal
 * ("Process terminating with default action of signal 11 (SIGSEGV)") and Valgrind's warnings. */
static const char *const not_errors[] = {
	"Process terminating ",
	"Warning: ",
	"WARNING: ",
};

enum block_state {
	BLOCK_NONE,      /* between blocks */
	BLOCK_FINDING,   /* inside a finding; frames are collected */
	BLOCK_SUBSTACK,  /* inside a finding's sub-block; frames are skipped */
	BLOCK_LEAK_SUMMARY,
	BLOCK_OTHER,     /* a block that is not kept (headers, HEAP SUMMARY, ...) */
};

struct reader {
	struct memcheck_report *out;
	size_t cap;
	enum block_state state;
	struct memcheck_finding cur;   /* the finding being read, when state is FINDING/SUBSTACK */
	size_t frames_cap;
	bool cur_is_candidate_error;   /* an untyped title: an error only if a frame follows */
	long long block_pid;
	long long main_pid;            /* the first process in the report: the program itself */
};

/* True when s starts with prefix. */
static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* True for an ASCII decimal digit (not locale-dependent, unlike isdigit). */
static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Parses a count such as "4,096" at p. Returns the end, or NULL when there is no digit. Saturates. */
static const char *parse_count(const char *p, long long *value)
{
	long long v = 0;

	if (!is_digit(*p))
		return NULL;
	for (; is_digit(*p) || (*p == ',' && is_digit(p[1])); p++) {
		if (*p == ',')
			continue;
		if (v > (LLONG_MAX - (*p - '0')) / 10)
			v = LLONG_MAX;
		else
			v = v * 10 + (*p - '0');
	}
	*value = v;
	return p;
}

/* a + b for non-negative counts, saturating instead of overflowing (a report may hold any number). */
static long long add_counts(long long a, long long b)
{
	return a > LLONG_MAX - b ? LLONG_MAX : a + b;
}

/* Reads the "==PID== " prefix (also "--PID-- " and "**PID** ", which Valgrind uses for its own
 * messages). Sets *pid and *mark ('=', '-', '*') and returns the body after it, or NULL when the line
 * has no prefix. */
static const char *split_prefix(const char *line, long long *pid, char *mark)
{
	char m = line[0];
	const char *p;

	if ((m != '=' && m != '-' && m != '*') || line[1] != m)
		return NULL;
	p = parse_count(line + 2, pid);
	if (!p || p[0] != m || p[1] != m)
		return NULL;
	*mark = m;
	p += 2;
	/* The blank line of a report is "==PID== " (or "==PID==" when cut short). */
	return *p == ' ' ? p + 1 : p;
}

/* Releases what a frame owns. */
static void frame_free(struct memcheck_frame *f)
{
	free(f->function);
	free(f->file);
	free(f->object);
}

/* Releases what a finding owns. */
static void finding_free(struct memcheck_finding *f)
{
	free(f->title);
	free(f->leak_kind);
	free(f->fd_path);
	for (size_t i = 0; i < f->nframes; i++)
		frame_free(&f->frames[i]);
	free(f->frames);
}

/* Parses the location "(file.c:12)" or "(in /usr/lib/x.so)" held in loc[0..n) into f. */
static void parse_location(const char *loc, size_t n, struct memcheck_frame *f)
{
	size_t colon = n;

	if (n >= 3 && starts_with(loc, "in ")) {
		f->object = xstrndup(loc + 3, n - 3);
		return;
	}
	while (colon > 0 && loc[colon - 1] != ':')
		colon--;
	if (colon > 1 && colon < n) {
		long long line = 0;
		const char *end = parse_count(loc + colon, &line);

		if (end == loc + n && line <= INT_MAX) {
			f->file = xstrndup(loc, colon - 1);
			f->line = (int)line;
			return;
		}
	}
	/* Neither form: keep the text as the file so that nothing is lost. */
	f->file = xstrndup(loc, n);
}

/* Parses a frame body "at 0x1091AF: main (vg.c:5)" (after "at "/"by ") into f. The location is the
 * last balanced parenthesised group, because C++ names hold parentheses of their own:
 * "operator delete(void*, unsigned long) (in /usr/lib/...)". */
static void parse_frame(const char *body, struct memcheck_frame *f)
{
	const char *p = body + 3;
	const char *desc;
	size_t n;

	memset(f, 0, sizeof *f);
	while (*p && *p != ':' && *p != ' ')
		p++;
	if (*p != ':')
		return;
	desc = p + 1;
	while (*desc == ' ')
		desc++;
	n = strlen(desc);
	while (n > 0 && desc[n - 1] == ' ')
		n--;
	if (n > 0 && desc[n - 1] == ')') {
		size_t depth = 0, i = n;

		while (i > 0) {
			i--;
			if (desc[i] == ')')
				depth++;
			else if (desc[i] == '(' && --depth == 0)
				break;
		}
		/* "(below main)" alone is a name, not a location. */
		if (depth == 0 && i > 0 && desc[i - 1] == ' ') {
			parse_location(desc + i + 1, n - i - 2, f);
			n = i - 1;
			while (n > 0 && desc[n - 1] == ' ')
				n--;
		}
	}
	if (n > 0 && !(n == 3 && memcmp(desc, "???", 3) == 0))
		f->function = xstrndup(desc, n);
}

/* Appends a frame to the current finding. */
static void add_frame(struct reader *rd, const char *body)
{
	struct memcheck_finding *f = &rd->cur;

	if (f->nframes == rd->frames_cap) {
		rd->frames_cap = rd->frames_cap ? rd->frames_cap * 2 : 8;
		f->frames = xrealloc(f->frames, rd->frames_cap * sizeof *f->frames);
	}
	parse_frame(body, &f->frames[f->nframes++]);
}

/* Ends the current block, keeping its finding when it is one. */
static void end_block(struct reader *rd)
{
	bool keep = rd->state == BLOCK_FINDING || rd->state == BLOCK_SUBSTACK;

	/* An untyped title ("Thread 2:", a header line) becomes an error only when it had a stack. */
	if (keep && rd->cur_is_candidate_error && rd->cur.nframes == 0)
		keep = false;
	if (keep) {
		struct memcheck_report *r = rd->out;

		if (r->count == rd->cap) {
			rd->cap = rd->cap ? rd->cap * 2 : 16;
			r->findings = xrealloc(r->findings, rd->cap * sizeof *r->findings);
		}
		r->findings[r->count++] = rd->cur;
	} else if (rd->state == BLOCK_FINDING || rd->state == BLOCK_SUBSTACK) {
		finding_free(&rd->cur);
	}
	memset(&rd->cur, 0, sizeof rd->cur);
	rd->frames_cap = 0;
	rd->cur_is_candidate_error = false;
	rd->state = BLOCK_NONE;
}

/* Starts a finding of the given kind titled title. */
static void start_finding(struct reader *rd, enum memcheck_finding_kind kind, const char *title)
{
	memset(&rd->cur, 0, sizeof rd->cur);
	rd->cur.kind = kind;
	rd->cur.title = xstrdup(title);
	rd->cur.fd = -1;
	rd->frames_cap = 0;
	rd->state = BLOCK_FINDING;
}

/* Recognises "N [(D direct, I indirect) ]bytes in M blocks are KIND lost in loss record" (also
 * "are still reachable in loss record"). Returns true and starts the finding when it is one. For a
 * record that owns indirect blocks, leak_bytes is the direct part, so that the definite records
 * add up to the LEAK SUMMARY's "definitely lost". */
static bool try_leak(struct reader *rd, const char *title)
{
	static const char *const kinds[] = { "definitely", "indirectly", "possibly", "still reachable" };
	long long bytes, blocks, direct = -1;
	const char *p = parse_count(title, &bytes);

	if (!p || *p != ' ')
		return false;
	p++;
	if (*p == '(') {
		p = parse_count(p + 1, &direct);
		if (!p || !starts_with(p, " direct, "))
			return false;
		p = strchr(p, ')');
		if (!p || p[1] != ' ')
			return false;
		p += 2;
	}
	if (!starts_with(p, "bytes in "))
		return false;
	p = parse_count(p + strlen("bytes in "), &blocks);
	if (!p || !starts_with(p, " blocks are "))
		return false;
	p += strlen(" blocks are ");
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		size_t k = strlen(kinds[i]);

		if (strncmp(p, kinds[i], k) == 0 && p[k] == ' ' && strstr(p + k, "in loss record")) {
			start_finding(rd, MEMCHECK_LEAK, title);
			rd->cur.leak_kind = xstrdup(kinds[i]);
			rd->cur.leak_bytes = direct >= 0 ? direct : bytes;
			rd->cur.leak_blocks = blocks;
			return true;
		}
	}
	return false;
}

/* Recognises "Open file descriptor N: PATH" (PATH may be absent) and the socket forms "Open AF_UNIX
 * socket N: ...". Returns true and starts the finding when it is one. */
static bool try_open_fd(struct reader *rd, const char *title)
{
	const char *p;
	long long fd;

	if (starts_with(title, "Open file descriptor ")) {
		p = title + strlen("Open file descriptor ");
	} else if (starts_with(title, "Open AF_") || starts_with(title, "Open socket ")) {
		p = strstr(title, "socket ");
		if (!p)
			return false;
		p += strlen("socket ");
	} else {
		return false;
	}
	p = parse_count(p, &fd);
	if (!p || *p != ':' || fd > INT_MAX)
		return false;
	start_finding(rd, MEMCHECK_OPEN_FD, title);
	rd->cur.fd = (int)fd;
	p++;
	while (*p == ' ')
		p++;
	if (*p)
		rd->cur.fd_path = xstrdup(p);
	return true;
}

/* Reads "ERROR SUMMARY: N errors from ...". Totals add up over processes; the report is complete
 * once the program's own (first) process has written its summary. */
static void read_error_summary(struct reader *rd, const char *title, long long pid)
{
	long long n;
	const char *p = parse_count(title + strlen("ERROR SUMMARY: "), &n);

	if (!p)
		return;
	rd->out->error_count = rd->out->error_count < 0 ? n : add_counts(rd->out->error_count, n);
	if (pid == rd->main_pid)
		rd->out->complete = true;
}

/* Reads a "definitely lost: 42 bytes in 2 blocks" line of a LEAK SUMMARY. */
static void read_leak_summary_line(struct reader *rd, const char *body)
{
	struct memcheck_report *r = rd->out;
	long long bytes, blocks;
	long long *to_bytes, *to_blocks;
	const char *p;

	while (*body == ' ')
		body++;
	if (starts_with(body, "definitely lost: ")) {
		to_bytes = &r->definitely_lost_bytes;
		to_blocks = &r->definitely_lost_blocks;
	} else if (starts_with(body, "indirectly lost: ")) {
		to_bytes = &r->indirectly_lost_bytes;
		to_blocks = &r->indirectly_lost_blocks;
	} else {
		return;
	}
	p = parse_count(strchr(body, ':') + 2, &bytes);
	if (!p || !starts_with(p, " bytes in "))
		return;
	p = parse_count(p + strlen(" bytes in "), &blocks);
	if (!p)
		return;
	*to_bytes = add_counts(*to_bytes, bytes);
	*to_blocks = add_counts(*to_blocks, blocks);
}

/* Handles a line with no indentation: it starts a block. */
static void read_title(struct reader *rd, const char *body, long long pid)
{
	end_block(rd);
	rd->block_pid = pid;
	if (starts_with(body, "ERROR SUMMARY: ")) {
		read_error_summary(rd, body, pid);
		rd->state = BLOCK_OTHER;
		return;
	}
	if (starts_with(body, "LEAK SUMMARY:")) {
		rd->state = BLOCK_LEAK_SUMMARY;
		return;
	}
	if (try_leak(rd, body) || try_open_fd(rd, body))
		return;
	for (size_t i = 0; i < sizeof not_errors / sizeof not_errors[0]; i++) {
		if (starts_with(body, not_errors[i])) {
			rd->state = BLOCK_OTHER;
			return;
		}
	}
	start_finding(rd, MEMCHECK_ERROR, body);
	rd->cur_is_candidate_error = true;
}

/* Handles an indented line inside the current block. */
static void read_indented(struct reader *rd, const char *body)
{
	size_t indent = 0;
	const char *text;

	while (body[indent] == ' ')
		indent++;
	text = body + indent;
	switch (rd->state) {
	case BLOCK_LEAK_SUMMARY:
		read_leak_summary_line(rd, body);
		return;
	case BLOCK_FINDING:
		if (indent == 1) {
			/* " Address 0x... alloc'd", " Block was alloc'd at", " Uninitialised value was
			   created by ...": what follows is another stack. */
			rd->state = BLOCK_SUBSTACK;
		} else if (starts_with(text, "at 0x") || starts_with(text, "by 0x")) {
			add_frame(rd, text);
		} else if (starts_with(text, "<inherited from parent>") && rd->cur.kind == MEMCHECK_OPEN_FD) {
			rd->cur.fd_inherited = true;
		}
		return;
	default:
		return;
	}
}

/* Handles one line (NUL-terminated, without its newline). */
static void read_line(struct reader *rd, const char *line)
{
	long long pid;
	char mark;
	const char *body = split_prefix(line, &pid, &mark);

	if (!body || mark != '=')
		return;
	if (rd->main_pid < 0)
		rd->main_pid = pid;
	/* Two processes (a program that forks) write into the same file: a line of another process
	   never continues this block. */
	if (pid != rd->block_pid)
		end_block(rd);
	if (*body == '\0') {
		end_block(rd);
	} else if (*body != ' ') {
		read_title(rd, body, pid);
	} else if (rd->state != BLOCK_NONE) {
		read_indented(rd, body);
	}
}

/* Splits buf into lines and feeds them to the reader (see memcheck.h). */
int memcheck_parse(const char *buf, size_t len, struct memcheck_report *out)
{
	struct reader rd;
	size_t pos = 0;

	memset(out, 0, sizeof *out);
	out->error_count = -1;
	memset(&rd, 0, sizeof rd);
	rd.out = out;
	rd.main_pid = -1;
	rd.block_pid = -1;
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (buf + pos)) : len - pos;
		char *line = xstrndup(buf + pos, n);

		if (n > 0 && line[n - 1] == '\r')
			line[n - 1] = '\0';
		/* A NUL cannot come from Valgrind; the line is cut there, which only loses its tail. */
		read_line(&rd, line);
		free(line);
		pos += n + 1;
	}
	end_block(&rd);
	return 0;
}

/* Reads path (up to MEMCHECK_MAX_LOG_BYTES) and parses it; -1 with errno when it cannot be read. */
int memcheck_parse_file(const char *path, struct memcheck_report *out)
{
	char *data;
	size_t len;

	memset(out, 0, sizeof *out);
	out->error_count = -1;
	if (read_file(path, MEMCHECK_MAX_LOG_BYTES, &data, &len, NULL) == -1)
		return -1;
	memcheck_parse(data, len, out);
	free(data);
	return 0;
}

/* Releases everything memcheck_parse allocated and leaves r empty. */
void memcheck_free(struct memcheck_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->count; i++)
		finding_free(&r->findings[i]);
	free(r->findings);
	r->findings = NULL;
	r->count = 0;
}

/* The first frame with file:line that is not inside a shared object (see memcheck.h). */
const struct memcheck_frame *memcheck_user_frame(const struct memcheck_finding *f)
{
	if (!f)
		return NULL;
	for (size_t i = 0; i < f->nframes; i++) {
		const struct memcheck_frame *fr = &f->frames[i];

		if (fr->file && fr->line > 0 && !fr->object)
			return fr;
	}
	return NULL;
}

/* Returns the part of path after its last '/'. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The first frame with file:line whose file is one of the submission's sources (see memcheck.h). */
const struct memcheck_frame *memcheck_source_frame(const struct memcheck_finding *f,
                                                   const char *const *sources, size_t nsources)
{
	if (!f || !sources)
		return NULL;
	for (size_t i = 0; i < f->nframes; i++) {
		const struct memcheck_frame *fr = &f->frames[i];

		if (!fr->file || fr->line <= 0)
			continue;
		for (size_t j = 0; j < nsources; j++)
			if (sources[j] && strcmp(base_name(fr->file), base_name(sources[j])) == 0)
				return fr;
	}
	return NULL;
}
