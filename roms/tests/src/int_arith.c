/* Integer add, subtract, multiply, shifts, compares and extensions at
 * every width, signed and unsigned, over deterministic pseudo-random data. */
#include "rt.h"

static volatile uint64_t seed = 0x9E3779B97F4A7C15ULL;

#define OPS(T, FMT, CAST)						\
	static uint64_t ops_##T(T a, T b, unsigned s)			\
	{								\
		uint64_t h = 0;						\
		h = h * 31 + (uint64_t)(CAST)(T)(a + b);		\
		h = h * 31 + (uint64_t)(CAST)(T)(a - b);		\
		h = h * 31 + (uint64_t)(CAST)(T)(a * b);		\
		h = h * 31 + (uint64_t)(CAST)(T)(a & b);		\
		h = h * 31 + (uint64_t)(CAST)(T)(a | b);		\
		h = h * 31 + (uint64_t)(CAST)(T)(a ^ b);		\
		h = h * 31 + (uint64_t)(CAST)(T)(~a);			\
		h = h * 31 + (uint64_t)(CAST)(T)(a << s);		\
		h = h * 31 + (uint64_t)(CAST)(T)(a >> s);		\
		h = h * 31 + (uint64_t)(a < b) * 2 + (a <= b);		\
		h = h * 31 + (uint64_t)(a > b) * 2 + (a >= b);		\
		h = h * 31 + (uint64_t)(a == b) * 2 + (a != b);		\
		return h;						\
	}

/* Shifts and wrapping are done in unsigned types: signed overflow is UB. */
OPS(uint8_t, u, uint64_t)
OPS(uint16_t, u, uint64_t)
OPS(uint32_t, u, uint64_t)
OPS(uint64_t, lu, uint64_t)

static uint64_t signed_ops(int64_t a, int64_t b)
{
	uint64_t h = 0;
	int8_t a8 = (int8_t)a, b8 = (int8_t)b;
	int16_t a16 = (int16_t)a, b16 = (int16_t)b;
	int32_t a32 = (int32_t)a, b32 = (int32_t)b;

	h = h * 31 + (uint64_t)(int64_t)(a8 + b8);	/* promoted to int: no overflow */
	h = h * 31 + (uint64_t)(int64_t)(a16 * b16);
	h = h * 31 + (uint64_t)(int64_t)(a8 >> 3) + (uint64_t)(int64_t)(a16 >> 5);
	h = h * 31 + (uint64_t)(int64_t)(a32 >> 17) + (uint64_t)(a >> 40);
	h = h * 31 + (uint64_t)((int64_t)a32 * b32);
	h = h * 31 + (a8 < b8) + (a16 < b16) * 2 + (a32 < b32) * 4 + (a < b) * 8;
	h = h * 31 + (uint64_t)(int64_t)a8 + (uint64_t)(int64_t)a16 + (uint64_t)(int64_t)a32;
	return h;
}

int main(int argc, char **argv, char **envp)
{
	uint64_t st = seed, h8 = 0, h16 = 0, h32 = 0, h64 = 0, hs = 0;
	static const uint64_t edge[] = { 0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
		0x7fffffff, 0x80000000, 0xffffffff, 0x7fffffffffffffffULL,
		0x8000000000000000ULL, 0xffffffffffffffffULL, 0x123456789abcdef0ULL };
	unsigned i, j;

	for (i = 0; i < RT_ARRAY_LEN(edge); i++)
		for (j = 0; j < RT_ARRAY_LEN(edge); j++) {
			uint64_t a = edge[i], b = edge[j];
			h8 = h8 * 7 + ops_uint8_t((uint8_t)a, (uint8_t)b, j % 8);
			h16 = h16 * 7 + ops_uint16_t((uint16_t)a, (uint16_t)b, j % 16);
			h32 = h32 * 7 + ops_uint32_t((uint32_t)a, (uint32_t)b, j * 2 % 32);
			h64 = h64 * 7 + ops_uint64_t(a, b, j * 4 % 64);
			hs = hs * 7 + signed_ops((int64_t)a, (int64_t)b);
		}
	rt_printf("edge  u8 %016lx u16 %016lx u32 %016lx u64 %016lx s %016lx\n",
		  h8, h16, h32, h64, hs);
	for (i = 0; i < 2000; i++) {
		uint64_t a = rt_rand(&st), b = rt_rand(&st);
		unsigned s = (unsigned)(b >> 58);
		h8 = h8 * 7 + ops_uint8_t((uint8_t)a, (uint8_t)b, s % 8);
		h16 = h16 * 7 + ops_uint16_t((uint16_t)a, (uint16_t)b, s % 16);
		h32 = h32 * 7 + ops_uint32_t((uint32_t)a, (uint32_t)b, s % 32);
		h64 = h64 * 7 + ops_uint64_t(a, b, s);
		hs = hs * 7 + signed_ops((int64_t)a, (int64_t)b);
		if (i % 500 == 499)
			rt_printf("rand%4u u8 %016lx u16 %016lx u32 %016lx u64 %016lx s %016lx\n",
				  i + 1, h8, h16, h32, h64, hs);
	}
	/* A few results worth reading directly. */
	rt_printf("%d %d %u %u\n", (int8_t)0x80 >> 1, (int16_t)-300 >> 4, (uint8_t)200 + (uint8_t)100,
		  (uint16_t)((uint16_t)60000 + (uint16_t)60000));
	rt_printf("%ld %lu %lx\n", (long)(int32_t)0x80000000u, (unsigned long)(uint32_t)-1,
		  0x8000000000000000UL >> 63);
	return 0;
}
