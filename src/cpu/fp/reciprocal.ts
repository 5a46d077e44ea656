// The special cases around frcpa and frsqrta (Vol. 3): which operands give
// an IEEE result directly (predicate cleared), which need software
// assistance, and, for the parallel forms, which halves are out of the
// range where the Newton-Raphson refinement of a single is exact.

import { recipApprox, recipSqrtApprox } from './approx.js';
import {
  EXP_BIAS, FReg, QNAN_INDEFINITE, infinity, isFinite, isInf, isNaN, isNormal, isPseudoZero, isSNaN, isUnorm,
  isUnsupported, isZero, normalize, propagate, regRead, zero,
} from './format.js';
import { D, FpEnv, SWA, V, Z } from './status.js';

/** An approximation's outcome: the register value and whether it is an approximation (p2). */
export interface Approx {
  value: FReg;
  approximate: boolean;
}

const zeroish = (r: FReg) => isZero(r) || isPseudoZero(r);

/** frcpa screening: the default result, or null; software assistance is required near the exponent limits. */
export function recipDefault(num: FReg, den: FReg, e: FpEnv): FReg | null {
  let result: FReg | null = null;
  if (isUnsupported(num) || isUnsupported(den)) {
    e.raise(V);
    result = QNAN_INDEFINITE;
  } else if (isNaN(num) || isNaN(den)) {
    if (isSNaN(num) || isSNaN(den)) e.raise(V);
    result = propagate(isNaN(num) ? num : den);
  } else if ((isInf(num) && isInf(den)) || (zeroish(num) && zeroish(den))) {
    e.raise(V);
    result = QNAN_INDEFINITE;
  } else if ((isNormal(num) || (isUnorm(num) && !isPseudoZero(num))) && zeroish(den)) {
    e.raise(Z);
    result = infinity(num.sign ^ den.sign);
  } else if (isUnorm(num) || isUnorm(den)) {
    e.raise(D);
  }
  if (!zeroish(num) && isFinite(num) && !zeroish(den) && isFinite(den)) {
    const n = normalize(regRead(num));
    const d = normalize(regRead(den));
    const estimate = n.exp - d.exp;
    if (isUnorm(d) || d.exp >= 2 * EXP_BIAS - 2 || estimate >= EXP_BIAS || estimate <= 2 - EXP_BIAS || n.exp <= 64) {
      e.faults |= SWA;
    }
  }
  return result;
}

/** frcpa after screening: IEEE results for infinities and zeros, else the table approximation of 1/den. */
export function recip(num: FReg, den: FReg): Approx {
  const n = normalize(regRead(num));
  const d = normalize(regRead(den));
  const sign = n.sign ^ d.sign;
  if (isInf(n) && isFinite(d)) return { value: infinity(sign), approximate: false };
  if (isFinite(n) && isInf(d)) return { value: zero(sign), approximate: false };
  if (isZero(n) && isFinite(d)) return { value: zero(sign), approximate: false };
  return { value: recipApprox(d), approximate: true };
}

/** frsqrta screening: NaNs and negative operands give default results. */
export function recipSqrtDefault(r: FReg, e: FpEnv): FReg | null {
  let result: FReg | null = null;
  if (isUnsupported(r)) {
    e.raise(V);
    result = QNAN_INDEFINITE;
  } else if (isNaN(r)) {
    if (isSNaN(r)) e.raise(V);
    result = propagate(r);
  } else if (r.sign === 1 && !isZero(r) && !isPseudoZero(r)) {
    e.raise(V);
    result = QNAN_INDEFINITE;
  } else if (isUnorm(r)) {
    e.raise(D);
  }
  if (r.sign === 0 && !zeroish(r) && isFinite(r) && normalize(regRead(r)).exp <= 64) e.faults |= SWA;
  return result;
}

/** frsqrta after screening: zeros and +inf pass through, else the table approximation. */
export function recipSqrt(r: FReg): Approx {
  const v = normalize(regRead(r));
  if (isZero(v) || isInf(v)) return { value: v, approximate: false };
  return { value: recipSqrtApprox(v), approximate: true };
}

const SINGLE_BIAS = 127;

/** One half of fprcpa: screening, limits and result in one step (no fault check between them is needed per half). */
export function recipHalf(num: FReg, den: FReg, e: FpEnv): Approx {
  let result: FReg | null = null;
  if (isNaN(num) || isNaN(den)) {
    if (isSNaN(num) || isSNaN(den)) e.raise(V);
    result = propagate(isNaN(num) ? num : den);
  } else if ((isInf(num) && isInf(den)) || (isZero(num) && isZero(den))) {
    e.raise(V);
    result = QNAN_INDEFINITE;
  } else if (!isInf(num) && !isZero(num) && isZero(den)) {
    e.raise(Z);
    result = infinity(num.sign ^ den.sign);
  } else if (isUnorm(num) || isUnorm(den)) {
    e.raise(D);
  }
  let outOfRange = false;
  let quotientLimit = false;
  if (!isZero(num) && isFinite(num) && !isZero(den) && isFinite(den)) {
    const n = normalize(num);
    let d = den;
    if (isUnorm(den)) {
      // The reciprocal of a single denormal is not a single.
      outOfRange = true;
      result = infinity(den.sign);
      d = normalize(den);
    } else if (den.exp >= EXP_BIAS + SINGLE_BIAS - 2) {
      outOfRange = true;
      result = zero(den.sign);
    }
    const estimate = n.exp - d.exp;
    quotientLimit = estimate >= SINGLE_BIAS || estimate <= 2 - SINGLE_BIAS || n.exp <= 24 + EXP_BIAS - SINGLE_BIAS;
  }
  if (result && (isNaN(result) || isInf(result) || outOfRange)) return { value: result, approximate: false };
  const a = recip(num, den);
  return { value: a.value, approximate: a.approximate && !quotientLimit };
}

/** One half of fprsqrta. */
export function recipSqrtHalf(r: FReg, e: FpEnv): Approx {
  let result: FReg | null = null;
  if (isNaN(r)) {
    if (isSNaN(r)) e.raise(V);
    result = propagate(r);
  } else if (r.sign === 1 && !isZero(r)) {
    e.raise(V);
    result = QNAN_INDEFINITE;
  } else if (isUnorm(r)) {
    e.raise(D);
  }
  if (result) return { value: result, approximate: false };
  const v = normalize(r);
  if (isZero(v)) return { value: infinity(v.sign), approximate: false };
  if (isInf(v)) return { value: zero(0), approximate: false };
  return { value: recipSqrtApprox(v), approximate: v.exp > EXP_BIAS - SINGLE_BIAS + 24 };
}
