/* Workload: elementary functions computed from their series with only
 * IEEE arithmetic (exp, log, sin, cos, atan, pi, e, Newton square roots),
 * so every step must round exactly as on the reference. */
#include "rt.h"

static double my_exp(double x)
{
	int k = 0;
	double term = 1, sum = 1;

	while (x > 0.5 || x < -0.5) {	/* exp(x) = exp(x/2)^2 */
		x /= 2;
		k++;
	}
	for (int n = 1; n < 30; n++) {
		term = term * x / n;
		sum += term;
	}
	while (k--)
		sum *= sum;
	return sum;
}

static double my_log(double x)
{
	/* log(x) = 2 atanh((x-1)/(x+1)) after scaling x into [0.5, 2). */
	int k = 0;
	double y, y2, term, sum = 0;

	while (x > 2) {
		x /= 2;
		k++;
	}
	while (x < 0.5) {
		x *= 2;
		k--;
	}
	y = (x - 1) / (x + 1);
	y2 = y * y;
	term = y;
	for (int n = 1; n < 80; n += 2) {
		sum += term / n;
		term *= y2;
	}
	return 2 * sum + k * 0.69314718055994530942;
}

static double my_sin(double x)
{
	double term = x, sum = x;

	for (int n = 1; n < 25; n++) {
		term = -term * x * x / ((2 * n) * (2 * n + 1));
		sum += term;
	}
	return sum;
}

static double my_cos(double x)
{
	double term = 1, sum = 1;

	for (int n = 1; n < 25; n++) {
		term = -term * x * x / ((2 * n - 1) * (2 * n));
		sum += term;
	}
	return sum;
}

static double my_atan_small(double x)
{
	double term = x, sum = x, x2 = x * x;

	for (int n = 3; n < 200; n += 2) {
		term *= -x2;
		sum += term / n;
	}
	return sum;
}

static double newton_sqrt(double a)
{
	double x = a > 1 ? a / 2 : 1;

	for (int i = 0; i < 60; i++)
		x = 0.5 * (x + a / x);
	return x;
}

static long double pi_machin_l(void)
{
	/* pi = 16 atan(1/5) - 4 atan(1/239), in long double. */
	long double a = 0, b = 0, p5 = 1.0L / 5, p239 = 1.0L / 239;

	for (int n = 1; n < 60; n += 2) {
		a += ((n / 2) % 2 ? -p5 : p5) / n;
		b += ((n / 2) % 2 ? -p239 : p239) / n;
		p5 /= 25;
		p239 /= 57121;
	}
	return 16 * a - 4 * b;
}

int main(int argc, char **argv, char **envp)
{
	static const double xs[] = { -3.0, -0.5, 0.1, 1.0, 2.5, 10.0, 0.001 };
	double e = 0, f = 1;
	unsigned i;

	for (i = 0; i < RT_ARRAY_LEN(xs); i++) {
		double x = xs[i];
		rt_printf("x=%u\n", i);
		rt_show_f64("  exp", my_exp(x));
		rt_show_f64("  sin", my_sin(x));
		rt_show_f64("  cos", my_cos(x));
		if (x > 0) {
			rt_show_f64("  log", my_log(x));
			rt_show_f64("  sqrt", newton_sqrt(x));
		}
	}
	for (i = 1; i < 25; i++) {
		e += 1 / f;
		f *= i;
	}
	rt_show_f64("e", e + 1 / f);
	rt_show_f64("pi from atan(1/5), atan(1/239)",
		    16 * my_atan_small(0.2) - 4 * my_atan_small(1.0 / 239));
	rt_show_f80("pi long double", pi_machin_l());
	rt_show_f64("log(exp(1.5))", my_log(my_exp(1.5)));
	return 0;
}
