// Conversions between floating-point and integer forms (Vol. 3, "fcvt.fx",
// "fcvt.xf"). Rounding to an integer adds and removes 2^63 with the operand's
// sign, so that the 64-bit-precision rounding of the sum drops exactly the
// fraction bits.

import { BIT63, EXP_BIAS, FReg, bitLength, INTEGER_EXP, MASK64, QNAN_INDEFINITE, isNaN, isUnorm, isUnsupported, normalize, propagate } from './format.js';
import { compare, exact, add } from './arith.js';
import { round } from './round.js';
import { D, FpEnv, V } from './status.js';

/** Round a finite value to an integral value in e's rounding mode (e.flags gets the inexact flag). */
export function roundToIntegral(r: FReg, e: FpEnv): FReg {
  const x = exact(r);
  if (x.inf || x.sig === 0n || x.lsb + bitLength(x.sig) - 1 >= 63) return r;
  const bias = exact({ sign: x.sign, exp: INTEGER_EXP, sig: BIT63 });
  const shifted = round(add(x, bias, e.rc), e);
  const back = exact(shifted);
  bias.sign ^= 1;
  return round(add(back, bias, e.rc), e.clone());
}

/** 2^n, or -2^n, as a register value. */
function power(n: number, sign: number): FReg {
  return { sign, exp: EXP_BIAS + n, sig: BIT63 };
}

/**
 * Screening of fcvt.fx and fpcvt.fx (bits 64 or 32): a NaN for NaNs and
 * values that round out of range (the result is then the integer
 * indefinite), else null.
 */
export function toIntegerDefault(r: FReg, signed: boolean, e: FpEnv, bits = 64): FReg | null {
  if (isUnsupported(r)) {
    e.raise(V);
    return QNAN_INDEFINITE;
  }
  if (isNaN(r)) {
    e.raise(V);
    return propagate(r);
  }
  const v = roundToIntegral(r, e.clone());
  const low = signed ? power(bits - 1, 1) : { sign: 0, exp: 0, sig: 0n };
  const high = power(signed ? bits - 1 : bits, 0);
  const lo = compare(low, v);
  const hi = compare(v, high);
  if (lo === null || lo > 0 || hi === null || hi >= 0) {
    e.raise(V);
    return QNAN_INDEFINITE;
  }
  if (isUnorm(r)) e.raise(D);
  return null;
}

/** The 64-bit integer of an in-range value (two's complement when signed and negative). */
export function toInteger(r: FReg, signed: boolean, e: FpEnv): bigint {
  const v = roundToIntegral(r, e);
  let sig = v.exp === 0 ? v.sig : v.sig >> BigInt(INTEGER_EXP - v.exp);
  if (signed && v.sign) sig = (~sig + 1n) & MASK64;
  return sig;
}

/** fcvt.xf: the signed 64-bit integer in r's significand as a normalized value. */
export function fromSignedInteger(sig: bigint): FReg {
  const negative = sig >= BIT63;
  return normalize({ sign: negative ? 1 : 0, exp: INTEGER_EXP, sig: negative ? (~sig + 1n) & MASK64 : sig });
}
