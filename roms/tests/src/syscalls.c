/* The system calls the runtime knows: results and error returns. */
#include "rt.h"

int main(int argc, char **argv, char **envp)
{
	struct rt_utsname u;
	struct rt_timespec t0, t1;
	long r, brk0, brk1, pid;
	unsigned char *m, *b;
	unsigned long sum = 0, i;

	rt_flush();
	r = rt_sys_write(1, "direct write\n", 13);
	rt_printf("write returned %ld\n", r);
	rt_printf("write to fd -1: %ld\n", rt_sys_write(-1, "x", 1));
	rt_printf("read of 0 bytes: %ld\n", rt_sys_read(0, &u, 0));
	rt_printf("read from fd -1: %ld\n", rt_sys_read(-1, &u, 1));

	pid = rt_sys_getpid();
	rt_printf("getpid positive: %s\n", pid > 0 ? "yes" : "no");

	memset(&u, 0, sizeof(u));
	r = rt_sys_uname(&u);
	rt_printf("uname: %ld sysname=%s machine non-empty: %s\n", r, u.sysname,
		  u.machine[0] ? "yes" : "no");

	r = rt_sys_clock_gettime(RT_CLOCK_MONOTONIC, &t0);
	rt_sys_clock_gettime(RT_CLOCK_MONOTONIC, &t1);
	rt_printf("clock_gettime monotonic: %ld, nsec in range: %s, non-decreasing: %s\n", r,
		  t0.tv_nsec >= 0 && t0.tv_nsec < 1000000000 ? "yes" : "no",
		  t1.tv_sec > t0.tv_sec || (t1.tv_sec == t0.tv_sec && t1.tv_nsec >= t0.tv_nsec)
			  ? "yes" : "no");
	r = rt_sys_clock_gettime(RT_CLOCK_REALTIME, &t0);
	rt_printf("clock_gettime realtime: %ld, after 2001: %s\n", r,
		  t0.tv_sec > 1000000000 ? "yes" : "no");
	rt_printf("clock_gettime bad clock: %ld\n", rt_sys_clock_gettime(-12345, &t0));

	brk0 = rt_sys_brk(0);
	brk1 = rt_sys_brk((unsigned long)brk0 + 65536);
	rt_printf("brk grew by %ld\n", brk1 - brk0);
	b = (unsigned char *)brk0;
	for (i = 0; i < 65536; i++)
		b[i] = (unsigned char)(i * 7);
	for (i = 0; i < 65536; i++)
		sum += b[i];
	rt_printf("brk memory sum %lu\n", sum);
	rt_printf("brk shrink back: %s\n", rt_sys_brk((unsigned long)brk0) == brk0 ? "yes" : "no");

	r = rt_sys_mmap(NULL, 1 << 20, RT_PROT_READ | RT_PROT_WRITE,
			RT_MAP_PRIVATE | RT_MAP_ANONYMOUS, -1, 0);
	rt_printf("mmap ok: %s\n", rt_is_err(r) ? "no" : "yes");
	m = (unsigned char *)r;
	sum = 0;
	for (i = 0; i < (1 << 20); i += 4096)
		sum += m[i];
	rt_printf("fresh mapping is zero: %s\n", sum == 0 ? "yes" : "no");
	for (i = 0; i < (1 << 20); i += 512)
		m[i] = (unsigned char)(i >> 9);
	for (i = 0, sum = 0; i < (1 << 20); i += 512)
		sum += m[i];
	rt_printf("mapping sum %lu\n", sum);
	rt_printf("munmap: %ld\n", rt_sys_munmap(m, 1 << 20));
	rt_printf("mmap of 0 bytes: %ld\n", rt_sys_mmap(NULL, 0, RT_PROT_READ,
		  RT_MAP_PRIVATE | RT_MAP_ANONYMOUS, -1, 0));
	rt_printf("munmap unaligned: %ld\n", rt_sys_munmap((void *)(r + 1), 4096));
	return 0;
}
