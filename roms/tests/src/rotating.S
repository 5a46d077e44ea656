// Software-pipelined kernels in the style of a modulo-scheduling compiler:
// rotating general, floating point and predicate registers driven by
// br.ctop (counted loops) and br.wtop (while loops). gcc never emits these
// forms, so they are written by hand; rotating.c has C twins for the host.
//
// Each kernel saves ar.lc and pr (both preserved across calls) and returns
// through the caller's ar.pfs, which also restores ar.ec and the frame.

	.text

// uint64_t rot_sum64(const uint64_t *p, long n), n >= 1.
// Stage 1 loads into r32; stage 3 adds the value, rotated into r34.
	.align 32
	.global rot_sum64
	.proc rot_sum64
rot_sum64:
	.prologue
	.save ar.pfs, r2
	alloc r2 = ar.pfs, 2, 6, 0, 8	// r32-r39 rotate: copy the inputs out first
	.save ar.lc, r3
	mov r3 = ar.lc
	.save pr, r9
	mov r9 = pr
	.body
	mov r14 = r32
	adds r15 = -1, r33
	mov r8 = 0
	;;
	mov ar.lc = r15
	mov ar.ec = 3
	mov pr.rot = 1 << 16		// p16 on, p17-p63 off
	;;
.Lsum:
(p16)	ld8 r32 = [r14], 8
(p18)	add r8 = r8, r34
	br.ctop.sptk.few .Lsum
	;;
	mov ar.lc = r3
	mov pr = r9, -1
	mov ar.pfs = r2
	br.ret.sptk.many rp
	.endp rot_sum64

// void rot_copy32(uint32_t *d, const uint32_t *s, long n), n >= 1.
// The store sits two stages after the load, reading the rotated register.
	.align 32
	.global rot_copy32
	.proc rot_copy32
rot_copy32:
	.prologue
	.save ar.pfs, r2
	alloc r2 = ar.pfs, 3, 5, 0, 8
	.save ar.lc, r3
	mov r3 = ar.lc
	.save pr, r9
	mov r9 = pr
	.body
	mov r15 = r32
	mov r14 = r33
	adds r16 = -1, r34
	;;
	mov ar.lc = r16
	mov ar.ec = 3
	mov pr.rot = 1 << 16
	;;
.Lcopy:
(p16)	ld4 r32 = [r14], 4
(p18)	st4 [r15] = r34, 4
	br.ctop.sptk.few .Lcopy
	;;
	mov ar.lc = r3
	mov pr = r9, -1
	mov ar.pfs = r2
	br.ret.sptk.many rp
	.endp rot_copy32

// double rot_ddot(const double *a, const double *b, long n), n >= 1.
// Four stages over rotating FP registers: load, (wait), multiply, add; the
// sum is accumulated in order, as the C loop does.
	.align 32
	.global rot_ddot
	.proc rot_ddot
rot_ddot:
	.prologue
	.save ar.pfs, r2
	alloc r2 = ar.pfs, 3, 0, 0, 0
	.save ar.lc, r3
	mov r3 = ar.lc
	.save pr, r9
	mov r9 = pr
	.body
	mov r14 = r32
	mov r15 = r33
	adds r16 = -1, r34
	mov f8 = f0
	;;
	mov ar.lc = r16
	mov ar.ec = 4
	mov pr.rot = 1 << 16
	;;
.Ldot:
(p16)	ldfd f32 = [r14], 8
(p16)	ldfd f40 = [r15], 8
(p18)	fmpy.d f50 = f34, f42
(p19)	fadd.d f8 = f8, f51
	br.ctop.sptk.few .Ldot
	;;
	mov ar.lc = r3
	mov pr = r9, -1
	mov ar.pfs = r2
	br.ret.sptk.many rp
	.endp rot_ddot

// long rot_count_above(const int64_t *p, long n, int64_t limit), n >= 1.
// The comparison's result travels in a rotating predicate: written as p40
// in stage 2, it guards the stage 3 increment as p41.
	.align 32
	.global rot_count_above
	.proc rot_count_above
rot_count_above:
	.prologue
	.save ar.pfs, r2
	alloc r2 = ar.pfs, 3, 5, 0, 8
	.save ar.lc, r3
	mov r3 = ar.lc
	.save pr, r9
	mov r9 = pr
	.body
	mov r14 = r32
	adds r15 = -1, r33
	mov r16 = r34
	mov r8 = 0
	;;
	mov ar.lc = r15
	mov ar.ec = 3
	mov pr.rot = 1 << 16
	;;
.Lcount:
(p16)	ld8 r32 = [r14], 8
(p17)	cmp.lt.unc p40, p0 = r16, r33
(p41)	adds r8 = 1, r8
	br.ctop.sptk.few .Lcount
	;;
	mov ar.lc = r3
	mov pr = r9, -1
	mov ar.pfs = r2
	br.ret.sptk.many rp
	.endp rot_count_above

// uint64_t rot_bytesum(const uint8_t *s): (count << 32) + sum of the bytes
// before the terminating zero. A while loop: each iteration loads a byte
// and accounts for the previous one, whose "non-zero" test, written to p16,
// has rotated into p17. br.wtop leaves the loop when the test fails.
	.align 32
	.global rot_bytesum
	.proc rot_bytesum
rot_bytesum:
	.prologue
	.save ar.pfs, r2
	alloc r2 = ar.pfs, 1, 7, 0, 8
	.save pr, r9
	mov r9 = pr
	.body
	mov r14 = r32
	mov r8 = 0
	mov r10 = 0
	;;
	mov ar.ec = 1
	mov pr.rot = 0
	;;
.Lbytes:
	ld1 r32 = [r14], 1
(p17)	add r8 = r8, r33
(p17)	adds r10 = 1, r10
	;;
	cmp.ne p16, p0 = r32, r0
(p16)	br.wtop.sptk.few .Lbytes
	;;
	shl r10 = r10, 32
	;;
	add r8 = r8, r10
	mov pr = r9, -1
	mov ar.pfs = r2
	br.ret.sptk.many rp
	.endp rot_bytesum
