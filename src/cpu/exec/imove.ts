// The I-unit moves, formats I20-I25 (Vol. 3, "mov br", "mov pr", "mov ip",
// "chk"): to and from branch registers (the whether/importance hints and
// the tag only guide prediction), to and from the predicates, from IP, and
// the integer speculation check. The moves to and from ARs are in frame.ts.

import type { InsnDef } from '../decode/table.js';
import { natConsumption } from '../interruption.js';
import { hi32, lo32 } from './bits.js';
import { ExecFn, registerSemantics } from './registry.js';

/** ISR.code of the NaT Consumption vector for a NaT register operand of a non-access instruction. */
const REGISTER_NAT = 0x10n;

/** I21: mov[.ret][.mwh][.imp] b1 = r2[, tag13] (ops: b1, r2[, tag]). */
const moveToBranch: ExecFn = (c, i) => {
  const r2 = i.ops[1];
  if (c.nat(r2)) throw natConsumption(REGISTER_NAT);
  c.r.br[i.ops[0]] = c.gr(r2);
};

/** I22: mov r1 = b2. */
const moveFromBranch: ExecFn = (c, i) => {
  c.setGr(i.ops[0], c.r.br[i.ops[1]]);
};

// The predicate moves work on the predicate file as if CFM.rrb.pr were zero:
// bit k of the GR or immediate is physical predicate k.

/** I23: mov pr = r2, mask17 (ops: pr, r2, mask). The mask's sign bit covers p16-p63. */
const moveToPredicates: ExecFn = (c, i) => {
  const r2 = i.ops[1];
  if (c.nat(r2)) throw natConsumption(REGISTER_NAT);
  const v = c.gr(r2);
  const pr = c.r.pr;
  const vLo = lo32(v);
  const vHi = hi32(v);
  const mLo = lo32(i.imm);
  const mHi = hi32(i.imm);
  for (let k = 1; k < 32; k++) if ((mLo >>> k) & 1) pr[k] = (vLo >>> k) & 1;
  for (let k = 0; k < 32; k++) if ((mHi >>> k) & 1) pr[32 + k] = (vHi >>> k) & 1;
};

/** I24: mov pr.rot = imm44 (ops: pr.rot, imm): bits 16-63 to p16-p63. */
const moveToRotatingPredicates: ExecFn = (c, i) => {
  const pr = c.r.pr;
  const lo = lo32(i.imm);
  const hi = hi32(i.imm);
  for (let k = 16; k < 32; k++) pr[k] = (lo >>> k) & 1;
  for (let k = 0; k < 32; k++) pr[32 + k] = (hi >>> k) & 1;
};

/** I25: mov r1 = pr. */
const moveFromPredicates: ExecFn = (c, i) => {
  const pr = c.r.pr;
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < 32; k++) {
    lo |= pr[k] << k;
    hi |= pr[32 + k] << k;
  }
  c.setGr(i.ops[0], (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
};

/** I25: mov r1 = ip, the address of this bundle. */
const moveFromIp: ExecFn = (c, i) => {
  c.setGr(i.ops[0], c.ip);
};

/** I20: chk.s.i r2, target25: a NaT in GR r2 branches to the recovery code. */
const speculationCheck: ExecFn = (c, i) => {
  if (c.nat(i.ops[0])) {
    c.branchTarget = BigInt.asUintN(64, c.ip + i.imm);
    c.branched = true;
  }
};

function move(d: InsnDef): ExecFn | undefined {
  switch (d.format) {
    case 'I20':
      return d.name === 'chk.s.i' ? speculationCheck : undefined;
    case 'I21':
      return /^mov(\.ret)?(\.sptk|\.dptk)?(\.imp)?$/.test(d.name) ? moveToBranch : undefined;
  }
  if (d.name !== 'mov') return undefined;
  switch (d.format) {
    case 'I22':
      return moveFromBranch;
    case 'I23':
      return moveToPredicates;
    case 'I24':
      return moveToRotatingPredicates;
    case 'I25':
      return d.operands[1].name === 'IP' ? moveFromIp : moveFromPredicates;
  }
  return undefined;
}

registerSemantics({ formats: ['I20', 'I21', 'I22', 'I23', 'I24', 'I25'], make: move });
