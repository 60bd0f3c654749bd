/* scan.c - mmaplab 3번 실습(perf)의 시작 코드

   파일을 read()로, 또는 메모리 매핑(memory mapping)으로 훑어 걸린 시간을 재는 프로그램을
   완성한다. 다 만들면 다음처럼 실행하고, 한 줄을 출력한 뒤 0으로 끝난다.

       ./scan MODE FILE [--buffer BYTES] [--lookups N] [--seed S]

       read lines=<'\n' 바이트 수> sum=<모든 바이트의 합> seconds=<걸린 시간>
       random-mmap lookups=<N> sum=<읽은 8바이트 값의 합> seconds=<걸린 시간>

   명령줄 해석과 출력 형식은 채점기가 글자 하나까지 검사하므로 시작 코드가 미리 해 둔다.
   모드는 하나도 구현되어 있지 않아서, 지금은 어떤 모드든 "not written yet"을 표준 오류에 쓰고
   1로 끝난다. 아래 TODO를 README.md의 단계 순서대로 채우고, 단계마다 `make check STEP=n`으로
   확인한다. */

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
	size_t buffer;      /* read 모드에서 read() 한 번에 요청할 바이트 수 (--buffer, 기본 65536) */
	uint64_t lookups;   /* 무작위 모드에서 읽을 횟수 (--lookups, 기본 1000000) */
	uint64_t seed;      /* 무작위 오프셋을 만드는 xorshift64의 시드 (--seed, 기본 1) */
};

/* read() 한 번이 요청할 수 있는 크기의 상한. 리눅스는 한 번에 0x7ffff000바이트까지만 읽어 준다. */
#define MAX_BUFFER ((size_t) 1 << 30)

/* ---- 명령줄: 고칠 필요가 없다 ------------------------------------------------------------ */

/* 명령줄이 잘못되었으면 사용법을 표준 오류에 쓰고 종료 상태 2로 끝낸다. */
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

/* 10진수 부호 없는 정수만 받아들인다. strtoull은 앞의 공백과 '-'를 받아 주므로 직접 걸러 낸다. */
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
	*o = (struct options) { .buffer = 65536, .lookups = 1000000, .seed = 1 };
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

	/* 옵션은 모든 모드가 받아들이고, 그 모드에 쓰이지 않는 옵션은 무시한다. */
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

/* ---- 시간, 무작위 오프셋, 출력: 그대로 쓴다 ---------------------------------------------- */

/* 지금 시각(초). CLOCK_MONOTONIC은 시계를 맞추느라 뒤로 가는 일이 없어서 경과 시간을 재는 데 쓴다. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* 무작위 조회의 다음 오프셋. 상태 *x는 처음에 시드로 두되, 시드가 0이면 0x9E3779B97F4A7C15로 둔다
   (xorshift는 0에서 영원히 0이다). 오프셋은 0부터 size - 8까지이므로 size - 7로 나눈 나머지를 쓴다. */
static uint64_t next_offset(uint64_t *x, uint64_t size)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x % (size - 7);
}

/* 순차 모드의 결과 한 줄. */
static void print_scan(enum mode mode, uint64_t lines, uint64_t sum, double seconds)
{
	printf("%s lines=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode_names[mode], lines, sum, seconds);
}

/* 무작위 모드의 결과 한 줄. */
static void print_random(enum mode mode, uint64_t lookups, uint64_t sum, double seconds)
{
	printf("%s lookups=%" PRIu64 " sum=%" PRIu64 " seconds=%.6f\n", mode_names[mode], lookups, sum, seconds);
}

/* ---- 여기부터 채운다 ---------------------------------------------------------------------- */

int main(int argc, char *argv[])
{
	struct options o;
	parse_args(argc, argv, &o);

	/* 걸린 시간은 open 직전부터 close 직후까지다. 매핑을 만들고, 페이지 폴트(page fault)를
	   처리하고, 매핑을 해제하는 비용도 그 방법의 몫이기 때문이다. */
	double start = now();

	/* TODO(1단계): o.path를 읽기 전용(O_RDONLY)으로 연다. open(2) */

	/* TODO(5단계): open이 실패하면 어떤 호출이 왜 실패했는지 표준 오류에 쓰고 1로 끝낸다.
	   perror(3), strerror(3) */

	/* TODO(1단계): read 모드. 버퍼를 o.buffer바이트 잡고, read()가 0(파일 끝)을 돌려줄 때까지
	   매번 정확히 o.buffer바이트를 요청한다. 돌려받은 n바이트마다 '\n'의 개수와 바이트 합
	   (unsigned char 값을 uint64_t에 더한다)을 센다. read(2) */

	/* TODO(2단계): mmap 모드. fstat으로 크기를 알아내고, 파일 전체를
	   mmap(NULL, 크기, PROT_READ, MAP_SHARED, fd, 0)으로 한 번 매핑해서 같은 방법으로 센 다음,
	   같은 주소와 길이로 munmap한다. read()는 부르지 않는다. fstat(2), mmap(2) */

	/* TODO(3단계): mmap-seq 모드는 매핑한 직후 madvise(주소, 크기, MADV_SEQUENTIAL)을,
	   mmap-populate 모드는 flags에 MAP_SHARED | MAP_POPULATE를 쓴다. madvise(2) */

	/* TODO(4단계): random-pread 모드. 상태 x를 시드로 두고(0이면 0x9E3779B97F4A7C15),
	   o.lookups번 next_offset(&x, 크기)로 오프셋을 얻어 pread(fd, buf, 8, 오프셋)으로 8바이트를
	   읽는다. 8바이트를 리틀 엔디언 부호 없는 정수로 보고 합을 낸다. 파일이 8바이트보다 작으면
	   표준 오류에 알리고 1로 끝낸다. pread(2) */

	/* TODO(4단계): random-mmap 모드. 같은 조회를 파일 전체의 매핑에서 한다. pread는 부르지 않는다. */

	/* TODO(5단계): 빈 파일이면 어느 순차 모드든 lines=0 sum=0을 출력하고 0으로 끝낸다.
	   길이 0으로 mmap을 부르면 EINVAL로 실패하므로 매핑하지 않는다. */

	/* TODO(1단계): close로 파일 기술자를 닫은 뒤 걸린 시간을 재고, print_scan 또는 print_random으로
	   결과 한 줄을 출력한다. 모든 시스템 호출의 반환값을 확인한다. */

	(void) start;   /* 아직 쓰지 않는 변수라는 경고를 막는다. 1단계에서 start를 쓰면 지운다. */
	(void) next_offset;
	(void) print_scan;
	(void) print_random;
	fprintf(stderr, "scan: mode %s is not written yet (see README.md)\n", mode_names[o.mode]);
	return EXIT_FAILURE;
}
