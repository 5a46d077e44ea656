// Process entry for static ia64 Linux executables.
//
// The kernel leaves sp (r12) 16 bytes below argc (a scratch area for the
// first callee), an empty register stack, and no gp: gp is derived here
// from the linker-defined __gp. See roms/tests/README.md.

// Linux's FPSR_DEFAULT: all traps disabled; sf0 and sf2/sf3 round to
// nearest with 64-bit precision; sf1 additionally widens the exponent
// range, which gcc's inline divide and square root sequences rely on.
#define FPSR_DEFAULT 0x0009804c0270033f

	.text
	.align 32
	.global _start
	.proc _start
_start:
	.prologue
	.save rp, r0		// outermost frame: unwinders stop here
	.body
	alloc r2 = ar.pfs, 0, 0, 3, 0
	movl gp = __gp
	adds r14 = 16, sp	// r14 -> argc
	;;
	ld8 out0 = [r14], 8	// argc; r14 -> argv[0]
	movl r15 = FPSR_DEFAULT
	;;
	mov out1 = r14
	shladd r16 = out0, 3, r14	// &argv[argc], the NULL ending argv
	mov ar.fpsr = r15
	;;
	adds out2 = 8, r16	// envp
	br.call.sptk.many rp = main
	;;
	mov out0 = r8
	br.call.sptk.many rp = rt_exit
	;;
	break.i 0		// rt_exit does not return
	.endp _start
