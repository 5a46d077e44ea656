/*
 * Interruption vector table (SDM vol. 2, chapter 5: 20 entries of 64
 * bundles, then 48 of 16). Only the alternate TLB misses are handled: like
 * Linux's alt_itlb_miss/alt_dtlb_miss they insert identity translations,
 * cacheable for region 7 and uncached for region 6, one granule at a time.
 * Every other vector is unexpected: fatal_interruption reports it and
 * shuts the machine down.
 */
#include "asm.h"

	.section .text.ivt, "ax"
	.align 32768
	.global ivt
ivt:

	.macro fatal_vector n
	.if \n < 20
	.org ivt + (\n) * 0x400
	.else
	.org ivt + 0x5000 + ((\n) - 20) * 0x100
	.endif
	{ .mib
	nop.m 0
	mov r19 = \n
	br.sptk.many fatal_interruption
	;;
	}
	.endm

	fatal_vector 0			// VHPT translation
	fatal_vector 1			// instruction TLB
	fatal_vector 2			// data TLB

	.org ivt + 0x0c00
alt_itlb_miss:
	mov r16 = cr.ifa		// the bundle address that missed
	mov r31 = pr
	movl r17 = PTE_KERNEL_WB
	;;
	movl r21 = PPN_MASK
	extr.u r22 = r16, 61, 3
	mov r18 = GRANULE_SHIFT << 2
	;;
	cmp.eq p6, p0 = 6, r22
	cmp.gtu p8, p0 = 6, r22		// regions 0-5 have no identity mapping
	mov r19 = 3
	;;
(p6)	movl r17 = PTE_KERNEL_UC
(p8)	br.cond.spnt.many fatal_interruption
	and r21 = r21, r16
	;;
	or r21 = r21, r17
	mov cr.itir = r18
	;;
	itc.i r21
	;;
	mov pr = r31, -1
	;;
	rfi
	;;

	.org ivt + 0x1000
alt_dtlb_miss:
	mov r16 = cr.ifa		// the data address that missed
	mov r31 = pr
	movl r17 = PTE_KERNEL_WB
	;;
	movl r21 = PPN_MASK
	extr.u r22 = r16, 61, 3
	mov r18 = GRANULE_SHIFT << 2
	;;
	cmp.eq p6, p0 = 6, r22
	cmp.gtu p8, p0 = 6, r22
	mov r19 = 4
	;;
(p6)	movl r17 = PTE_KERNEL_UC
(p8)	br.cond.spnt.many fatal_interruption
	and r21 = r21, r16
	;;
	or r21 = r21, r17
	mov cr.itir = r18
	;;
	itc.d r21
	;;
	mov pr = r31, -1
	;;
	rfi
	;;

	.irp n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19
	fatal_vector \n
	.endr
	.irp n, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39
	fatal_vector \n
	.endr
	.irp n, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59
	fatal_vector \n
	.endr
	.irp n, 60, 61, 62, 63, 64, 65, 66, 67
	fatal_vector \n
	.endr
	.org ivt + 0x8000

	.text
/*
 * r19 = vector number; PSR.ic = 0 and bank 0 is current. Keep the
 * interruption registers in r8-r11 (not banked), then leave translation
 * off altogether: the report runs in physical mode on its own stacks, so it
 * needs no TLB entry and trusts nothing of the interrupted context.
 */
	.proc fatal_interruption
fatal_interruption:
	mov r8 = r19
	mov r9 = cr.iip
	mov r10 = cr.ifa
	mov r11 = cr.isr
	mov r16 = ip
	;;
	tbit.nz p6, p0 = r16, 63	// interrupted in virtual mode?
	movl r17 = fault_physical
	movl r18 = PSR_BN
	;;
(p6)	tpa r16 = r16
	dep r17 = 0, r17, KERNEL_TR_SHIFT, 64 - KERNEL_TR_SHIFT
	;;
	dep r16 = 0, r16, 0, KERNEL_TR_SHIFT	// physical base of the image
	mov cr.ipsr = r18
	mov cr.ifs = r0
	;;
	or r17 = r17, r16
	;;
	mov cr.iip = r17
	;;
	rfi
	;;
	.endp fatal_interruption

	.proc fault_physical
fault_physical:
	mov r16 = ip
	movl r2 = __gp
	movl r3 = fault_stack + FAULT_STACK_SIZE - 16
	movl r14 = fault_rbs
	movl r15 = ivt
	;;
	dep r16 = 0, r16, 0, KERNEL_TR_SHIFT
	dep r2 = 0, r2, KERNEL_TR_SHIFT, 64 - KERNEL_TR_SHIFT
	dep r3 = 0, r3, KERNEL_TR_SHIFT, 64 - KERNEL_TR_SHIFT
	dep r14 = 0, r14, KERNEL_TR_SHIFT, 64 - KERNEL_TR_SHIFT
	dep r15 = 0, r15, KERNEL_TR_SHIFT, 64 - KERNEL_TR_SHIFT
	;;
	add gp = r2, r16
	add sp = r3, r16
	add r14 = r14, r16
	add r15 = r15, r16
	cover				// the interrupted frame is abandoned
	;;
	mov cr.iva = r15		// a fault while reporting must land here too
	;;
	srlz.i
	;;
	mov ar.rsc = 0
	;;
	loadrs
	;;
	mov ar.bspstore = r14
	;;
	mov ar.rsc = 3
	;;
	alloc r14 = ar.pfs, 0, 0, 4, 0
	;;
	mov out0 = r8
	mov out1 = r9
	mov out2 = r10
	mov out3 = r11
	br.call.sptk.many b0 = fault_report
	;;
	mov r4 = r8			// shut down with the fault's status
	br.sptk.many enter_virtual
	.endp fault_physical
