/* Hand-scheduled software-pipelined loops (rotating.S on ia64): br.ctop
 * and br.wtop with rotating general, FP and predicate registers, checked
 * against plain C loops over many lengths. */
#include "rt.h"

#ifdef __ia64__
uint64_t rot_sum64(const uint64_t *p, long n);
void rot_copy32(uint32_t *d, const uint32_t *s, long n);
double rot_ddot(const double *a, const double *b, long n);
long rot_count_above(const int64_t *p, long n, int64_t limit);
uint64_t rot_bytesum(const uint8_t *s);
#else
/* The host runs C loops computing exactly what the kernels compute. */
static uint64_t rot_sum64(const uint64_t *p, long n)
{
	uint64_t s = 0;
	for (long i = 0; i < n; i++)
		s += p[i];
	return s;
}
static void rot_copy32(uint32_t *d, const uint32_t *s, long n)
{
	for (long i = 0; i < n; i++)
		d[i] = s[i];
}
static double rot_ddot(const double *a, const double *b, long n)
{
	double s = 0;
	for (long i = 0; i < n; i++)
		s = s + a[i] * b[i];
	return s;
}
static long rot_count_above(const int64_t *p, long n, int64_t limit)
{
	long c = 0;
	for (long i = 0; i < n; i++)
		c += p[i] > limit;
	return c;
}
static uint64_t rot_bytesum(const uint8_t *s)
{
	uint64_t sum = 0, count = 0;
	for (; *s; s++, count++)
		sum += *s;
	return (count << 32) + sum;
}
#endif

enum { MAX = 1200 };
static uint64_t u64[MAX];
static uint32_t src32[MAX + 8], dst32[MAX + 8];
static double da[MAX], db[MAX];
static uint8_t text[MAX + 1];

int main(int argc, char **argv, char **envp)
{
	static const long lengths[] = { 1, 2, 3, 4, 5, 8, 17, 100, 999, 1200 };
	uint64_t st = 11;
	unsigned k;
	long i;

	for (i = 0; i < MAX; i++) {
		uint64_t r = rt_rand(&st);
		u64[i] = r;
		src32[i] = (uint32_t)(r >> 20);
		da[i] = (double)(int64_t)r / 9007199254740992.0;
		db[i] = 1.0 / (double)(i + 1);
		text[i] = (uint8_t)(r % 255 + 1);
	}
	for (k = 0; k < RT_ARRAY_LEN(lengths); k++) {
		long n = lengths[k];
		uint64_t ref = 0, h = 0;
		long above = 0;

		for (i = 0; i < n; i++) {
			ref += u64[i];
			above += (int64_t)u64[i] > 0x1000000000000000LL;
		}
		memset(dst32, 0xA5, sizeof(dst32));
		rot_copy32(dst32, src32, n);
		for (i = 0; i < n + 8; i++)
			h = h * 31 + dst32[i];
		text[n] = 0;
		rt_printf("n=%4ld sum %016lx %s copy %016lx %s dot %016lx above %ld/%ld bytes %016lx\n", n,
			  rot_sum64(u64, n), rot_sum64(u64, n) == ref ? "ok" : "BAD", h,
			  memcmp(dst32, src32, 4 * (size_t)n) == 0 && dst32[n] == 0xA5A5A5A5u ? "ok" : "BAD",
			  rt_f64_bits(rot_ddot(da, db, n)),
			  rot_count_above((const int64_t *)u64, n, 0x1000000000000000LL), above,
			  rot_bytesum(text));
		text[n] = (uint8_t)(n % 200 + 1);
	}
	text[0] = 0;
	rt_printf("empty string: %016lx\n", rot_bytesum(text));
	return 0;
}
