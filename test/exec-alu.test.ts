// Integer ALU (formats A1-A5): wrap-around, carry and borrow forms, the
// 32-bit pointer forms, immediates at their limits, NaT propagation and
// faulting targets.

import { describe, expect, it } from 'vitest';
import type { Cpu } from '../src/cpu/cpu.js';
import { run } from './support/machine.js';

const M64 = (1n << 64n) - 1n;

/** Run lines with r2 = a, r3 = b and return the CPU. */
function with23(lines: string[], a: bigint, b: bigint, setup?: (c: Cpu) => void): Cpu {
  return run(lines, (c) => {
    c.setGr(2, a);
    c.setGr(3, b);
    setup?.(c);
  }).cpu;
}

describe('add and sub', () => {
  it('wrap modulo 2^64', () => {
    expect(with23(['add r1=r2,r3'], M64, 2n).gr(1)).toBe(1n);
    expect(with23(['sub r1=r2,r3'], 1n, 2n).gr(1)).toBe(M64);
  });

  it('add ...,1 adds one more (the carry-in form); sub ...,1 subtracts one more', () => {
    expect(with23(['add r1=r2,r3,1'], 5n, 7n).gr(1)).toBe(13n);
    expect(with23(['add r1=r2,r3,1'], M64, 0n).gr(1)).toBe(0n);
    expect(with23(['sub r1=r2,r3,1'], 5n, 7n).gr(1)).toBe(M64 - 2n);
    expect(with23(['sub r1=r2,r3,1'], 0n, M64).gr(1)).toBe(0n);
  });

  it('sub with an immediate subtracts the register from the sign-extended imm8', () => {
    expect(with23(['sub r1=-128,r3'], 0n, 1n).gr(1)).toBe(BigInt.asUintN(64, -129n));
    expect(with23(['sub r1=127,r3'], 0n, 127n).gr(1)).toBe(0n);
  });

  it('propagate NaT from either source', () => {
    const c = with23(['add r1=r2,r3'], 1n, 2n, (c) => c.setGr(3, 2n, 1));
    expect(c.nat(1)).toBe(1);
    expect(with23(['sub r1=r2,r3'], 1n, 2n, (c) => c.setGr(2, 1n, 1)).nat(1)).toBe(1);
    expect(with23(['add r1=r2,r3'], 1n, 2n).nat(1)).toBe(0);
  });

  it('fault on an r0 target or a register outside the frame, leaving the target unchanged', () => {
    expect(() => with23(['add r0=r2,r3'], 1n, 2n)).toThrow(/Illegal Operation/);
    expect(() => with23(['alloc r32=ar.pfs,2,2,0', 'add r34=r2,r3'], 1n, 2n)).toThrow(/Illegal Operation/);
  });
});

describe('adds, addl and mov', () => {
  it('adds sign-extends imm14 at both limits', () => {
    expect(with23(['adds r1=8191,r3'], 0n, 1n).gr(1)).toBe(8192n);
    expect(with23(['adds r1=-8192,r3'], 0n, 0n).gr(1)).toBe(BigInt.asUintN(64, -8192n));
  });

  it('addl sign-extends imm22 and takes r3 from r0-r3', () => {
    expect(with23(['addl r1=2097151,r3'], 0n, 1n).gr(1)).toBe(2097152n);
    expect(with23(['addl r1=-2097152,r2'], 0n, 0n).gr(1)).toBe(BigInt.asUintN(64, -2097152n));
    expect(run(['mov r1=-1']).cpu.gr(1)).toBe(M64);
  });

  it('mov r1=r3 copies the value and its NaT', () => {
    const c = with23(['mov r1=r3'], 0n, 77n, (c) => c.setGr(3, 77n, 1));
    expect(c.gr(1)).toBe(77n);
    expect(c.nat(1)).toBe(1);
  });

  it('movl loads a full 64-bit immediate', () => {
    const c = run(['movl r1=0x8123456789abcdef'], (c) => c.setGr(1, 0n, 1)).cpu;
    expect(c.gr(1)).toBe(0x8123_4567_89ab_cdefn);
    expect(c.nat(1)).toBe(0);
    expect(() => run(['movl r0=1'])).toThrow(/Illegal Operation/);
  });

  it('an immediate move clears NaT', () => {
    const c = run(['mov r1=5'], (c) => c.setGr(1, 0n, 1)).cpu;
    expect(c.nat(1)).toBe(0);
    expect(c.gr(1)).toBe(5n);
  });
});

describe('addp4 and shladdp4', () => {
  it('keep the low 32 bits of the sum and copy r3 bits 31:30 to bits 62:61', () => {
    // 0xc000_0000 + 0x4000_0001 carries out of bit 31: the carry is dropped.
    const c = with23(['addp4 r1=r2,r3'], 0x40000001n, 0xc0000000n);
    expect(c.gr(1)).toBe((3n << 61n) | 1n);
    expect(with23(['addp4 r1=r2,r3'], 0xffffffff00000005n, 0x10n).gr(1)).toBe(0x15n);
  });

  it('addp4 with an immediate uses the same region bits', () => {
    expect(with23(['addp4 r1=-1,r3'], 0n, 0x80000000n).gr(1)).toBe((2n << 61n) | 0x7fffffffn);
  });

  it('shladdp4 shifts r2 first', () => {
    expect(with23(['shladdp4 r1=r2,4,r3'], 0x10000000n, 0x40000000n).gr(1)).toBe((1n << 61n) | 0x40000000n);
  });
});

describe('shladd', () => {
  it('adds r2 shifted by 1-4 to r3, wrapping', () => {
    expect(with23(['shladd r1=r2,1,r3'], 3n, 1n).gr(1)).toBe(7n);
    expect(with23(['shladd r1=r2,4,r3'], 1n << 60n, 1n).gr(1)).toBe(1n);
    expect(with23(['shladd r1=r2,3,r3'], 1n, 0n, (c) => c.setGr(2, 1n, 1)).nat(1)).toBe(1);
  });
});

describe('logical', () => {
  const a = 0xff00ff00f0f0aaaan;
  const b = 0x0ff00ff00ff0cccan;
  it('register forms', () => {
    expect(with23(['and r1=r2,r3'], a, b).gr(1)).toBe(a & b);
    expect(with23(['andcm r1=r2,r3'], a, b).gr(1)).toBe(a & ~b & M64);
    expect(with23(['or r1=r2,r3'], a, b).gr(1)).toBe(a | b);
    expect(with23(['xor r1=r2,r3'], a, b).gr(1)).toBe(a ^ b);
  });

  it('immediate forms sign-extend imm8', () => {
    expect(with23(['and r1=-2,r3'], 0n, b).gr(1)).toBe(b & ~1n);
    expect(with23(['andcm r1=-1,r3'], 0n, b).gr(1)).toBe(~b & M64);
    expect(with23(['or r1=-128,r3'], 0n, 1n).gr(1)).toBe(BigInt.asUintN(64, -127n));
    expect(with23(['xor r1=127,r3'], 0n, 0xffn).gr(1)).toBe(0x80n);
    expect(with23(['xor r1=1,r3'], 0n, 0n, (c) => c.setGr(3, 0n, 1)).nat(1)).toBe(1);
  });
});
