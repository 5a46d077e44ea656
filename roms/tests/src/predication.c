/* Branch-free code that gcc if-converts into predicated instructions and
 * conditional moves: min/max/abs/clamp/select, sorting networks, a
 * branchless binary search and conditional accumulation. */
#include "rt.h"

static RT_NOINLINE int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }
static RT_NOINLINE uint64_t maxu64(uint64_t a, uint64_t b) { return a > b ? a : b; }
static RT_NOINLINE int32_t abs32(int32_t a) { return a < 0 ? -a : a; }
static RT_NOINLINE int32_t clamp(int32_t x, int32_t lo, int32_t hi) { return x < lo ? lo : x > hi ? hi : x; }
static RT_NOINLINE int64_t sel3(int c, int64_t a, int64_t b, int64_t d) { return c == 0 ? a : c == 1 ? b : d; }
static RT_NOINLINE int sign3(int64_t x) { return (x > 0) - (x < 0); }

/* Six values sorted by branch-free compare-exchanges: nine sort a..e, five
 * carry the largest into f, and one backward pass places the old f. */
#define CSWAP(a, b) do { int32_t lo = a < b ? a : b, hi = a < b ? b : a; a = lo; b = hi; } while (0)
static RT_NOINLINE void sort6(int32_t *v)
{
	int32_t a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5];
	CSWAP(a, b); CSWAP(d, e); CSWAP(c, e); CSWAP(c, d); CSWAP(b, e); CSWAP(a, d);
	CSWAP(a, c); CSWAP(b, d); CSWAP(b, c); CSWAP(a, b); CSWAP(e, f); CSWAP(d, f);
	CSWAP(c, f); CSWAP(b, f); CSWAP(a, f);
	CSWAP(d, e); CSWAP(c, d); CSWAP(b, c); CSWAP(a, b);
	v[0] = a; v[1] = b; v[2] = c; v[3] = d; v[4] = e; v[5] = f;
}

/* Lower bound by halving a length: the loop body has no data-dependent branch. */
static RT_NOINLINE long lower_bound(const int32_t *v, long n, int32_t key)
{
	const int32_t *base = v;

	while (n > 1) {
		long half = n / 2;
		base = base[half - 1] < key ? base + half : base;
		n -= half;
	}
	return (base - v) + (n == 1 && *base < key);
}

static RT_NOINLINE uint64_t cond_accumulate(const int32_t *v, int n)
{
	uint64_t pos = 0, neg = 0, even = 0;

	for (int i = 0; i < n; i++) {
		int32_t x = v[i];
		pos += x > 0 ? (uint64_t)x : 0;
		neg += x < 0 ? (uint64_t)-(int64_t)x : 0;
		even += (x & 1) == 0;
	}
	return pos * 3 + neg * 5 + even;
}

int main(int argc, char **argv, char **envp)
{
	static int32_t arr[512];
	uint64_t st = 77, h = 0;
	int i, bad = 0;

	for (i = 0; i < 2000; i++) {
		uint64_t r = rt_rand(&st), q = rt_rand(&st);
		int32_t x = (int32_t)r, y = (int32_t)(r >> 32);
		h = h * 31 + (uint64_t)min64((int64_t)r, (int64_t)q);
		h = h * 31 + maxu64(r, q);
		h = h * 31 + (uint64_t)(x == INT32_MIN ? 0 : abs32(x));
		h = h * 31 + (uint64_t)clamp(x, -1000000, y < 0 ? -y / 2 : y);
		h = h * 31 + (uint64_t)sel3((int)(q % 4), (int64_t)r, (int64_t)q, -1);
		h = h * 31 + (uint64_t)(sign3((int64_t)r) + 1);
	}
	rt_printf("selects %016lx\n", h);
	for (i = 0, h = 0; i < 300; i++) {
		int32_t v[6];
		int k;
		for (k = 0; k < 6; k++)
			v[k] = (int32_t)(rt_rand(&st) % 21) - 10;
		sort6(v);
		for (k = 1; k < 6; k++)
			bad += v[k - 1] > v[k];
		for (k = 0; k < 6; k++)
			h = h * 7 + (uint64_t)(v[k] + 10);
	}
	rt_printf("sort6 %016lx unsorted %d\n", h, bad);
	for (i = 0; i < 512; i++)
		arr[i] = i * 3 - 700;
	for (i = 0, h = 0; i < 600; i++) {
		int32_t key = (int32_t)(rt_rand(&st) % 1700) - 750;
		long lb = lower_bound(arr, 512, key);
		bad += (lb < 512 && arr[lb] < key) || (lb > 0 && arr[lb - 1] >= key);
		h = h * 31 + (uint64_t)lb;
	}
	rt_printf("lower_bound %016lx wrong %d\n", h, bad);
	for (i = 0; i < 512; i++)
		arr[i] = (int32_t)rt_rand(&st) >> (i % 20);
	rt_printf("cond_accumulate %016lx\n", cond_accumulate(arr, 512));
	return 0;
}
