// F9-F14: sign merges and the FP moves built on them (mov, fabs, fneg),
// mix, sign-extend, pack, swap and logical operations on significands;
// conversions to and from integers; and status-field control (fsetc,
// fclrf, fchkf).

import { BIT63, FReg, INTEGER_INDEFINITE, NATVAL, integerForm, isNatVal, regRead } from '../fp/format.js';
import { fromSignedInteger, toInteger, toIntegerDefault } from '../fp/convert.js';
import { pairOf, toSingle } from '../fp/memory.js';
import { FIELD_SHIFT, Precision, Rounding, faultCode, fpFault, fpTrap, pairTrapCode, statusField } from '../fp/status.js';
import { reservedRegisterField } from '../interruption.js';
import { AR } from '../state.js';
import { checkEnabled, checkFaults, checkFrTarget, envFor, finish, frOperand, readFr, statusFieldOf, updateFlags, writeFr } from './fp-common.js';
import { branchTo } from './mem-access.js';
import { ExecFn, registerSemantics } from './registry.js';

const M32 = 0xffffffffn;
const M64 = (1n << 64n) - 1n;
const hi32 = (r: FReg) => r.sig >> 32n;
const lo32 = (r: FReg) => r.sig & M32;
const join = (hi: bigint, lo: bigint) => integerForm(((hi & M32) << 32n) | (lo & M32));
const SINGLE_SIGNS = 0x8000000080000000n;
const SINGLE_SIGNS_EXPS = 0xff800000ff800000n;

/** Binary F9 operations on FR f2 (a) and FR f3 (b). */
const F9: Record<string, (a: FReg, b: FReg) => FReg> = {
  'fmerge.s': (a, b) => ({ sign: a.sign, exp: b.exp, sig: b.sig }),
  'fmerge.ns': (a, b) => ({ sign: a.sign ^ 1, exp: b.exp, sig: b.sig }),
  'fmerge.se': (a, b) => ({ sign: a.sign, exp: a.exp, sig: b.sig }),
  // The parallel merges act on the sign (and exponent) bits of both singles.
  'fpmerge.s': (a, b) => integerForm((a.sig & SINGLE_SIGNS) | (b.sig & ~SINGLE_SIGNS & M64)),
  'fpmerge.ns': (a, b) => integerForm((~a.sig & SINGLE_SIGNS) | (b.sig & ~SINGLE_SIGNS & M64)),
  'fpmerge.se': (a, b) => integerForm((a.sig & SINGLE_SIGNS_EXPS) | (b.sig & ~SINGLE_SIGNS_EXPS & M64)),
  'fmix.l': (a, b) => join(hi32(a), hi32(b)),
  'fmix.r': (a, b) => join(lo32(a), lo32(b)),
  'fmix.lr': (a, b) => join(hi32(a), lo32(b)),
  'fsxt.l': (a, b) => join(a.sig & BIT63 ? M32 : 0n, hi32(b)),
  'fsxt.r': (a, b) => join(a.sig & 0x80000000n ? M32 : 0n, lo32(b)),
  fpack: (a, b) => join(BigInt(toSingle(a)), BigInt(toSingle(b))),
  // The pair (left of f2, right of f3) swapped; .nl/.nr negate the new left/right single.
  fswap: (a, b) => join(lo32(b), hi32(a)),
  'fswap.nl': (a, b) => join(lo32(b) ^ 0x80000000n, hi32(a)),
  'fswap.nr': (a, b) => join(lo32(b), hi32(a) ^ 0x80000000n),
  fand: (a, b) => integerForm(a.sig & b.sig),
  fandcm: (a, b) => integerForm(a.sig & ~b.sig & M64),
  for: (a, b) => integerForm(a.sig | b.sig),
  fxor: (a, b) => integerForm(a.sig ^ b.sig),
};

/** Pseudo-ops of the merges: the f2 operand is pinned (f0) or tied to f3 by the encoding. */
const ALIASES: Record<string, string> = {
  mov: 'fmerge.s',
  fabs: 'fmerge.s',
  fneg: 'fmerge.ns',
  fnegabs: 'fmerge.ns',
  fpabs: 'fpmerge.s',
  fpneg: 'fpmerge.ns',
  fpnegabs: 'fpmerge.ns',
};

function f9(def: Parameters<typeof frOperand>[0]): ExecFn | undefined {
  const op = F9[ALIASES[def.name] ?? def.name];
  if (!op) return undefined;
  const g1 = frOperand(def, 'F1');
  const g2 = frOperand(def, 'F2');
  const g3 = frOperand(def, 'F3');
  return (c, i) => {
    const f1 = g1(i);
    const f2 = g2(i);
    const f3 = g3(i);
    checkFrTarget(f1);
    checkEnabled(c, f1, f2, f3);
    const a = readFr(c, f2);
    const b = readFr(c, f3);
    writeFr(c, f1, isNatVal(a) || isNatVal(b) ? NATVAL : op(a, b));
  };
}

/** fcvt.fx, fcvt.fxu (.trunc): round to a 64-bit integer; NaNs and out-of-range values give the integer indefinite. */
function convertToInteger(def: { name: string }): ExecFn | undefined {
  const m = /^f(p?)cvt\.(fx|fxu)(\.trunc)?\.s[0-3]$/.exec(def.name);
  if (!m) return undefined;
  const sf = statusFieldOf(def);
  const signed = m[2] === 'fx';
  const trunc = m[3] !== undefined;
  const parallel = m[1] === 'p';
  return (c, i) => {
    const [f1, f2] = i.ops;
    checkFrTarget(f1);
    checkEnabled(c, f1, f2);
    const a = readFr(c, f2);
    if (isNatVal(a)) return writeFr(c, f1, NATVAL);
    const e = envFor(c, sf, Precision.Full);
    if (trunc) e.rc = Rounding.Zero;
    if (!parallel) {
      const special = toIntegerDefault(a, signed, e);
      checkFaults(e);
      writeFr(c, f1, integerForm(special ? INTEGER_INDEFINITE : toInteger(regRead(a), signed, e)));
      return finish(c, sf, e);
    }
    const lo = e.clone();
    const [a1, a0] = pairOf(a);
    const sHi = toIntegerDefault(a1, signed, e, 32);
    const sLo = toIntegerDefault(a0, signed, lo, 32);
    if (e.faults || lo.faults) throw fpFault(faultCode(e.faults) | (faultCode(lo.faults) << 4));
    const rHi = sHi ? 0x80000000n : toInteger(a1, signed, e);
    const rLo = sLo ? 0x80000000n : toInteger(a0, signed, lo);
    writeFr(c, f1, join(rHi, rLo));
    updateFlags(c, sf, e.flags | lo.flags);
    if (e.traps || lo.traps) throw fpTrap(pairTrapCode(e, lo));
  };
}

/** fcvt.xf: the signed integer in f2's significand, normalized (exact, no flags). */
const convertFromInteger: ExecFn = (c, i) => {
  const [f1, f2] = i.ops;
  checkFrTarget(f1);
  checkEnabled(c, f1, f2);
  const a = readFr(c, f2);
  writeFr(c, f1, isNatVal(a) ? NATVAL : fromSignedInteger(a.sig));
};

/** Precision control 01 is reserved. */
const PC_RESERVED = 1;

/** fsetc: sf.controls = (sf0.controls & amask7) | omask7. */
function fsetc(sf: number): ExecFn {
  const shift = BigInt(FIELD_SHIFT[sf]);
  return (c, i) => {
    const [amask, omask] = i.ops;
    const fpsr = c.r.ar[AR.FPSR];
    const controls = (statusField(fpsr, 0) & amask) | omask;
    if (((controls >> 2) & 3) === PC_RESERVED) throw reservedRegisterField('fsetc precision control 01');
    c.r.ar[AR.FPSR] = (fpsr & ~(0x7fn << shift)) | (BigInt(controls & 0x7f) << shift);
  };
}

/** fclrf: clear the six flags of sf. */
function fclrf(sf: number): ExecFn {
  const mask = ~(0x3fn << BigInt(FIELD_SHIFT[sf] + 7));
  return (c) => {
    c.r.ar[AR.FPSR] &= mask;
  };
}

/** fchkf: branch when sf has a flag whose trap is enabled or that sf0 lacks. */
function fchkf(sf: number): ExecFn {
  return (c, i) => {
    const fpsr = c.r.ar[AR.FPSR];
    const flags = statusField(fpsr, sf) >> 7;
    const enabled = ~Number(fpsr & 0x3fn) & 0x3f;
    if (flags & (enabled | ~(statusField(fpsr, 0) >> 7))) branchTo(c, i.imm);
  };
}

function status(def: { name: string }): ExecFn | undefined {
  const m = /^(fsetc|fclrf|fchkf)\.s([0-3])$/.exec(def.name);
  if (!m) return undefined;
  const sf = Number(m[2]);
  return m[1] === 'fsetc' ? fsetc(sf) : m[1] === 'fclrf' ? fclrf(sf) : fchkf(sf);
}

registerSemantics(
  { formats: ['F9'], make: f9 },
  { formats: ['F10'], make: convertToInteger },
  { formats: ['F11'], make: (d) => (d.name === 'fcvt.xf' ? convertFromInteger : undefined) },
  { formats: ['F12', 'F13', 'F14'], make: status },
);
