/* memmove with overlapping ranges in both directions, memset and memcmp,
 * checked against simple reference loops. */
#include "rt.h"

static void ref_move(uint8_t *d, const uint8_t *s, size_t n)
{
	uint8_t tmp[512];
	size_t i;

	for (i = 0; i < n; i++)
		tmp[i] = s[i];
	for (i = 0; i < n; i++)
		d[i] = tmp[i];
}

static int sign(int x) { return (x > 0) - (x < 0); }

int main(int argc, char **argv, char **envp)
{
	static uint8_t a[600], b[600];
	uint64_t h = 0, errors = 0;
	size_t n, i;
	int from, to;

	for (n = 0; n <= 300; n += 17)
		for (from = 0; from < 24; from += 5)
			for (to = 0; to < 24; to += 3) {
				for (i = 0; i < sizeof(a); i++)
					a[i] = b[i] = (uint8_t)(i * 13 + n);
				memmove(a + 100 + to, a + 100 + from, n);
				ref_move(b + 100 + to, b + 100 + from, n);
				errors += memcmp(a, b, sizeof(a)) != 0;
				for (i = 0; i < sizeof(a); i += 8)
					h = h * 33 + a[i];
			}
	rt_printf("overlapping moves: digest %016lx, errors %lu\n", h, errors);

	for (n = 0, h = 0; n < 200; n += 7) {
		memset(a + (n % 9), (int)(n * 3), n);
		for (i = 0; i < n; i++)
			errors += a[(n % 9) + i] != (uint8_t)(n * 3);
		h = h * 31 + a[n % 9 + n / 2];
	}
	rt_printf("memset: digest %016lx, errors %lu\n", h, errors);

	memset(a, 0, 64);
	memset(b, 0, 64);
	a[40] = 5;
	b[40] = 200;
	rt_printf("memcmp %d %d %d %d\n", sign(memcmp(a, b, 40)), sign(memcmp(a, b, 41)),
		  sign(memcmp(b, a, 64)), sign(memcmp(a, a + 1, 0)));
	/* Shift a string inside itself, left then right. */
	{
		char s[32] = "0123456789abcdefghij";
		memmove(s + 3, s, 15);
		rt_printf("%s\n", s);
		memmove(s, s + 5, 16);
		rt_printf("%s\n", s);
	}
	return 0;
}
