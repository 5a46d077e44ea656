// The arithmetic core at its corners (Vol. 1, 5.2; Vol. 3, "fma"): exact
// halfway cases in every rounding mode and precision, overflow and
// underflow thresholds, denormal results and flush-to-zero, the 17-bit
// range of wre, the single rounding of fma, and NaN precedence.

import { describe, expect, it } from 'vitest';
import { maddDefault, maddExact, MaddForm } from '../src/cpu/fp/arith.js';
import { BIT63, EXP_BIAS, FReg, ONE, QNAN_INDEFINITE, ZERO } from '../src/cpu/fp/format.js';
import { fromDouble, fromSingle, toDouble } from '../src/cpu/fp/memory.js';
import { round } from '../src/cpu/fp/round.js';
import { D, FpEnv, I, O, Precision, U, V } from '../src/cpu/fp/status.js';

const FMA: MaddForm = { negateProduct: false, negateAddend: false };
const FMS: MaddForm = { negateProduct: false, negateAddend: true };

/** FPSR: traps as given (disable bits), sf0 with rounding rc, precision pc, ftz and wre. */
function fpsr(rc: number, opts: { pc?: number; ftz?: boolean; wre?: boolean; traps?: number } = {}): bigint {
  const controls = (opts.ftz ? 1 : 0) | (opts.wre ? 2 : 0) | ((opts.pc ?? 3) << 2) | (rc << 4);
  return BigInt(opts.traps ?? 0x3f) | (BigInt(controls) << 6n);
}

function fma(a: FReg, b: FReg, c: FReg, e: FpEnv, form = FMA, hasAddend = true): FReg {
  return maddDefault(a, b, c, form, e) ?? round(maddExact(a, b, c, hasAddend, form, e.rc), e);
}

/** A register value m * 2^k for a small integer m. */
function val(m: number, k: number): FReg {
  const sign = m < 0 ? 1 : 0;
  let s = BigInt(Math.abs(m));
  let exp = k + 63;
  while (s < BIT63) {
    s <<= 1n;
    exp--;
  }
  return { sign, exp: exp + EXP_BIAS, sig: s };
}

const d = (x: number) => fromDouble(new BigUint64Array(new Float64Array([x]).buffer)[0]);
const num = (r: FReg) => new Float64Array(new BigUint64Array([toDouble(r)]).buffer)[0];

describe('rounding of exact halfway cases', () => {
  // 1 + 2^-p... : the sum 1 + 2^-p (p = precision) lies halfway between 1 and 1 + 2^(1-p).
  const cases: Array<[Precision, number, number]> = [
    [Precision.Single, 0, 24],
    [Precision.Double, 2, 53],
    [Precision.Dynamic, 3, 64],
  ];
  for (const [pc, pcBits, p] of cases) {
    it(`${p}-bit significand, every mode, both signs, even and odd`, () => {
      for (const sign of [1, -1]) {
        for (const odd of [0, 1]) {
          // base = 1 (even last bit) or 1 + 2^(1-p) (odd); add half an ulp.
          const base = odd ? { ...val(sign, 0), sig: BIT63 | (1n << BigInt(64 - p)) } : val(sign, 0);
          const half = val(sign, -p);
          for (let rc = 0; rc < 4; rc++) {
            const e = new FpEnv(fpsr(rc, { pc: pcBits }), 0, pc);
            const r = fma(base, ONE, half, e);
            const awayFromZero = rc === 0 ? odd === 1 : rc === 1 ? sign < 0 : rc === 2 ? sign > 0 : false;
            const ulp = 1n << BigInt(64 - p);
            const want = awayFromZero ? base.sig + ulp : base.sig;
            expect({ sig: r.sig, sign: r.sign, inexact: (e.flags & I) !== 0 }).toEqual({
              sig: want,
              sign: base.sign,
              inexact: true,
            });
          }
        }
      }
    });
  }
});

describe('overflow', () => {
  const max = d(Number.MAX_VALUE);
  it('rounds to infinity or the largest finite value by mode, with O and I', () => {
    const want = ['inf', 'max', 'inf', 'max'];
    for (let rc = 0; rc < 4; rc++) {
      const e = new FpEnv(fpsr(rc, { pc: 2 }), 0, Precision.Double);
      const r = fma(max, d(2), ZERO, e, FMA, false);
      expect(num(r) === Infinity ? 'inf' : num(r) === Number.MAX_VALUE ? 'max' : num(r)).toBe(want[rc]);
      expect(e.flags).toBe(O | I);
    }
  });
  it('the largest finite value itself does not overflow', () => {
    const e = new FpEnv(fpsr(0), 0, Precision.Double);
    expect(num(fma(max, ONE, ZERO, e, FMA, false))).toBe(Number.MAX_VALUE);
    expect(e.flags).toBe(0);
  });
  it('with the overflow trap enabled keeps the unbounded result with its exponent wrapped, and traps', () => {
    const e = new FpEnv(fpsr(0, { traps: 0x3f & ~O }), 0, Precision.Double);
    const r = fma(max, d(4), ZERO, e, FMA, false);
    expect(r.exp).toBe((1023 + 2 + EXP_BIAS) & 0x1ffff);
    expect(e.traps & O).toBe(O);
  });
});

describe('underflow', () => {
  const minNormal = 2 ** -1022;
  it('detects tininess after rounding: a value that rounds up to the smallest normal is not tiny', () => {
    const e = new FpEnv(fpsr(0, { pc: 2 }), 0, Precision.Double);
    // (1 - 2^-54) * 2^-1022: below the smallest normal, rounds to it in round-to-nearest.
    const below = { sign: 0, exp: EXP_BIAS - 1023, sig: (1n << 64n) - (1n << 10n) };
    const r = fma(below, ONE, ZERO, e, FMA, false);
    expect(num(r)).toBe(minNormal);
    expect(e.flags).toBe(I);
  });
  it('gives denormals with U and I when inexact, without U when exact', () => {
    let e = new FpEnv(fpsr(0, { pc: 2 }), 0, Precision.Double);
    expect(num(fma(d(minNormal), d(0.5), ZERO, e, FMA, false))).toBe(minNormal / 2);
    expect(e.flags).toBe(0);
    e = new FpEnv(fpsr(0, { pc: 2 }), 0, Precision.Double);
    expect(num(fma(d(minNormal), d(1 / 3), ZERO, e, FMA, false))).toBe(minNormal / 3);
    expect(e.flags).toBe(U | I);
  });
  it('flushes tiny results to zero under ftz, with U and I', () => {
    const e = new FpEnv(fpsr(0, { pc: 2, ftz: true }), 0, Precision.Double);
    const r = fma(d(-minNormal), d(0.5), ZERO, e, FMA, false);
    expect(r).toEqual({ sign: 1, exp: 0, sig: 0n });
    expect(e.flags).toBe(U | I);
  });
  it('ftz is ignored while the underflow trap is enabled', () => {
    const e = new FpEnv(fpsr(0, { pc: 2, ftz: true, traps: 0x3f & ~U }), 0, Precision.Double);
    expect(e.ftz).toBe(false);
  });
  it('stores double-extended denormals with exponent 0', () => {
    const e = new FpEnv(fpsr(0), 0, Precision.Dynamic);
    const tiny = { sign: 0, exp: EXP_BIAS - 16382, sig: BIT63 };
    const r = fma(tiny, val(1, -1), ZERO, e, FMA, false);
    expect(r).toEqual({ sign: 0, exp: 0, sig: 1n << 62n });
  });
  it('single and double denormals keep the format\'s minimum exponent, integer bit clear', () => {
    const e = new FpEnv(fpsr(0, { pc: 2 }), 0, Precision.Double);
    expect(fma(d(minNormal), d(0.5), ZERO, e, FMA, false)).toEqual({ sign: 0, exp: EXP_BIAS - 1022, sig: 1n << 62n });
  });
  it('widest-range exponent (wre) keeps .d results normal far below the double range', () => {
    const e = new FpEnv(fpsr(0, { wre: true }), 0, Precision.Double);
    const r = fma(d(minNormal), d(minNormal), ZERO, e, FMA, false);
    expect(r).toEqual({ sign: 0, exp: EXP_BIAS - 2044, sig: BIT63 });
    expect(e.flags).toBe(0);
  });
  it('denormal operands raise D', () => {
    const e = new FpEnv(fpsr(0), 0, Precision.Double);
    fma(d(5e-324), ONE, ZERO, e);
    expect(e.flags & D).toBe(D);
  });
});

describe('fma', () => {
  it('rounds once: (1 + 2^-30)(1 - 2^-30) - 1 is -2^-60, not the 0 of a rounded product', () => {
    const e = new FpEnv(fpsr(0, { pc: 2 }), 0, Precision.Double);
    const r = fma(d(1 + 2 ** -30), d(1 - 2 ** -30), ONE, e, FMS);
    expect(num(r)).toBe(-(2 ** -60));
    const product = round(maddExact(d(1 + 2 ** -30), d(1 - 2 ** -30), ZERO, false, FMA, 0), new FpEnv(fpsr(0), 0, Precision.Double));
    expect(num(product) - 1).toBe(0);
  });
  it('gives +0 for x - x except when rounding down', () => {
    for (let rc = 0; rc < 4; rc++) {
      const e = new FpEnv(fpsr(rc), 0, Precision.Double);
      expect(fma(d(3), ONE, d(-3), e).sign).toBe(rc === 1 ? 1 : 0);
    }
  });
  it('a pure multiply (f2 = f0) keeps the sign of a zero product', () => {
    const e = new FpEnv(fpsr(0), 0, Precision.Double);
    expect(fma(d(-0), d(5), ZERO, e, FMA, false).sign).toBe(1);
    expect(fma(d(-0), d(5), ZERO, e, FMA, true).sign).toBe(0);
  });
});

describe('NaN operands', () => {
  const qnan = (payload: bigint): FReg => ({ sign: 0, exp: 0x1ffff, sig: 0xc000000000000000n | payload });
  const snan = (payload: bigint): FReg => ({ sign: 0, exp: 0x1ffff, sig: BIT63 | payload });
  it('f4 wins over f2, which wins over f3', () => {
    const [a, b, c] = [qnan(1n), qnan(2n), qnan(3n)];
    const e = () => new FpEnv(fpsr(0), 0, Precision.Double);
    expect(fma(a, b, c, e())).toEqual(b);
    expect(fma(a, ONE, c, e())).toEqual(c);
    expect(fma(a, ONE, ONE, e())).toEqual(a);
  });
  it('quiets a signaling NaN and raises V', () => {
    const e = new FpEnv(fpsr(0), 0, Precision.Double);
    expect(fma(snan(5n), ONE, ZERO, e)).toEqual(qnan(5n));
    expect(e.flags).toBe(V);
  });
  it('a quiet NaN raises nothing', () => {
    const e = new FpEnv(fpsr(0), 0, Precision.Double);
    fma(qnan(5n), ONE, ZERO, e);
    expect(e.flags).toBe(0);
  });
  it('invalid operations give the QNaN indefinite: inf - inf, 0 * inf, unsupported operands', () => {
    const inf = d(Infinity);
    for (const [a, b, c] of [
      [inf, ONE, d(-Infinity)],
      [d(0), inf, ZERO],
      [{ sign: 0, exp: 0x1ffff, sig: 1n }, ONE, ZERO],
    ]) {
      const e = new FpEnv(fpsr(0), 0, Precision.Double);
      expect(fma(a, b, c, e)).toEqual(QNAN_INDEFINITE);
      expect(e.flags).toBe(V);
    }
  });
  it('an enabled invalid trap makes it a fault', () => {
    const e = new FpEnv(fpsr(0, { traps: 0x3f & ~V }), 0, Precision.Double);
    maddDefault(d(Infinity), d(0), ZERO, FMA, e);
    expect(e.faults).toBe(V);
  });
});

describe('single precision in the register', () => {
  it('fma.s rounds to 24 bits in the 8-bit exponent range', () => {
    const e = new FpEnv(fpsr(0), 0, Precision.Single);
    const r = fma(fromSingle(0x3f800001), fromSingle(0x3f800001), ZERO, e, FMA, false);
    // (1 + 2^-23)^2 = 1 + 2^-22 + 2^-46 rounds to 1 + 2^-22.
    expect(r).toEqual({ sign: 0, exp: EXP_BIAS, sig: BIT63 | (1n << 41n) });
  });
});
