/* Gradual underflow: denormal operands and results in float, double and
 * long double, crossing the normal/denormal boundary in both directions. */
#include "fptest.h"

static volatile float fmin_n = FLT_MIN, fden = 1.4e-45f, two_f = 2.0f, third_f = 0.333333343f;
static volatile double dmin_n = DBL_MIN, dden = 4.9406564584124654e-324, two_d = 2.0,
		       third_d = 0.33333333333333331;
static volatile long double lmin_n = LDBL_MIN, two_l = 2.0L, third_l = 1.0L / 3;

int main(int argc, char **argv, char **envp)
{
	long double lden = rt_f80_from(0, 1);
	float f = fmin_n;
	double d = dmin_n;
	long double l = lmin_n;
	int i;

	rt_printf("halving from the smallest normal\n");
	for (i = 0; i < 26; i++) {
		rt_printf("%2d ", i);
		hex32(f);
		hex64(d);
		hex80(l);
		rt_putc('\n');
		f = f / two_f * 1.25f;
		d = d / two_d * 1.25;
		l = l / two_l * 1.25L;
	}
	rt_printf("arithmetic on denormals\n");
	hex32(fden + fden);
	hex32(fden * 3);
	hex32(fmin_n - fden);
	hex32(fden * third_f);
	hex32(fmin_n * third_f);
	hex32((fmin_n / 3) * 3);
	rt_putc('\n');
	hex64(dden + dden);
	hex64(dden * 3);
	hex64(dmin_n - dden);
	hex64(dden * third_d);
	hex64(dmin_n * third_d);
	hex64((dmin_n / 3) * 3);
	hex64(dmin_n / 4503599627370496.0);
	rt_putc('\n');
	hex80(lden + lden);
	hex80(lden * 3);
	hex80(lmin_n - lden);
	hex80(lden * third_l);
	hex80(lmin_n * third_l);
	hex80((lmin_n / 3) * 3);
	rt_putc('\n');
	rt_printf("denormal to normal\n");
	hex32(fden * 8388608.0f);
	hex64(dden * 4503599627370496.0);
	hex64(dden / 1e-300);
	hex80(lden * 9223372036854775808.0L);
	hex80(lden / (long double)DBL_MIN);
	rt_putc('\n');
	rt_printf("denormals between types\n");
	hex32((float)(dmin_n * 1e-10));
	hex64((double)fden);
	hex64((double)(lmin_n * 1e100L));
	hex80((long double)dden);
	hex80((long double)fden);
	rt_putc('\n');
	rt_show_f32("smallest float denormal", fden);
	rt_show_f64("smallest double denormal", dden);
	rt_show_f80("smallest long double denormal", lden);
	rt_show_f80("largest long double denormal", rt_f80_from(0, 0x7fffffffffffffffULL));
	return 0;
}
