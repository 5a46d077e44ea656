/* Non-local exits with __builtin_setjmp / __builtin_longjmp: the jump
 * discards hundreds of frames, so the register stack (ar.bsp, ar.bspstore,
 * ar.rnat) must be restored as well as sp and the preserved registers. */
#include "rt.h"

static void *jb[5];
static void *inner_jb[5];
static volatile int unwound;

static RT_NOINLINE unsigned long dive(int depth, int target, unsigned long acc)
{
	unsigned long local = acc * 3 + (unsigned)depth;

	if (depth == target) {
		unwound = depth;
		__builtin_longjmp(jb, 1);
	}
	return dive(depth + 1, target, local) + local;
}

static RT_NOINLINE int try_dive(int target, unsigned long *out)
{
	volatile int attempts = 0;

	if (__builtin_setjmp(jb)) {
		/* Back from the longjmp: only volatile locals are reliable here. */
		attempts++;
		return attempts;
	}
	*out = dive(0, target, 1);
	return 0;
}

/* The jump must come from another function than the one that set it. */
static RT_NOINLINE void maybe_jump(int n)
{
	if (n % 3 == 0)
		__builtin_longjmp(inner_jb, 1);
}

static RT_NOINLINE int inner(int n)
{
	if (__builtin_setjmp(inner_jb))
		return -n;
	maybe_jump(n);
	return n;
}

/* setjmp inside a loop, jumping out from a nested call a different number
 * of levels down each time. */
static RT_NOINLINE void thrower(int levels)
{
	if (levels == 0)
		__builtin_longjmp(jb, 1);
	thrower(levels - 1);
}

int main(int argc, char **argv, char **envp)
{
	unsigned long out = 0;
	int i, r;
	volatile long sum = 0;

	for (i = 1; i <= 400; i *= 3) {
		r = try_dive(i, &out);
		rt_printf("target %d: returned %d, unwound from depth %d\n", i, r, unwound);
	}
	for (i = 1; i <= 9; i++)
		rt_printf("inner(%d) = %d\n", i, inner(i));
	for (i = 0; i < 50; i++) {
		if (__builtin_setjmp(jb) == 0)
			thrower(i * 7);
		sum += i;
	}
	rt_printf("loop sum %ld\n", sum);
	return 0;
}
