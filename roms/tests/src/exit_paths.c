/* Leaving the process from deep inside the call stack with the plain exit
 * system call (1025 on ia64), after flushing output by hand. */
#include "rt.h"

static volatile int leave = 1;

static RT_NOINLINE void descend(int depth)
{
	if (depth == 0) {
		if (!leave)
			return;
		rt_printf("leaving from the bottom\n");
		rt_flush();
		rt_sys_exit(0);
	}
	descend(depth - 1);
	rt_printf("unreachable: returned through depth %d\n", depth);
}

int main(int argc, char **argv, char **envp)
{
	rt_printf("descending 300 frames\n");
	descend(300);
	rt_printf("unreachable: main continued\n");
	return 3;
}
