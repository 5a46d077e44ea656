// What every FP instruction shares: FR access through the rotation map,
// the target and Disabled FP-Register checks (PSR.dfl/dfh), the modified
// bits (PSR.mfl/mfh), the status field of its .sN completer, and the
// operand registers of pseudo-ops whose encoding pins them.

import type { Cpu } from '../cpu.js';
import type { Insn } from '../decode/decoder.js';
import type { InsnDef } from '../decode/table.js';
import { Flag } from '../decode/table.js';
import { field } from '../decode/slot.js';
import { FReg } from '../fp/format.js';
import { FpEnv, Precision, fpFault, fpTrap, faultCode, trapCode, withFlags } from '../fp/status.js';
import { illegalOperation, Interruption, Vector } from '../interruption.js';
import { PSR } from '../psr.js';
import { AR } from '../state.js';

const DFL = 1n << BigInt(PSR.dfl);
const DFH = 1n << BigInt(PSR.dfh);
const MFL = 1n << BigInt(PSR.mfl);
const MFH = 1n << BigInt(PSR.mfh);

export function readFr(c: Cpu, n: number): FReg {
  const r = c.r;
  const p = r.frMap[n];
  return { sign: r.frSign[p], exp: r.frExp[p], sig: r.frSig[p] };
}

/** Write FR[n] (n >= 2) and set PSR.mfl or PSR.mfh. */
export function writeFr(c: Cpu, n: number, v: FReg): void {
  const r = c.r;
  const p = r.frMap[n];
  r.frSign[p] = v.sign;
  r.frExp[p] = v.exp;
  r.frSig[p] = v.sig;
  c.psr |= n < 32 ? MFL : MFH;
}

/** f0 and f1 are constants: writing them is an Illegal Operation fault. */
export function checkFrTarget(n: number): void {
  if (n < 2) throw illegalOperation(`write to f${n}`);
}

/**
 * Disabled Floating-point Register fault if any of the registers is in a
 * disabled half (f0 and f1 never are; unused operands pass 0). isr adds the
 * access bits of memory instructions.
 */
export function checkEnabled(c: Cpu, a: number, b = 0, d = 0, e = 0, isr = 0n): void {
  const psr = c.psr;
  if (!(psr & (DFL | DFH))) return;
  let code = 0;
  for (const n of [a, b, d, e]) {
    if (n >= 2 && n < 32 && psr & DFL) code |= 1;
    if (n >= 32 && psr & DFH) code |= 2;
  }
  if (code) throw new Interruption(Vector.DISABLED_FP_REGISTER, 'Disabled Floating-point Register fault', { isr: BigInt(code) | isr });
}

/** The status field a row's .s0-.s3 completer selects. */
export function statusFieldOf(def: { name: string }): number {
  const m = /\.s([0-3])$/.exec(def.name);
  if (!m) throw new Error(`${def.name}: no status field completer`);
  return Number(m[1]);
}

export function envFor(c: Cpu, sf: number, pc: Precision): FpEnv {
  return new FpEnv(c.r.ar[AR.FPSR], sf, pc);
}

/** Raise the Floating-point Exception fault a screening found, before any state changes. */
export function checkFaults(e: FpEnv): void {
  if (e.faults) throw fpFault(faultCode(e.faults));
}

/** Fold an instruction's flags into FPSR.sf. */
export function updateFlags(c: Cpu, sf: number, flags: number): void {
  c.r.ar[AR.FPSR] = withFlags(c.r.ar[AR.FPSR], sf, flags);
}

/** After the result is written: flags into FPSR, then a Floating-point Exception trap if one is pending. */
export function finish(c: Cpu, sf: number, e: FpEnv): void {
  updateFlags(c, sf, e.flags);
  if (e.traps) throw fpTrap(trapCode(e));
}

const FR_FIELDS = { F1: 6, F2: 13, F3: 20, F4: 27 } as const;

/**
 * Reader of FR operand `name` of a row. Pseudo-ops omit operands their
 * encoding pins (fnorm: f2 = f0, f4 = f1) or ties to another (fneg: f2 = f3).
 */
export function frOperand(def: InsnDef, name: keyof typeof FR_FIELDS): (i: Insn) => number {
  const k = def.operands.findIndex((o) => o.name === name);
  if (k >= 0) return (i) => i.ops[k];
  if (name === 'F2' && def.flags & Flag.F2EqF3) return frOperand(def, 'F3');
  const pinned = field(def.bitsHi * 2 ** 32 + def.bitsLo, FR_FIELDS[name], 7);
  return () => pinned;
}
