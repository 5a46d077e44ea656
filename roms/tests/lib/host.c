/* Host build only: the raw system call layer over glibc's syscall(2). */
#include "rt.h"
#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>

static long fold(long r)
{
	return r == -1 ? -errno : r;
}

long rt_sys_read(int fd, void *buf, size_t len) { return fold(syscall(SYS_read, fd, buf, len)); }
long rt_sys_write(int fd, const void *buf, size_t len) { return fold(syscall(SYS_write, fd, buf, len)); }
long rt_sys_brk(unsigned long addr) { return syscall(SYS_brk, addr); }
long rt_sys_munmap(void *addr, size_t len) { return fold(syscall(SYS_munmap, addr, len)); }
long rt_sys_uname(struct rt_utsname *buf) { return fold(syscall(SYS_uname, buf)); }
long rt_sys_getpid(void) { return fold(syscall(SYS_getpid)); }

long rt_sys_mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
	return fold(syscall(SYS_mmap, addr, len, prot, flags, fd, off));
}

long rt_sys_clock_gettime(int clock, struct rt_timespec *ts)
{
	return fold(syscall(SYS_clock_gettime, clock, ts));
}

void rt_sys_exit(int code)
{
	syscall(SYS_exit, code);
	__builtin_unreachable();
}

void rt_sys_exit_group(int code)
{
	syscall(SYS_exit_group, code);
	__builtin_unreachable();
}

/* main's return goes through glibc's exit, which runs this. */
__attribute__((destructor)) static void flush_at_exit(void)
{
	rt_flush();
}
