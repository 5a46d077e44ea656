// IEEE rounding of an exact result into the register format (Vol. 1, 5.2.3;
// the manual's fp_ieee_round). Tininess is detected after rounding with an
// unbounded exponent; a tiny result is then rounded again at its denormal
// position. With the overflow or underflow trap enabled the register gets
// the unbounded result with its exponent wrapped to 17 bits.

import { BIT63, EXP_BIAS, EXP_MAX, EXT_DENORMAL_EXP, FReg, bitLength, infinity } from './format.js';
import { FpEnv, I, O, Rounding, U } from './status.js';

/** An exact value: (-1)^sign * sig * 2^lsb, or an infinity. sig 0 is a zero of that sign. */
export interface Exact {
  sign: number;
  sig: bigint;
  lsb: number;
  inf: boolean;
}

interface Rounded {
  q: bigint;
  inexact: boolean;
  up: boolean;
}

/** Drop `drop` low bits of sig (which has n bits) and round the rest. */
function roundOff(sig: bigint, n: number, drop: number, sign: number, rc: Rounding): Rounded {
  if (drop <= 0) return { q: sig << BigInt(-drop), inexact: false, up: false };
  let q: bigint;
  let half: boolean;
  let sticky: boolean;
  if (drop > n) {
    q = 0n;
    half = false;
    sticky = true;
  } else {
    const d = BigInt(drop);
    q = sig >> d;
    const rem = sig - (q << d);
    const h = 1n << (d - 1n);
    half = rem >= h;
    sticky = rem !== 0n && rem !== h;
  }
  let up: boolean;
  switch (rc) {
    case Rounding.Nearest:
      up = half && (sticky || (q & 1n) === 1n);
      break;
    case Rounding.Down:
      up = sign === 1 && (half || sticky);
      break;
    case Rounding.Up:
      up = sign === 0 && (half || sticky);
      break;
    default:
      up = false;
  }
  return { q: up ? q + 1n : q, inexact: half || sticky, up };
}

/** The largest finite value of the environment's format, or infinity, as the rounding mode directs an overflow. */
function overflowResult(sign: number, e: FpEnv): FReg {
  const toInf =
    e.rc === Rounding.Nearest || (e.rc === Rounding.Down && sign === 1) || (e.rc === Rounding.Up && sign === 0);
  if (toInf) return infinity(sign);
  const p = BigInt(e.precision);
  return { sign, exp: e.emax + EXP_BIAS, sig: ((1n << p) - 1n) << (64n - p) };
}

/** A register value from a p-bit significand q and the unbiased exponent of its top bit. */
function pack(sign: number, q: bigint, exp: number, p: number): FReg {
  return { sign, exp: (exp + EXP_BIAS) & EXP_MAX, sig: q << BigInt(64 - p) };
}

/** Exponent-bias-correction bit for the trap ISR: the unbounded exponent left the 17-bit range. */
function needsBiasCorrection(exp: number): boolean {
  const biased = exp + 0x3ffff;
  return (((biased >> 17) ^ (biased >> 16)) & 1) === 1;
}

/** Round x into e's precision and range, recording flags and traps in e. */
export function round(x: Exact, e: FpEnv): FReg {
  if (x.inf) return infinity(x.sign);
  if (x.sig === 0n) return { sign: x.sign, exp: 0, sig: 0n };
  const p = e.precision;
  const n = bitLength(x.sig);
  let exp = x.lsb + n - 1;
  const first = roundOff(x.sig, n, n - p, x.sign, e.rc);
  let q = first.q;
  if (q >> BigInt(p) !== 0n) {
    q >>= 1n;
    exp++;
  }
  if (first.inexact) e.flags |= I;

  if (exp > e.emax) {
    e.flags |= O;
    if (!(e.disabled & O)) {
      e.traps |= O | (first.inexact ? I : 0);
      e.ebc = needsBiasCorrection(exp);
      e.fpa = first.up;
      return pack(x.sign, q, exp, p);
    }
    e.flags |= I;
    const r = overflowResult(x.sign, e);
    if (!(e.disabled & I)) {
      e.traps |= I;
      e.fpa = r.exp === EXP_MAX;
      e.ebc = false;
    }
    return r;
  }

  if (exp < e.emin) {
    const second = roundOff(x.sig, n, n - p + (e.emin - (x.lsb + n - 1)), x.sign, e.rc);
    if (second.inexact) e.flags |= I | U;
    if (!(e.disabled & U)) {
      e.flags = (e.flags & ~I) | U | (first.inexact ? I : 0);
      e.traps |= U | (first.inexact ? I : 0);
      e.ebc = needsBiasCorrection(exp);
      e.fpa = first.up;
      return pack(x.sign, q, exp, p);
    }
    e.fpa = second.up;
    if (e.ftz) {
      e.flags |= I | U;
      e.fpa = false;
      e.ebc = false;
      if (!(e.disabled & I)) e.traps |= I;
      return { sign: x.sign, exp: 0, sig: 0n };
    }
    if (second.inexact && !(e.disabled & I)) e.traps |= I;
    if (second.q === 0n) return { sign: x.sign, exp: 0, sig: 0n };
    const r = pack(x.sign, second.q, e.emin, p);
    // Double-extended denormals take their canonical exponent 0.
    if (e.range === 15 && r.exp === EXT_DENORMAL_EXP && r.sig < BIT63) r.exp = 0;
    return r;
  }

  if (first.inexact && !(e.disabled & I)) {
    e.traps |= I;
    e.fpa = first.up;
  }
  return pack(x.sign, q, exp, p);
}
