/* scanloop.c - 줄바꿈 개수와 바이트 합을 한 번에 세는 반복문들.

   파일을 훑는 속도의 대부분은 파일을 어떻게 가져오느냐(read 또는 mmap)보다 가져온 바이트를 얼마나
   빨리 처리하느냐에 달려 있다. 한 바이트씩 비교하고 더하는 반복문은 바이트마다 명령 몇 개를 쓰므로
   초당 1~2GB를 넘기 어렵지만, 메모리는 그보다 몇 배 빨리 바이트를 내줄 수 있다. 그래서 여기서는
   한 명령으로 16바이트(SSE2)나 32바이트(AVX2)를 처리하는 SIMD 명령을 쓴다.

   - 줄바꿈: 32바이트를 '\n' 32개와 한꺼번에 비교하면(_mm256_cmpeq_epi8) 같은 자리는 0xFF(-1),
     다른 자리는 0이 된다. 이것을 바이트 카운터에서 빼 가면 자리마다 1씩 늘어난다. 바이트 카운터는
     255에서 넘치므로 넘치기 전에 _mm256_sad_epu8(psadbw)로 64비트 합으로 옮긴다.
   - 바이트 합: psadbw는 8바이트씩 |a - b|를 더해 64비트로 내놓는다. b를 0으로 주면 8바이트의 합이
     된다. 한 명령으로 32바이트를 64비트 합 네 개로 줄이는 셈이다.

   AVX2는 모든 x86-64 CPU에 있지 않으므로 함수 단위로 target("avx2") 속성을 붙여 컴파일하고, 실행할 때
   CPU가 지원하는지 확인한 뒤에만 부른다. 그래서 -march=native 없이 컴파일해도(채점기는 -O0으로,
   벤치마크는 -O2로 컴파일한다) 같은 실행 파일이 AVX2 기계에서는 AVX2를 쓰고 다른 x86-64 기계에서는
   모든 x86-64에 있는 SSE2를 쓴다. x86-64가 아닌 기계에서는 64비트 정수 하나에 8바이트를 담아 처리하는
   이식 가능한 구현(SWAR, SIMD within a register)을 쓴다. */

#include "scanloop.h"

#include <string.h>

/* 64비트 정수의 바이트마다 같은 값을 채운 상수. */
#define BYTES(b) (UINT64_C(0x0101010101010101) * (uint8_t) (b))

void scan_bytes_simple(struct scan_total *t, const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t lines = 0, sum = 0;

	/* 결과를 지역 변수에 모은다. t->sum에 바로 더하면, unsigned char 포인터는 무엇이든 가리킬 수
	   있으므로 컴파일러가 b[i]를 읽을 때마다 t를 메모리에서 다시 읽고 써야 한다. */
	for (size_t i = 0; i < n; i++) {
		sum += b[i];
		if (b[i] == '\n')
			lines++;
	}
	t->lines += lines;
	t->sum += sum;
}

/* 이식 가능한 구현: 64비트 정수 하나에 8바이트를 담아 한꺼번에 처리한다. */
static void scan_swar(struct scan_total *t, const unsigned char *p, size_t n)
{
	const uint64_t low7 = BYTES(0x7f), newline = BYTES('\n');
	const uint64_t even = UINT64_C(0x00ff00ff00ff00ff);
	uint64_t lines = 0, sum = 0;

	while (n >= 8) {
		/* 짝수·홀수 바이트를 16비트 칸 네 개에 나눠 더한다. 한 번에 칸마다 최대 2 * 255 = 510이
		   더해지므로 128번(65280)까지는 16비트 칸이 넘치지 않는다. */
		size_t rounds = n / 8 > 128 ? 128 : n / 8;
		uint64_t acc = 0;

		for (size_t r = 0; r < rounds; r++, p += 8) {
			uint64_t w;
			memcpy(&w, p, 8);   /* 정렬되지 않은 읽기 */
			acc += (w & even) + ((w >> 8) & even);

			/* '\n'과 같은 바이트만 0이 되게 한 뒤, 0인 바이트의 최상위 비트만 1로 만든다.
			   (x & 0x7f) + 0x7f는 x의 하위 7비트가 0이 아닐 때만 최상위 비트가 선다. 여기에 x
			   자신의 최상위 비트를 OR하면 "0이 아닌 바이트"의 표시가 되고, 그것을 뒤집는다.
			   자리 올림이 옆 바이트로 넘어가지 않으므로 정확한 개수를 얻는다. */
			uint64_t x = w ^ newline;
			uint64_t zero = ~(((x & low7) + low7) | x | low7);
			/* 바이트마다 0 또는 1인 값을 곱셈 한 번으로 최상위 바이트에 모은다(합은 8 이하). */
			lines += ((zero >> 7) * BYTES(1)) >> 56;
		}
		n -= rounds * 8;
		acc = (acc & UINT64_C(0x0000ffff0000ffff)) + ((acc >> 16) & UINT64_C(0x0000ffff0000ffff));
		sum += (acc & UINT64_C(0xffffffff)) + (acc >> 32);
	}
	t->lines += lines;
	t->sum += sum;
	scan_bytes_simple(t, p, n);   /* 8바이트가 안 되는 꼬리 */
}

#if defined(__x86_64__)
#include <immintrin.h>

/* SSE2는 모든 x86-64 CPU에 있으므로 따로 확인하지 않는다. 한 바퀴에 64바이트를 처리한다. */
static void scan_sse2(struct scan_total *t, const unsigned char *p, size_t n)
{
	const __m128i newline = _mm_set1_epi8('\n');
	const __m128i zero = _mm_setzero_si128();
	__m128i sums = zero, lines = zero;

	while (n >= 64) {
		/* 한 바퀴에 바이트 카운터의 칸마다 최대 4가 더해지므로 63바퀴(252)마다 비운다. */
		size_t rounds = n / 64 > 63 ? 63 : n / 64;
		__m128i counts = zero;

		for (size_t r = 0; r < rounds; r++, p += 64) {
			__m128i a = _mm_loadu_si128((const __m128i *) p);
			__m128i b = _mm_loadu_si128((const __m128i *) (p + 16));
			__m128i c = _mm_loadu_si128((const __m128i *) (p + 32));
			__m128i d = _mm_loadu_si128((const __m128i *) (p + 48));
			__m128i eq = _mm_add_epi8(_mm_add_epi8(_mm_cmpeq_epi8(a, newline), _mm_cmpeq_epi8(b, newline)),
			                          _mm_add_epi8(_mm_cmpeq_epi8(c, newline), _mm_cmpeq_epi8(d, newline)));
			counts = _mm_sub_epi8(counts, eq);   /* 같은 자리는 -1이므로 빼면 1씩 는다 */
			sums = _mm_add_epi64(sums, _mm_add_epi64(_mm_add_epi64(_mm_sad_epu8(a, zero), _mm_sad_epu8(b, zero)),
			                                         _mm_add_epi64(_mm_sad_epu8(c, zero), _mm_sad_epu8(d, zero))));
		}
		n -= rounds * 64;
		lines = _mm_add_epi64(lines, _mm_sad_epu8(counts, zero));
	}

	uint64_t s[2], l[2];
	_mm_storeu_si128((__m128i *) s, sums);
	_mm_storeu_si128((__m128i *) l, lines);
	t->sum += s[0] + s[1];
	t->lines += l[0] + l[1];
	scan_swar(t, p, n);
}

/* 같은 방법을 32바이트 레지스터로 한다. 한 바퀴에 128바이트. */
__attribute__((target("avx2")))
static void scan_avx2(struct scan_total *t, const unsigned char *p, size_t n)
{
	const __m256i newline = _mm256_set1_epi8('\n');
	const __m256i zero = _mm256_setzero_si256();
	__m256i sums = zero, lines = zero;

	while (n >= 128) {
		size_t rounds = n / 128 > 63 ? 63 : n / 128;
		__m256i counts = zero;

		for (size_t r = 0; r < rounds; r++, p += 128) {
			__m256i a = _mm256_loadu_si256((const __m256i *) p);
			__m256i b = _mm256_loadu_si256((const __m256i *) (p + 32));
			__m256i c = _mm256_loadu_si256((const __m256i *) (p + 64));
			__m256i d = _mm256_loadu_si256((const __m256i *) (p + 96));
			__m256i eq = _mm256_add_epi8(
				_mm256_add_epi8(_mm256_cmpeq_epi8(a, newline), _mm256_cmpeq_epi8(b, newline)),
				_mm256_add_epi8(_mm256_cmpeq_epi8(c, newline), _mm256_cmpeq_epi8(d, newline)));
			counts = _mm256_sub_epi8(counts, eq);
			sums = _mm256_add_epi64(sums, _mm256_add_epi64(
				_mm256_add_epi64(_mm256_sad_epu8(a, zero), _mm256_sad_epu8(b, zero)),
				_mm256_add_epi64(_mm256_sad_epu8(c, zero), _mm256_sad_epu8(d, zero))));
		}
		n -= rounds * 128;
		lines = _mm256_add_epi64(lines, _mm256_sad_epu8(counts, zero));
	}

	uint64_t s[4], l[4];
	_mm256_storeu_si256((__m256i *) s, sums);
	_mm256_storeu_si256((__m256i *) l, lines);
	t->sum += s[0] + s[1] + s[2] + s[3];
	t->lines += l[0] + l[1] + l[2] + l[3];
	/* 128바이트가 안 되는 꼬리. AVX2 코드와 SSE 코드를 섞을 때 생길 수 있는 전환 비용을 피하려고
	   상위 절반을 비운다(컴파일러가 함수 끝에서 하는 일을 꼬리 전에 미리 한다). */
	_mm256_zeroupper();
	scan_swar(t, p, n);
}
#endif

typedef void (*scan_fn)(struct scan_total *, const unsigned char *, size_t);

static scan_fn chosen;
static const char *chosen_name;

/* CPU를 보고 가장 빠른 구현을 고른다. 처음 한 번만 한다. */
static void choose(void)
{
#if defined(__x86_64__)
	/* __builtin_cpu_supports는 CPUID 명령으로 CPU의 기능을 확인한다. Valgrind 아래에서도
	   Valgrind가 흉내 낼 수 있는 기능만 보고되므로 안전하다. */
	if (__builtin_cpu_supports("avx2")) {
		chosen = scan_avx2;
		chosen_name = "avx2";
	} else {
		chosen = scan_sse2;
		chosen_name = "sse2";
	}
#else
	chosen = scan_swar;
	chosen_name = "swar";
#endif
}

void scan_bytes(struct scan_total *t, const void *p, size_t n)
{
	if (!chosen)
		choose();
	chosen(t, p, n);
}

const char *scan_loop_name(void)
{
	if (!chosen)
		choose();
	return chosen_name;
}
