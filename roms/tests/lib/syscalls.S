// Linux ia64 system call stubs.
//
// A stub runs in the frame br.call gave it: no locals (sol = 0), the
// caller's outputs as its own output area, so the arguments already sit in
// out0-out5 (r32-r37) where the kernel reads them after "break 0x100000".
// The kernel returns r8 = result and r10 = 0, or r8 = errno and r10 = -1;
// the stubs fold that into one value, -errno on failure.

#define SYSCALL(name, nr)		\
	.global rt_sys_##name;		\
	.proc rt_sys_##name;		\
rt_sys_##name:				\
	mov r15 = nr;			\
	;;				\
	break.i 0x100000;		\
	;;				\
	cmp.eq p6, p0 = -1, r10;	\
	;;				\
(p6)	sub r8 = r0, r8;		\
	br.ret.sptk.many rp;		\
	.endp rt_sys_##name

	.text
	.align 32
SYSCALL(exit, 1025)
SYSCALL(read, 1026)
SYSCALL(write, 1027)
SYSCALL(getpid, 1041)
SYSCALL(brk, 1060)
SYSCALL(uname, 1130)
SYSCALL(mmap, 1151)
SYSCALL(munmap, 1152)
SYSCALL(exit_group, 1236)
SYSCALL(clock_gettime, 1254)
