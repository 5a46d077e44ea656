// F4, F5 and F8: compare (fcmp) into predicates, classify (fclass.m),
// minimum and maximum (fmin, fmax, famin, famax) and the parallel forms
// (fpmin..., fpcmp, whose results are 32-bit masks).

import { compare } from '../fp/arith.js';
import { FReg, isInf, isNaN, isNatVal, isNormal, isQNaN, isSNaN, isUnorm, isUnsupported, isZero, NATVAL } from '../fp/format.js';
import { pairOf, pairReg, toSingle } from '../fp/memory.js';
import { D, FpEnv, Precision, V, faultCode, fpFault } from '../fp/status.js';
import { illegalOperation } from '../interruption.js';
import type { Cpu } from '../cpu.js';
import type { Insn } from '../decode/decoder.js';
import { checkEnabled, checkFaults, checkFrTarget, envFor, readFr, statusFieldOf, updateFlags, writeFr } from './fp-common.js';
import { ExecFn, registerSemantics, Semantic } from './registry.js';

/** A relation on an ordering (-1, 0, 1, or null for unordered). */
type Relation = (order: number | null) => boolean;

const RELATIONS: Record<string, Relation> = {
  eq: (o) => o === 0,
  lt: (o) => o === -1,
  le: (o) => o === -1 || o === 0,
  unord: (o) => o === null,
  neq: (o) => o !== 0,
  nlt: (o) => o !== -1,
  nle: (o) => o === 1 || o === null,
  ord: (o) => o !== null,
};

/** Relations that signal invalid on any NaN, not only a signaling one. */
const ORDERED = new Set(['lt', 'le', 'nlt', 'nle']);

/** The invalid and denormal screening of a comparison. */
function screenCompare(a: FReg, b: FReg, ordered: boolean, e: FpEnv): void {
  if (isUnsupported(a) || isUnsupported(b)) e.raise(V);
  else if (isNaN(a) || isNaN(b)) {
    if (ordered || isSNaN(a) || isSNaN(b)) e.raise(V);
  } else if (isUnorm(a) || isUnorm(b)) e.raise(D);
}

function fcmp(def: { name: string }): Semantic | undefined {
  const m = /^fcmp\.(eq|lt|le|unord)(\.unc)?\.s[0-3]$/.exec(def.name);
  if (!m) return undefined;
  const rel = RELATIONS[m[1]];
  const ordered = ORDERED.has(m[1]);
  const unc = m[2] !== undefined;
  const sf = statusFieldOf(def);
  const fn: ExecFn = (c, i) => {
    const [p1, p2, f2, f3] = i.ops;
    if (p1 === p2) throw illegalOperation('fcmp with p1 = p2');
    if (unc && !c.qpTrue(i)) {
      c.setPr(p1, 0);
      c.setPr(p2, 0);
      return;
    }
    checkEnabled(c, f2, f3);
    const a = readFr(c, f2);
    const b = readFr(c, f3);
    if (isNatVal(a) || isNatVal(b)) {
      c.setPr(p1, 0);
      c.setPr(p2, 0);
      return;
    }
    const e = envFor(c, sf, Precision.Full);
    screenCompare(a, b, ordered, e);
    checkFaults(e);
    const r = rel(compare(a, b));
    c.setPr(p1, r ? 1 : 0);
    c.setPr(p2, r ? 0 : 1);
    updateFlags(c, sf, e.flags);
  };
  return { fn, always: unc };
}

/** fclass.m: membership in the classes of the 9-bit mask (Vol. 3, Table 2-25). */
export function inClass(r: FReg, mask: number): boolean {
  if (isNatVal(r)) return (mask & 0x100) !== 0;
  if (isQNaN(r)) return (mask & 0x080) !== 0;
  if (isSNaN(r)) return (mask & 0x040) !== 0;
  const sign = r.sign ? mask & 2 : mask & 1;
  const kind = (mask & 4 && isZero(r)) || (mask & 8 && isUnorm(r)) || (mask & 0x10 && isNormal(r)) || (mask & 0x20 && isInf(r));
  return sign !== 0 && !!kind;
}

function fclass(def: { name: string }): Semantic | undefined {
  const m = /^fclass\.m(\.unc)?$/.exec(def.name);
  if (!m) return undefined;
  const unc = m[1] !== undefined;
  const fn: ExecFn = (c, i) => {
    const [p1, p2, f2, mask] = i.ops;
    if (p1 === p2) throw illegalOperation('fclass with p1 = p2');
    if (unc && !c.qpTrue(i)) {
      c.setPr(p1, 0);
      c.setPr(p2, 0);
      return;
    }
    checkEnabled(c, f2);
    const r = inClass(readFr(c, f2), mask);
    c.setPr(p1, r ? 1 : 0);
    c.setPr(p2, r ? 0 : 1);
  };
  return { fn, always: unc };
}

/** Which operand min/max pick: f2 when it is below f3 (fmin), or f3 below f2 (fmax); by magnitude for the 'a' forms. */
function picksFirst(kind: string, a: FReg, b: FReg): boolean {
  const abs = kind[0] === 'a';
  const x = abs ? { ...a, sign: 0 } : a;
  const y = abs ? { ...b, sign: 0 } : b;
  return kind.endsWith('min') ? compare(x, y) === -1 : compare(y, x) === -1;
}

/** NaN operands signal invalid in min/max; unnormal ones denormal. */
function screenMinMax(a: FReg, b: FReg, e: FpEnv): void {
  if (isUnsupported(a) || isUnsupported(b) || isNaN(a) || isNaN(b)) e.raise(V);
  else if (isUnorm(a) || isUnorm(b)) e.raise(D);
}

type Operands = (c: Cpu, i: Insn) => [number, FReg, FReg] | null;

/** Common checks of F8: target, disabled registers, NaTVal (writes it and returns null). */
const operands: Operands = (c, i) => {
  const [f1, f2, f3] = i.ops;
  checkFrTarget(f1);
  checkEnabled(c, f1, f2, f3);
  const a = readFr(c, f2);
  const b = readFr(c, f3);
  if (isNatVal(a) || isNatVal(b)) {
    writeFr(c, f1, NATVAL);
    return null;
  }
  return [f1, a, b];
};

/**
 * The parallel F8 forms (fpmin..., fpcmp): each pair of singles screened in
 * its own environment, the faults of both halves raised together; then f1 =
 * the pair of lane(x, y) for the high and the low singles.
 */
function parallel(
  sf: number,
  screen: (x: FReg, y: FReg, e: FpEnv) => void,
  lane: (x: FReg, y: FReg) => number,
): ExecFn {
  return (c, i) => {
    const o = operands(c, i);
    if (!o) return;
    const [f1, a, b] = o;
    const hi = envFor(c, sf, Precision.Parallel);
    const lo = hi.clone();
    const [a1, a0] = pairOf(a);
    const [b1, b0] = pairOf(b);
    screen(a1, b1, hi);
    screen(a0, b0, lo);
    if (hi.faults || lo.faults) throw fpFault(faultCode(hi.faults) | (faultCode(lo.faults) << 4));
    writeFr(c, f1, pairReg(lane(a1, b1), lane(a0, b0)));
    updateFlags(c, sf, hi.flags | lo.flags);
  };
}

function minMax(def: { name: string }): ExecFn | undefined {
  const m = /^f(p?)(min|max|amin|amax)\.s[0-3]$/.exec(def.name);
  if (!m) return undefined;
  const kind = m[2];
  const sf = statusFieldOf(def);
  if (m[1] === 'p') return parallel(sf, screenMinMax, (x, y) => toSingle(picksFirst(kind, x, y) ? x : y));
  return (c, i) => {
    const o = operands(c, i);
    if (!o) return;
    const [f1, a, b] = o;
    const e = envFor(c, sf, Precision.Full);
    screenMinMax(a, b, e);
    checkFaults(e);
    writeFr(c, f1, picksFirst(kind, a, b) ? a : b);
    updateFlags(c, sf, e.flags);
  };
}

function parallelCompare(def: { name: string }): ExecFn | undefined {
  const m = /^fpcmp\.(eq|lt|le|unord|neq|nlt|nle|ord)\.s[0-3]$/.exec(def.name);
  if (!m) return undefined;
  const rel = RELATIONS[m[1]];
  const ordered = ORDERED.has(m[1]);
  const sf = statusFieldOf(def);
  return parallel(sf, (x, y, e) => screenCompare(x, y, ordered, e), (x, y) => (rel(compare(x, y)) ? 0xffffffff : 0));
}

registerSemantics(
  { formats: ['F4'], make: fcmp },
  { formats: ['F5'], make: fclass },
  { formats: ['F8'], make: (d) => minMax(d) ?? parallelCompare(d) },
);
