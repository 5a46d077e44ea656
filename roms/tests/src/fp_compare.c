/* Floating point comparisons (fcmp on ia64) in every relation, ordered and
 * unordered, over zeros, infinities, NaN and neighbouring values, plus
 * branch-free min/max selection. */
#include "fptest.h"

static volatile double v[] = { 0.0, -0.0, 1.0, 1.0000000000000002, -1.0, 1e-320, 1e308, 0.0, 0.0 };

static unsigned relations(double a, double b)
{
	return (unsigned)(a < b) | (a <= b) << 1 | (a > b) << 2 | (a >= b) << 3 | (a == b) << 4 |
	       (a != b) << 5 | (__builtin_isless(a, b) != 0) << 6 |
	       (__builtin_islessgreater(a, b) != 0) << 7 | (__builtin_isunordered(a, b) != 0) << 8 |
	       (__builtin_isgreaterequal(a, b) != 0) << 9;
}

static unsigned relations_f(float a, float b)
{
	return (unsigned)(a < b) | (a <= b) << 1 | (a > b) << 2 | (a >= b) << 3 | (a == b) << 4 |
	       (a != b) << 5 | (__builtin_isunordered(a, b) != 0) << 6;
}

static unsigned relations_l(long double a, long double b)
{
	return (unsigned)(a < b) | (a <= b) << 1 | (a > b) << 2 | (a >= b) << 3 | (a == b) << 4 |
	       (a != b) << 5 | (__builtin_isunordered(a, b) != 0) << 6;
}

int main(int argc, char **argv, char **envp)
{
	unsigned i, j, n = RT_ARRAY_LEN(v);

	v[7] = 1.0 / v[0];
	v[8] = v[0] / v[0];
	rt_printf("relation bits: lt le gt ge eq ne isless islessgreater isunordered isgreaterequal\n");
	for (i = 0; i < n; i++) {
		rt_printf("%u:", i);
		for (j = 0; j < n; j++)
			rt_printf(" %03x", relations(v[i], v[j]));
		rt_putc('\n');
	}
	for (i = 0; i < n; i++) {
		rt_printf("f%u:", i);
		for (j = 0; j < n; j++)
			rt_printf(" %02x/%02x", relations_f((float)v[i], (float)v[j]),
				  relations_l(v[i], (long double)v[j] * 1.0000000000000000001L));
		rt_putc('\n');
	}
	/* The selected operand must be returned bit for bit, zeros and NaN included. */
	rt_printf("max/min selections\n");
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			double a = v[i], b = v[j];
			double mx = a > b ? a : b, mn = a < b ? a : b;
			rt_printf("%c%c", mx == a && __builtin_signbit(mx) == __builtin_signbit(a) ? 'a' : 'b',
				  mn == a && __builtin_signbit(mn) == __builtin_signbit(a) ? 'a' : 'b');
		}
		rt_putc('\n');
	}
	rt_printf("mixed-type: %d %d %d\n", (float)0.1 == 0.1, 0.1f < 0.1, (long double)0.1 == 0.1);
	return 0;
}
