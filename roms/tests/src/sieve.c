/* Workload: sieve of Eratosthenes to 1,000,000 in a buffer from anonymous
 * mmap, with prime counts per decade, twin primes and prime gaps. */
#include "rt.h"

int main(int argc, char **argv, char **envp)
{
	enum { LIMIT = 1000000 };
	long r = rt_sys_mmap(NULL, LIMIT + 1, RT_PROT_READ | RT_PROT_WRITE,
			     RT_MAP_PRIVATE | RT_MAP_ANONYMOUS, -1, 0);
	uint8_t *composite;
	unsigned long i, j, count = 0, twins = 0, sum = 0, last = 0, max_gap = 0, gap_at = 0, decade = 10;

	if (rt_is_err(r)) {
		rt_printf("mmap failed: %ld\n", r);
		return 1;
	}
	composite = (uint8_t *)r;
	composite[0] = composite[1] = 1;
	for (i = 2; i * i <= LIMIT; i++)
		if (!composite[i])
			for (j = i * i; j <= LIMIT; j += i)
				composite[j] = 1;
	for (i = 2; i <= LIMIT; i++) {
		if (i > decade) {
			rt_printf("primes below %7lu: %lu\n", decade, count);
			decade *= 10;
		}
		if (composite[i])
			continue;
		count++;
		sum += i;
		if (last && i - last == 2)
			twins++;
		if (last && i - last > max_gap) {
			max_gap = i - last;
			gap_at = last;
		}
		last = i;
	}
	rt_printf("primes up to %d: %lu, sum %lu, largest %lu\n", LIMIT, count, sum, last);
	rt_printf("twin pairs %lu, largest gap %lu after %lu\n", twins, max_gap, gap_at);
	rt_printf("munmap: %ld\n", rt_sys_munmap(composite, LIMIT + 1));
	return 0;
}
