/* Dynamic stack allocation: variable-length arrays and __builtin_alloca of
 * varying sizes inside recursion, which move sp by run-time amounts. */
#include "rt.h"

static RT_NOINLINE uint64_t vla_sum(int n, int depth)
{
	uint64_t v[n], s = 0;	/* n >= 1 */
	int i;

	for (i = 0; i < n; i++)
		v[i] = (uint64_t)(i * depth + n);
	if (depth > 0)
		s = vla_sum(n % 37 + 1 + depth, depth - 1);
	for (i = 0; i < n; i++)
		s = s * 3 + v[i];
	return s;
}

static RT_NOINLINE int alloca_chain(int depth, unsigned size)
{
	char *p = __builtin_alloca(size);
	int aligned = ((uintptr_t)p & 15) == 0, below;
	unsigned i;

	for (i = 0; i < size; i++)
		p[i] = (char)(i + depth);
	below = depth ? alloca_chain(depth - 1, size * 3 % 1000 + 1) : 1;
	/* Our buffer must be intact after the deeper frames used theirs. */
	for (i = 0; i < size; i++)
		if (p[i] != (char)(i + depth))
			return 0;
	return aligned && below;
}

static RT_NOINLINE uint64_t matrix_vla(int rows, int cols)
{
	double m[rows][cols];
	uint64_t h = 0;
	int r, c;

	for (r = 0; r < rows; r++)
		for (c = 0; c < cols; c++)
			m[r][c] = (double)(r * cols + c) / (double)(r + c + 1);
	for (c = 0; c < cols; c++)
		for (r = 0; r < rows; r++)
			h = h * 31 + rt_f64_bits(m[r][c]);
	return h;
}

int main(int argc, char **argv, char **envp)
{
	int n;

	for (n = 1; n <= 200; n = n * 3 + 1)
		rt_printf("vla_sum(%d) = %016lx\n", n, vla_sum(n, 20));
	rt_printf("alloca chain intact and aligned: %d\n", alloca_chain(60, 17));
	rt_printf("matrix 7x13 %016lx 40x3 %016lx\n", matrix_vla(7, 13), matrix_vla(40, 3));
	return 0;
}
