/*
 * Host-independent display of binary floating point values. A finite value
 * is M * 2^E with integer M; its exact decimal expansion is produced in a
 * base-1e9 big number (M * 2^E when E >= 0, M * 5^-E scaled by 10^E when
 * E < 0) and cut to a fixed number of significant digits, without rounding.
 * Only integer arithmetic is used, so the text never depends on the FPU.
 */
#include "rt.h"

#define BASE 1000000000u
/* 5^16445 * 2^64 (the smallest double-extended denormal) has 11515 digits. */
#define MAX_LIMBS 1300

static uint32_t limb[MAX_LIMBS];	/* little-endian, base 1e9 */
static int nlimbs;

static void big_set(uint64_t m)
{
	nlimbs = 0;
	do {
		limb[nlimbs++] = (uint32_t)(m % BASE);
		m /= BASE;
	} while (m);
}

/* f < 2^31, so limb * f + carry stays below 2^64. */
static void big_mul(uint32_t f)
{
	uint64_t carry = 0;
	int i;

	for (i = 0; i < nlimbs; i++) {
		uint64_t t = (uint64_t)limb[i] * f + carry;
		limb[i] = (uint32_t)(t % BASE);
		carry = t / BASE;
	}
	while (carry) {
		limb[nlimbs++] = (uint32_t)(carry % BASE);
		carry /= BASE;
	}
}

static void big_mul_pow(uint32_t base, uint32_t chunk_pow, int chunk, int n)
{
	for (; n >= chunk; n -= chunk)
		big_mul(chunk_pow);
	while (n-- > 0)
		big_mul(base);
}

/* Prints M * 2^E (M != 0) as d.ddd...e±x with sig significant digits. */
static void put_decimal(uint64_t m, int e, int sig)
{
	char digits[40];
	int count = 0, total = 0, i, exp10, scale = 0;

	while (!(m & 1)) {
		m >>= 1;
		e++;
	}
	big_set(m);
	if (e >= 0) {
		big_mul_pow(2, 1u << 29, 29, e);
	} else {
		big_mul_pow(5, 1220703125u, 13, -e);	/* 5^13 */
		scale = -e;
	}
	for (i = nlimbs - 1; i >= 0 && count < sig; i--) {
		char tmp[9];
		uint32_t v = limb[i];
		int n = 0, j;

		do {
			tmp[n++] = (char)('0' + v % 10);
			v /= 10;
		} while (i == nlimbs - 1 ? v != 0 : n < 9);
		for (j = n - 1; j >= 0 && count < sig; j--)
			digits[count++] = tmp[j];
		if (i == nlimbs - 1)
			total = n + 9 * (nlimbs - 1);
	}
	while (count < sig)
		digits[count++] = '0';
	exp10 = total - 1 - scale;
	rt_putc(digits[0]);
	rt_putc('.');
	for (i = 1; i < sig; i++)
		rt_putc(digits[i]);
	rt_printf("e%c%d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
}

/* Shared tail: sign, class and decimal of a value split into fields. */
static void put_value(int neg, int is_special, uint64_t m, int e, int sig)
{
	if (is_special) {
		if (m)
			rt_puts("nan");
		else
			rt_puts(neg ? "-inf" : "inf");
		return;
	}
	if (neg)
		rt_putc('-');
	if (!m)
		rt_putc('0');
	else
		put_decimal(m, e, sig);
}

void rt_put_f32(float v)
{
	uint32_t b = rt_f32_bits(v), exp = (b >> 23) & 0xff, frac = b & 0x7fffff;

	rt_printf("0x%08x ", b);
	if (exp == 0xff)
		put_value(b >> 31, 1, frac, 0, 0);
	else if (exp == 0)
		put_value(b >> 31, 0, frac, -149, 9);
	else
		put_value(b >> 31, 0, frac | 0x800000, (int)exp - 150, 9);
}

void rt_put_f64(double v)
{
	uint64_t b = rt_f64_bits(v), frac = b & 0xfffffffffffffULL;
	int exp = (int)((b >> 52) & 0x7ff);

	rt_printf("0x%016llx ", (unsigned long long)b);
	if (exp == 0x7ff)
		put_value((int)(b >> 63), 1, frac, 0, 0);
	else if (exp == 0)
		put_value((int)(b >> 63), 0, frac, -1074, 17);
	else
		put_value((int)(b >> 63), 0, frac | (1ULL << 52), exp - 1075, 17);
}

void rt_put_f80(long double v)
{
	union rt_f80 c;
	int exp, neg;

	c.f = v;
	exp = c.p.sexp & 0x7fff;
	neg = c.p.sexp >> 15;
	rt_printf("0x%04x%016llx ", c.p.sexp, (unsigned long long)c.p.mant);
	if (exp == 0x7fff)	/* fraction without the explicit integer bit */
		put_value(neg, 1, c.p.mant << 1, 0, 0);
	else
		put_value(neg, 0, c.p.mant, (exp ? exp : 1) - 16383 - 63, 21);
}

void rt_show_f32(const char *label, float v)
{
	rt_printf("%s: ", label);
	rt_put_f32(v);
	rt_putc('\n');
}

void rt_show_f64(const char *label, double v)
{
	rt_printf("%s: ", label);
	rt_put_f64(v);
	rt_putc('\n');
}

void rt_show_f80(const char *label, long double v)
{
	rt_printf("%s: ", label);
	rt_put_f80(v);
	rt_putc('\n');
}
