// Multiply-add with a single rounding (Vol. 3, "fma", "fms", "fnma"): the
// product and sum are formed exactly, then rounded once. Also the operand
// screening that picks NaN and invalid-operation results before any
// arithmetic, and the ordered comparison used by fcmp, fmin and fmax.

import {
  EXP_BIAS,
  FReg,
  QNAN_INDEFINITE,
  bitLength,
  isInf,
  isNaN,
  isNonZero,
  isSNaN,
  isUnorm,
  isUnsupported,
  isZero,
  propagate,
  regRead,
} from './format.js';
import { Exact } from './round.js';
import { D, FpEnv, Rounding, V } from './status.js';

/** The exact value a register holds (pseudo-zeros are zeros). */
export function exact(r: FReg): Exact {
  const v = regRead(r);
  return { sign: v.sign, sig: v.sig, lsb: v.exp - EXP_BIAS - 63, inf: isInf(v) };
}

/** The exact product of two non-NaN registers. */
export function multiply(a: FReg, b: FReg): Exact {
  const sign = a.sign ^ b.sign;
  if (isZero(a) || isZero(b)) return { sign, sig: 0n, lsb: 0, inf: false };
  if (isInf(a) || isInf(b)) return { sign, sig: 0n, lsb: 0, inf: true };
  const x = exact(a);
  const y = exact(b);
  return { sign, sig: x.sig * y.sig, lsb: x.lsb + y.lsb, inf: false };
}

/**
 * Far below the other operand's top bit a value only decides the sticky bit:
 * any non-zero value there rounds alike, so it is replaced by a single bit to
 * keep the exact sum small.
 */
const STICKY_DISTANCE = 200;

/** The exact sum; a zero sum of opposite signs is -0 only when rounding down. */
export function add(x: Exact, y: Exact, rc: Rounding): Exact {
  if (x.inf) return x;
  if (y.inf) return y;
  if (x.sig === 0n && y.sig === 0n) {
    return { sign: x.sign === y.sign ? x.sign : rc === Rounding.Down ? 1 : 0, sig: 0n, lsb: 0, inf: false };
  }
  if (x.sig === 0n) return y;
  if (y.sig === 0n) return x;
  const topX = x.lsb + bitLength(x.sig);
  const topY = y.lsb + bitLength(y.sig);
  if (topX - topY > STICKY_DISTANCE) y = { sign: y.sign, sig: 1n, lsb: topX - STICKY_DISTANCE, inf: false };
  else if (topY - topX > STICKY_DISTANCE) x = { sign: x.sign, sig: 1n, lsb: topY - STICKY_DISTANCE, inf: false };
  const lsb = Math.min(x.lsb, y.lsb);
  const a = x.sig << BigInt(x.lsb - lsb);
  const b = y.sig << BigInt(y.lsb - lsb);
  const sum = (x.sign ? -a : a) + (y.sign ? -b : b);
  if (sum === 0n) return { sign: rc === Rounding.Down ? 1 : 0, sig: 0n, lsb: 0, inf: false };
  return sum < 0n ? { sign: 1, sig: -sum, lsb, inf: false } : { sign: 0, sig: sum, lsb, inf: false };
}

/** Signs to flip: fms negates the addend, fnma the product. */
export interface MaddForm {
  negateProduct: boolean;
  negateAddend: boolean;
}

/**
 * Screen the operands of (f3 * f4) + f2 (Vol. 3, fma_exception_fault_check):
 * returns the default result for NaN and invalid cases, or null when the
 * arithmetic is to be done. Flags and faults go to e.
 */
export function maddDefault(f3: FReg, f4: FReg, f2: FReg, form: MaddForm, e: FpEnv): FReg | null {
  if (isUnsupported(f2) || isUnsupported(f3) || isUnsupported(f4)) {
    e.raise(V);
    return QNAN_INDEFINITE;
  }
  if (isNaN(f2) || isNaN(f3) || isNaN(f4)) {
    if (isSNaN(f2) || isSNaN(f3) || isSNaN(f4)) e.raise(V);
    // f4's NaN wins over f2's, which wins over f3's.
    return propagate(isNaN(f4) ? f4 : isNaN(f2) ? f2 : f3);
  }
  const productInf = (isInf(f3) && isNonZero(f4)) || (isNonZero(f3) && isInf(f4));
  const productSign = f3.sign ^ f4.sign ^ (form.negateProduct ? 1 : 0);
  const addendSign = f2.sign ^ (form.negateAddend ? 1 : 0);
  if ((productInf && isInf(f2) && productSign !== addendSign) || (isInf(f3) && isZero(f4)) || (isZero(f3) && isInf(f4))) {
    e.raise(V);
    return QNAN_INDEFINITE;
  }
  if (isUnorm(f2) || isUnorm(f3) || isUnorm(f4)) e.raise(D);
  return null;
}

/** The exact (f3 * f4) + f2 of screened operands; hasAddend is false when f2 is f0 (a pure multiply). */
export function maddExact(f3: FReg, f4: FReg, f2: FReg, hasAddend: boolean, form: MaddForm, rc: Rounding): Exact {
  const p = multiply(f3, f4);
  if (form.negateProduct) p.sign ^= 1;
  if (!hasAddend) return p;
  const c = exact(f2);
  if (form.negateAddend) c.sign ^= 1;
  return add(p, c, rc);
}

/**
 * Compare two registers: -1, 0 or 1, or null when unordered (a NaN or an
 * unsupported operand). Zeros of either sign, pseudo-zeros included, are equal.
 */
export function compare(a: FReg, b: FReg): number | null {
  if (isNaN(a) || isNaN(b) || isUnsupported(a) || isUnsupported(b)) return null;
  const x = exact(a);
  const y = exact(b);
  const sx = x.inf || x.sig !== 0n ? (x.sign ? -1 : 1) : 0;
  const sy = y.inf || y.sig !== 0n ? (y.sign ? -1 : 1) : 0;
  if (sx !== sy) return sx < sy ? -1 : 1;
  if (sx === 0) return 0;
  let mag: number;
  if (x.inf || y.inf) mag = x.inf === y.inf ? 0 : x.inf ? 1 : -1;
  else {
    const tx = x.lsb + bitLength(x.sig);
    const ty = y.lsb + bitLength(y.sig);
    if (tx !== ty) mag = tx > ty ? 1 : -1;
    else {
      const lsb = Math.min(x.lsb, y.lsb);
      const a2 = x.sig << BigInt(x.lsb - lsb);
      const b2 = y.sig << BigInt(y.lsb - lsb);
      mag = a2 === b2 ? 0 : a2 > b2 ? 1 : -1;
    }
  }
  return sx < 0 ? -mag : mag;
}
