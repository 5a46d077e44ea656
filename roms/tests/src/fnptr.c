/* Calls through function pointers (function descriptors holding entry and
 * gp on ia64): tables, callbacks, returned pointers, pointers in structs. */
#include "rt.h"

typedef long (*binop)(long, long);

static long add(long a, long b) { return a + b; }
static long sub(long a, long b) { return a - b; }
static long mul(long a, long b) { return a * b; }
static long maxl(long a, long b) { return a > b ? a : b; }
static long gcd(long a, long b) { return b ? gcd(b, a % b) : a; }

static const binop table[] = { add, sub, mul, maxl, gcd };
static const char *const names[] = { "add", "sub", "mul", "max", "gcd" };

static RT_NOINLINE long fold(binop f, const long *v, int n, long init)
{
	int i;

	for (i = 0; i < n; i++)
		init = f(init, v[i]);
	return init;
}

static RT_NOINLINE binop pick(const char *name)
{
	unsigned i;

	for (i = 0; i < RT_ARRAY_LEN(names); i++)
		if (!strcmp(names[i], name))
			return table[i];
	return NULL;
}

/* A function returning a pointer to a function taking a function pointer. */
typedef long (*folder)(binop, const long *, int, long);
static folder get_folder(void) { return fold; }

struct visitor {
	void (*enter)(struct visitor *, int);
	void (*leave)(struct visitor *, int);
	long depth, max_depth;
	unsigned long score;	/* wraps: signed overflow would be undefined */
};

static void on_enter(struct visitor *v, int x)
{
	v->depth++;
	if (v->depth > v->max_depth)
		v->max_depth = v->depth;
	v->score = v->score * 31 + (unsigned long)x;
}

static void on_leave(struct visitor *v, int x)
{
	v->depth--;
	v->score ^= (unsigned long)x << (v->depth & 31);
}

static void walk(struct visitor *v, int node, int limit)
{
	if (node > limit)
		return;
	v->enter(v, node);
	walk(v, 2 * node, limit);
	walk(v, 2 * node + 1, limit);
	v->leave(v, node);
}

static int counter;
static void bump(void) { counter++; }
static void twice(void (*f)(void)) { f(); f(); }
static void (*volatile indirect)(void (*)(void)) = twice;

int main(int argc, char **argv, char **envp)
{
	static const long v[] = { 12, 18, -30, 42, 7, 1000, -3, 96 };
	struct visitor vis = { on_enter, on_leave, 0, 0, 0 };
	unsigned i;

	for (i = 0; i < RT_ARRAY_LEN(table); i++)
		rt_printf("%s: %ld\n", names[i], fold(table[i], v, RT_ARRAY_LEN(v), i == 2 ? 1 : 0));
	rt_printf("picked gcd: %ld\n", get_folder()(pick("gcd"), v, 4, 0));
	rt_printf("missing: %s\n", pick("div") == NULL ? "null" : "found");
	rt_printf("same pointer: %d %d\n", pick("mul") == mul, (binop)pick("add") == (binop)sub);
	walk(&vis, 1, 200);
	rt_printf("visitor: depth %ld max %ld score %016lx\n", vis.depth, vis.max_depth, vis.score);
	for (i = 0; i < 10; i++)
		indirect(bump);
	rt_printf("counter %d\n", counter);
	return 0;
}
