/* Square roots in float, double and long double (gcc's inline frsqrta
 * sequences on ia64) of perfect squares, irrational roots, extremes,
 * denormals, zeros of both signs and infinity, in round-to-nearest. */
#include "fptest.h"

static volatile double in[] = { 0.0, -0.0, 1.0, 2.0, 3.0, 4.0, 0.25, 10.0, 1e-300, 1e300,
	144.0, 1.0000000000000002, 0.9999999999999999, 123456789.0, 5e-324, 2.2250738585072014e-308,
	1.7976931348623157e308, 0.1, 7.0, 1e10, 1e-10, 12345.678 };

int main(int argc, char **argv, char **envp)
{
	uint64_t st = 17;
	unsigned i, bad = 0;
	float fs;
	double ds;
	long double ls;

	for (i = 0; i < RT_ARRAY_LEN(in); i++) {
		float f = (float)in[i];
		long double l = in[i];
		rt_printf("%2u ", i);
		hex32(__builtin_sqrtf(f));
		hex64(__builtin_sqrt(in[i]));
		hex80(__builtin_sqrtl(l));
		rt_putc('\n');
	}
	rt_printf("inf ");
	hex32(__builtin_sqrtf(inf32()));
	hex64(__builtin_sqrt(inf64()));
	hex80(__builtin_sqrtl(inf80()));
	rt_printf("\nnegative ");
	hex32(__builtin_sqrtf(-(float)in[2]));
	hex64(__builtin_sqrt(-in[3]));
	hex80(__builtin_sqrtl(-(long double)in[4]));
	rt_printf("\nlong double extremes ");
	hex80(__builtin_sqrtl(LDBL_MAX));
	hex80(__builtin_sqrtl(LDBL_MIN));
	hex80(__builtin_sqrtl(rt_f80_from(0, 1)));
	rt_putc('\n');
	fs = __builtin_sqrtf((float)in[3]);
	ds = __builtin_sqrt(in[3]);
	ls = __builtin_sqrtl((long double)in[3]);
	rt_show_f32("sqrtf(2)", fs);
	rt_show_f64("sqrt(2)", ds);
	rt_show_f80("sqrtl(2)", ls);

	/* Random operands: the result squared must bracket the input, and the
	 * bits are folded into a digest. */
	{
		uint64_t h32 = 0, h64 = 0, h80 = 0;
		for (i = 0; i < 3000; i++) {
			uint64_t r = rt_rand(&st);
			double x = rt_f64_from(r >> 2);	/* positive, any exponent up to 2^511 */
			float xf = rt_f32_from((uint32_t)(r >> 34));
			long double xl = (long double)x * (long double)(r & 0xffff);
			double s = __builtin_sqrt(x);
			h64 = h64 * 31 + rt_f64_bits(s);
			h32 = h32 * 31 + rt_f32_bits(__builtin_sqrtf(xf));
			{
				union rt_f80 c;
				c.f = __builtin_sqrtl(xl);
				h80 = h80 * 31 + (c.p.mant ^ c.p.sexp);
			}
			/* Exact check in long double: s*s and its neighbours around x. */
			if (x > 1e-300 && x < 1e300) {
				long double lo = (long double)rt_f64_from(rt_f64_bits(s) - 1);
				long double hi = (long double)rt_f64_from(rt_f64_bits(s) + 1);
				long double sl = s;
				bad += !((lo + sl) * (lo + sl) <= 4 * (long double)x &&
					 4 * (long double)x <= (hi + sl) * (hi + sl));
			}
		}
		rt_printf("random: f32 %016lx f64 %016lx f80 %016lx, bracket failures %u\n", h32, h64, h80,
			  bad);
	}
	return 0;
}
