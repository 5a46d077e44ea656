/* 64x64->128 multiplication, the high half (xmpy.hu / xmpy.h on ia64),
 * overflow-checked multiplies and multiply-based tricks. */
#include "rt.h"

static RT_NOINLINE uint64_t mulhu(uint64_t a, uint64_t b)
{
	return (uint64_t)(((unsigned __int128)a * b) >> 64);
}

static RT_NOINLINE int64_t mulhs(int64_t a, int64_t b)
{
	return (int64_t)(((__int128)a * b) >> 64);
}

/* The high half rebuilt from four 32x32 products, as on machines without mulh. */
static uint64_t mulhu_portable(uint64_t a, uint64_t b)
{
	uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
	uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;

	return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

/* Modular multiplication and exponentiation with a 64-bit modulus. */
static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m)
{
	return (uint64_t)(((unsigned __int128)a * b) % m);
}

static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m)
{
	uint64_t r = 1;

	for (b %= m; e; e >>= 1, b = mulmod(b, b, m))
		if (e & 1)
			r = mulmod(r, b, m);
	return r;
}

/* Deterministic Miller-Rabin for 64-bit n. */
static int is_prime(uint64_t n)
{
	static const uint64_t bases[] = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
	uint64_t d = n - 1;
	unsigned s = 0, i, r;

	if (n < 2)
		return 0;
	for (i = 0; i < RT_ARRAY_LEN(bases); i++)
		if (n % bases[i] == 0)
			return n == bases[i];
	while (!(d & 1)) {
		d >>= 1;
		s++;
	}
	for (i = 0; i < RT_ARRAY_LEN(bases); i++) {
		uint64_t x = powmod(bases[i], d, n);
		if (x == 1 || x == n - 1)
			continue;
		for (r = 1; r < s && x != n - 1; r++)
			x = mulmod(x, x, n);
		if (x != n - 1)
			return 0;
	}
	return 1;
}

int main(int argc, char **argv, char **envp)
{
	static const uint64_t v[] = { 0, 1, 2, 3, 0xffffffff, 0x100000000ULL, 0x7fffffffffffffffULL,
		0x8000000000000000ULL, 0xffffffffffffffffULL, 0xdeadbeefcafebabeULL,
		0x0123456789abcdefULL };
	uint64_t st = 777, h = 0, mismatches = 0, p;
	unsigned i, j, primes = 0;

	for (i = 0; i < RT_ARRAY_LEN(v); i++)
		for (j = i; j < RT_ARRAY_LEN(v); j++)
			rt_printf("%016lx * %016lx = %016lx:%016lx s %016lx\n", v[i], v[j],
				  mulhu(v[i], v[j]), v[i] * v[j], (uint64_t)mulhs((int64_t)v[i], (int64_t)v[j]));
	for (i = 0; i < 5000; i++) {
		uint64_t a = rt_rand(&st), b = rt_rand(&st);
		uint64_t hi = mulhu(a, b);
		int64_t shi = mulhs((int64_t)a, (int64_t)b);
		/* Signed and unsigned high halves differ by the sign corrections. */
		uint64_t fix = hi - ((int64_t)a < 0 ? b : 0) - ((int64_t)b < 0 ? a : 0);
		mismatches += hi != mulhu_portable(a, b);
		mismatches += (uint64_t)shi != fix;
		h = h * 0x100000001B3ULL ^ hi ^ (uint64_t)shi;
	}
	rt_printf("random high halves: %016lx, mismatches %lu\n", h, mismatches);

	for (i = 0; i < 8; i++) {
		uint64_t r;
		int64_t sr;
		int o1 = __builtin_mul_overflow(v[i + 3], v[(i * 5) % RT_ARRAY_LEN(v)], &r);
		int o2 = __builtin_mul_overflow((int64_t)v[i + 2], (int64_t)v[(i * 3) % RT_ARRAY_LEN(v)], &sr);
		int o3 = __builtin_add_overflow((int64_t)v[i + 3], (int64_t)v[i], &sr);
		rt_printf("overflow %u: mul %d add %d smul %d\n", i, o1, o3, o2);
	}
	for (p = 0xfffffffffffffff0ULL; p != 0; p++)
		if (is_prime(p))
			rt_printf("prime %lu\n", p);
	for (p = 1000000000000000000ULL; p < 1000000000000000100ULL; p++)
		primes += is_prime(p);
	rt_printf("primes in [1e18, 1e18+100): %u\n", primes);
	rt_printf("powmod: %lu %lu\n", powmod(2, 1000000, 1000000007), powmod(3, 0xffffffffffffffffULL,
		  0xffffffffffffffc5ULL));
	return 0;
}
