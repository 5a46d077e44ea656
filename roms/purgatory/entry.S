/*
 * Purgatory entry. The old kernel's relocate_new_kernel (Linux,
 * arch/ia64/kernel/relocate_kernel.S) branches here in physical mode with
 * interrupts off and r28 = physical address of its ia64_boot_param. Nothing
 * else is ours yet: gp comes from the loader, the stacks are set up here.
 */

#define STACK_SIZE	(16 * 1024)

	.text

/*
 * Copied out by ia64_env_setup() to become the new SetVirtualAddressMap:
 * returns EFI_SUCCESS and touches nothing else. One bundle, bundle-aligned.
 */
	.global efi_dummy_function, efi_dummy_function_end
	.align 16
	.proc efi_dummy_function
efi_dummy_function:
	{ .mib
	nop.m 0
	mov r8 = r0
	br.ret.sptk.many b0 ;;
	}
efi_dummy_function_end:
	.endp efi_dummy_function

	.global purgatory_start
	.align 32
	.proc purgatory_start
purgatory_start:
	movl r2 = __gp_value
	movl r3 = purgatory_stack + STACK_SIZE - 16
	movl r14 = purgatory_rbs
	;;
	ld8 gp = [r2]
	mov sp = r3
	mov ar.rsc = 0		// enforced lazy: required to move the backing store
	;;
	loadrs			// RSC.loadrs is 0: drop the old kernel's stacked registers
	;;
	mov ar.bspstore = r14
	;;
	mov ar.rsc = 3		// eager
	;;
	alloc r15 = ar.pfs, 0, 0, 1, 0
	;;
	mov out0 = r28		// -ffixed-r28 keeps it intact up to here
	br.call.sptk.many b0 = purgatory_main
	;;
	/* Enter the new kernel as a boot loader would: r28 = its boot_param. */
	movl r2 = __kernel_entry
	movl r3 = __boot_param_base
	;;
	ld8 r14 = [r2]
	ld8 r28 = [r3]
	;;
	mov b6 = r14
	mov ar.lc = r0
	mov ar.ec = r0
	;;
	cover
	;;
	invala
	;;
	br.call.sptk.many b0 = b6
	.endp purgatory_start

	.bss
	.align 16
purgatory_stack:
	.skip STACK_SIZE
	.align 512		// a backing store starts on a NaT-collection boundary
purgatory_rbs:
	.skip STACK_SIZE
