/* The smallest program: formatted output and a zero exit status. */
#include "rt.h"

int main(int argc, char **argv, char **envp)
{
	rt_printf("hello, world\n");
	rt_printf("[%d] [%5d] [%-5d] [%05d] [%u] [%x] [%X] [%08x]\n", 42, -42, 7, -7, 4000000000u,
		  0xbeefu, 0xbeefu, 0x1234u);
	rt_printf("[%ld] [%lu] [%lx] [%llx] [%lld]\n", -1L, 18446744073709551615UL,
		  0xdeadbeefcafef00dUL, 0x0123456789abcdefULL, -9223372036854775807LL - 1);
	rt_printf("[%s] [%10s] [%-10s] [%c%c%c] [100%%]\n", "abc", "right", "left", 'x', 'y', 'z');
	rt_show_f64("one", 1.0);
	rt_show_f64("tenth", 0.1);
	rt_show_f32("third", 1.0f / 3.0f);
	rt_show_f80("pi", 3.14159265358979323846264338327950288L);
	return 0;
}
