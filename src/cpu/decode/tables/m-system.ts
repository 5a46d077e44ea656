// M-unit system and control instructions, major opcodes 0 and 1 (formats
// M20-M48): checks, fences, RSE and ALAT control, register moves, the TLB,
// probes and the indirect register files. Each row pins every opcode bit of
// its format, so rows are disjoint and their order is free.

import { Flag, Row } from '../table.js';

const NoPred = Flag.NoPred;
const Priv = Flag.Priv;
const Last = Flag.Last;
const First = Flag.First;

/** Major opcode 1, x3 = 0: the instruction is selected by x6 alone. */
function x6Row(name: string, format: string, x6: number, operands: string, flags = 0): Row {
  return [name, format, { op: 1, x3: 0, x6 }, operands, flags];
}

// Moves between general registers and the indirect register files: x6 of
// the move to the file (M42) and its flags, x6 of the move from it (M43) and
// its flags. Every write is privileged; PMDs, CPUID and the DAHRs (Itanium
// 9500) can be read at any privilege level, and only the DAHRs' write is an
// immediate form (M48).
type Indirect = readonly [file: string, to: number | null, toFlags: number, from: number, fromFlags: number];
const INDIRECT: readonly Indirect[] = [
  ['RR_R3', 0x00, Priv, 0x10, Priv],
  ['DBR_R3', 0x01, Priv, 0x11, Priv],
  ['IBR_R3', 0x02, Priv, 0x12, Priv],
  ['PKR_R3', 0x03, Priv, 0x13, Priv],
  ['PMC_R3', 0x04, Priv, 0x14, Priv],
  ['PMD_R3', 0x05, Priv, 0x15, 0],
  ['MSR_R3', 0x06, Priv, 0x16, Priv],
  ['CPUID_R3', null, 0, 0x17, 0],
  ['DAHR_R3', null, 0, 0x20, 0],
];

const indirectRows: Row[] = [];
for (const [file, to, toFlags, from, fromFlags] of INDIRECT) {
  if (to !== null) indirectRows.push(x6Row('mov', 'M42', to, `${file}=R2`, toFlags));
  indirectRows.push(x6Row('mov', 'M43', from, `R1=${file}`, fromFlags));
}

export const M_SYSTEM_ROWS: Row[] = [
  // M22/M23: advanced load checks (x3 4-7).
  ['chk.a.nc', 'M22', { op: 0, x3: 4 }, 'R1,TGT25c'],
  ['chk.a.clr', 'M22', { op: 0, x3: 5 }, 'R1,TGT25c'],
  ['chk.a.nc', 'M23', { op: 0, x3: 6 }, 'F1,TGT25c'],
  ['chk.a.clr', 'M23', { op: 0, x3: 7 }, 'F1,TGT25c'],

  // M24: ALAT invalidation, fences and serialisation.
  ['invala', 'M24', { op: 0, x3: 0, x2: 1, x4: 0 }, ''],
  ['fwb', 'M24', { op: 0, x3: 0, x2: 2, x4: 0 }, ''],
  ['mf', 'M24', { op: 0, x3: 0, x2: 2, x4: 2 }, ''],
  ['mf.a', 'M24', { op: 0, x3: 0, x2: 2, x4: 3 }, ''],
  ['srlz.d', 'M24', { op: 0, x3: 0, x2: 3, x4: 0 }, ''],
  ['srlz.i', 'M24', { op: 0, x3: 0, x2: 3, x4: 1 }, ''],
  ['sync.i', 'M24', { op: 0, x3: 0, x2: 3, x4: 3 }, ''],
  // M25: register stack control; these start an instruction group and ignore qp.
  ['flushrs', 'M25', { op: 0, x3: 0, x2: 0, x4: 0xc }, '', First | NoPred],
  ['loadrs', 'M25', { op: 0, x3: 0, x2: 0, x4: 0xa }, '', First | NoPred],
  // M26/M27: invalidate one ALAT entry.
  ['invala.e', 'M26', { op: 0, x3: 0, x2: 1, x4: 2 }, 'R1'],
  ['invala.e', 'M27', { op: 0, x3: 0, x2: 1, x4: 3 }, 'F1'],
  // M30: move an imm8 to an application register.
  ['mov.m', 'M30', { op: 0, x3: 0, x2: 2, x4: 8 }, 'AR3=IMM8'],
  // M37: break and nop; M48: hint, whose y bit distinguishes it from nop.
  ['break.m', 'M37', { op: 0, x3: 0, x2: 0, x4: 0 }, 'IMMU21'],
  ['nop.m', 'M48', { op: 0, x3: 0, x2: 0, x4: 1, y: 0 }, 'IMMU21'],
  ['hint.m', 'M48', { op: 0, x3: 0, x2: 0, x4: 1, y: 1, z: 0 }, 'IMMU19'],
  ['mov', 'M48', { op: 0, x3: 0, x2: 0, x4: 1, y: 1, z: 1 }, 'DAHR3=IMMU16'],
  // M44: set and reset the user and system masks (x2 is part of imm24).
  ['sum', 'M44', { op: 0, x3: 0, x4: 4 }, 'IMMU24'],
  ['rum', 'M44', { op: 0, x3: 0, x4: 5 }, 'IMMU24'],
  ['ssm', 'M44', { op: 0, x3: 0, x4: 6 }, 'IMMU24', Priv],
  ['rsm', 'M44', { op: 0, x3: 0, x4: 7 }, 'IMMU24', Priv],

  // M29/M31: application registers; M32/M33: control registers.
  x6Row('mov.m', 'M29', 0x2a, 'AR3=R2'),
  x6Row('mov.m', 'M31', 0x22, 'R1=AR3'),
  x6Row('mov', 'M32', 0x2c, 'CR3=R2', Priv),
  x6Row('mov', 'M33', 0x24, 'R1=CR3', Priv),
  // M34: allocate a register stack frame.
  ['alloc', 'M34', { op: 1, x3: 6 }, 'R1=AR_PFS,SOF,SOL,SOR', First | NoPred],
  // M35/M36: processor status register.
  x6Row('mov', 'M35', 0x2d, 'PSR_L=R2', Priv),
  x6Row('mov', 'M35', 0x29, 'PSR_UM=R2'),
  x6Row('mov', 'M36', 0x25, 'R1=PSR', Priv),
  x6Row('mov', 'M36', 0x21, 'R1=PSR_UM'),
  // M38-M40: probe access rights.
  x6Row('probe.r', 'M38', 0x38, 'R1=R3,R2'),
  x6Row('probe.w', 'M38', 0x39, 'R1=R3,R2'),
  x6Row('probe.r', 'M39', 0x18, 'R1=R3,IMMU2'),
  x6Row('probe.w', 'M39', 0x19, 'R1=R3,IMMU2'),
  x6Row('probe.rw.fault', 'M40', 0x31, 'R3,IMMU2'),
  x6Row('probe.r.fault', 'M40', 0x32, 'R3,IMMU2'),
  x6Row('probe.w.fault', 'M40', 0x33, 'R3,IMMU2'),
  // M41: insert into the translation cache; M42: ... a translation register.
  x6Row('itc.d', 'M41', 0x2e, 'R2', Last | Priv),
  x6Row('itc.i', 'M41', 0x2f, 'R2', Last | Priv),
  x6Row('itr.d', 'M42', 0x0e, 'DTR_R3=R2', Priv),
  x6Row('itr.i', 'M42', 0x0f, 'ITR_R3=R2', Priv),
  // M42/M43: indirect register files.
  ...indirectRows,
  // M45: purge translations; M47: purge the local translation cache.
  x6Row('ptc.l', 'M45', 0x09, 'R3,R2', Priv),
  x6Row('ptc.g', 'M45', 0x0a, 'R3,R2', Last | Priv),
  x6Row('ptc.ga', 'M45', 0x0b, 'R3,R2', Last | Priv),
  x6Row('ptr.d', 'M45', 0x0c, 'R3,R2', Priv),
  x6Row('ptr.i', 'M45', 0x0d, 'R3,R2', Priv),
  x6Row('ptc.e', 'M47', 0x34, 'R3', Priv),
  // M46: translation hashing and access.
  x6Row('thash', 'M46', 0x1a, 'R1=R3'),
  x6Row('ttag', 'M46', 0x1b, 'R1=R3'),
  x6Row('tpa', 'M46', 0x1e, 'R1=R3', Priv),
  x6Row('tak', 'M46', 0x1f, 'R1=R3', Priv),
  // M28: flush cache (x selects the instruction-cache-only form).
  ['fc', 'M28', { op: 1, x: 0, x3: 0, x6: 0x30 }, 'R3'],
  ['fc.i', 'M28', { op: 1, x: 1, x3: 0, x6: 0x30 }, 'R3'],
  // M20/M21: speculation checks.
  ['chk.s.m', 'M20', { op: 1, x3: 1 }, 'R2,TGT25b'],
  ['chk.s', 'M21', { op: 1, x3: 3 }, 'F2,TGT25b'],
];
