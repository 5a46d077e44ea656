/* The four arithmetic operations in float, double and long double over a
 * grid of ordinary, extreme, denormal, zero and infinite operands. On ia64
 * division is an frcpa-seeded Newton-Raphson sequence for every type. */
#include "fptest.h"

#define N 16

static volatile float f32v[N];
static volatile double f64v[N];
static volatile long double f80v[N];

static void init(void)
{
	static const double base[N - 4] = { 0.0, -0.0, 1.0, -1.5, 0.1, 3.0, 1e30, -7e-30,
		123456.789, 2.5e-5, 65504.0, -0.333 };
	int i;

	for (i = 0; i < N - 4; i++) {
		f32v[i] = (float)base[i];
		f64v[i] = base[i];
		f80v[i] = (long double)base[i];
	}
	/* Per-type extremes: largest finite, smallest normal, smallest denormal, infinity. */
	f32v[12] = FLT_MAX;
	f32v[13] = FLT_MIN;
	f32v[14] = rt_f32_from(1);
	f32v[15] = -inf32();
	f64v[12] = DBL_MAX;
	f64v[13] = DBL_MIN;
	f64v[14] = rt_f64_from(1);
	f64v[15] = -inf64();
	f80v[12] = LDBL_MAX;
	f80v[13] = LDBL_MIN;
	f80v[14] = rt_f80_from(0, 1);
	f80v[15] = -inf80();
	/* Slot 10 becomes 1/3, divided at run time in each type. */
	f64v[10] = f64v[2] / f64v[5];
	f80v[10] = f80v[2] / f80v[5];
	f32v[10] = f32v[2] / f32v[5];
}

int main(int argc, char **argv, char **envp)
{
	int i, j;

	init();
	rt_printf("float: a+b a-b a*b a/b\n");
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++) {
			float a = f32v[i], b = f32v[j];
			rt_printf("%2d %2d ", i, j);
			hex32(a + b);
			hex32(a - b);
			hex32(a * b);
			hex32(a / b);
			rt_putc('\n');
		}
	rt_printf("double: a+b a-b a*b a/b\n");
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++) {
			double a = f64v[i], b = f64v[j];
			rt_printf("%2d %2d ", i, j);
			hex64(a + b);
			hex64(a - b);
			hex64(a * b);
			hex64(a / b);
			rt_putc('\n');
		}
	rt_printf("long double: a+b a-b a*b a/b\n");
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++) {
			long double a = f80v[i], b = f80v[j];
			rt_printf("%2d %2d ", i, j);
			hex80(a + b);
			hex80(a - b);
			hex80(a * b);
			hex80(a / b);
			rt_putc('\n');
		}
	/* A few results in decimal as well. */
	rt_show_f32("1/3f", f32v[10]);
	rt_show_f64("1/3", f64v[10]);
	rt_show_f80("1/3L", f80v[10]);
	rt_show_f64("0.1*3", f64v[4] * f64v[5]);
	rt_show_f64("max/min", f64v[12] / f64v[13]);
	rt_show_f64("denorm*2^52", f64v[14] * 4503599627370496.0);
	rt_show_f80("max80/3", f80v[12] / f80v[5]);
	return 0;
}
