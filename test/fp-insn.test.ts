// FP instructions executed from assembled code: loads and stores with
// their conversions, setf/getf, conversions, classes, compares, status
// fields, faults and traps, NaTVal propagation and the Disabled
// FP-Register fault.

import { describe, expect, it } from 'vitest';
import { Cpu, CpuFault } from '../src/cpu/cpu.js';
import { readFr, writeFr } from '../src/cpu/exec/fp-common.js';
import { BIT63, EXP_BIAS, FReg, INTEGER_EXP, NATVAL } from '../src/cpu/fp/format.js';
import { fromDouble, toDouble } from '../src/cpu/fp/memory.js';
import { Interruption, Vector } from '../src/cpu/interruption.js';
import { PSR } from '../src/cpu/psr.js';
import { AR } from '../src/cpu/state.js';
import { DATA, run } from './support/machine.js';

/** Linux's initial FPSR: traps disabled, sf0 double-extended round-to-nearest, sf1-3 wre with traps disabled. */
const FPSR_DEFAULT = 0x0009804c0270033fn;

const bits = (x: number) => new BigUint64Array(new Float64Array([x]).buffer)[0];
const d = (x: number) => fromDouble(bits(x));
const num = (r: FReg) => new Float64Array(new BigUint64Array([toDouble(r)]).buffer)[0];

function exec(lines: string[], setup?: (c: Cpu) => void): Cpu {
  return run(lines, (c) => {
    c.r.ar[AR.FPSR] = FPSR_DEFAULT;
    setup?.(c);
  }).cpu;
}

function interruption(lines: string[], setup?: (c: Cpu) => void): Interruption {
  try {
    exec(lines, setup);
  } catch (e) {
    if (e instanceof CpuFault) return e.interruption;
    throw e;
  }
  throw new Error('no interruption');
}

const sf0Flags = (c: Cpu) => Number((c.r.ar[AR.FPSR] >> 13n) & 0x3fn);

describe('FP loads and stores', () => {
  it('ldfs widens a single denormal exactly and stfs stores it back', () => {
    const c = exec(['ldfs f6=[r2]', 'stfs [r3]=f6'], (c) => {
      c.setGr(2, DATA);
      c.setGr(3, DATA + 8n);
      c.store(DATA, 4, 1n);
    });
    expect(readFr(c, 6)).toEqual({ sign: 0, exp: EXP_BIAS - 126, sig: 1n << 40n });
    expect(c.load(DATA + 8n, 4)).toBe(1n);
  });
  it('ldfd, ldf8 and ldfe convert to the register format; ldfe keeps a denormal at exponent 0', () => {
    const c = exec(['ldfd f6=[r2],8', 'ldf8 f7=[r2],8', 'ldfe f8=[r2]'], (c) => {
      c.setGr(2, DATA);
      c.store(DATA, 8, bits(-1.5));
      c.store(DATA + 8n, 8, 0x1234n);
      c.store(DATA + 16n, 8, 5n);
      c.store(DATA + 24n, 2, 0x8000n);
    });
    expect(readFr(c, 6)).toEqual({ sign: 1, exp: EXP_BIAS, sig: 0xc000000000000000n });
    expect(readFr(c, 7)).toEqual({ sign: 0, exp: INTEGER_EXP, sig: 0x1234n });
    expect(readFr(c, 8)).toEqual({ sign: 1, exp: 0, sig: 5n });
    expect(c.gr(2)).toBe(DATA + 16n);
  });
  it('stf.spill and ldf.fill move all 82 bits, NaTVal included', () => {
    const c = exec(['stf.spill [r2]=f6', 'ldf.fill f7=[r2]'], (c) => {
      c.setGr(2, DATA);
      writeFr(c, 6, NATVAL);
    });
    expect(readFr(c, 7)).toEqual(NATVAL);
    expect(c.load(DATA + 8n, 8)).toBe(0x1fffen);
  });
  it('storing NaTVal in any other format is a Register NaT Consumption fault', () => {
    const i = interruption(['stfd [r2]=f6'], (c) => {
      c.setGr(2, DATA);
      writeFr(c, 6, NATVAL);
    });
    expect(i.vector).toBe(Vector.NAT_CONSUMPTION);
  });
  it('ldfpd loads a pair; targets of the same parity are an Illegal Operation fault', () => {
    const c = exec(['ldfpd f6,f7=[r2],16'], (c) => {
      c.setGr(2, DATA);
      c.store(DATA, 8, bits(2));
      c.store(DATA + 8n, 8, bits(3));
    });
    expect([num(readFr(c, 6)), num(readFr(c, 7)), c.gr(2)]).toEqual([2, 3, DATA + 16n]);
    expect(interruption(['ldfpd f6,f8=[r2]'], (c) => c.setGr(2, DATA)).vector).toBe(Vector.GENERAL_EXCEPTION);
  });
  it('a speculative load from a NaT base defers: NaTVal, and chk.s branches to recovery', () => {
    const c = exec(['ldfd.s f6=[r2]', 'chk.s f6,recover', 'mov r8=1', 'recover:', 'nop.m 0'], (c) => {
      c.setGr(2, DATA, 1);
    });
    expect(readFr(c, 6)).toEqual(NATVAL);
    expect(c.gr(8)).toBe(0n);
  });
  it('ldfd.a enters the ALAT and ldfd.c.clr then reuses the value', () => {
    const c = exec(['ldfd.a f6=[r2]', 'st8 [r3]=r0', 'ldfd.c.clr f6=[r2]'], (c) => {
      c.setGr(2, DATA);
      c.setGr(3, DATA + 64n);
      c.store(DATA, 8, bits(7));
    });
    expect(num(readFr(c, 6))).toBe(7);
    expect(c.alat.size).toBe(0);
  });
});

describe('setf and getf', () => {
  it('move significands, exponents, singles and doubles', () => {
    const c = exec(['setf.sig f6=r2', 'setf.exp f7=r3', 'setf.d f8=r4', 'getf.exp r5=f1', 'getf.s r6=f8', 'getf.sig r7=f6'], (c) => {
      c.setGr(2, 0xdeadbeefn);
      c.setGr(3, 0x2fffen);
      c.setGr(4, bits(0.5));
    });
    expect(readFr(c, 6)).toEqual({ sign: 0, exp: INTEGER_EXP, sig: 0xdeadbeefn });
    expect(readFr(c, 7)).toEqual({ sign: 1, exp: 0xfffe, sig: BIT63 });
    expect(c.gr(5)).toBe(0xffffn);
    expect(c.gr(6)).toBe(0x3f000000n);
    expect(c.gr(7)).toBe(0xdeadbeefn);
  });
  it('a NaT becomes NaTVal and back', () => {
    const c = exec(['setf.d f6=r2', 'getf.d r3=f6'], (c) => c.setGr(2, 0n, 1));
    expect(readFr(c, 6)).toEqual(NATVAL);
    expect(c.nat(3)).toBe(1);
  });
});

describe('arithmetic instructions', () => {
  it('fma.d computes with one rounding and sets PSR.mfl; NaTVal operands give NaTVal', () => {
    const c = exec(['fma.d.s0 f6=f7,f8,f9', 'fadd.s0 f10=f7,f11'], (c) => {
      writeFr(c, 7, d(3));
      writeFr(c, 8, d(0.1));
      writeFr(c, 9, d(1));
      writeFr(c, 11, NATVAL);
      c.psr = 0n;
    });
    expect(num(readFr(c, 6))).toBe(3 * 0.1 + 1);
    expect(readFr(c, 10)).toEqual(NATVAL);
    expect(c.psr & (1n << BigInt(PSR.mfl))).not.toBe(0n);
    expect(sf0Flags(c)).toBe(0x20);
  });
  it('xma.l, xma.h and xma.hu multiply 64-bit integers', () => {
    const c = exec(['xma.l f6=f7,f8,f9', 'xma.h f10=f7,f8,f9', 'xma.hu f11=f7,f8,f9'], (c) => {
      writeFr(c, 7, { sign: 0, exp: INTEGER_EXP, sig: (1n << 64n) - 1n });
      writeFr(c, 8, { sign: 0, exp: INTEGER_EXP, sig: 2n });
      writeFr(c, 9, { sign: 0, exp: INTEGER_EXP, sig: 1n });
    });
    expect([readFr(c, 6).sig, readFr(c, 10).sig, readFr(c, 11).sig]).toEqual([(1n << 64n) - 1n, (1n << 64n) - 1n, 1n]);
  });
});

describe('conversions', () => {
  it('fcvt.fx of an out-of-range value gives the integer indefinite and V', () => {
    const c = exec(['fcvt.fx.s0 f6=f7'], (c) => writeFr(c, 7, d(1e30)));
    expect(readFr(c, 6)).toEqual({ sign: 0, exp: INTEGER_EXP, sig: 0x8000000000000000n });
    expect(sf0Flags(c)).toBe(1);
  });
  it('fcvt.fx rounds to nearest even, .trunc toward zero, fcvt.fxu rejects negatives', () => {
    const c = exec(['fcvt.fx.s0 f6=f7', 'fcvt.fx.trunc.s0 f8=f9', 'fcvt.fxu.s0 f10=f9', 'fcvt.fx.s0 f11=f12'], (c) => {
      writeFr(c, 7, d(2.5));
      writeFr(c, 9, d(-2.7));
      writeFr(c, 12, d(-(2 ** 63)));
    });
    expect(readFr(c, 6).sig).toBe(2n);
    expect(readFr(c, 8).sig).toBe(BigInt.asUintN(64, -2n));
    expect(readFr(c, 10).sig).toBe(0x8000000000000000n);
    expect(readFr(c, 11).sig).toBe(0x8000000000000000n);
    expect(sf0Flags(c)).toBe(0x21);
  });
  it('fcvt.xf normalizes a signed integer exactly', () => {
    const c = exec(['fcvt.xf f6=f7'], (c) => writeFr(c, 7, { sign: 0, exp: INTEGER_EXP, sig: BigInt.asUintN(64, -5n) }));
    expect(num(readFr(c, 6))).toBe(-5);
  });
});

describe('fclass.m', () => {
  const classes: Array<[string, FReg, number]> = [
    ['NaTVal', NATVAL, 0x100],
    ['QNaN', d(NaN), 0x080 | 0x001],
    ['SNaN', { sign: 0, exp: 0x1ffff, sig: BIT63 | 1n }, 0x040 | 0x001],
    ['+zero', d(0), 0x004 | 0x001],
    ['-zero', d(-0), 0x004 | 0x002],
    ['unnormal', { sign: 0, exp: EXP_BIAS, sig: 1n }, 0x008 | 0x001],
    ['pseudo-zero', { sign: 1, exp: EXP_BIAS, sig: 0n }, 0x008 | 0x002],
    ['normal', d(-2), 0x010 | 0x002],
    ['+inf', d(Infinity), 0x020 | 0x001],
  ];
  for (const [name, value, mask] of classes) {
    it(`${name} matches exactly the class bits ${mask.toString(16)}`, () => {
      for (let bit = 0; bit < 9; bit++) {
        // The four kinds (zero, unnormal, normal, infinity) are asked with both sign bits.
        const m = 1 << bit;
        const query = m >= 4 && m <= 0x20 ? m | 3 : m;
        const c = exec(['fclass.m p6,p7=f6,' + query], (c) => writeFr(c, 6, value));
        // A sign bit alone names no class; any other bit matches when the value is of that class.
        const expected = m >= 4 && (mask & m) !== 0;
        expect([bit, c.pr(6), c.pr(7)]).toEqual([bit, expected ? 1 : 0, expected ? 0 : 1]);
      }
      const c = exec(['fclass.m p6,p7=f6,' + mask], (c) => writeFr(c, 6, value));
      expect(c.pr(6)).toBe(1);
    });
  }
  it('.unc clears both predicates when the qualifying predicate is false', () => {
    const c = exec(['(p5) fclass.m.unc p6,p7=f1,0x1ff'], (c) => {
      c.setPr(6, 1);
      c.setPr(7, 1);
    });
    expect([c.pr(6), c.pr(7)]).toEqual([0, 0]);
  });
});

describe('fcmp', () => {
  it('evaluates every relation, unordered ones false with a NaN', () => {
    const rel = (r: string, a: FReg, b: FReg) => {
      const c = exec([`fcmp.${r}.s0 p6,p7=f6,f7`], (c) => {
        writeFr(c, 6, a);
        writeFr(c, 7, b);
      });
      return [c.pr(6), c.pr(7), sf0Flags(c)];
    };
    expect(rel('eq', d(0), d(-0))).toEqual([1, 0, 0]);
    expect(rel('lt', d(-1), d(0))).toEqual([1, 0, 0]);
    expect(rel('le', d(1), d(1))).toEqual([1, 0, 0]);
    expect(rel('unord', d(NaN), d(1))).toEqual([1, 0, 0]);
    expect(rel('eq', d(NaN), d(NaN))).toEqual([0, 1, 0]);
    expect(rel('lt', d(NaN), d(1))).toEqual([0, 1, 1]);
  });
  it('.unc clears both targets when the predicate is false; NaTVal clears both', () => {
    const c = exec(['(p5) fcmp.eq.unc.s0 p6,p7=f1,f1', 'fcmp.eq.s0 p8,p9=f6,f1'], (c) => {
      for (const p of [6, 7, 8, 9]) c.setPr(p, 1);
      writeFr(c, 6, NATVAL);
    });
    expect([c.pr(6), c.pr(7), c.pr(8), c.pr(9)]).toEqual([0, 0, 0, 0]);
  });
});

describe('frcpa in code', () => {
  it('sets p2 for an approximation and clears it under a false predicate', () => {
    const c = exec(['frcpa.s0 f6,p6=f1,f7', '(p5) frcpa.s0 f8,p7=f1,f7'], (c) => {
      writeFr(c, 7, d(3));
      c.setPr(7, 1);
    });
    expect(c.pr(6)).toBe(1);
    expect(c.pr(7)).toBe(0);
    expect(Math.abs(num(readFr(c, 6)) * 3 - 1)).toBeLessThan(2 ** -8);
  });
});

describe('merges, logical and parallel forms', () => {
  it('fneg, fabs, fmerge.se, fmix.lr, fswap, fsxt.l, fand, fselect and fpack', () => {
    const c = exec(
      [
        'fneg f10=f6',
        'fabs f11=f7',
        'fmerge.se f12=f6,f7',
        'fmix.lr f13=f8,f9',
        'fswap f14=f8,f9',
        'fsxt.l f15=f8,f9',
        'fand f16=f8,f9',
        'fselect f17=f8,f9,f18',
        'fpack f19=f6,f7',
      ],
      (c) => {
        writeFr(c, 6, d(2));
        writeFr(c, 7, d(-3));
        writeFr(c, 8, { sign: 0, exp: INTEGER_EXP, sig: 0x8000000111111111n });
        writeFr(c, 9, { sign: 0, exp: INTEGER_EXP, sig: 0x2222222233333333n });
        writeFr(c, 18, { sign: 0, exp: INTEGER_EXP, sig: 0xffffffff00000000n });
      },
    );
    expect(num(readFr(c, 10))).toBe(-2);
    expect(num(readFr(c, 11))).toBe(3);
    expect(num(readFr(c, 12))).toBe(3);
    expect(readFr(c, 13).sig).toBe(0x8000000133333333n);
    expect(readFr(c, 14).sig).toBe(0x3333333380000001n);
    expect(readFr(c, 15).sig).toBe(0xffffffff22222222n);
    expect(readFr(c, 16).sig).toBe(0x0000000011111111n);
    expect(readFr(c, 17).sig).toBe(0x8000000133333333n);
    expect(readFr(c, 19).sig).toBe(0x40000000c0400000n);
  });
  it('fpma computes two singles', () => {
    const c = exec(['fpma.s0 f6=f7,f8,f9'], (c) => {
      writeFr(c, 7, { sign: 0, exp: INTEGER_EXP, sig: 0x4000000040400000n }); // 2, 3
      writeFr(c, 8, { sign: 0, exp: INTEGER_EXP, sig: 0x4080000040a00000n }); // 4, 5
      writeFr(c, 9, { sign: 0, exp: INTEGER_EXP, sig: 0x3f8000003f800000n }); // 1, 1
    });
    expect(readFr(c, 6)).toEqual({ sign: 0, exp: INTEGER_EXP, sig: 0x4110000041800000n }); // 9, 16
  });
  it('fmin picks f3 when either operand is a NaN, and raises V', () => {
    const c = exec(['fmin.s0 f6=f7,f8'], (c) => {
      writeFr(c, 7, d(NaN));
      writeFr(c, 8, d(1));
    });
    expect(num(readFr(c, 6))).toBe(1);
    expect(sf0Flags(c)).toBe(1);
  });
});

describe('status fields', () => {
  it('fsetc derives sf1 from sf0, fclrf clears flags, fchkf branches on flags sf0 lacks', () => {
    const c = exec(['fsetc.s1 0x7f,0x30', 'fadd.s1 f6=f7,f8', 'fchkf.s1 out', 'mov r8=1', 'out:', 'fclrf.s1'], (c) => {
      writeFr(c, 7, d(1));
      writeFr(c, 8, d(2 ** -70));
    });
    // sf1 = sf0's controls with rounding toward zero.
    expect(Number((c.r.ar[AR.FPSR] >> 19n) & 0x7fn)).toBe(0x3c);
    expect(num(readFr(c, 6))).toBe(1);
    expect(c.gr(8)).toBe(0n);
    expect(Number((c.r.ar[AR.FPSR] >> 26n) & 0x3fn)).toBe(0);
  });
  it('fsetc with the reserved precision control faults', () => {
    expect(interruption(['fsetc.s2 0x0,0x04']).vector).toBe(Vector.GENERAL_EXCEPTION);
  });
});

describe('faults and traps', () => {
  it('an enabled invalid trap raises a Floating-point Exception fault before the write', () => {
    let cpu: Cpu | undefined;
    const i = interruption(['fmpy.s0 f6=f7,f8'], (c) => {
      cpu = c;
      c.r.ar[AR.FPSR] = FPSR_DEFAULT & ~1n;
      writeFr(c, 7, d(0));
      writeFr(c, 8, d(Infinity));
    });
    expect(i.vector).toBe(Vector.FLOATING_POINT_FAULT);
    expect(i.info.isr).toBe(1n);
    expect(readFr(cpu!, 6)).toEqual({ sign: 0, exp: 0, sig: 0n });
  });
  it('an enabled overflow trap writes the wrapped result, then traps', () => {
    let cpu: Cpu | undefined;
    const i = interruption(['fmpy.d.s0 f6=f7,f7'], (c) => {
      cpu = c;
      c.r.ar[AR.FPSR] = FPSR_DEFAULT & ~8n;
      writeFr(c, 7, d(1e300));
    });
    expect(i.vector).toBe(Vector.FLOATING_POINT_TRAP);
    expect(i.isTrap).toBe(true);
    expect(Number(i.info.isr! >> 11n) & 1).toBe(1);
    expect(readFr(cpu!, 6).exp).not.toBe(0);
  });
  it('PSR.dfh makes f32-f127 a Disabled FP-Register fault; f0 and f1 stay usable', () => {
    const i = interruption(['fma.s0 f32=f1,f1,f0'], (c) => {
      c.psr |= 1n << BigInt(PSR.dfh);
    });
    expect(i.vector).toBe(Vector.DISABLED_FP_REGISTER);
    expect(i.info.isr).toBe(2n);
    const c = exec(['fma.s0 f6=f1,f1,f0'], (c) => {
      c.psr |= 1n << BigInt(PSR.dfh);
    });
    expect(num(readFr(c, 6))).toBe(1);
  });
  it('writing f0 or f1 is an Illegal Operation fault', () => {
    expect(interruption(['fma.s0 f1=f1,f1,f0']).vector).toBe(Vector.GENERAL_EXCEPTION);
  });
});
