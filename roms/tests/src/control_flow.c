/* Control flow: nested loops with break and continue, do-while, goto out
 * of nested loops, early returns, Collatz chains and a small interpreter
 * loop dispatching on opcodes. */
#include "rt.h"

static unsigned collatz_len(uint64_t n)
{
	unsigned len = 1;

	while (n != 1) {
		n = n & 1 ? 3 * n + 1 : n / 2;
		len++;
	}
	return len;
}

static int find_pair(const int *v, int n, int target, int *ia, int *ib)
{
	int i, j;

	for (i = 0; i < n; i++) {
		if (v[i] > target)
			continue;
		for (j = i + 1; j < n; j++) {
			if (v[j] > target)
				continue;
			if (v[i] + v[j] == target)
				goto found;
		}
	}
	return 0;
found:
	*ia = i;
	*ib = j;
	return 1;
}

/* A stack machine: push, add, mul, dup, swap, jump-if-nonzero, dec, halt. */
enum { PUSH, ADD, MUL, DUP, SWAP, JNZ, DEC, HALT, OVER, DROP };

static long run(const int *code)
{
	long stack[32];
	int sp = 0, pc = 0, steps = 0;

	for (;;) {
		steps++;
		switch (code[pc++]) {
		case PUSH: stack[sp++] = code[pc++]; break;
		case ADD: sp--; stack[sp - 1] += stack[sp]; break;
		case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
		case DUP: stack[sp] = stack[sp - 1]; sp++; break;
		case OVER: stack[sp] = stack[sp - 2]; sp++; break;
		case DROP: sp--; break;
		case SWAP: { long t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
		case DEC: stack[sp - 1]--; break;
		case JNZ: { int target = code[pc++]; if (stack[--sp]) pc = target; break; }
		case HALT: return stack[sp - 1] * 1000 + steps;
		}
	}
}

int main(int argc, char **argv, char **envp)
{
	static const int values[] = { 15, 3, 9, 27, 1, 8, 12, 20, 6, 11 };
	/* acc = 1; n = 10; do { acc *= n; n--; } while (n); -> 10! */
	static const int factorial[] = { PUSH, 1, PUSH, 10, SWAP, OVER, MUL, SWAP, DEC, DUP,
		JNZ, 4, DROP, HALT };
	unsigned best = 0, len;
	uint64_t n, best_n = 0;
	int i, a, b, k = 0;

	for (n = 1; n < 3000; n++) {
		len = collatz_len(n);
		if (len > best) {
			best = len;
			best_n = n;
		}
	}
	rt_printf("longest Collatz chain below 3000: %lu (%u terms)\n", best_n, best);
	for (i = 10; i <= 40; i += 10) {
		if (find_pair(values, 10, i, &a, &b))
			rt_printf("pair for %d: %d+%d\n", i, values[a], values[b]);
		else
			rt_printf("no pair for %d\n", i);
	}
	do {
		k += 3;
		if (k % 2)
			continue;
		k++;
	} while (k < 50);
	rt_printf("do-while ended at %d\n", k);
	rt_printf("interpreter: %ld\n", run(factorial));
	return 0;
}
