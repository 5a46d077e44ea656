/* The four IEEE rounding directions, selected through FPSR.sf0.rc on ia64
 * (fesetround on the host): arithmetic, division, conversions and
 * narrowing in each type must round the selected way. */
#include "fptest.h"

/* Negative operands come from memory too: with a directed rounding,
 * (-a) * b and -(a * b) differ, so the sign must not be folded. */
static volatile double dv[] = { 1.0, 3.0, -1.0, 0.1, -0.7, 1e308, 2.5, 1e-310, -1e308, -2.5 };
static volatile int64_t iv[] = { 9007199254740993LL, -9007199254740993LL, 0x7fffffffffffffffLL,
	16777217, -16777219 };
static volatile uint64_t uv = 0xfffffffffffffbffULL;

static const char *const mode_names[] = { "nearest", "down", "up", "zero" };

static void run(void)
{
	double one = dv[0], three = dv[1], m1 = dv[2], tenth = dv[3], m07 = dv[4];
	float f1 = (float)one, f3 = (float)three;
	long double l1 = one, l3 = three;
	unsigned i;

	hex64(one / three);
	hex64(m1 / three);
	hex64(tenth + m07);
	hex64(tenth * three);
	hex64(dv[5] * three);	/* overflow: inf or DBL_MAX depending on direction */
	hex64(dv[8] * three);
	hex64(dv[7] / three);	/* denormal result */
	rt_printf("\n  f32 ");
	hex32(f1 / f3);
	hex32((float)m1 / f3);
	hex32((float)tenth);
	hex32((float)m07);
	hex32(f3 * (float)tenth);
	rt_printf("\n  f80 ");
	hex80(l1 / l3);
	hex80((long double)m1 / l3);
	hex80((long double)tenth * 3);
	hex80(l1 + (long double)dv[7]);
	rt_printf("\n  narrowing ");
	hex64((double)(l1 / l3));
	hex32((float)(l1 / l3));
	hex64((double)((long double)m1 / l3));
	rt_printf("\n  int conversions ");
	for (i = 0; i < RT_ARRAY_LEN(iv); i++) {
		hex64((double)iv[i]);
		hex32((float)iv[i]);
	}
	hex64((double)uv);
	hex32((float)uv);
	/* Conversion to an integer truncates whatever the rounding direction. */
	rt_printf("\n  to int %ld %ld %d\n", (long)(dv[6] * three), (long)(dv[9] * three),
		  (int)((float)dv[6] + f3));
}

int main(int argc, char **argv, char **envp)
{
	int m;

	for (m = 0; m < 4; m++) {
		set_rounding_mode(m);
		rt_printf("%s (read back %d)\n  f64 ", mode_names[m], get_rounding_mode());
		run();
	}
	set_rounding_mode(RT_RN);
	rt_show_f64("back to nearest: 1/3", dv[0] / dv[1]);
	return 0;
}
