/* Workload: counting N-queens solutions for N = 1..10 with bitmask
 * backtracking, and printing the first solution for N = 8. */
#include "rt.h"

static unsigned long nodes;

static RT_NOINLINE int solve(unsigned n, unsigned row, uint32_t cols, uint32_t d1, uint32_t d2)
{
	uint32_t all = (1u << n) - 1, free;
	int count = 0;

	nodes++;
	if (row == n)
		return 1;
	for (free = all & ~(cols | d1 | d2); free; free &= free - 1) {
		uint32_t bit = free & -free;
		count += solve(n, row + 1, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
	}
	return count;
}

static int first(unsigned n, unsigned row, int *pos)
{
	unsigned c, r;

	if (row == n)
		return 1;
	for (c = 0; c < n; c++) {
		for (r = 0; r < row; r++)
			if (pos[r] == (int)c || pos[r] - (int)c == (int)(row - r) ||
			    (int)c - pos[r] == (int)(row - r))
				break;
		if (r == row) {
			pos[row] = (int)c;
			if (first(n, row + 1, pos))
				return 1;
		}
	}
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	int pos[8];
	unsigned n, r, c;

	for (n = 1; n <= 10; n++) {
		int s;
		nodes = 0;
		s = solve(n, 0, 0, 0, 0);
		rt_printf("queens(%2u) = %4d solutions, %6lu nodes\n", n, s, nodes);
	}
	first(8, 0, pos);
	for (r = 0; r < 8; r++) {
		for (c = 0; c < 8; c++)
			rt_putc(pos[r] == (int)c ? 'Q' : '.');
		rt_putc('\n');
	}
	return 0;
}
