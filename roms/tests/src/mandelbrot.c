/* Workload: an ASCII Mandelbrot set in double precision; the escape-time
 * loop mixes FP compares with branches and predicated updates. */
#include "rt.h"

int main(int argc, char **argv, char **envp)
{
	static const char shades[] = " .:-=+*#%@";
	unsigned long total = 0;
	int row, col;

	for (row = 0; row < 24; row++) {
		double ci = -1.2 + row * (2.4 / 23);
		for (col = 0; col < 64; col++) {
			double cr = -2.1 + col * (3.0 / 63), zr = 0, zi = 0;
			int it;
			for (it = 0; it < 256 && zr * zr + zi * zi <= 4.0; it++) {
				double t = zr * zr - zi * zi + cr;
				zi = 2 * zr * zi + ci;
				zr = t;
			}
			total += (unsigned long)it;
			rt_putc(it == 256 ? '@' : shades[it % 9]);
		}
		rt_putc('\n');
	}
	rt_printf("total iterations %lu\n", total);
	return 0;
}
