/* Deep and wide recursion: Ackermann, Takeuchi, naive Fibonacci and
 * mutual recursion. Hundreds of nested frames overflow the stacked
 * register file many times over, so the register stack engine spills and
 * fills continuously. */
#include "rt.h"

static unsigned long calls;

static RT_NOINLINE unsigned long ack(unsigned long m, unsigned long n)
{
	calls++;
	if (m == 0)
		return n + 1;
	if (n == 0)
		return ack(m - 1, 1);
	return ack(m - 1, ack(m, n - 1));
}

static RT_NOINLINE int tak(int x, int y, int z)
{
	calls++;
	if (y >= x)
		return z;
	return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
}

static RT_NOINLINE unsigned long fib(unsigned n)
{
	calls++;
	return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static int is_odd(unsigned n);

static RT_NOINLINE int is_even(unsigned n)
{
	return n == 0 ? 1 : is_odd(n - 1);
}

static RT_NOINLINE int is_odd(unsigned n)
{
	return n == 0 ? 0 : is_even(n - 1);
}

/* Depth-first sum over an implicit tree: one frame per level, 2000 deep. */
static RT_NOINLINE unsigned long chain(unsigned depth, unsigned long acc)
{
	unsigned long local = acc * 6364136223846793005UL + 1442695040888963407UL;

	if (depth == 0)
		return local;
	return chain(depth - 1, local) ^ (local >> 17);
}

int main(int argc, char **argv, char **envp)
{
	unsigned long m, n, r;
	int t;

	/* Each result is taken before reading the call count: argument
	 * evaluation order is unspecified. */
	for (m = 0; m <= 3; m++)
		for (n = 0; n <= (m < 3 ? 6 : 5); n++) {
			calls = 0;
			r = ack(m, n);
			rt_printf("ack(%lu, %lu) = %lu in %lu calls\n", m, n, r, calls);
		}
	calls = 0;
	t = tak(18, 12, 6);
	rt_printf("tak(18, 12, 6) = %d in %lu calls\n", t, calls);
	calls = 0;
	r = fib(24);
	rt_printf("fib(24) = %lu in %lu calls\n", r, calls);
	rt_printf("is_even(3001) = %d, is_odd(3001) = %d\n", is_even(3001), is_odd(3001));
	rt_printf("chain(2000) = %016lx\n", chain(2000, 1));
	return 0;
}
