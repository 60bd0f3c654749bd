/*
 * expect: build=pass read-mode=pass mmap-mode=pass mmap-seq=pass mmap-populate=pass random-pread=pass random-mmap=pass errors=pass
 * why: 모드마다 함수를 하나씩 두고 이름과 함수 포인터의 표로 고르는 답안이다. read 모드는 fread 없이 read()만 쓰고, 버퍼가 64KiB 이하면 스택의 가변 길이 배열(VLA)에, 그보다 크면 malloc한 메모리에 잡는다.
 * why: 채점기가 주는 --buffer 3001은 VLA에 들어가고, 1GiB까지 오는 큰 버퍼는 malloc으로 가므로 스택이 넘치지 않는다. 어느 버퍼든 read에는 매번 정확히 --buffer바이트를 요청한다.
 * why: 매핑 모드들은 함수가 따로지만 모두 전체를 한 번 매핑하고 같은 주소와 길이로 해제하며, 무작위 모드는 README의 xorshift64와 리틀 엔디언 조립을 쓴다. 빈 파일과 명령줄, 시스템 호출 오류도 처리하므로 모든 검사를 통과해야 한다.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define STACK_LIMIT 65536

struct job {
	const char *path;
	int fd;
	size_t size;       /* st_size, for the modes that need it */
	size_t buffer;
	uint64_t lookups, seed;
	uint64_t lines, sum;
};

static void tally(struct job *j, const unsigned char *p, const unsigned char *end)
{
	while (p < end) {
		unsigned char c = *p++;
		j->lines += c == '\n';
		j->sum += c;
	}
}

static int read_into(struct job *j, unsigned char *buf)
{
	ssize_t n;
	while ((n = read(j->fd, buf, j->buffer)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			perror("read");
			return -1;
		}
		tally(j, buf, buf + n);
	}
	return 0;
}

static int mode_read(struct job *j)
{
	if (j->buffer <= STACK_LIMIT) {
		unsigned char buf[j->buffer];
		return read_into(j, buf);
	}
	unsigned char *buf = malloc(j->buffer);
	if (buf == NULL) {
		perror("malloc");
		return -1;
	}
	int r = read_into(j, buf);
	free(buf);
	return r;
}

static unsigned char *map_all(struct job *j, int flags)
{
	unsigned char *p = mmap(NULL, j->size, PROT_READ, flags, j->fd, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return NULL;
	}
	return p;
}

static int unmap_all(struct job *j, unsigned char *p)
{
	if (munmap(p, j->size) == -1) {
		perror("munmap");
		return -1;
	}
	return 0;
}

static int mode_mmap(struct job *j)
{
	if (j->size == 0)
		return 0;
	unsigned char *p = map_all(j, MAP_SHARED);
	if (!p)
		return -1;
	tally(j, p, p + j->size);
	return unmap_all(j, p);
}

static int mode_mmap_seq(struct job *j)
{
	if (j->size == 0)
		return 0;
	unsigned char *p = map_all(j, MAP_SHARED);
	if (!p)
		return -1;
	if (madvise(p, j->size, MADV_SEQUENTIAL) == -1) {
		perror("madvise");
		unmap_all(j, p);
		return -1;
	}
	tally(j, p, p + j->size);
	return unmap_all(j, p);
}

static int mode_mmap_populate(struct job *j)
{
	if (j->size == 0)
		return 0;
	unsigned char *p = map_all(j, MAP_SHARED | MAP_POPULATE);
	if (!p)
		return -1;
	tally(j, p, p + j->size);
	return unmap_all(j, p);
}

static uint64_t step(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

static uint64_t le64(const unsigned char *b)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)b[i] << (8 * i);
	return v;
}

static int random_check(struct job *j)
{
	if (j->size < 8) {
		fprintf(stderr, "%s: %zu bytes is too small for 8-byte lookups\n", j->path, j->size);
		return -1;
	}
	return 0;
}

static int mode_random_pread(struct job *j)
{
	if (random_check(j))
		return -1;
	uint64_t x = j->seed ? j->seed : 0x9E3779B97F4A7C15ULL;
	unsigned char b[8];
	for (uint64_t i = 0; i < j->lookups; i++) {
		off_t off = (off_t)(step(&x) % (j->size - 7));
		ssize_t n = pread(j->fd, b, sizeof b, off);
		if (n != (ssize_t)sizeof b) {
			if (n < 0)
				perror("pread");
			else
				fprintf(stderr, "pread: short read\n");
			return -1;
		}
		j->sum += le64(b);
	}
	return 0;
}

static int mode_random_mmap(struct job *j)
{
	if (random_check(j))
		return -1;
	unsigned char *p = map_all(j, MAP_SHARED);
	if (!p)
		return -1;
	uint64_t x = j->seed ? j->seed : 0x9E3779B97F4A7C15ULL;
	for (uint64_t i = 0; i < j->lookups; i++)
		j->sum += le64(p + step(&x) % (j->size - 7));
	return unmap_all(j, p);
}

static const struct {
	const char *name;
	int (*run)(struct job *);
	int random;
} modes[] = {
	{ "read", mode_read, 0 },
	{ "mmap", mode_mmap, 0 },
	{ "mmap-seq", mode_mmap_seq, 0 },
	{ "mmap-populate", mode_mmap_populate, 0 },
	{ "random-pread", mode_random_pread, 1 },
	{ "random-mmap", mode_random_mmap, 1 },
};

static void usage(void)
{
	fputs("usage: scan MODE FILE [--buffer BYTES] [--lookups N] [--seed S]\n", stderr);
	exit(2);
}

static uint64_t value(const char *s)
{
	char *end;
	if (*s < '0' || *s > '9')
		usage();
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end)
		usage();
	return v;
}

int main(int argc, char *argv[])
{
	struct job j = { .buffer = 65536, .lookups = 1000000, .seed = 1 };
	size_t m, nmodes = sizeof modes / sizeof modes[0];

	if (argc < 3)
		usage();
	for (m = 0; m < nmodes; m++)
		if (strcmp(modes[m].name, argv[1]) == 0)
			break;
	if (m == nmodes)
		usage();
	j.path = argv[2];
	for (int i = 3; i < argc; i += 2) {
		if (i + 1 == argc)
			usage();
		uint64_t v = value(argv[i + 1]);
		if (strcmp(argv[i], "--buffer") == 0) {
			if (v == 0 || v > ((uint64_t)1 << 30))
				usage();
			j.buffer = (size_t)v;
		} else if (strcmp(argv[i], "--lookups") == 0) {
			j.lookups = v;
		} else if (strcmp(argv[i], "--seed") == 0) {
			j.seed = v;
		} else {
			usage();
		}
	}

	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	j.fd = open(j.path, O_RDONLY);
	if (j.fd < 0) {
		fprintf(stderr, "scan: cannot open %s: %s\n", j.path, strerror(errno));
		return 1;
	}
	if (m != 0) {
		struct stat st;
		if (fstat(j.fd, &st) < 0) {
			perror("fstat");
			close(j.fd);
			return 1;
		}
		j.size = (size_t)st.st_size;
	}
	if (modes[m].run(&j) != 0) {
		close(j.fd);
		return 1;
	}
	if (close(j.fd) < 0) {
		perror("close");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9;
	if (modes[m].random)
		printf("%s lookups=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", modes[m].name, j.lookups, j.sum, s);
	else
		printf("%s lines=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", modes[m].name, j.lines, j.sum, s);
	return 0;
}
