/* Process entry state: argc, argv, envp and the auxiliary vector as the
 * kernel lays them out above the initial stack pointer. */
#include "rt.h"

#define AT_NULL 0
#define AT_PAGESZ 6

int main(int argc, char **argv, char **envp)
{
	char **p;
	unsigned long *aux;
	unsigned long pagesz = 0;
	int nenv = 0, naux = 0;

	rt_printf("argc >= 1: %s\n", argc >= 1 ? "yes" : "no");
	rt_printf("argv[argc] == NULL: %s\n", argv[argc] == NULL ? "yes" : "no");
	rt_printf("envp follows argv: %s\n", envp == argv + argc + 1 ? "yes" : "no");
	rt_printf("argv[0] is a string: %s\n", argv[0] && argv[0][0] ? "yes" : "no");
	for (p = envp; *p; p++)
		nenv++;
	/* The auxiliary vector starts right after envp's NULL: (type, value) pairs. */
	for (aux = (unsigned long *)(p + 1); aux[0] != AT_NULL && naux < 256; aux += 2, naux++)
		if (aux[0] == AT_PAGESZ)
			pagesz = aux[1];
	rt_printf("environment entries counted: %s\n", nenv >= 0 ? "yes" : "no");
	rt_printf("auxv ends with AT_NULL: %s\n", naux < 256 ? "yes" : "no");
	rt_printf("AT_PAGESZ is a power of two >= 4096: %s\n",
		  pagesz >= 4096 && (pagesz & (pagesz - 1)) == 0 ? "yes" : "no");
	rt_printf("stack pointer 16-byte aligned in main: %s\n",
		  ((uintptr_t)__builtin_frame_address(0) & 15) == 0 ? "yes" : "no");
	return 0;
}
