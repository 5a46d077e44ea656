/* Recursion where each frame keeps dozens of values live across the
 * recursive call, so gcc gives every frame a large alloc; 150 levels need
 * thousands of stacked registers, far beyond the physical register file. */
#include "rt.h"

static inline uint64_t mix(uint64_t x, unsigned k)
{
	x ^= x >> 29;
	x *= 0xBF58476D1CE4E5B9ULL + 2 * k;
	return x ^ (x >> 32);
}

#define V(i, p) uint64_t v##i = mix(v##p + seed, i);
#define U(i) (v##i * (2 * i + 1))

static RT_NOINLINE uint64_t heavy(int depth, uint64_t seed)
{
	uint64_t v0 = mix(seed, 0), r;
	V(1, 0) V(2, 1) V(3, 2) V(4, 3) V(5, 4) V(6, 5) V(7, 6) V(8, 7)
	V(9, 8) V(10, 9) V(11, 10) V(12, 11) V(13, 12) V(14, 13) V(15, 14) V(16, 15)
	V(17, 16) V(18, 17) V(19, 18) V(20, 19) V(21, 20) V(22, 21) V(23, 22) V(24, 23)
	V(25, 24) V(26, 25) V(27, 26) V(28, 27) V(29, 28) V(30, 29) V(31, 30) V(32, 31)
	V(33, 32) V(34, 33) V(35, 34) V(36, 35) V(37, 36) V(38, 37) V(39, 38) V(40, 39)
	V(41, 40) V(42, 41) V(43, 42) V(44, 43) V(45, 44) V(46, 45) V(47, 46) V(48, 47)

	if (depth == 0)
		return v48;
	r = heavy(depth - 1, v48 ^ (uint64_t)depth);
	/* Every value is used after the call, so all of them stay live across
	 * it; the rotate keeps gcc from turning the recursion into a loop. */
	return ((r << 7) | (r >> 57)) ^ (U(0) + U(1) + U(2) + U(3) + U(4) + U(5) + U(6) + U(7) + U(8) + U(9) + U(10) +
	       U(11) + U(12) + U(13) + U(14) + U(15) + U(16) + U(17) + U(18) + U(19) + U(20) +
	       U(21) + U(22) + U(23) + U(24) + U(25) + U(26) + U(27) + U(28) + U(29) + U(30) +
	       U(31) + U(32) + U(33) + U(34) + U(35) + U(36) + U(37) + U(38) + U(39) + U(40) +
	       U(41) + U(42) + U(43) + U(44) + U(45) + U(46) + U(47));
}

/* Many arguments: eight travel in registers, the rest on the memory stack. */
static RT_NOINLINE uint64_t args12(int depth, uint64_t a, uint64_t b, uint64_t c, uint64_t d,
				   uint64_t e, uint64_t f, uint64_t g, uint64_t h, uint64_t i,
				   uint64_t j, uint64_t k)
{
	if (depth == 0)
		return a ^ b ^ c ^ d ^ e ^ f ^ g ^ h ^ i ^ j ^ k;
	return args12(depth - 1, b, c, d, e, f, g, h, i, j, k, mix(a, (unsigned)depth)) ^ (a * 3);
}

int main(int argc, char **argv, char **envp)
{
	int d;

	for (d = 0; d <= 150; d += 30)
		rt_printf("heavy(%3d) = %016lx\n", d, heavy(d, 42));
	rt_printf("args12 = %016lx\n", args12(500, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
	return 0;
}
