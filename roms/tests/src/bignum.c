/* Workload: big-number arithmetic in base 10^9 limbs: factorials up to
 * 500!, 2^1000, and the 1000th Fibonacci number, printed in full. */
#include "rt.h"

#define BASE 1000000000u
enum { LIMBS = 200 };

struct big { int n; uint32_t d[LIMBS]; };	/* little-endian limbs */

static void set(struct big *b, uint32_t v)
{
	b->n = 1;
	b->d[0] = v;
}

static void mul_small(struct big *b, uint32_t m)
{
	uint64_t carry = 0;
	int i;

	for (i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->d[i] * m + carry;
		b->d[i] = (uint32_t)(t % BASE);
		carry = t / BASE;
	}
	while (carry) {
		b->d[b->n++] = (uint32_t)(carry % BASE);
		carry /= BASE;
	}
}

static void add(struct big *r, const struct big *a, const struct big *b)
{
	uint32_t carry = 0;
	int i, n = a->n > b->n ? a->n : b->n;

	for (i = 0; i < n; i++) {
		uint32_t s = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
		carry = s >= BASE;
		r->d[i] = carry ? s - BASE : s;
	}
	r->n = n;
	if (carry)
		r->d[r->n++] = 1;
}

/* Prints " = <digits>" and a summary line; the caller prints the name. */
static void print(const struct big *b)
{
	int i, digits = 0, sum = 0;
	uint32_t top = b->d[b->n - 1];

	rt_printf(" = %u", top);
	for (i = b->n - 2; i >= 0; i--)
		rt_printf("%09u", b->d[i]);
	for (; top; top /= 10)
		digits++;
	for (i = 0; i < b->n; i++) {
		uint32_t v = b->d[i];
		for (; v; v /= 10)
			sum += (int)(v % 10);
	}
	rt_printf("\n  (%d digits, digit sum %d)\n", digits + 9 * (b->n - 1), sum);
}

int main(int argc, char **argv, char **envp)
{
	static struct big f, p, a, b, c;
	uint32_t i;

	set(&f, 1);
	for (i = 1; i <= 500; i++) {
		mul_small(&f, i);
		if (i == 25 || i == 100 || i == 500) {
			rt_printf("%u!", i);
			print(&f);
		}
	}
	set(&p, 1);
	for (i = 0; i < 1000; i++)
		mul_small(&p, 2);
	rt_printf("2^1000");
	print(&p);
	set(&a, 0);
	set(&b, 1);
	for (i = 1; i < 1000; i++) {
		add(&c, &a, &b);
		a = b;
		b = c;
	}
	rt_printf("fib(1000)");
	print(&b);
	return 0;
}
