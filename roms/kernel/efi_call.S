/*
 * Calling firmware in physical mode from virtual mode, as Linux's
 * efi_call_phys (arch/ia64/kernel/efi_stub.S) and ia64_switch_mode_phys/virt
 * (head.S) do. One difference: IVA follows the mode, so that a fault in the
 * firmware is reported rather than vectored through a virtual address.
 */
#include "asm.h"

/*
 * efi_status_t efi_call_phys(const struct ia64_fdesc *fd, a0, a1, a2, a3):
 * fd is read in virtual mode; its entry and gp are masked to physical.
 */
	.text
	.global efi_call_phys
	.proc efi_call_phys
efi_call_phys:
	alloc loc1 = ar.pfs, 5, 9, 4, 0
	ld8 r2 = [in0], 8
	mov loc0 = b0
	;;
	ld8 r3 = [in0]
	mov loc2 = gp
	mov loc4 = ar.rsc
	;;
	mov ar.rsc = 0			// enforced lazy while the backing store moves
	dep loc6 = 0, r2, 61, 3		// entry
	dep loc7 = 0, r3, 61, 3		// firmware gp
	mov loc3 = psr
	movl r16 = PSR_PHYS_CLEAR
	movl r17 = PSR_BN		// not among the bits mov-from-psr returns
	;;
	or loc3 = loc3, r17
	;;
	andcm r16 = loc3, r16
	br.call.sptk.many b0 = switch_to_physical
	;;
	mov loc5 = r19
	mov loc8 = r20
	mov out0 = in1
	mov out1 = in2
	mov out2 = in3
	mov out3 = in4
	mov gp = loc7
	mov b6 = loc6
	;;
	br.call.sptk.many b0 = b6
	;;
	mov ar.rsc = 0
	mov r16 = loc3
	mov r19 = loc5
	mov r20 = loc8
	br.call.sptk.many b0 = switch_to_virtual
	;;
	mov ar.rsc = loc4
	mov ar.pfs = loc1
	mov b0 = loc0
	mov gp = loc2
	;;
	br.ret.sptk.many b0
	.endp efi_call_phys

/*
 * In: r16 = PSR for physical mode. Out: r19 = virtual ar.bsp, r20 = virtual
 * sp, for switch_to_virtual. The RSE must be in enforced lazy mode.
 */
	.proc switch_to_physical
switch_to_physical:
	rsm psr.i | psr.ic
	movl r3 = 1f
	;;
	flushrs				// must start its instruction group
	srlz.i
	;;
	mov cr.ipsr = r16
	mov r19 = ar.bsp
	mov r20 = sp
	mov r14 = b0
	movl r21 = ivt
	;;
	tpa r17 = r19
	tpa r3 = r3
	tpa sp = r20
	tpa r14 = r14
	tpa r21 = r21
	;;
	mov r18 = ar.rnat		// writing ar.bspstore clobbers ar.rnat
	mov ar.bspstore = r17
	mov cr.iip = r3
	mov cr.ifs = r0
	mov cr.iva = r21
	;;
	mov ar.rnat = r18
	rfi
	;;
1:	mov b0 = r14
	br.ret.sptk.many b0
	.endp switch_to_physical

/* In: r16 = PSR for virtual mode, r19 = ar.bspstore and r20 = sp to restore. */
	.proc switch_to_virtual
switch_to_virtual:
	rsm psr.i | psr.ic
	movl r3 = 1f
	;;
	flushrs
	srlz.i
	;;
	mov cr.ipsr = r16
	mov r14 = b0
	movl r17 = KERNEL_VADDR
	movl r21 = ivt
	;;
	dep r14 = 0, r14, KERNEL_TR_SHIFT, 64 - KERNEL_TR_SHIFT	// image offset
	mov sp = r20
	;;
	or r14 = r14, r17
	mov r18 = ar.rnat
	mov ar.bspstore = r19
	mov cr.iip = r3
	mov cr.ifs = r0
	mov cr.iva = r21
	;;
	mov ar.rnat = r18
	rfi
	;;
1:	mov b0 = r14
	br.ret.sptk.many b0
	.endp switch_to_virtual
