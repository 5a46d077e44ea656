/* Bit manipulation: population count, leading and trailing zeros, parity,
 * rotates (shrp), byte swaps (mux1), bit reversal, extract and deposit. */
#include "rt.h"

static RT_NOINLINE uint64_t rotl64(uint64_t x, unsigned r) { return (x << (r & 63)) | (x >> (-r & 63)); }
static RT_NOINLINE uint32_t rotr32(uint32_t x, unsigned r) { return (x >> (r & 31)) | (x << (-r & 31)); }
static RT_NOINLINE uint16_t rotl16(uint16_t x, unsigned r) { return (uint16_t)((x << (r & 15)) | (x >> (-r & 15))); }

static uint64_t rev64(uint64_t x)
{
	x = ((x >> 1) & 0x5555555555555555ULL) | ((x & 0x5555555555555555ULL) << 1);
	x = ((x >> 2) & 0x3333333333333333ULL) | ((x & 0x3333333333333333ULL) << 2);
	x = ((x >> 4) & 0x0F0F0F0F0F0F0F0FULL) | ((x & 0x0F0F0F0F0F0F0F0FULL) << 4);
	return __builtin_bswap64(x);
}

static unsigned popcount_slow(uint64_t x)
{
	unsigned n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

static uint64_t extract(uint64_t x, unsigned pos, unsigned len)
{
	return (x >> pos) & ((len == 64) ? ~0ULL : ((1ULL << len) - 1));
}

static int64_t extract_signed(uint64_t x, unsigned pos, unsigned len)
{
	return (int64_t)(x << (64 - pos - len)) >> (64 - len);
}

static uint64_t deposit(uint64_t x, uint64_t v, unsigned pos, unsigned len)
{
	uint64_t mask = ((len == 64) ? ~0ULL : ((1ULL << len) - 1)) << pos;
	return (x & ~mask) | ((v << pos) & mask);
}

/* Constant positions let gcc use extr/dep directly. */
static uint64_t fixed_fields(uint64_t x)
{
	uint64_t h = (x >> 13) & 0x3ff;
	h = h * 31 + ((x >> 40) & 0xffffff);
	h = h * 31 + (uint64_t)((int64_t)(x << 7) >> 50);
	h = h * 31 + ((x & ~(0xffULL << 20)) | ((h & 0xff) << 20));
	h = h * 31 + ((x & ~0xfff0ULL) | ((x >> 52) << 4));
	return h;
}

int main(int argc, char **argv, char **envp)
{
	static const uint64_t v[] = { 0, 1, 0x80, 0x8000000000000000ULL, 0xffffffffffffffffULL,
		0x00ff00ff00ff00ffULL, 0x0123456789abcdefULL, 0xfedcba9876543210ULL, 0x10000,
		0x5555555555555555ULL, 0x8000000000000001ULL };
	uint64_t st = 31337, h = 0, bad = 0;
	unsigned i, k;

	for (i = 0; i < RT_ARRAY_LEN(v); i++) {
		uint64_t x = v[i];
		rt_printf("%016lx pop %2d par %d", x, __builtin_popcountll(x), __builtin_parityll(x));
		if (x)
			rt_printf(" clz %2d ctz %2d ffs %2d", __builtin_clzll(x), __builtin_ctzll(x),
				  __builtin_ffsll((long long)x));
		if ((uint32_t)x)
			rt_printf(" clz32 %2d ctz32 %2d", __builtin_clz((uint32_t)x), __builtin_ctz((uint32_t)x));
		rt_printf(" clrsb %2d\n", __builtin_clrsbll((long long)x));
		rt_printf("  bswap %016lx %08x %04x rev %016lx\n", __builtin_bswap64(x),
			  __builtin_bswap32((uint32_t)x), __builtin_bswap16((uint16_t)x), rev64(x));
		rt_printf("  rotl64 %016lx %016lx rotr32 %08x rotl16 %04x\n", rotl64(x, 1),
			  rotl64(x, 37), rotr32((uint32_t)x, 9), rotl16((uint16_t)x, 3));
	}
	for (i = 0; i < 4000; i++) {
		uint64_t x = rt_rand(&st), r = rt_rand(&st);
		unsigned pos = (unsigned)(r & 63), len = 1 + (unsigned)((r >> 8) % (64 - pos));
		bad += (unsigned)__builtin_popcountll(x) != popcount_slow(x);
		bad += rev64(rev64(x)) != x;
		bad += rotl64(rotl64(x, pos), 64 - pos) != x;
		bad += extract(deposit(x, r, pos, len), pos, len) != extract(r, 0, len);
		h = h * 0x9E3779B97F4A7C15ULL + extract(x, pos, len);
		h = h * 0x9E3779B97F4A7C15ULL + (uint64_t)extract_signed(x, pos, len);
		h = h * 0x9E3779B97F4A7C15ULL + deposit(x, r, pos, len);
		h = h * 0x9E3779B97F4A7C15ULL + fixed_fields(x);
		x >>= r >> 58;
		if (x) {
			k = (unsigned)__builtin_clzll(x);
			bad += (x << k) >> 63 != 1;
			h += k * 3 + (unsigned)__builtin_ctzll(x);
		}
	}
	rt_printf("random fields %016lx, self-check failures %lu\n", h, bad);
	return 0;
}
