// F1-F3: floating-point multiply-add in all its forms and pseudo-ops
// (fma, fms, fnma, fnorm, fadd, fsub, fmpy, fnmpy and the parallel fp*
// forms), fixed-point multiply-add (xma) and fselect.

import type { Cpu } from '../cpu.js';
import type { InsnDef } from '../decode/table.js';
import { maddDefault, maddExact, MaddForm } from '../fp/arith.js';
import { FReg, NATVAL, integerForm, isNatVal } from '../fp/format.js';
import { pairOf, pairReg, toSingle, toSingleBiasAdjusted } from '../fp/memory.js';
import { round } from '../fp/round.js';
import { FpEnv, O, Precision, U, faultCode, fpFault, fpTrap, pairTrapCode } from '../fp/status.js';
import { checkEnabled, checkFaults, checkFrTarget, envFor, finish, frOperand, readFr, statusFieldOf, updateFlags, writeFr } from './fp-common.js';
import { ExecFn, registerSemantics } from './registry.js';

const FORMS: Record<string, MaddForm> = {
  ma: { negateProduct: false, negateAddend: false },
  norm: { negateProduct: false, negateAddend: false },
  add: { negateProduct: false, negateAddend: false },
  mpy: { negateProduct: false, negateAddend: false },
  ms: { negateProduct: false, negateAddend: true },
  sub: { negateProduct: false, negateAddend: true },
  nma: { negateProduct: true, negateAddend: false },
  nmpy: { negateProduct: true, negateAddend: false },
};

function multiplyAdd(def: InsnDef): ExecFn | undefined {
  const m = /^f(p?)(ma|ms|nma|norm|add|sub|mpy|nmpy)(\.[sd])?\.s[0-3]$/.exec(def.name);
  if (!m) return undefined;
  const form = FORMS[m[2]];
  const sf = statusFieldOf(def);
  const [g1, g2, g3, g4] = frOperands(def);
  if (m[1] === 'p') return parallel(sf, form, g1, g2, g3, g4);
  const pc = m[3] === '.s' ? Precision.Single : m[3] === '.d' ? Precision.Double : Precision.Dynamic;
  return (c, i) => {
    const f1 = g1(i);
    const f2 = g2(i);
    if (!readSources(c, f1, f2, g3(i), g4(i))) return;
    const e = envFor(c, sf, pc);
    const special = maddDefault(fr3, fr4, fr2, form, e);
    checkFaults(e);
    writeFr(c, f1, special ?? round(maddExact(fr3, fr4, fr2, f2 !== 0, form, e.rc), e));
    finish(c, sf, e);
  };
}

type Operand = (i: Parameters<ExecFn>[1]) => number;

/** The readers of a row's f1-f4. */
function frOperands(def: InsnDef): [Operand, Operand, Operand, Operand] {
  return [frOperand(def, 'F1'), frOperand(def, 'F2'), frOperand(def, 'F3'), frOperand(def, 'F4')];
}

// The sources of the last readSources, passed without allocating (like the
// multimedia scratch buffer Q): valid until the next F1-F3 instruction.
let fr2: FReg = NATVAL;
let fr3: FReg = NATVAL;
let fr4: FReg = NATVAL;

/**
 * What every F1-F3 row does first: f1 must be writable and no operand in a
 * disabled half; then FR[f2], FR[f3], FR[f4] go to fr2, fr3, fr4. A NaTVal
 * source makes f1 NaTVal and returns false.
 */
function readSources(c: Cpu, f1: number, f2: number, f3: number, f4: number): boolean {
  checkFrTarget(f1);
  checkEnabled(c, f1, f2, f3, f4);
  fr2 = readFr(c, f2);
  fr3 = readFr(c, f3);
  fr4 = readFr(c, f4);
  if (isNatVal(fr2) || isNatVal(fr3) || isNatVal(fr4)) {
    writeFr(c, f1, NATVAL);
    return false;
  }
  return true;
}

/** One single of a parallel result; an overflow or underflow trap re-biases instead of truncating the exponent. */
function single(r: FReg, trapped: boolean): number {
  return trapped ? toSingleBiasAdjusted(r) : toSingle(r);
}

function parallel(sf: number, form: MaddForm, g1: Operand, g2: Operand, g3: Operand, g4: Operand): ExecFn {
  return (c: Cpu, i) => {
    const f1 = g1(i);
    const f2 = g2(i);
    if (!readSources(c, f1, f2, g3(i), g4(i))) return;
    const hi = envFor(c, sf, Precision.Parallel);
    const lo = hi.clone();
    const [a1, a0] = pairOf(fr3);
    const [b1, b0] = pairOf(fr4);
    const [d1, d0] = pairOf(fr2);
    const specialHi = maddDefault(a1, b1, d1, form, hi);
    const specialLo = maddDefault(a0, b0, d0, form, lo);
    if (hi.faults || lo.faults) throw fpFault(faultCode(hi.faults) | (faultCode(lo.faults) << 4));
    const compute = (x: FReg, y: FReg, z: FReg, e: FpEnv) => round(maddExact(x, y, z, f2 !== 0, form, e.rc), e);
    const resHi = specialHi ? toSingle(specialHi) : single(compute(a1, b1, d1, hi), (hi.traps & (O | U)) !== 0);
    const resLo = specialLo
      ? toSingle(specialLo)
      : single(compute(a0, b0, d0, lo), ((hi.traps | lo.traps) & (O | U)) !== 0);
    writeFr(c, f1, pairReg(resHi, resLo));
    updateFlags(c, sf, hi.flags | lo.flags);
    if (hi.traps || lo.traps) throw fpTrap(pairTrapCode(hi, lo));
  };
}

const M64 = (1n << 64n) - 1n;

/** xma: 64x64-bit multiply plus a 64-bit addend, in the significands; .l keeps the low half, .h/.hu the high. */
const XMA: Record<string, (a: bigint, b: bigint, d: bigint) => bigint> = {
  l: (a, b, d) => (a * b + d) & M64,
  h: (a, b, d) => ((BigInt.asIntN(64, a) * BigInt.asIntN(64, b) + BigInt.asIntN(64, d)) >> 64n) & M64,
  hu: (a, b, d) => ((a * b + d) >> 64n) & M64,
};

function fixedMultiplyAdd(def: InsnDef): ExecFn | undefined {
  const m = /^(?:xma|xmpy)\.(l|h|hu)$/.exec(def.name);
  if (!m) return undefined;
  const product = XMA[m[1]];
  const [g1, g2, g3, g4] = frOperands(def);
  return (c, i) => {
    const f1 = g1(i);
    if (readSources(c, f1, g2(i), g3(i), g4(i))) writeFr(c, f1, integerForm(product(fr3.sig, fr4.sig, fr2.sig)));
  };
}

/** fselect: bits of f3 where f2 has ones, of f4 where it has zeros. */
function select(def: InsnDef): ExecFn | undefined {
  if (def.name !== 'fselect') return undefined;
  const [g1, g2, g3, g4] = frOperands(def);
  return (c, i) => {
    const f1 = g1(i);
    if (readSources(c, f1, g2(i), g3(i), g4(i))) writeFr(c, f1, integerForm((fr3.sig & fr2.sig) | (fr4.sig & ~fr2.sig & M64)));
  };
}

registerSemantics(
  { formats: ['F1'], make: multiplyAdd },
  { formats: ['F2'], make: fixedMultiplyAdd },
  { formats: ['F3'], make: select },
);
