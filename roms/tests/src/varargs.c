/* Variadic functions: integers of every width, doubles and long doubles,
 * pointers, va_copy, and a va_list handed on to another function. */
#include "rt.h"

static RT_NOINLINE long sum_ints(int n, ...)
{
	va_list ap;
	long s = 0;

	va_start(ap, n);
	while (n--)
		s = s * 3 + va_arg(ap, int);
	va_end(ap);
	return s;
}

/* Format letters: i int, l long, d double, L long double, s string. */
static RT_NOINLINE void show(const char *fmt, ...)
{
	va_list ap, again;
	uint64_t h = 0;
	const char *f;

	va_start(ap, fmt);
	va_copy(again, ap);
	for (f = fmt; *f; f++) {
		switch (*f) {
		case 'i': rt_printf("i:%d ", va_arg(ap, int)); break;
		case 'l': rt_printf("l:%ld ", va_arg(ap, long)); break;
		case 'd': rt_put_f64(va_arg(ap, double)); rt_putc(' '); break;
		case 'L': rt_put_f80(va_arg(ap, long double)); rt_putc(' '); break;
		case 's': rt_printf("s:%s ", va_arg(ap, const char *)); break;
		}
	}
	va_end(ap);
	/* A second pass over the copy must see the same arguments. */
	for (f = fmt; *f; f++) {
		switch (*f) {
		case 'i': h = h * 31 + (uint64_t)(int64_t)va_arg(again, int); break;
		case 'l': h = h * 31 + (uint64_t)va_arg(again, long); break;
		case 'd': h = h * 31 + rt_f64_bits(va_arg(again, double)); break;
		case 'L': {
			union rt_f80 u;
			u.f = va_arg(again, long double);
			h = h * 31 + (u.p.mant ^ u.p.sexp);
			break;
		}
		case 's': h = h * 31 + strlen(va_arg(again, const char *)); break;
		}
	}
	va_end(again);
	rt_printf("| %016lx\n", h);
}

static RT_NOINLINE int forward(const char *prefix, const char *fmt, ...)
{
	va_list ap;
	int n;

	rt_puts(prefix);
	va_start(ap, fmt);
	n = rt_vprintf(fmt, ap);
	va_end(ap);
	return n;
}

static RT_NOINLINE double avg(int n, ...)
{
	va_list ap;
	double s = 0;
	int i;

	va_start(ap, n);
	for (i = 0; i < n; i++)
		s += va_arg(ap, double);
	va_end(ap);
	return s / n;
}

int main(int argc, char **argv, char **envp)
{
	char c = -5;
	short sh = -30000;
	unsigned char uc = 250;
	float fl = 1.5f;

	rt_printf("sum_ints %ld\n", sum_ints(12, 1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12));
	rt_printf("sum_ints promoted %ld\n", sum_ints(3, c, sh, uc));
	show("ildLs", 42, -1234567890123L, 2.75, 1.0L / 3, "text");
	show("ddddddddddi", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 99);
	show("iLiLiL", 1, 0.5L, 2, -0.25L, 3, 1e300L * 1e300L);
	show("d", (double)fl);
	forward("forwarded: ", "%d %s %lx %c\n", -77, "str", 0xabcdefUL, 'Q');
	rt_show_f64("avg", avg(5, 1.0, 2.0, 3.5, -4.0, 100.25));
	return 0;
}
