/* 128-bit integers: add with carry, multiply, shifts, compares, and the
 * libgcc division helpers (__udivti3, __divti3, __umodti3, __modti3). */
#include "rt.h"

typedef unsigned __int128 u128;
typedef __int128 s128;

static void put_u128(u128 v)
{
	char buf[40];
	int n = 0;

	do {
		buf[n++] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v);
	while (n)
		rt_putc(buf[--n]);
}

static void put_s128(s128 v)
{
	if (v < 0) {
		rt_putc('-');
		put_u128(-(u128)v);
	} else {
		put_u128((u128)v);
	}
}

static u128 make(uint64_t hi, uint64_t lo) { return ((u128)hi << 64) | lo; }

int main(int argc, char **argv, char **envp)
{
	u128 f = 1, a, b;
	s128 s;
	uint64_t st = 4242, h = 0;
	unsigned i;

	for (i = 1; i <= 34; i++)
		f *= i;
	rt_printf("34! = ");
	put_u128(f);
	rt_printf("\n2^127-1 = ");
	put_s128((s128)(~(u128)0 >> 1));
	rt_printf("\n-2^127 = ");
	put_s128((s128)((u128)1 << 127));
	rt_printf("\n");
	a = make(0x0123456789abcdefULL, 0xfedcba9876543210ULL);
	b = make(0, 0xffffffffffffffffULL);
	rt_printf("sum %016lx%016lx\n", (uint64_t)((a + b) >> 64), (uint64_t)(a + b));
	rt_printf("shl %016lx%016lx shr %016lx%016lx\n", (uint64_t)((a << 68) >> 64),
		  (uint64_t)(a << 68), (uint64_t)((a >> 4) >> 64), (uint64_t)(a >> 4));
	rt_printf("div ");
	put_u128(a / 1000000007ULL);
	rt_printf(" mod ");
	put_u128(a % 1000000007ULL);
	s = -(s128)a;
	rt_printf("\nsdiv ");
	put_s128(s / 12345);
	rt_printf(" smod ");
	put_s128(s % 12345);
	rt_printf(" sar %016lx\n", (uint64_t)(s >> 100));
	for (i = 0; i < 1000; i++) {
		/* One draw per declarator: argument evaluation order is unspecified. */
		uint64_t r0 = rt_rand(&st), r1 = rt_rand(&st), r2 = rt_rand(&st), r3 = rt_rand(&st);
		u128 x = make(r0, r1);
		u128 y = make(r2 >> (i % 64), r3) | 1;
		u128 q = x / y, r = x % y;
		s128 sq = (s128)x / (s128)y, sr = (s128)x % (s128)y;
		if (q * y + r != x || r >= y)
			rt_printf("bad unsigned division at %u\n", i);
		if (sq * (s128)y + sr != (s128)x)
			rt_printf("bad signed division at %u\n", i);
		h = h * 31 + (uint64_t)q + (uint64_t)(q >> 64) + (uint64_t)sr + (uint64_t)(x * y >> 64);
		h += (x < y) + ((s128)x < (s128)y) * 2;
	}
	rt_printf("random 128-bit digest %016lx\n", h);
	return 0;
}
