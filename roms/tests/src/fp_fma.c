/* Fused multiply-add (one rounding, fma/fma.s/fma.d on ia64, libm on the
 * host) against the separately rounded multiply and add, including the
 * error-free transformations built on it. */
#include "fptest.h"

static volatile double a[] = { 0.1, 3.0, 1.0000000000000002, 1e308, -1e308, 1e-308, 6.0, 0.3,
	134217729.0, -0.0 };
static volatile float af[] = { 0.1f, 3.0f, 1.00000012f, 3e38f, 1e-38f, 16777217.0f, -0.0f };
static volatile long double al[] = { 0.1L, 3.0L, 1.0000000000000000001L, 1e4900L, 7.0L };

/* Dekker-style exact product: p + e == x * y exactly. */
static void two_product(double x, double y, double *p, double *e)
{
	*p = x * y;
	*e = __builtin_fma(x, y, -*p);
}

int main(int argc, char **argv, char **envp)
{
	unsigned i, j, k;
	uint64_t h = 0, differ = 0;

	rt_printf("double fma vs mul+add\n");
	for (i = 0; i < RT_ARRAY_LEN(a); i++)
		for (j = 0; j < RT_ARRAY_LEN(a); j++)
			for (k = 0; k < RT_ARRAY_LEN(a); k += 3) {
				double f = __builtin_fma(a[i], a[j], a[k]), s = a[i] * a[j] + a[k];
				h = h * 31 + (f != f ? 1 : rt_f64_bits(f));
				differ += rt_f64_bits(f) != rt_f64_bits(s);
			}
	rt_printf("digest %016lx, differing from unfused %lu\n", h, differ);
	hex64(__builtin_fma(a[0], a[1], -0.30000000000000004));
	hex64(a[0] * a[1] - 0.30000000000000004);
	hex64(__builtin_fma(a[2], a[2], -1.0000000000000004));
	hex64(__builtin_fma(a[3], 2.0, a[4]));	/* the product alone would overflow */
	hex64(a[3] * 2.0 + a[4]);
	hex64(__builtin_fma(-a[5], a[5], 0.0));
	hex64(__builtin_fma(a[9], a[1], a[9]));
	hex64(__builtin_fma(a[9], a[1], 0.0));
	rt_putc('\n');
	{
		double p, e;
		two_product(a[8], a[8], &p, &e);
		rt_printf("two_product ");
		hex64(p);
		hex64(e);
		two_product(a[0], a[7], &p, &e);
		hex64(p);
		hex64(e);
		rt_putc('\n');
	}
	rt_printf("float: ");
	for (i = 0; i < RT_ARRAY_LEN(af); i++)
		hex32(__builtin_fmaf(af[i], af[(i + 1) % RT_ARRAY_LEN(af)], -af[(i + 2) % RT_ARRAY_LEN(af)]));
	hex32(__builtin_fmaf(af[5], af[5], -281474993487872.0f));
	rt_printf("\nlong double: ");
	for (i = 0; i < RT_ARRAY_LEN(al); i++)
		hex80(__builtin_fmal(al[i], al[(i + 1) % RT_ARRAY_LEN(al)], -al[(i + 3) % RT_ARRAY_LEN(al)]));
	hex80(__builtin_fmal(al[2], al[2], -al[2]));
	rt_putc('\n');
	/* Horner evaluation of a polynomial, fused and unfused. */
	{
		static const double c[] = { 1.0, -0.5, 1.0 / 3, -0.25, 0.2, -1.0 / 6, 1.0 / 7 };
		double x = a[0], pf = 0, pu = 0;
		for (i = RT_ARRAY_LEN(c); i-- > 0;) {
			pf = __builtin_fma(pf, x, c[i]);
			pu = pu * x + c[i];
		}
		rt_show_f64("horner fused", pf);
		rt_show_f64("horner unfused", pu);
	}
	return 0;
}
