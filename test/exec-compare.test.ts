// Integer compares (formats A6-A8): every relation at its signed/unsigned
// boundary, the 32-bit forms, and each compare type's treatment of NaT
// sources, false qualifying predicates and p1 == p2.

import { describe, expect, it } from 'vitest';
import type { Cpu } from '../src/cpu/cpu.js';
import { run } from './support/machine.js';

const M64 = (1n << 64n) - 1n;

interface Setup {
  r2?: bigint;
  r3?: bigint;
  nat2?: number;
  nat3?: number;
  /** Initial p6, p7 (default 0, 0) and qualifying predicate p5 (default 1). */
  p6?: number;
  p7?: number;
  p5?: number;
}

/** Run one instruction and return [p6, p7]. */
function preds(line: string, s: Setup = {}): [number, number] {
  const c = cpuAfter([line], s);
  return [c.pr(6), c.pr(7)];
}

function cpuAfter(lines: string[], s: Setup): Cpu {
  return run(lines, (c) => {
    c.setGr(2, s.r2 ?? 0n, s.nat2 ?? 0);
    c.setGr(3, s.r3 ?? 0n, s.nat3 ?? 0);
    c.setPr(5, s.p5 ?? 1);
    c.setPr(6, s.p6 ?? 0);
    c.setPr(7, s.p7 ?? 0);
  }).cpu;
}

describe('relations, normal type', () => {
  it('eq writes the relation to p1 and its complement to p2', () => {
    expect(preds('cmp.eq p6,p7=r2,r3', { r2: 5n, r3: 5n })).toEqual([1, 0]);
    expect(preds('cmp.eq p6,p7=r2,r3', { r2: 5n, r3: 6n, p6: 1, p7: 0 })).toEqual([0, 1]);
  });

  it('lt is signed, ltu unsigned', () => {
    expect(preds('cmp.lt p6,p7=r2,r3', { r2: M64, r3: 0n })).toEqual([1, 0]);
    expect(preds('cmp.ltu p6,p7=r2,r3', { r2: M64, r3: 0n })).toEqual([0, 1]);
    expect(preds('cmp.lt p6,p7=r2,r3', { r2: 1n << 63n, r3: (1n << 63n) - 1n })).toEqual([1, 0]);
    expect(preds('cmp.ltu p6,p7=r2,r3', { r2: (1n << 63n) - 1n, r3: 1n << 63n })).toEqual([1, 0]);
    expect(preds('cmp.lt p6,p7=r2,r3', { r2: 4n, r3: 4n })).toEqual([0, 1]);
  });

  it('the immediate is the left operand, sign-extended', () => {
    expect(preds('cmp.lt p6,p7=-128,r3', { r3: BigInt.asUintN(64, -127n) })).toEqual([1, 0]);
    expect(preds('cmp.ltu p6,p7=-1,r3', { r3: M64 })).toEqual([0, 1]);
    expect(preds('cmp.eq p6,p7=127,r3', { r3: 127n })).toEqual([1, 0]);
  });
});

describe('cmp4', () => {
  it('compares only the low 32 bits', () => {
    expect(preds('cmp4.eq p6,p7=r2,r3', { r2: 0x1_0000_0005n, r3: 0xffff_0000_0000_0005n })).toEqual([1, 0]);
    expect(preds('cmp4.lt p6,p7=r2,r3', { r2: 0x8000_0000n, r3: 0n })).toEqual([1, 0]);
    expect(preds('cmp4.ltu p6,p7=r2,r3', { r2: 0x8000_0000n, r3: 0x1_0000_0000n })).toEqual([0, 1]);
  });

  it('cmp4.ltu zero-extends the low 32 bits of the sign-extended imm8', () => {
    expect(preds('cmp4.ltu p6,p7=-1,r3', { r3: 0xffff_fffen })).toEqual([0, 1]);
    expect(preds('cmp4.ltu p6,p7=-2,r3', { r3: 0xffff_ffffn })).toEqual([1, 0]);
    expect(preds('cmp4.lt p6,p7=-1,r3', { r3: 0xffff_ffff_0000_0000n })).toEqual([1, 0]);
  });
});

describe('NaT sources', () => {
  it('normal and unc types clear both targets', () => {
    expect(preds('cmp.eq p6,p7=r2,r3', { nat2: 1, p6: 1, p7: 1 })).toEqual([0, 0]);
    expect(preds('cmp.eq.unc p6,p7=r2,r3', { nat3: 1, p6: 1, p7: 1 })).toEqual([0, 0]);
    expect(preds('cmp.lt p6,p7=5,r3', { nat3: 1, p6: 1, p7: 1 })).toEqual([0, 0]);
  });

  it('and clears both; or and or.andcm leave both unchanged', () => {
    expect(preds('cmp.eq.and p6,p7=r2,r3', { nat2: 1, p6: 1, p7: 1 })).toEqual([0, 0]);
    expect(preds('cmp.eq.or p6,p7=r2,r3', { nat3: 1, p6: 0, p7: 1 })).toEqual([0, 1]);
    expect(preds('cmp.eq.or.andcm p6,p7=r2,r3', { nat3: 1, p6: 0, p7: 1 })).toEqual([0, 1]);
  });
});

describe('parallel types', () => {
  it('and clears both targets when the relation is false, else leaves them', () => {
    expect(preds('cmp.eq.and p6,p7=r2,r3', { r2: 1n, r3: 2n, p6: 1, p7: 1 })).toEqual([0, 0]);
    expect(preds('cmp.ne.and p6,p7=r2,r3', { r2: 1n, r3: 2n, p6: 1, p7: 0 })).toEqual([1, 0]);
  });

  it('or sets both targets when the relation is true, else leaves them', () => {
    expect(preds('cmp.eq.or p6,p7=r2,r3', { r2: 2n, r3: 2n })).toEqual([1, 1]);
    expect(preds('cmp.ne.or p6,p7=r2,r3', { r2: 2n, r3: 2n, p7: 1 })).toEqual([0, 1]);
  });

  it('or.andcm sets p1 and clears p2 when the relation is true', () => {
    expect(preds('cmp.eq.or.andcm p6,p7=r2,r3', { r2: 2n, r3: 2n, p7: 1 })).toEqual([1, 0]);
    expect(preds('cmp.ne.or.andcm p6,p7=r2,r3', { r2: 2n, r3: 2n, p7: 1 })).toEqual([0, 1]);
  });

  it('the compares against r0 (A7) take the named relation of 0 and r3', () => {
    expect(preds('cmp.gt.and p6,p7=r0,r3', { r3: M64, p6: 1, p7: 1 })).toEqual([1, 1]);
    expect(preds('cmp.gt.and p6,p7=r0,r3', { r3: 1n, p6: 1, p7: 1 })).toEqual([0, 0]);
    expect(preds('cmp.le.or p6,p7=r0,r3', { r3: 0n })).toEqual([1, 1]);
    expect(preds('cmp.ge.or.andcm p6,p7=r0,r3', { r3: 1n, p7: 1 })).toEqual([0, 1]);
    expect(preds('cmp.lt.or p6,p7=r0,r3', { r3: 1n })).toEqual([1, 1]);
    expect(preds('cmp4.lt.or p6,p7=r0,r3', { r3: 0x1_8000_0000n })).toEqual([0, 0]);
    expect(preds('cmp4.gt.or p6,p7=r0,r3', { r3: 0x1_8000_0000n })).toEqual([1, 1]);
  });

  it('immediate forms (A8) with parallel types', () => {
    expect(preds('cmp.eq.and p6,p7=3,r3', { r3: 3n, p6: 1, p7: 1 })).toEqual([1, 1]);
    expect(preds('cmp4.ne.or p6,p7=3,r3', { r3: 0x1_0000_0004n })).toEqual([1, 1]);
  });
});

describe('qualifying predicate', () => {
  it('a false qp leaves the normal type\'s targets unchanged', () => {
    expect(preds('(p5) cmp.eq p6,p7=r2,r3', { p5: 0, p6: 1, p7: 1 })).toEqual([1, 1]);
  });

  it('a false qp clears both targets of .unc', () => {
    expect(preds('(p5) cmp.eq.unc p6,p7=r2,r3', { p5: 0, p6: 1, p7: 1 })).toEqual([0, 0]);
    expect(preds('(p5) cmp4.lt.unc p6,p7=r2,r3', { p5: 1, r2: 1n, r3: 2n })).toEqual([1, 0]);
  });
});

describe('p1 == p2', () => {
  it('is an Illegal Operation fault when the compare executes', () => {
    expect(() => preds('cmp.eq p6,p6=r2,r3')).toThrow(/Illegal Operation/);
    expect(() => preds('cmp.eq.or p6,p6=r2,r3')).toThrow(/Illegal Operation/);
    expect(() => preds('cmp.lt p6,p6=1,r3')).toThrow(/Illegal Operation/);
  });

  it('faults for .unc even with a false qp, but not for the normal type', () => {
    expect(() => preds('(p5) cmp.eq.unc p6,p6=r2,r3', { p5: 0 })).toThrow(/Illegal Operation/);
    expect(preds('(p5) cmp.eq p6,p6=r2,r3', { p5: 0, p6: 1 })).toEqual([1, 0]);
  });
});

describe('p0 as a target', () => {
  it('is not written', () => {
    const c = cpuAfter(['cmp.eq p0,p7=r2,r3'], { r2: 1n, r3: 2n });
    expect(c.pr(0)).toBe(1);
    expect(c.pr(7)).toBe(1);
  });
});
