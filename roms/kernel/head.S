/*
 * Kernel entry and the switch to virtual mode.
 *
 * The loader (purgatory, or a boot loader) enters _start in physical mode
 * with r28 = physical address of the ia64_boot_param block. The kernel runs
 * its boot-state checks there first, with gp and stacks at physical
 * addresses, then maps itself the way Linux's head.S does and continues in
 * region 7. Everything is placed relative to the 64 MiB-aligned physical
 * base the image is found at, so it also runs if loaded elsewhere
 * (kernel_early reports that as a failed check).
 */
#include "asm.h"

	.text
	.global _start
	.proc _start
_start:
	rsm psr.i | psr.ic
	mov r16 = ip
	mov r4 = r28			// r4-r5 survive the C calls below
	;;
	srlz.i
	dep r5 = 0, r16, 0, KERNEL_TR_SHIFT	// physical base of the image
	movl r2 = __gp
	movl r3 = kernel_stack + KERNEL_STACK_SIZE - 16
	movl r14 = kernel_rbs
	movl r15 = ivt
	;;
	dep r2 = 0, r2, KERNEL_TR_SHIFT, 64 - KERNEL_TR_SHIFT	// image offsets
	dep r3 = 0, r3, KERNEL_TR_SHIFT, 64 - KERNEL_TR_SHIFT
	dep r14 = 0, r14, KERNEL_TR_SHIFT, 64 - KERNEL_TR_SHIFT
	dep r15 = 0, r15, KERNEL_TR_SHIFT, 64 - KERNEL_TR_SHIFT
	;;
	add gp = r2, r5
	add sp = r3, r5
	add r14 = r14, r5
	add r15 = r15, r5
	mov ar.rsc = 0			// enforced lazy: required to move the backing store
	;;
	loadrs				// RSC.loadrs is 0: drop whatever the loader left stacked
	;;
	mov ar.bspstore = r14
	mov cr.iva = r15		// physical IVT, so that a fault here gets reported
	;;
	mov ar.rsc = 3
	ssm psr.ic
	;;
	srlz.i
	;;
	alloc r14 = ar.pfs, 0, 0, 2, 0
	;;
	mov out0 = r4
	mov out1 = r5
	br.call.sptk.many b0 = kernel_early
	;;
	mov r4 = r8
	br.sptk.many enter_virtual
	.endp _start

/*
 * enter_virtual: from physical mode, with r4 = status for kernel_main.
 * Also the way back in after an interruption was reported (ivt.S), hence
 * the purge before the translation is pinned again.
 */
#define SET_RR(region, shift)			\
	movl r2 = (region) << 61;		\
	mov r3 = RR_VALUE(region, shift);;	\
	mov rr[r2] = r3;;

	.global enter_virtual
	.proc enter_virtual
enter_virtual:
	rsm psr.i | psr.ic
	mov r16 = ip
	;;
	srlz.i
	dep r16 = 0, r16, 0, KERNEL_TR_SHIFT	// physical base of the image
	;;
	SET_RR(0, PAGE_SHIFT)
	SET_RR(1, PAGE_SHIFT)
	SET_RR(2, PAGE_SHIFT)
	SET_RR(3, PAGE_SHIFT)
	SET_RR(4, PAGE_SHIFT)
	SET_RR(5, PAGE_SHIFT)
	SET_RR(6, GRANULE_SHIFT)
	SET_RR(7, GRANULE_SHIFT)
	mov cr.pta = r0			// no VHPT: every miss goes to the alternate vectors
	;;
	srlz.d
	movl r17 = KERNEL_VADDR
	mov r18 = KERNEL_TR_SHIFT << 2
	;;
	ptr.i r17, r18
	;;
	ptr.d r17, r18
	;;
	srlz.i
	movl r19 = PTE_KERNEL_WB
	;;
	or r19 = r19, r16
	mov cr.itir = r18
	mov cr.ifa = r17
	mov r20 = 0			// translation register 0, as Linux's IA64_TR_KERNEL
	;;
	itr.i itr[r20] = r19
	;;
	itr.d dtr[r20] = r19
	;;
	srlz.i
	movl r16 = PSR_KERNEL
	movl r17 = 1f
	;;
	mov cr.ipsr = r16
	mov cr.iip = r17
	mov cr.ifs = r0
	;;
	rfi
	;;
1:	movl r2 = ivt
	movl gp = __gp
	movl r3 = kernel_stack + KERNEL_STACK_SIZE - 16
	movl r14 = kernel_rbs
	;;
	mov cr.iva = r2
	mov sp = r3
	mov ar.rsc = 0
	;;
	srlz.i
	;;
	loadrs
	;;
	mov ar.bspstore = r14
	;;
	mov ar.rsc = 3
	;;
	alloc r14 = ar.pfs, 0, 0, 1, 0
	;;
	mov out0 = r4
	br.call.sptk.many b0 = kernel_main
	;;
2:	hint @pause
	br.sptk.many 2b
	.endp enter_virtual

	.bss
	.align 16
kernel_stack:
	.skip KERNEL_STACK_SIZE
	.align 512			// a backing store starts on a NaT-collection boundary
kernel_rbs:
	.skip KERNEL_STACK_SIZE
	.global fault_stack, fault_rbs
	.align 16
fault_stack:
	.skip FAULT_STACK_SIZE
	.align 512
fault_rbs:
	.skip FAULT_STACK_SIZE
