// Speculation checks and ALAT control (Vol. 3, "chk", "invala"; formats
// M20, M22, M24, M26, M27). A failed check branches to its recovery code;
// the branch is implemented, so no Speculative Operation fault is needed.
// The FR forms of chk.s and chk.a belong to the floating-point unit.

import { AlatRegType } from '../alat.js';
import { branchTo } from './mem-access.js';
import { registerSemantics, sem } from './registry.js';

const GR = AlatRegType.General;

registerSemantics(
  // chk.s.m r2, target: control speculation failed when r2 is NaT.
  sem('M20', 'chk.s.m', (c, i) => {
    if (c.nat(i.ops[0])) branchTo(c, i.imm);
  }),
  // chk.a r1, target: data speculation failed when r1 has no ALAT entry
  // (always for r0, which no advanced load can target).
  sem('M22', 'chk.a.nc', (c, i) => {
    if (!c.alat.cmp(GR, i.ops[0])) branchTo(c, i.imm);
  }),
  sem('M22', 'chk.a.clr', (c, i) => {
    const r1 = i.ops[0];
    if (c.alat.cmp(GR, r1)) c.alat.invalSingle(GR, r1);
    else branchTo(c, i.imm);
  }),
  sem('M24', 'invala', (c) => c.alat.inval()),
  sem('M26', 'invala.e', (c, i) => c.alat.invalSingle(GR, i.ops[0])),
  sem('M27', 'invala.e', (c, i) => c.alat.invalSingle(AlatRegType.Float, i.ops[0])),
);
