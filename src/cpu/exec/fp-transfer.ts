// Moves between the general and floating-point register files (Vol. 3,
// "setf", "getf"; formats M18, M19) and the FR forms of the speculation
// checks (Vol. 3, "chk"; formats M21, M23). A GR NaT becomes NaTVal on the
// way in; NaTVal becomes a NaT on the way out.

import { AlatRegType } from '../alat.js';
import { BIT63, FReg, NATVAL, integerForm, isNatVal } from '../fp/format.js';
import { fromDouble, fromSingle, toDouble, toSingle } from '../fp/memory.js';
import { checkEnabled, checkFrTarget, readFr, writeFr } from './fp-common.js';
import { branchTo } from './mem-access.js';
import { ExecFn, registerSemantics, sem } from './registry.js';

const TO_FR: Record<string, (v: bigint) => FReg> = {
  'setf.s': (v) => fromSingle(Number(v & 0xffffffffn)),
  'setf.d': fromDouble,
  'setf.sig': integerForm,
  // Bits 16:0 are the exponent, bit 17 the sign; the significand is 1.0.
  'setf.exp': (v) => ({ sign: Number((v >> 17n) & 1n), exp: Number(v & 0x1ffffn), sig: BIT63 }),
};

const FROM_FR: Record<string, (r: FReg) => bigint> = {
  'getf.s': (r) => BigInt(toSingle(r)),
  'getf.d': toDouble,
  'getf.sig': (r) => r.sig,
  'getf.exp': (r) => (BigInt(r.sign) << 17n) | BigInt(r.exp),
};

function setf(def: { name: string }): ExecFn | undefined {
  const convert = TO_FR[def.name];
  if (!convert) return undefined;
  return (c, i) => {
    const f1 = i.ops[0];
    const r2 = i.ops[1];
    checkFrTarget(f1);
    checkEnabled(c, f1);
    writeFr(c, f1, c.nat(r2) ? NATVAL : convert(c.gr(r2)));
  };
}

function getf(def: { name: string }): ExecFn | undefined {
  const convert = FROM_FR[def.name];
  if (!convert) return undefined;
  return (c, i) => {
    const r1 = i.ops[0];
    const f2 = i.ops[1];
    c.checkTarget(r1);
    checkEnabled(c, f2);
    const v = readFr(c, f2);
    c.setGr(r1, convert(v), isNatVal(v) ? 1 : 0);
  };
}

const FLOAT = AlatRegType.Float;

registerSemantics(
  { formats: ['M18'], make: setf },
  { formats: ['M19'], make: getf },
  // chk.s f2, target: control speculation failed when f2 holds NaTVal.
  sem('M21', 'chk.s', (c, i) => {
    const f2 = i.ops[0];
    checkEnabled(c, f2);
    if (isNatVal(readFr(c, f2))) branchTo(c, i.imm);
  }),
  // chk.a f1, target: data speculation failed when f1 has no ALAT entry.
  sem('M23', 'chk.a.nc', (c, i) => {
    checkEnabled(c, i.ops[0]);
    if (!c.alat.cmp(FLOAT, i.ops[0])) branchTo(c, i.imm);
  }),
  sem('M23', 'chk.a.clr', (c, i) => {
    const f1 = i.ops[0];
    checkEnabled(c, f1);
    if (c.alat.cmp(FLOAT, f1)) c.alat.invalSingle(FLOAT, f1);
    else branchTo(c, i.imm);
  }),
);
