// Integer loads and stores (Vol. 3, "ld", "st"; formats M1-M5): every size
// and load type, the spill and fill forms that move a NaT bit through
// ar.unat, the 16-byte forms through ar.csd, and base update by register or
// immediate. Loads zero-extend. Memory ordering completers (.acq, .rel) and
// locality hints have nothing to order or steer on one in-order CPU, and
// .bias only asks for the line in an exclusive state: all read as plain.

import { AlatRegType } from '../alat.js';
import type { Cpu } from '../cpu.js';
import type { Insn } from '../decode/decoder.js';
import type { InsnDef } from '../decode/table.js';
import { ISR } from '../interruption.js';
import { Access, UNCACHED_BIT } from '../memory.js';
import { AR } from '../state.js';
import {
  checkLoadTargets, natFault, postIncrement, PSR_ED, readData, translateAligned, translateSpeculative,
  Update, updateOf, writeData,
} from './mem-access.js';
import { ExecFn, registerSemantics } from './registry.js';

const GR = AlatRegType.General;
const HINT = '(?:\\.(?:nt1|nta|d[1-7]))?';
const LOAD = new RegExp(`^ld([1248])(?:\\.(s|a|sa|bias|acq|c\\.clr|c\\.nc|c\\.clr\\.acq|fill))?${HINT}$`);
const STORE = new RegExp(`^st([1248])(?:\\.(rel|spill))?${HINT}$`);
const LOAD16 = new RegExp(`^ld16(?:\\.acq)?${HINT}$`);
const STORE16 = new RegExp(`^st16(?:\\.rel)?${HINT}$`);

/** ar.unat bit of a spill or fill address: bits 8:3 (Vol. 1, 4.4.4). */
function unatBit(va: bigint): bigint {
  return 1n << ((va >> 3n) & 63n);
}

/**
 * GR r3 += GR r2 (ops[2]) or imm9 for a load with base update. It comes after
 * the load's faults but before r1 is written, so that r1 may be r2; r1 is
 * never r3 (checkLoadTargets).
 */
function updateBase(c: Cpu, i: Insn, r3: number, update: Update): void {
  if (update === Update.Register) postIncrement(c, r3, c.gr(i.ops[2]), c.nat(i.ops[2]));
  else if (update === Update.Immediate) postIncrement(c, r3, i.imm, 0);
}

// Each load kind is one closure: r1 = ops[0], r3 = ops[1].

/** Plain, .bias, .acq and ld8.fill: a NaT base faults; the fill takes its NaT from ar.unat. */
function plainLoad(size: number, fill: boolean, update: Update): ExecFn {
  return (c, i) => {
    const r1 = i.ops[0];
    const r3 = i.ops[1];
    checkLoadTargets(c, r1, r3, update);
    if (c.nat(r3)) throw natFault(ISR.R);
    const va = c.gr(r3);
    const v = c.data.load(va, size);
    updateBase(c, i, r3, update);
    c.setGr(r1, v, fill && c.r.ar[AR.UNAT] & unatBit(va) ? 1 : 0);
  };
}

/**
 * ld.s and ld.sa: a NaT base, PSR.ed, a deferred fault or a non-speculative
 * page defer the load: the target gets 0 with its NaT set, and ld.sa leaves
 * no ALAT entry. The base update happens either way.
 */
function speculativeLoad(size: number, advanced: boolean, update: Update): ExecFn {
  return (c, i) => {
    const r1 = i.ops[0];
    const r3 = i.ops[1];
    checkLoadTargets(c, r1, r3, update);
    const pa = c.nat(r3) || c.psr & PSR_ED ? null : translateSpeculative(c, c.gr(r3), size);
    const v = pa === null ? 0n : readData(c, pa, size);
    updateBase(c, i, r3, update);
    if (advanced) c.alat.invalSingle(GR, r1);
    c.setGr(r1, v, pa === null ? 1 : 0);
    if (advanced && pa !== null) c.alat.write(GR, r1, pa, size);
  };
}

/** ld.a: faults as a normal load; on a non-speculative page it reads nothing and returns 0. */
function advancedLoad(size: number, update: Update): ExecFn {
  return (c, i) => {
    const r1 = i.ops[0];
    const r3 = i.ops[1];
    checkLoadTargets(c, r1, r3, update);
    if (c.nat(r3)) throw natFault(ISR.R);
    const pa = c.translateData(c.gr(r3), size, Access.Read);
    const v = pa & UNCACHED_BIT ? 0n : readData(c, pa, size);
    updateBase(c, i, r3, update);
    c.alat.invalSingle(GR, r1);
    c.setGr(r1, v, 0);
    c.alat.write(GR, r1, pa, size);
  };
}

/**
 * ld.c.clr, ld.c.clr.acq and ld.c.nc: on an ALAT hit r1 keeps its value and
 * memory is not touched (.clr drops the entry); on a miss the load is
 * performed, and .nc enters it in the ALAT.
 */
function checkLoad(size: number, clear: boolean, update: Update): ExecFn {
  return (c, i) => {
    const r1 = i.ops[0];
    const r3 = i.ops[1];
    checkLoadTargets(c, r1, r3, update);
    if (c.nat(r3)) throw natFault(ISR.R);
    if (c.alat.cmp(GR, r1)) {
      if (clear) c.alat.invalSingle(GR, r1);
      updateBase(c, i, r3, update);
      return;
    }
    const pa = c.translateData(c.gr(r3), size, Access.Read);
    const v = readData(c, pa, size);
    updateBase(c, i, r3, update);
    c.setGr(r1, v, 0);
    if (!clear) c.alat.write(GR, r1, pa, size);
  };
}

function load(d: InsnDef): ExecFn | undefined {
  const m = LOAD.exec(d.name);
  if (!m) return undefined;
  const size = Number(m[1]);
  const update = updateOf(d.format);
  switch (m[2]) {
    case 's':
      return speculativeLoad(size, false, update);
    case 'sa':
      return speculativeLoad(size, true, update);
    case 'a':
      return advancedLoad(size, update);
    case 'c.clr':
    case 'c.clr.acq':
      return checkLoad(size, true, update);
    case 'c.nc':
      return checkLoad(size, false, update);
    case 'fill':
      return plainLoad(size, true, update);
    default:
      return plainLoad(size, false, update);
  }
}

/**
 * st, st.rel and st8.spill: a NaT base faults, and so does a NaT value except
 * in the spill, which stores the register as it is and its NaT in ar.unat.
 * The immediate update leaves the base's NaT clear (it was checked).
 */
function store(size: number, spill: boolean, update: boolean): ExecFn {
  return (c, i) => {
    const ops = i.ops;
    const r3 = ops[0];
    const r2 = ops[1];
    if (update) c.checkTarget(r3);
    if (c.nat(r3) || (!spill && c.nat(r2))) throw natFault(ISR.W);
    const va = c.gr(r3);
    c.data.store(va, size, c.gr(r2));
    if (spill) {
      const ar = c.r.ar;
      ar[AR.UNAT] = c.nat(r2) ? ar[AR.UNAT] | unatBit(va) : ar[AR.UNAT] & ~unatBit(va);
    }
    if (update) c.setGr(r3, BigInt.asUintN(64, va + i.imm), 0);
  };
}

/**
 * ld16 r1, ar.csd = [r3]: one 16-byte read, the lower address into r1 and the
 * upper into ar.csd. A single access cannot straddle its 16 bytes, so the
 * address must be 16-byte aligned whatever PSR.ac says.
 */
const load16: ExecFn = (c, i) => {
  const r1 = i.ops[0];
  const r3 = i.ops[2];
  c.checkTarget(r1);
  if (c.nat(r3)) throw natFault(ISR.R);
  const pa = translateAligned(c, c.gr(r3), 16, 16, Access.Read, ISR.R);
  const lo = readData(c, pa, 8);
  const hi = readData(c, pa + 8n, 8);
  c.setGr(r1, lo, 0);
  c.r.ar[AR.CSD] = hi;
};

/** st16 [r3] = r2, ar.csd: r2 at the lower address, ar.csd above it; aligned like ld16. */
const store16: ExecFn = (c, i) => {
  const r3 = i.ops[0];
  const r2 = i.ops[1];
  if (c.nat(r3) || c.nat(r2)) throw natFault(ISR.W);
  const pa = translateAligned(c, c.gr(r3), 16, 16, Access.Write, ISR.W);
  writeData(c, pa, 8, c.gr(r2));
  writeData(c, pa + 8n, 8, c.r.ar[AR.CSD]);
  c.alat.invalMultiple(pa, 16);
};

function storeFor(d: InsnDef): ExecFn | undefined {
  if (STORE16.test(d.name)) return store16;
  const m = STORE.exec(d.name);
  if (!m) return undefined;
  return store(Number(m[1]), m[2] === 'spill', d.format === 'M5');
}

registerSemantics(
  { formats: ['M1', 'M2', 'M3'], make: (d) => (LOAD16.test(d.name) ? load16 : load(d)) },
  { formats: ['M4', 'M5'], make: storeFor },
);
