// F6 and F7: reciprocal and reciprocal square root approximation (frcpa,
// frsqrta, fprcpa, fprsqrta). p2 says whether f1 holds an approximation to
// refine (1) or already the IEEE result (0); a false qualifying predicate
// clears it, so these run whatever the predicate.

import { isNatVal, NATVAL } from '../fp/format.js';
import { pairOf, pairReg, toSingle } from '../fp/memory.js';
import { recip, recipDefault, recipHalf, recipSqrt, recipSqrtDefault, recipSqrtHalf } from '../fp/reciprocal.js';
import { Precision, faultCode, fpFault } from '../fp/status.js';
import { checkEnabled, checkFaults, checkFrTarget, envFor, readFr, statusFieldOf, updateFlags, writeFr } from './fp-common.js';
import { ExecFn, registerSemantics, Semantic } from './registry.js';

function frcpa(def: { name: string }): Semantic | undefined {
  const m = /^f(p?)rcpa\.s[0-3]$/.exec(def.name);
  if (!m) return undefined;
  const sf = statusFieldOf(def);
  const parallel = m[1] === 'p';
  const fn: ExecFn = (c, i) => {
    const [f1, p2, f2, f3] = i.ops;
    if (!c.qpTrue(i)) return c.setPr(p2, 0);
    checkFrTarget(f1);
    checkEnabled(c, f1, f2, f3);
    const num = readFr(c, f2);
    const den = readFr(c, f3);
    if (isNatVal(num) || isNatVal(den)) {
      writeFr(c, f1, NATVAL);
      return c.setPr(p2, 0);
    }
    if (parallel) {
      const hi = envFor(c, sf, Precision.Parallel);
      const lo = hi.clone();
      const [n1, n0] = pairOf(num);
      const [d1, d0] = pairOf(den);
      const rHi = recipHalf(n1, d1, hi);
      const rLo = recipHalf(n0, d0, lo);
      if (hi.faults || lo.faults) throw fpFault(faultCode(hi.faults) | (faultCode(lo.faults) << 4));
      writeFr(c, f1, pairReg(toSingle(rHi.value), toSingle(rLo.value)));
      c.setPr(p2, rHi.approximate && rLo.approximate ? 1 : 0);
      return updateFlags(c, sf, hi.flags | lo.flags);
    }
    const e = envFor(c, sf, Precision.Full);
    const special = recipDefault(num, den, e);
    checkFaults(e);
    const r = special ? { value: special, approximate: false } : recip(num, den);
    writeFr(c, f1, r.value);
    c.setPr(p2, r.approximate ? 1 : 0);
    updateFlags(c, sf, e.flags);
  };
  return { fn, always: true };
}

function frsqrta(def: { name: string }): Semantic | undefined {
  const m = /^f(p?)rsqrta\.s[0-3]$/.exec(def.name);
  if (!m) return undefined;
  const sf = statusFieldOf(def);
  const parallel = m[1] === 'p';
  const fn: ExecFn = (c, i) => {
    const [f1, p2, f3] = i.ops;
    if (!c.qpTrue(i)) return c.setPr(p2, 0);
    checkFrTarget(f1);
    checkEnabled(c, f1, f3);
    const x = readFr(c, f3);
    if (isNatVal(x)) {
      writeFr(c, f1, NATVAL);
      return c.setPr(p2, 0);
    }
    if (parallel) {
      const hi = envFor(c, sf, Precision.Parallel);
      const lo = hi.clone();
      const [x1, x0] = pairOf(x);
      const rHi = recipSqrtHalf(x1, hi);
      const rLo = recipSqrtHalf(x0, lo);
      if (hi.faults || lo.faults) throw fpFault(faultCode(hi.faults) | (faultCode(lo.faults) << 4));
      writeFr(c, f1, pairReg(toSingle(rHi.value), toSingle(rLo.value)));
      c.setPr(p2, rHi.approximate && rLo.approximate ? 1 : 0);
      return updateFlags(c, sf, hi.flags | lo.flags);
    }
    const e = envFor(c, sf, Precision.Full);
    const special = recipSqrtDefault(x, e);
    checkFaults(e);
    const r = special ? { value: special, approximate: false } : recipSqrt(x);
    writeFr(c, f1, r.value);
    c.setPr(p2, r.approximate ? 1 : 0);
    updateFlags(c, sf, e.flags);
  };
  return { fn, always: true };
}

registerSemantics({ formats: ['F6'], make: frcpa }, { formats: ['F7'], make: frsqrta });
