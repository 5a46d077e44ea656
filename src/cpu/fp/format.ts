// The 82-bit floating-point register format (Vol. 1, 5.1.2 and Table 5-2):
// a sign, a 17-bit exponent biased by 0xFFFF and a 64-bit significand whose
// bit 63 is the explicit integer bit. Integers and parallel singles live in
// the significand with exponent 0x1003E; NaTVal is +0 with exponent 0x1FFFE.

export interface FReg {
  sign: number;
  exp: number;
  sig: bigint;
}

export const EXP_BIAS = 0xffff;
/** Exponent of infinities and NaNs. */
export const EXP_MAX = 0x1ffff;
/** Exponent of the integer (and parallel FP) form: 2^63. */
export const INTEGER_EXP = 0x1003e;
/** Exponent 0 with a non-zero significand holds a double-extended (pseudo-)denormal, weighted as 0xC001. */
export const EXT_DENORMAL_EXP = 0xc001;

export const BIT63 = 1n << 63n;
export const QUIET_BIT = 1n << 62n;
export const MASK64 = (1n << 64n) - 1n;

export const ZERO: FReg = { sign: 0, exp: 0, sig: 0n };
export const ONE: FReg = { sign: 0, exp: EXP_BIAS, sig: BIT63 };
export const NATVAL: FReg = { sign: 0, exp: 0x1fffe, sig: 0n };
/** The QNaN indefinite, the default result of invalid operations (negative, as on x87). */
export const QNAN_INDEFINITE: FReg = { sign: 1, exp: EXP_MAX, sig: 0xc000000000000000n };
/** fcvt.fx's result for NaNs and out-of-range values. */
export const INTEGER_INDEFINITE = 0x8000000000000000n;

export function infinity(sign: number): FReg {
  return { sign, exp: EXP_MAX, sig: BIT63 };
}

export function zero(sign: number): FReg {
  return { sign, exp: 0, sig: 0n };
}

/** A 64-bit integer (or pair of singles) in the significand. */
export function integerForm(sig: bigint): FReg {
  return { sign: 0, exp: INTEGER_EXP, sig };
}

// ---- classes (Vol. 1, Table 5-2) -------------------------------------------

export function isNatVal(r: FReg): boolean {
  return r.exp === 0x1fffe && r.sig === 0n && r.sign === 0;
}

export function isNaN(r: FReg): boolean {
  return r.exp === EXP_MAX && r.sig > BIT63;
}

export function isQNaN(r: FReg): boolean {
  return r.exp === EXP_MAX && r.sig >= 0xc000000000000000n;
}

export function isSNaN(r: FReg): boolean {
  return r.exp === EXP_MAX && r.sig > BIT63 && r.sig < 0xc000000000000000n;
}

export function isInf(r: FReg): boolean {
  return r.exp === EXP_MAX && r.sig === BIT63;
}

/** A true zero: exponent and significand both zero. */
export function isZero(r: FReg): boolean {
  return r.exp === 0 && r.sig === 0n;
}

/** Zero significand with a non-zero, non-special exponent (NaTVal excluded). */
export function isPseudoZero(r: FReg): boolean {
  return r.exp !== 0 && r.exp !== EXP_MAX && r.sig === 0n && !isNatVal(r);
}

export function isNormal(r: FReg): boolean {
  return r.exp !== 0 && r.exp !== EXP_MAX && r.sig >= BIT63;
}

/** Unnormalized: integer bit clear with an ordinary exponent (pseudo-zeros too), or any exponent-0 non-zero. */
export function isUnorm(r: FReg): boolean {
  return (r.exp !== 0 && r.exp !== EXP_MAX && r.sig < BIT63) || (r.exp === 0 && r.sig !== 0n);
}

/** Pseudo-NaNs and pseudo-infinities: exponent all ones with the integer bit clear. */
export function isUnsupported(r: FReg): boolean {
  return r.exp === EXP_MAX && r.sig < BIT63;
}

export function isFinite(r: FReg): boolean {
  return r.exp !== EXP_MAX;
}

/** Non-zero in the manual's sense: anything but a true zero (pseudo-zeros and infinities count). */
export function isNonZero(r: FReg): boolean {
  return !isZero(r);
}

export function quiet(r: FReg): FReg {
  return { sign: r.sign, exp: r.exp, sig: r.sig | QUIET_BIT };
}

/** An SNaN quieted, any other NaN unchanged. */
export function propagate(r: FReg): FReg {
  return isSNaN(r) ? quiet(r) : r;
}

// ---- normalisation --------------------------------------------------------

/** The register as arithmetic reads it: a double-extended (pseudo-)denormal gets its true exponent. */
export function regRead(r: FReg): FReg {
  return r.exp === 0 && r.sig !== 0n ? { sign: r.sign, exp: EXT_DENORMAL_EXP, sig: r.sig } : r;
}

/** Leading zero count of a 64-bit value (64 for zero). */
export function clz64(x: bigint): number {
  const hi = Number(x >> 32n);
  return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(Number(x & 0xffffffffn));
}

/**
 * Shift an unnormalized finite value left until the integer bit is set or the
 * exponent reaches 1; a zero significand becomes a true zero.
 */
export function normalize(r: FReg): FReg {
  if (r.exp === EXP_MAX || r.exp === 0 || r.sig >= BIT63 || isNatVal(r)) return r;
  if (r.sig === 0n) return { sign: r.sign, exp: 0, sig: 0n };
  if (r.exp === 1) return r;
  const n = Math.min(clz64(r.sig), r.exp - 1);
  return { sign: r.sign, exp: r.exp - n, sig: (r.sig << BigInt(n)) & MASK64 };
}

/** Bits needed to hold a non-negative value. */
export function bitLength(x: bigint): number {
  let n = 0;
  while (x > MASK64) {
    x >>= 64n;
    n += 64;
  }
  return n + 64 - clz64(x);
}
