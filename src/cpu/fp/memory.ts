// Conversions between the register format and the memory formats (Vol. 1,
// 5.1.3, Figures 5-7 to 5-9). Loads widen exactly; stores take the bits as
// they are, without rounding: the exponent keeps its top bit and as many low
// bits as the format has, an integer bit of 0 stores as a zero exponent.

import { BIT63, EXP_BIAS, EXP_MAX, FReg, INTEGER_EXP, MASK64 } from './format.js';

/** Single (32 bits) to register. */
export function fromSingle(bits: number): FReg {
  const sign = bits >>> 31;
  const e = (bits >>> 23) & 0xff;
  const frac = BigInt(bits & 0x7fffff) << 40n;
  if (e === 0) return frac === 0n ? { sign, exp: 0, sig: 0n } : { sign, exp: EXP_BIAS - 127 + 1, sig: frac };
  return { sign, exp: e === 0xff ? EXP_MAX : e - 127 + EXP_BIAS, sig: BIT63 | frac };
}

/** Double (64 bits) to register. */
export function fromDouble(bits: bigint): FReg {
  const sign = Number(bits >> 63n);
  const e = Number((bits >> 52n) & 0x7ffn);
  const frac = (bits << 11n) & 0x7fffffffffffffffn;
  if (e === 0) return frac === 0n ? { sign, exp: 0, sig: 0n } : { sign, exp: EXP_BIAS - 1023 + 1, sig: frac };
  return { sign, exp: e === 0x7ff ? EXP_MAX : e - 1023 + EXP_BIAS, sig: BIT63 | frac };
}

/** Double-extended (sign and 15-bit exponent in se, explicit significand) to register. */
export function fromExtended(se: number, sig: bigint): FReg {
  const sign = (se >>> 15) & 1;
  const e = se & 0x7fff;
  return { sign, exp: e === 0 ? 0 : e === 0x7fff ? EXP_MAX : e - 16383 + EXP_BIAS, sig };
}

/** Integer (ldf8, setf.sig): the significand, exponent 2^63, positive. */
export function fromInteger(bits: bigint): FReg {
  return { sign: 0, exp: INTEGER_EXP, sig: bits };
}

/** Spill format (ldf.fill): significand in the low 8 bytes, exponent and sign in bits 64-81. */
export function fromSpill(sig: bigint, high: number): FReg {
  return { sign: (high >>> 17) & 1, exp: high & 0x1ffff, sig };
}

/** The memory exponent of a store: the top exponent bit and the format's low bits. */
function storeExp(r: FReg, width: number): number {
  if (r.exp === 0 || r.sig < BIT63) return 0;
  if (r.exp === EXP_MAX) return (1 << width) - 1;
  return ((r.exp >>> 16) << (width - 1)) | (r.exp & ((1 << (width - 1)) - 1));
}

/** Register to single (32 bits, as an unsigned number). */
export function toSingle(r: FReg): number {
  const frac = Number((r.sig >> 40n) & 0x7fffffn);
  return ((r.sign << 31) | (storeExp(r, 8) << 23) | frac) >>> 0;
}

/** Register to double. */
export function toDouble(r: FReg): bigint {
  const frac = (r.sig >> 11n) & 0xfffffffffffffn;
  return (BigInt(r.sign) << 63n) | (BigInt(storeExp(r, 11)) << 52n) | frac;
}

/**
 * Register to double-extended: returns the sign/exponent half-word. The
 * significand is stored whole; only exponent 0 stores as 0 (an unnormal
 * with a normal exponent keeps it).
 */
export function toExtendedSe(r: FReg): number {
  let e: number;
  if (r.exp === 0) e = 0;
  else if (r.exp === EXP_MAX) e = 0x7fff;
  else e = ((r.exp >>> 16) << 14) | (r.exp & 0x3fff);
  return (r.sign << 15) | e;
}

/** Register to the spill format's high part (bits 64-81: exponent then sign). */
export function toSpillHigh(r: FReg): number {
  return (r.sign << 17) | r.exp;
}

/** Single with the exponent re-biased rather than truncated (parallel results that trap on overflow or underflow). */
export function toSingleBiasAdjusted(r: FReg): number {
  let e: number;
  if (r.exp === 0) e = 0;
  else if (r.exp === EXP_MAX) e = 0xff;
  else e = (r.exp - EXP_BIAS + 127 - (r.sig < BIT63 ? 1 : 0)) & 0xff;
  const frac = Number((r.sig >> 40n) & 0x7fffffn);
  return ((r.sign << 31) | (e << 23) | frac) >>> 0;
}

/** The two singles of a parallel FP register: [high, low]. */
export function pairOf(r: FReg): [FReg, FReg] {
  return [fromSingle(Number(r.sig >> 32n)), fromSingle(Number(r.sig & 0xffffffffn))];
}

/** A parallel FP register from two singles. */
export function pairReg(hi: number, lo: number): FReg {
  return { sign: 0, exp: INTEGER_EXP, sig: ((BigInt(hi) << 32n) | BigInt(lo)) & MASK64 };
}
