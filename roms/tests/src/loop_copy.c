/* memcpy-like and transform loops over arrays of 1, 2, 4 and 8 byte
 * elements of several sizes: plain copies, reversed copies, gathers with
 * an index array, widening and narrowing copies, and prefix sums. */
#include "rt.h"

enum { MAX = 2048 };
static uint8_t b1[MAX], c1[MAX];
static uint16_t b2[MAX], c2[MAX];
static uint32_t b4[MAX], c4[MAX], idx[MAX];
static uint64_t b8[MAX], c8[MAX];

static RT_NOINLINE void copy8(uint8_t *d, const uint8_t *s, int n) { for (int i = 0; i < n; i++) d[i] = s[i]; }
static RT_NOINLINE void copy16(uint16_t *d, const uint16_t *s, int n) { for (int i = 0; i < n; i++) d[i] = s[i]; }
static RT_NOINLINE void copy32(uint32_t *d, const uint32_t *s, int n) { for (int i = 0; i < n; i++) d[i] = s[i]; }
static RT_NOINLINE void copy64(uint64_t *d, const uint64_t *s, int n) { for (int i = 0; i < n; i++) d[i] = s[i]; }
static RT_NOINLINE void rev64(uint64_t *d, const uint64_t *s, int n) { for (int i = 0; i < n; i++) d[i] = s[n - 1 - i]; }
static RT_NOINLINE void gather(uint32_t *d, const uint32_t *s, const uint32_t *ix, int n) { for (int i = 0; i < n; i++) d[i] = s[ix[i]]; }
static RT_NOINLINE void widen(uint64_t *d, const uint16_t *s, int n) { for (int i = 0; i < n; i++) d[i] = (uint64_t)s[i] * 65537; }
static RT_NOINLINE void narrow(uint8_t *d, const uint32_t *s, int n) { for (int i = 0; i < n; i++) d[i] = (uint8_t)(s[i] >> 7); }
static RT_NOINLINE void prefix(uint32_t *d, const uint32_t *s, int n)
{
	uint32_t acc = 0;
	for (int i = 0; i < n; i++)
		d[i] = acc += s[i];
}

static uint64_t digest(const void *p, int bytes)
{
	const uint8_t *b = p;
	uint64_t h = 1469598103934665603ULL;
	for (int i = 0; i < bytes; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	return h;
}

int main(int argc, char **argv, char **envp)
{
	static const int sizes[] = { 0, 1, 5, 16, 33, 100, 511, 1024, 2048 };
	uint64_t st = 3;
	unsigned k;
	int i;

	for (i = 0; i < MAX; i++) {
		uint64_t r = rt_rand(&st);
		b1[i] = (uint8_t)r;
		b2[i] = (uint16_t)(r >> 8);
		b4[i] = (uint32_t)(r >> 16);
		b8[i] = r;
		idx[i] = (uint32_t)(r >> 40) % MAX;
	}
	for (k = 0; k < RT_ARRAY_LEN(sizes); k++) {
		int n = sizes[k];
		memset(c1, 0, sizeof(c1));
		memset(c8, 0, sizeof(c8));
		copy8(c1, b1, n);
		copy16(c2, b2, n);
		copy32(c4, b4, n);
		copy64(c8, b8, n);
		rt_printf("n=%4d copy %d%d%d%d", n, memcmp(c1, b1, (size_t)n) == 0,
			  memcmp(c2, b2, 2 * (size_t)n) == 0, memcmp(c4, b4, 4 * (size_t)n) == 0,
			  memcmp(c8, b8, 8 * (size_t)n) == 0);
		rev64(c8, b8, n);
		rt_printf(" rev %016lx", digest(c8, 8 * n));
		gather(c4, b4, idx, n);
		rt_printf(" gather %016lx", digest(c4, 4 * n));
		widen(c8, b2, n);
		rt_printf(" widen %016lx", digest(c8, 8 * n));
		narrow(c1, b4, n);
		rt_printf(" narrow %016lx", digest(c1, n));
		prefix(c4, b4, n);
		rt_printf(" prefix %016lx\n", digest(c4, 4 * n));
	}
	return 0;
}
