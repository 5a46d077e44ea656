// Extract and deposit, formats I11-I15 (Vol. 3, "extr", "dep", and their
// pseudo-ops "shr", "shr.u" and "shl" with an immediate count, which are the
// forms with len = 64 - count). A field running past bit 63 is cut there:
// extr then takes its sign from bit 63, and dep writes only the bits that
// fit.

import type { InsnDef } from '../decode/table.js';
import { LOW, M64, N } from './bits.js';
import { ExecFn, registerSemantics } from './registry.js';

/** I11 (ops: r1, r3, pos6[, len6]). */
const shiftRightImmediate: ExecFn = (c, i) => {
  const o = i.ops;
  c.setGr(o[0], BigInt.asUintN(64, BigInt.asIntN(64, c.gr(o[1])) >> N[o[2]]), c.nat(o[1]));
};

const shiftRightUnsignedImmediate: ExecFn = (c, i) => {
  const o = i.ops;
  c.setGr(o[0], c.gr(o[1]) >> N[o[2]], c.nat(o[1]));
};

const extractUnsigned: ExecFn = (c, i) => {
  const o = i.ops;
  c.setGr(o[0], (c.gr(o[1]) >> N[o[2]]) & LOW[o[3]], c.nat(o[1]));
};

const extractSigned: ExecFn = (c, i) => {
  const o = i.ops;
  const pos = o[2];
  const len = pos + o[3] > 64 ? 64 - pos : o[3];
  c.setGr(o[0], BigInt.asUintN(64, BigInt.asIntN(len, c.gr(o[1]) >> N[pos])), c.nat(o[1]));
};

/** I12 (ops: r1, r2, pos6[, len6]). */
const shiftLeftImmediate: ExecFn = (c, i) => {
  const o = i.ops;
  c.setGr(o[0], BigInt.asUintN(64, c.gr(o[1]) << N[o[2]]), c.nat(o[1]));
};

const depositZero: ExecFn = (c, i) => {
  const o = i.ops;
  c.setGr(o[0], BigInt.asUintN(64, (c.gr(o[1]) & LOW[o[3]]) << N[o[2]]), c.nat(o[1]));
};

/** I13 (ops: r1, imm8, pos6, len6): the immediate has no NaT. */
const depositZeroImmediate: ExecFn = (c, i) => {
  const o = i.ops;
  c.setGr(o[0], BigInt.asUintN(64, (i.imm & LOW[o[3]]) << N[o[2]]));
};

/** I14 (ops: r1, imm1, r3, pos6, len6): the field is all ones or all zeros. */
const depositImmediate: ExecFn = (c, i) => {
  const o = i.ops;
  const field = BigInt.asUintN(64, LOW[o[4]] << N[o[3]]);
  const r3 = c.gr(o[2]);
  c.setGr(o[0], i.imm ? r3 | field : r3 & ~field & M64, c.nat(o[2]));
};

/** I15 (ops: r1, r2, r3, pos6, len4). */
const deposit: ExecFn = (c, i) => {
  const o = i.ops;
  const pos = N[o[3]];
  const field = BigInt.asUintN(64, LOW[o[4]] << pos);
  c.setGr(o[0], (c.gr(o[2]) & ~field & M64) | ((c.gr(o[1]) << pos) & field), c.nat(o[1]) | c.nat(o[2]));
};

const BY_FORMAT: Readonly<Record<string, Readonly<Record<string, ExecFn>>>> = {
  I11: { shr: shiftRightImmediate, 'shr.u': shiftRightUnsignedImmediate, extr: extractSigned, 'extr.u': extractUnsigned },
  I12: { shl: shiftLeftImmediate, 'dep.z': depositZero },
  I13: { 'dep.z': depositZeroImmediate },
  I14: { dep: depositImmediate },
  I15: { dep: deposit },
};

registerSemantics({
  formats: Object.keys(BY_FORMAT),
  make: (d: InsnDef) => BY_FORMAT[d.format]?.[d.name],
});
