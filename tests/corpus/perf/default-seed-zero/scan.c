/* scan.c - 파일을 read()로, 또는 메모리 매핑(memory mapping)으로 훑어 걸린 시간을 잰다.

   사용법: ./scan MODE FILE [--buffer BYTES] [--lookups N] [--seed S]

   순차 모드(read, mmap, mmap-seq, mmap-populate)는 파일 전체를 한 번 훑어
       MODE lines=<'\n' 바이트 수> sum=<모든 바이트의 합 mod 2^64> seconds=<걸린 시간>
   을, 무작위 모드(random-pread, random-mmap)는 N개의 무작위 위치에서 8바이트씩 읽어
       MODE lookups=<N> sum=<읽은 8바이트 리틀 엔디언 값의 합 mod 2^64> seconds=<걸린 시간>
   을 한 줄 출력한다. 걸린 시간은 open 직전부터 close 직후까지다. 매핑을 만들고 페이지 폴트(page
   fault)를 처리하고 매핑을 해제하는 비용까지 모두 방법의 몫이기 때문이다.

   mmaplab 3번 실습(perf)의 참고 답안이다. 줄바꿈과 바이트 합을 세는 반복문은 scanloop.c에 있고,
   키트의 벤치마크(bench/mmap_bench.c)도 같은 파일을 링크해서 쓴다. 모든 시스템 호출(system call)의
   반환값을 확인하고, 실패하면 어떤 호출이 왜 실패했는지 표준 오류에 알린 뒤 종료 상태 1로, 명령줄이
   잘못되었으면 사용법을 알린 뒤 종료 상태 2로 끝난다. */

#include "scanloop.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define EXIT_USAGE 2

enum mode { READ, MMAP, MMAP_SEQ, MMAP_POPULATE, RANDOM_PREAD, RANDOM_MMAP };

static const char *const mode_names[] = {
	[READ] = "read", [MMAP] = "mmap", [MMAP_SEQ] = "mmap-seq", [MMAP_POPULATE] = "mmap-populate",
	[RANDOM_PREAD] = "random-pread", [RANDOM_MMAP] = "random-mmap",
};

struct options {
	enum mode mode;
	const char *path;
	size_t buffer;      /* read 모드에서 read() 한 번에 요청할 바이트 수 */
	uint64_t lookups;   /* 무작위 모드에서 읽을 횟수 */
	uint64_t seed;      /* 무작위 오프셋을 만드는 xorshift64의 시드 */
};

/* read() 한 번이 요청할 수 있는 크기의 상한. 리눅스는 한 번에 0x7ffff000바이트까지만 읽어 주므로,
   그보다 큰 요청은 "요청한 만큼 읽는다"는 약속을 지킬 수 없다. 넉넉하게 1GiB로 둔다. */
#define MAX_BUFFER ((size_t) 1 << 30)

static void usage(void)
{
	fputs("usage: scan MODE FILE [--buffer BYTES] [--lookups N] [--seed S]\n"
	      "  MODE: read, mmap, mmap-seq, mmap-populate, random-pread, random-mmap\n"
	      "  --buffer BYTES  read() size of the read mode (1..1073741824, default 65536)\n"
	      "  --lookups N     number of 8-byte lookups of the random modes (default 1000000)\n"
	      "  --seed S        seed of the random offsets (default 1)\n",
	      stderr);
	exit(EXIT_USAGE);
}

/* 10진수 부호 없는 정수만 받아들인다. strtoull은 앞의 공백과 '-'(음수를 아주 큰 양수로 바꾼다)를
   받아 주고, 넘치면 ULLONG_MAX를 돌려주므로 그런 경우를 직접 걸러 낸다. */
static bool parse_u64(const char *s, uint64_t *out)
{
	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno == ERANGE || *end != '\0')
		return false;
	*out = v;
	return true;
}

static void parse_args(int argc, char *argv[], struct options *o)
{
	*o = (struct options) { .buffer = 65536, .lookups = 1000000, .seed = 0 }; /* 버그: README의 기본값은 1이다 */
	if (argc < 3)
		usage();

	size_t m;
	for (m = 0; m < sizeof mode_names / sizeof mode_names[0]; m++)
		if (strcmp(argv[1], mode_names[m]) == 0)
			break;
	if (m == sizeof mode_names / sizeof mode_names[0]) {
		fprintf(stderr, "scan: unknown mode '%s'\n", argv[1]);
		usage();
	}
	o->mode = (enum mode) m;
	o->path = argv[2];

	/* 옵션은 모든 모드가 받아들인다. 그 모드에 쓰이지 않는 옵션은 무시한다. 벤치마크나 스크립트가
	   모드만 바꿔 가며 같은 옵션으로 부를 수 있게 하기 위해서다. */
	for (int i = 3; i < argc; i += 2) {
		const char *name = argv[i];
		uint64_t v;
		if (strcmp(name, "--buffer") != 0 && strcmp(name, "--lookups") != 0 && strcmp(name, "--seed") != 0) {
			fprintf(stderr, "scan: unknown option '%s'\n", name);
			usage();
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "scan: %s needs a value\n", name);
			usage();
		}
		if (!parse_u64(argv[i + 1], &v)) {
			fprintf(stderr, "scan: '%s' is not a number for %s\n", argv[i + 1], name);
			usage();
		}
		if (strcmp(name, "--buffer") == 0) {
			if (v == 0 || v > MAX_BUFFER) {
				fprintf(stderr, "scan: --buffer must be between 1 and %zu\n", MAX_BUFFER);
				usage();
			}
			o->buffer = (size_t) v;
		} else if (strcmp(name, "--lookups") == 0) {
			o->lookups = v;
		} else {
			o->seed = v;
		}
	}
}

static double now(void)
{
	struct timespec ts;
	/* CLOCK_MONOTONIC은 시계를 맞추느라 뒤로 가는 일이 없으므로 경과 시간을 재는 데 쓴다. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* read 모드: 같은 버퍼에 매번 정확히 bufsize바이트를 요청해 읽고, 읽은 만큼 훑는다.
   read()는 커널이 페이지 캐시(page cache)의 내용을 이 버퍼로 복사하는 시스템 호출이다. 버퍼가
   작으면 호출 횟수(호출마다 커널에 들어갔다 나오는 비용)가 늘고, 너무 크면 복사한 바이트가 CPU
   캐시에서 밀려나 반복문이 메모리에서 다시 읽어야 한다. */
static int scan_read(int fd, size_t bufsize, struct scan_total *t)
{
	void *buf;
	/* 버퍼를 페이지 경계에 맞춘다. 커널의 복사와 SIMD 읽기가 캐시 줄(64바이트) 경계를 덜 넘는다.
	   posix_memalign은 errno를 바꾸지 않고 오류 번호를 돌려준다. */
	int err = posix_memalign(&buf, 4096, bufsize);
	if (err != 0) {
		fprintf(stderr, "posix_memalign: %s\n", strerror(err));
		return -1;
	}
	for (;;) {
		ssize_t n = read(fd, buf, bufsize);
		if (n == -1) {
			if (errno == EINTR)   /* 시그널이 끊었을 뿐이므로 같은 크기로 다시 요청한다 */
				continue;
			perror("read");
			free(buf);
			return -1;
		}
		if (n == 0)   /* 파일 끝(EOF) */
			break;
		/* 정규 파일에서도 read()는 요청보다 적게 돌려줄 수 있다(파일 끝, 시그널). 돌려받은
		   만큼만 훑고, 다음 호출도 같은 크기로 요청한다. */
		scan_bytes(t, buf, (size_t) n);
	}
	free(buf);
	return 0;
}

/* mmap 계열 모드: 파일 전체를 한 번 매핑해서 한 번 훑고 매핑을 해제한다. */
static int scan_mmap(int fd, size_t len, enum mode mode, struct scan_total *t)
{
	/* 길이 0으로 mmap을 부르면 EINVAL로 실패한다. 빈 파일은 훑을 바이트가 없으므로 매핑하지
	   않는다. */
	if (len == 0)
		return 0;

	/* MAP_POPULATE는 mmap이 돌아오기 전에 페이지 테이블(page table)을 미리 채운다. 파일이 페이지
	   캐시에 있으면, 훑는 동안 64KiB마다 일어날 페이지 폴트를 한 번의 시스템 호출 안에서 몰아서
	   처리하는 셈이다. 대신 매핑이 돌아오기 전에 파일 전체를 기다려야 하고, 파일의 일부만 쓸
	   프로그램이라면 쓰지 않을 페이지까지 채우는 낭비가 된다. */
	int flags = MAP_SHARED | (mode == MMAP_POPULATE ? MAP_POPULATE : 0);
	const unsigned char *map = mmap(NULL, len, PROT_READ, flags, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return -1;
	}

	/* MADV_SEQUENTIAL은 "처음부터 끝까지 한 번 읽는다"고 커널에 알린다. 리눅스는 이 매핑의 페이지
	   폴트에서 미리 읽기(readahead)를 더 공격적으로 하고, 지나간 페이지를 먼저 내보낼 후보로 본다.
	   파일이 이미 페이지 캐시에 있으면 거의 차이가 없고, 디스크에서 읽을 때 차이가 난다. 조언일
	   뿐이므로 실패해도 결과는 같지만, 모든 시스템 호출을 확인한다는 원칙대로 알리고 끝낸다. */
	if (mode == MMAP_SEQ && madvise((void *) map, len, MADV_SEQUENTIAL) == -1) {
		perror("madvise");
		munmap((void *) map, len);
		return -1;
	}

	scan_bytes(t, map, len);

	if (munmap((void *) map, len) == -1) {
		perror("munmap");
		return -1;
	}
	return 0;
}

/* 무작위 모드의 파일은 8바이트 이상이어야 한다. 오프셋은 0부터 size - 8까지이므로 가능한 값은
   size - 7개이고, i번째 오프셋은 xorshift64의 i번째 값을 size - 7로 나눈 나머지다. */

/* random-pread: 조회마다 pread() 한 번으로 8바이트를 읽는다. 시스템 호출마다 커널에 들어갔다
   나오고, 파일의 페이지를 페이지 캐시에서 찾아 8바이트를 복사하는 비용을 치른다. */
static int random_pread(int fd, uint64_t size, const struct options *o, uint64_t *sum)
{
	uint64_t x = xorshift64_seed(o->seed);
	uint64_t span = size - 7;
	unsigned char v[8];

	for (uint64_t i = 0; i < o->lookups; i++) {
		off_t off = (off_t) (xorshift64_next(&x) % span);
		ssize_t n;
		do
			n = pread(fd, v, sizeof v, off);
		while (n == -1 && errno == EINTR);
		if (n == -1) {
			perror("pread");
			return -1;
		}
		/* 오프셋은 size - 8 이하이므로 파일이 도중에 줄어들지 않았다면 언제나 8바이트를 읽는다. */
		if (n != (ssize_t) sizeof v) {
			fprintf(stderr, "pread: short read at offset %jd (file changed?)\n", (intmax_t) off);
			return -1;
		}
		*sum += load_le64(v);
	}
	return 0;
}

/* random-mmap: 같은 조회를 매핑에서 한다. 조회는 평범한 메모리 읽기다. 어떤 페이지를 처음
   건드릴 때만 페이지 폴트가 일어나고, 그때 커널이 폴트 어라운드(fault-around)로 이웃 페이지까지
   올려 두므로 뒤의 조회는 커널에 들어가지 않는다. */
static int random_mmap(int fd, size_t len, const struct options *o, uint64_t *sum)
{
	const unsigned char *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return -1;
	}

	uint64_t x = xorshift64_seed(o->seed);
	uint64_t span = (uint64_t) len - 7;
	uint64_t s = 0;
	for (uint64_t i = 0; i < o->lookups; i++)
		s += load_le64(map + xorshift64_next(&x) % span);
	*sum += s;

	if (munmap((void *) map, len) == -1) {
		perror("munmap");
		return -1;
	}
	return 0;
}

int main(int argc, char *argv[])
{
	struct options o;
	parse_args(argc, argv, &o);
	bool random = o.mode == RANDOM_PREAD || o.mode == RANDOM_MMAP;

	double start = now();

	int fd = open(o.path, O_RDONLY);
	if (fd == -1) {
		fprintf(stderr, "open %s: %s\n", o.path, strerror(errno));
		return EXIT_FAILURE;
	}

	/* read 모드는 크기를 몰라도 파일 끝까지 읽으면 되지만, 매핑과 무작위 오프셋에는 크기가
	   필요하다. 그래서 read 모드에서는 fstat을 부르지 않는다. */
	struct stat sb;
	size_t len = 0;
	if (o.mode != READ) {
		if (fstat(fd, &sb) == -1) {
			perror("fstat");   /* close가 errno를 바꿀 수 있으므로 먼저 알린다 */
			close(fd);
			return EXIT_FAILURE;
		}
		/* 파이프나 장치 파일은 st_size가 내용의 크기가 아니므로 매핑할 길이를 정할 수 없다. */
		if (!S_ISREG(sb.st_mode)) {
			fprintf(stderr, "%s: not a regular file\n", o.path);
			close(fd);
			return EXIT_FAILURE;
		}
		/* 32비트 시스템에서는 off_t가 size_t보다 넓을 수 있으므로, 길이가 size_t에 들어가지
		   않는 파일은 한 번에 매핑할 수 없다. */
		if ((uintmax_t) sb.st_size > SIZE_MAX) {
			fprintf(stderr, "%s: file too large to map\n", o.path);
			close(fd);
			return EXIT_FAILURE;
		}
		len = (size_t) sb.st_size;
		if (random && len < 8) {
			fprintf(stderr, "%s: %zu bytes, but the random modes read 8 bytes at a time\n", o.path, len);
			close(fd);
			return EXIT_FAILURE;
		}
	}

	struct scan_total t = { 0, 0 };
	uint64_t sum = 0;
	int r;
	switch (o.mode) {
	case READ:
		r = scan_read(fd, o.buffer, &t);
		break;
	case RANDOM_PREAD:
		r = random_pread(fd, (uint64_t) len, &o, &sum);
		break;
	case RANDOM_MMAP:
		r = random_mmap(fd, len, &o, &sum);
		break;
	default:
		r = scan_mmap(fd, len, o.mode, &t);
		break;
	}
	if (r == -1) {
		close(fd);
		return EXIT_FAILURE;
	}

	if (close(fd) == -1) {
		perror("close");
		return EXIT_FAILURE;
	}
	double seconds = now() - start;

	if (random)
		printf("%s lookups=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode_names[o.mode], o.lookups, sum,
		       seconds);
	else
		printf("%s lines=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode_names[o.mode], t.lines, t.sum,
		       seconds);

	/* printf는 버퍼에 모아 두었다가 쓰므로, 출력이 실패했다면 여기서 비로소 드러난다. */
	if (fflush(stdout) == EOF) {
		perror("write to stdout");
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
