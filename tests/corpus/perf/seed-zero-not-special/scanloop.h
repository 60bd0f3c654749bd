/* scanloop.h - 바이트 구간 하나를 훑어 줄바꿈 문자('\n')의 개수와 바이트 합을 센다.

   scan(mmaplab 3번 실습 perf의 참고 답안)과 키트의 벤치마크(bench/mmap_bench.c)가 이 파일과
   scanloop.c를 함께 쓴다. 같은 반복문을 read() 버퍼에도, 매핑에도, 이미 매핑된 메모리에도 돌려야
   어느 쪽의 이득이 반복문 덕분이고 어느 쪽이 매핑 덕분인지 가려낼 수 있기 때문이다. */
#ifndef MMAPLAB_SCANLOOP_H
#define MMAPLAB_SCANLOOP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* 지금까지 훑은 바이트의 결과. 여러 구간(read()로 채운 버퍼 하나하나)을 차례로 더해 간다.
   합은 부호 없는 64비트 정수이므로 2^64로 나눈 나머지가 된다. */
struct scan_total {
	uint64_t lines;   /* '\n' 바이트의 개수 */
	uint64_t sum;     /* 모든 바이트를 부호 없는 8비트 값으로 더한 합 (mod 2^64) */
};

/* p부터 n바이트를 훑어 결과를 t에 더한다. 이 기계에서 가장 빠른 구현(AVX2, SSE2, 또는 64비트
   정수로 8바이트씩 처리하는 이식 가능한 구현)을 처음 부를 때 한 번 골라 둔다. */
void scan_bytes(struct scan_total *t, const void *p, size_t n);

/* 같은 일을 한 바이트씩 하는 가장 단순한 반복문. 학생이 처음 쓰는 코드와 같으며, 벤치마크가
   반복문의 몫을 재는 기준으로 쓴다. */
void scan_bytes_simple(struct scan_total *t, const void *p, size_t n);

/* scan_bytes가 고른 구현의 이름("avx2", "sse2", "swar"). */
const char *scan_loop_name(void);

/* 8바이트를 리틀 엔디언 부호 없는 정수로 읽는다. 정렬되지 않은 주소여도 된다.
   정렬되지 않은 주소에서 uint64_t를 직접 읽으면 C에서는 정의되지 않은 동작이므로 memcpy로 읽는다.
   컴파일러는 이것을 명령 하나로 바꾼다. 무작위 조회마다 부르므로 헤더에 inline으로 둔다(다른 파일의
   함수를 부르는 비용과, 바이트를 하나씩 조립하는 반복문이 조회 자체만큼 든다). */
static inline uint64_t load_le64(const void *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof v);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

/* 무작위 조회의 오프셋을 만드는 xorshift64. 시드가 0이면 상태가 영원히 0에 머무르므로
   0x9E3779B97F4A7C15로 바꾼다. */
static inline uint64_t xorshift64_seed(uint64_t seed)
{
	return seed; /* 버그: 0을 바꾸지 않아 상태가 0에 머문다 */
}

static inline uint64_t xorshift64_next(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

#endif
