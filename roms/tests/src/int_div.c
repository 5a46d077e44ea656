/* Division and remainder at every width, signed and unsigned, with
 * variable divisors (gcc calls libgcc's frcpa-based helpers on ia64) and
 * constant divisors (multiply-high sequences). */
#include "rt.h"

#define DIVMOD(T)							\
	static RT_NOINLINE uint64_t div_##T(T a, T b)			\
	{								\
		return (uint64_t)(T)(a / b) * 1000003u + (uint64_t)(T)(a % b); \
	}
DIVMOD(int8_t)
DIVMOD(uint8_t)
DIVMOD(int16_t)
DIVMOD(uint16_t)
DIVMOD(int32_t)
DIVMOD(uint32_t)
DIVMOD(int64_t)
DIVMOD(uint64_t)

static uint64_t by_constants(uint64_t x)
{
	int64_t s = (int64_t)x;
	int32_t s32 = (int32_t)x;
	uint32_t u32 = (uint32_t)x;
	uint64_t h = 0;

	h = h * 131 + x / 3 + x % 3;
	h = h * 131 + x / 7 + x % 7;
	h = h * 131 + x / 10 + x % 10;
	h = h * 131 + x / 1000000007ULL + x % 1000000007ULL;
	h = h * 131 + x / 0x8000000000000001ULL;
	h = h * 131 + (uint64_t)(s / 3) + (uint64_t)(s % 3);
	h = h * 131 + (uint64_t)(s / -7) + (uint64_t)(s % -7);
	h = h * 131 + (uint64_t)(s / 16) + (uint64_t)(s % 16);
	h = h * 131 + (uint64_t)(int64_t)(s32 / 5) + (uint64_t)(int64_t)(s32 % 5);
	h = h * 131 + (uint64_t)(int64_t)(s32 / 1024) + (uint64_t)(int64_t)(s32 % 1024);
	h = h * 131 + u32 / 641u + u32 % 641u;
	h = h * 131 + u32 / 0xffffffffu;
	return h;
}

/* Divisors that avoid the undefined cases: zero, and MIN / -1. */
static int64_t safe_divisor(uint64_t r)
{
	int64_t d = (int64_t)r >> (r & 63);
	return d == 0 || d == -1 ? 3 : d;
}

int main(int argc, char **argv, char **envp)
{
	static const int64_t vals[] = { 0, 1, -1, 2, -2, 3, 7, -7, 100, -100, 127, -128, 255,
		32767, -32768, 65535, 2147483647, -2147483647 - 1, 4294967295LL,
		9223372036854775807LL, -9223372036854775807LL - 1, 1000000007, -999999937 };
	uint64_t st = 12345, h[8] = { 0 }, hc = 0;
	unsigned i, j, k;

	for (i = 0; i < RT_ARRAY_LEN(vals); i++)
		for (j = 0; j < RT_ARRAY_LEN(vals); j++) {
			int64_t a = vals[i], b = vals[j];
			if ((int8_t)b != 0 && !((int8_t)b == -1 && (int8_t)a == INT8_MIN))
				h[0] = h[0] * 3 + div_int8_t((int8_t)a, (int8_t)b);
			if ((uint8_t)b)
				h[1] = h[1] * 3 + div_uint8_t((uint8_t)a, (uint8_t)b);
			if ((int16_t)b != 0 && !((int16_t)b == -1 && (int16_t)a == INT16_MIN))
				h[2] = h[2] * 3 + div_int16_t((int16_t)a, (int16_t)b);
			if ((uint16_t)b)
				h[3] = h[3] * 3 + div_uint16_t((uint16_t)a, (uint16_t)b);
			if ((int32_t)b != 0 && !((int32_t)b == -1 && (int32_t)a == INT32_MIN))
				h[4] = h[4] * 3 + div_int32_t((int32_t)a, (int32_t)b);
			if ((uint32_t)b)
				h[5] = h[5] * 3 + div_uint32_t((uint32_t)a, (uint32_t)b);
			if (b != 0 && !(b == -1 && a == INT64_MIN))
				h[6] = h[6] * 3 + div_int64_t(a, b);
			if (b)
				h[7] = h[7] * 3 + div_uint64_t((uint64_t)a, (uint64_t)b);
		}
	for (k = 0; k < 8; k++)
		rt_printf("edge width %u %s: %016lx\n", 8u << (k / 2), k & 1 ? "unsigned" : "signed",
			  h[k]);

	for (i = 0; i < 3000; i++) {
		uint64_t a = rt_rand(&st), r = rt_rand(&st);
		int64_t b = safe_divisor(r);
		h[6] = h[6] * 3 + div_int64_t((int64_t)a >> (r >> 58), b);
		h[7] = h[7] * 3 + div_uint64_t(a >> (r >> 59), (uint64_t)b);
		if ((int32_t)b != 0 && (int32_t)b != -1) {
			h[4] = h[4] * 3 + div_int32_t((int32_t)a, (int32_t)b);
			h[5] = h[5] * 3 + div_uint32_t((uint32_t)a, (uint32_t)b);
		}
		if ((int16_t)b != 0 && (int16_t)b != -1) {
			h[2] = h[2] * 3 + div_int16_t((int16_t)a, (int16_t)b);
			h[3] = h[3] * 3 + div_uint16_t((uint16_t)a, (uint16_t)b);
		}
		if ((int8_t)b != 0 && (int8_t)b != -1) {
			h[0] = h[0] * 3 + div_int8_t((int8_t)a, (int8_t)b);
			h[1] = h[1] * 3 + div_uint8_t((uint8_t)a, (uint8_t)b);
		}
		hc = hc * 5 + by_constants(a);
	}
	for (k = 0; k < 8; k++)
		rt_printf("random width %u %s: %016lx\n", 8u << (k / 2), k & 1 ? "unsigned" : "signed",
			  h[k]);
	rt_printf("constant divisors: %016lx\n", hc);
	rt_printf("%ld %ld %ld %ld\n", -7L / 2, -7L % 2, 7L / -2, 7L % -2);
	rt_printf("%lu %lu\n", 0xffffffffffffffffUL / 3, 0xffffffffffffffffUL % 1000);
	return 0;
}
