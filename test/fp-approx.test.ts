// frcpa and frsqrta (Vol. 3): the reference tables over all 256 entries,
// the architected accuracy, the special cases with their p2 outputs, and
// software assistance at the exponent limits.

import { describe, expect, it } from 'vitest';
import { BIT63, EXP_BIAS, FReg, QNAN_INDEFINITE } from '../src/cpu/fp/format.js';
import { fromDouble } from '../src/cpu/fp/memory.js';
import { recip, recipDefault, recipSqrt, recipSqrtDefault } from '../src/cpu/fp/reciprocal.js';
import { D, FpEnv, Precision, SWA, V, Z } from '../src/cpu/fp/status.js';

const env = () => new FpEnv(0x3fn | (0xcn << 6n), 0, Precision.Full);
const d = (x: number) => fromDouble(new BigUint64Array(new Float64Array([x]).buffer)[0]);
/** The value of a finite register as a JS number (enough for 2^-20 accuracy checks). */
const value = (r: FReg) => (r.sign ? -1 : 1) * Number(r.sig) * 2 ** (r.exp - EXP_BIAS - 63);

/** frcpa of num/den: screening then the result, as the instruction does without faults. */
function frcpa(num: FReg, den: FReg) {
  const e = env();
  const special = recipDefault(num, den, e);
  const r = special ? { value: special, approximate: false } : recip(num, den);
  return { ...r, flags: e.flags, faults: e.faults };
}

function frsqrta(x: FReg) {
  const e = env();
  const special = recipSqrtDefault(x, e);
  const r = special ? { value: special, approximate: false } : recipSqrt(x);
  return { ...r, flags: e.flags, faults: e.faults };
}

describe('frcpa', () => {
  it('approximates 1/b to within 2^-8.886 relative error across the whole table', () => {
    for (let index = 0; index < 256; index++) {
      for (const low of [0n, (1n << 55n) - 1n]) {
        const b: FReg = { sign: 0, exp: EXP_BIAS, sig: BIT63 | (BigInt(index) << 55n) | low };
        const r = frcpa(d(1), b);
        expect(r.approximate).toBe(true);
        expect(r.flags).toBe(0);
        const rel = Math.abs(value(r.value) * value(b) - 1);
        expect(rel).toBeLessThan(2 ** -8.886);
      }
    }
  });
  it('takes the table entry for the 8 fraction bits, the exponent negated and the sign kept', () => {
    const r = frcpa(d(3), d(-1.5));
    // 1.5 has fraction bits 1000_0000: entry 128 is 0x154.
    expect(r.value).toEqual({ sign: 1, exp: 0x1ffff - 2 - EXP_BIAS, sig: BIT63 | (0x154n << 53n) });
    expect(frcpa(d(1), d(1)).value.sig).toBe(BIT63 | (0x3fcn << 53n));
  });
  it('gives IEEE results with p2 = 0 for zeros, infinities and NaNs', () => {
    const inf = d(Infinity);
    expect(frcpa(d(1), d(0))).toMatchObject({ value: { sign: 0, exp: 0x1ffff, sig: BIT63 }, approximate: false, flags: Z });
    expect(frcpa(d(-1), d(0))).toMatchObject({ value: { sign: 1, exp: 0x1ffff }, flags: Z });
    expect(frcpa(d(0), d(0))).toMatchObject({ value: QNAN_INDEFINITE, approximate: false, flags: V });
    expect(frcpa(inf, inf)).toMatchObject({ value: QNAN_INDEFINITE, flags: V });
    expect(frcpa(inf, d(2))).toMatchObject({ value: { sign: 0, exp: 0x1ffff, sig: BIT63 }, approximate: false, flags: 0 });
    expect(frcpa(d(2), d(-Infinity))).toMatchObject({ value: { sign: 1, exp: 0, sig: 0n }, approximate: false });
    expect(frcpa(d(-0), d(2))).toMatchObject({ value: { sign: 1, exp: 0, sig: 0n }, approximate: false });
    const nan = d(NaN);
    expect(frcpa(nan, d(2))).toMatchObject({ value: nan, approximate: false, flags: 0 });
    // The numerator's NaN wins.
    const other: FReg = { sign: 1, exp: 0x1ffff, sig: 0xc000000000000123n };
    expect(frcpa(other, nan).value).toEqual(other);
  });
  it('flags denormal operands with D; the register range holds 1/b for a double denormal b', () => {
    const r = frcpa(d(1), d(5e-324));
    expect(r).toMatchObject({ flags: D, faults: 0, approximate: true });
    // 2^-1074 normalizes in the register; its reciprocal is 0.99... * 2^1074.
    expect(r.value).toEqual({ sign: 0, exp: EXP_BIAS - 1 + 1074, sig: BIT63 | (0x3fcn << 53n) });
  });
  it('asks software assistance for a divisor that stays denormal in the 17-bit range', () => {
    expect(frcpa(d(1), { sign: 0, exp: 1, sig: 1n << 62n }).faults & SWA).toBe(SWA);
  });
  it('asks software assistance when the quotient or the reciprocal would leave the 17-bit range', () => {
    const huge: FReg = { sign: 0, exp: 0x1fffd, sig: BIT63 };
    expect(frcpa(d(1), huge).faults & SWA).toBe(SWA);
    const tiny: FReg = { sign: 0, exp: 60, sig: BIT63 };
    expect(frcpa(tiny, d(1)).faults & SWA).toBe(SWA);
    expect(frcpa(d(1e300), d(1e-300)).faults).toBe(0);
  });
});

describe('frsqrta', () => {
  it('approximates 1/sqrt(x) to within 2^-8.831 over both halves of the table', () => {
    for (const exp of [EXP_BIAS, EXP_BIAS + 1]) {
      for (let index = 0; index < 128; index++) {
        const x: FReg = { sign: 0, exp, sig: BIT63 | (BigInt(index) << 56n) | ((1n << 56n) - 1n) };
        const r = frsqrta(x);
        expect(r.approximate).toBe(true);
        const rel = Math.abs(value(r.value) * Math.sqrt(value(x)) - 1);
        expect(rel).toBeLessThan(2 ** -8.831);
      }
    }
  });
  it('passes zeros and +inf through with p2 = 0, and rejects negatives', () => {
    expect(frsqrta(d(-0))).toMatchObject({ value: { sign: 1, exp: 0, sig: 0n }, approximate: false, flags: 0 });
    expect(frsqrta(d(Infinity))).toMatchObject({ value: { sign: 0, exp: 0x1ffff, sig: BIT63 }, approximate: false });
    expect(frsqrta(d(-4))).toMatchObject({ value: QNAN_INDEFINITE, approximate: false, flags: V });
    expect(frsqrta(d(-Infinity))).toMatchObject({ value: QNAN_INDEFINITE, flags: V });
  });
});
