// B-unit branches (Vol. 3, "br", "brl"): conditional, call and return with
// the register stack, the counted and modulo-scheduled loop branches with
// register rotation, and long branches.

import type { Cpu } from '../cpu.js';
import type { Insn } from '../decode/decoder.js';
import { GeneralExceptionCode, illegalOperation, Interruption, Vector } from '../interruption.js';
import { PSR } from '../psr.js';
import { AR, cfmBits, cfmOf } from '../state.js';
import { ExecFn, registerSemantics, Semantic } from './registry.js';

const M64 = (1n << 64n) - 1n;
/** A 64-bit bundle address: bits 3:0 of a branch target are ignored. */
const BUNDLE_MASK = M64 & ~0xfn;

/** Branch to target, a bundle address (the target functions below clear bits 3:0). */
function take(c: Cpu, target: bigint): void {
  c.branchTarget = target;
  c.branched = true;
}

/** IP-relative target of the instruction being executed, wrapped and aligned by one mask. */
function relTarget(c: Cpu, i: Insn): bigint {
  return (c.ip + i.imm) & BUNDLE_MASK;
}

/** Indirect target: the branch register named last (bits 3:0 ignored). */
function brTarget(c: Cpu, i: Insn): bigint {
  return c.r.br[i.ops[i.ops.length - 1]] & BUNDLE_MASK;
}

/** PSR.cpl in place (bits 33:32); PFS.ppl is the same two bits at 63:62. */
const CPL_BITS = 3n << BigInt(PSR.cpl);
const PPL_FROM_CPL = BigInt(62 - PSR.cpl);

/** br.call: save the return link and the caller's frame, then start the callee's frame. */
function call(c: Cpu, b1: number, target: bigint): void {
  const r = c.r;
  r.br[b1] = BigInt.asUintN(64, c.ip + 16n);
  // PFS = {ppl, pec, pfm}: CFM converted once, EC and cpl moved as bits.
  r.ar[AR.PFS] = BigInt(cfmBits(r.cfm)) | ((r.ar[AR.EC] & 0x3fn) << 52n) | ((c.psr & CPL_BITS) << PPL_FROM_CPL);
  c.rse.call();
  take(c, target);
}

/** br.ret: restore the caller's frame, EC and (never raising) privilege from PFS. */
function ret(c: Cpu, target: bigint): void {
  const r = c.r;
  const pfs = r.ar[AR.PFS];
  c.rse.retTo(cfmOf(pfs));
  r.ar[AR.EC] = (pfs >> 52n) & 0x3fn;
  // Compare ppl with cpl as bits in PSR position: a numerically larger level is less privileged.
  const ppl = (pfs >> PPL_FROM_CPL) & CPL_BITS;
  if (ppl > (c.psr & CPL_BITS)) c.psr = (c.psr & ~CPL_BITS) | ppl;
  take(c, target);
}

/** Rotate the rotating GRs, FRs and PRs by one (CFM.rrb.* decrement). */
export function rotateRegs(c: Cpu): void {
  const { cfm } = c.r;
  if (cfm.sor) cfm.rrbGr = (cfm.rrbGr + cfm.sor - 1) % cfm.sor;
  cfm.rrbFr = (cfm.rrbFr + 95) % 96;
  cfm.rrbPr = (cfm.rrbPr + 47) % 48;
  c.r.remapAll();
}

function requireSlot2(c: Cpu): void {
  if (c.slot !== 2) throw illegalOperation('loop branch outside slot 2');
}

/**
 * Epilogue step shared by ctop/cexit (when LC is 0) and wtop/wexit (when the
 * loop predicate is false). Returns true while the pipeline is draining.
 */
function drain(c: Cpu): boolean {
  const ar = c.r.ar;
  c.setPr(63, 0);
  const ec = ar[AR.EC];
  if (ec > 1n) {
    ar[AR.EC] = ec - 1n;
    rotateRegs(c);
    return true;
  }
  if (ec === 1n) {
    ar[AR.EC] = 0n;
    rotateRegs(c);
  }
  return false;
}

/** Counted loops: br.cloop, br.ctop, br.cexit. */
function counted(kind: string, target: (c: Cpu, i: Insn) => bigint): ExecFn {
  if (kind === 'cloop') {
    return (c, i) => {
      requireSlot2(c);
      const ar = c.r.ar;
      if (ar[AR.LC] !== 0n) {
        ar[AR.LC] = BigInt.asUintN(64, ar[AR.LC] - 1n);
        take(c, target(c, i));
      }
    };
  }
  const top = kind === 'ctop';
  return (c, i) => {
    requireSlot2(c);
    const ar = c.r.ar;
    let cont: boolean;
    if (ar[AR.LC] !== 0n) {
      ar[AR.LC] = BigInt.asUintN(64, ar[AR.LC] - 1n);
      c.setPr(63, 1);
      rotateRegs(c);
      cont = true;
    } else {
      cont = drain(c);
    }
    if (cont === top) take(c, target(c, i));
  };
}

/** While loops: br.wtop, br.wexit (the qualifying predicate is the loop condition). */
function whileLoop(kind: string, target: (c: Cpu, i: Insn) => bigint): Semantic {
  const top = kind === 'wtop';
  return {
    always: true,
    fn: (c, i) => {
      requireSlot2(c);
      let cont: boolean;
      if (c.qpTrue(i)) {
        c.setPr(63, 0);
        rotateRegs(c);
        cont = true;
      } else {
        cont = drain(c);
      }
      if (cont === top) take(c, target(c, i));
    },
  };
}

/** br.<type>.<hints>; objdump drops ".cond.sptk" from unpredicated static branches ("br.few"). */
const BRANCH = /^br(?:\.(cond|call|ret|ia|cloop|ctop|cexit|wtop|wexit))?(?:\.|$)/;

function branch(format: string, name: string): Semantic | ExecFn | undefined {
  const m = BRANCH.exec(name);
  if (!m) return undefined;
  const kind = m[1] ?? 'cond';
  const indirect = format === 'B4' || format === 'B5';
  const target = indirect ? brTarget : relTarget;
  switch (kind) {
    case 'cond':
      return (c, i) => take(c, target(c, i));
    case 'call':
      return (c, i) => call(c, i.ops[0], target(c, i));
    case 'ret':
      return (c, i) => ret(c, target(c, i));
    case 'ia':
      return () => {
        throw new Interruption(
          Vector.GENERAL_EXCEPTION,
          'Disabled Instruction Set Transition fault (br.ia: IA-32 execution is not supported)',
          { isr: BigInt(GeneralExceptionCode.DISABLED_ISA_TRANSITION) },
        );
      };
    case 'wtop':
    case 'wexit':
      return whileLoop(kind, target);
    default:
      return counted(kind, target);
  }
}

registerSemantics(
  { formats: ['B1', 'B2', 'B3', 'B4', 'B5'], make: (d) => branch(d.format, d.name) },
  // Branch predicts only steer a real front end's prefetching.
  { formats: ['B6', 'B7'], make: (d) => (d.name.startsWith('brp') ? () => {} : undefined) },
  // Long branches (X3, X4): IP-relative with a 60-bit displacement.
  {
    formats: ['X3', 'X4'],
    make: (d) =>
      d.name.startsWith('brl.call')
        ? (c, i) => call(c, i.ops[0], relTarget(c, i))
        : d.name.startsWith('brl')
          ? (c, i) => take(c, relTarget(c, i))
          : undefined,
  },
);
