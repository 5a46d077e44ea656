/* Counted loops that gcc -O2/-O3 turns into br.cloop loops (unrolled,
 * with ar.lc): sums and reductions over arrays of several element types
 * and lengths, including lengths that leave unroll remainders. */
#include "rt.h"

static int8_t s8[1031];
static uint16_t u16[1031];
static int32_t s32[1031];
static uint64_t u64[1031];
static float f32[1031];
static double f64[1031];

static RT_NOINLINE long sum_s8(const int8_t *a, int n) { long s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static RT_NOINLINE unsigned long sum_u16(const uint16_t *a, int n) { unsigned long s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static RT_NOINLINE long sum_s32(const int32_t *a, int n) { long s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static RT_NOINLINE uint64_t xor_u64(const uint64_t *a, int n) { uint64_t s = 0; for (int i = 0; i < n; i++) s ^= a[i] + (uint64_t)i; return s; }
static RT_NOINLINE float sum_f32(const float *a, int n) { float s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static RT_NOINLINE double sum_f64(const double *a, int n) { double s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static RT_NOINLINE int32_t max_s32(const int32_t *a, int n) { int32_t m = INT32_MIN; for (int i = 0; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
static RT_NOINLINE int count_neg(const int32_t *a, int n) { int c = 0; for (int i = 0; i < n; i++) c += a[i] < 0; return c; }
static RT_NOINLINE uint64_t sum_strided(const uint64_t *a, int n, int stride)
{
	uint64_t s = 0;
	for (int i = 0; i < n; i += stride)
		s += a[i] * (uint64_t)(i | 1);
	return s;
}

int main(int argc, char **argv, char **envp)
{
	static const int lengths[] = { 0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 64, 100, 257, 1000, 1031 };
	uint64_t st = 1;
	unsigned i;

	for (i = 0; i < 1031; i++) {
		uint64_t r = rt_rand(&st);
		s8[i] = (int8_t)r;
		u16[i] = (uint16_t)(r >> 8);
		s32[i] = (int32_t)(r >> 24);
		u64[i] = r;
		f32[i] = (float)(int32_t)(r >> 40) * 0.001f;
		f64[i] = (double)(int64_t)r * 1e-12;
	}
	for (i = 0; i < RT_ARRAY_LEN(lengths); i++) {
		int n = lengths[i];
		rt_printf("n=%4d s8 %ld u16 %lu s32 %ld xor %016lx max %d neg %d strided %016lx\n", n,
			  sum_s8(s8, n), sum_u16(u16, n), sum_s32(s32, n), xor_u64(u64, n),
			  max_s32(s32, n), count_neg(s32, n), sum_strided(u64, n, 3));
		rt_printf("       f32 %08x f64 %016lx\n", rt_f32_bits(sum_f32(f32, n)),
			  rt_f64_bits(sum_f64(f64, n)));
	}
	return 0;
}
