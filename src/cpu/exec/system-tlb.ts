// TLB management and translation queries (Vol. 3, "itc", "itr", "ptc.l",
// "ptc.g", "ptc.ga", "ptc.e", "ptr", "probe", "tpa", "tak", "thash",
// "ttag"), cache flushes and serialisation ("fc", "sync.i", "srlz",
// "mf.a").
//
// One processor, executing one instruction at a time: global purges act
// locally, srlz.i/srlz.d and mf.a have nothing to wait for, and sync.i has
// nothing to order because a store into code already drops the decoded
// bundles of its page. TLB changes bump the translator's generation, which
// makes the CPU translate its next fetch afresh.

import type { Cpu } from '../cpu.js';
import type { Insn } from '../decode/decoder.js';
import { illegalOperation, Interruption, ISR, MachineStop, natConsumption, reservedRegisterField, unimplementedDataAddress } from '../interruption.js';
import { Access } from '../memory.js';
import { PSR } from '../psr.js';
import { CR } from '../system/cr.js';
import { accessIsr, natPageConsumption, NonAccessCode, TranslationFault, translationFault } from '../system/faults.js';
import { pageRights, R, W } from '../system/rights.js';
import { systemOf } from '../system/system.js';
import { N_TR, TlbEntry } from '../system/tlb.js';
import { SystemTranslator } from '../system/translator.js';
import { unpackRr } from '../system/vhpt.js';
import { ExecFn, registerSemantics } from './registry.js';
import { requirePl0 } from './system-psr.js';

function translatorOf(c: Cpu): SystemTranslator {
  return systemOf(c).translator;
}

function operand(c: Cpu, r: number): bigint {
  if (c.nat(r)) throw natConsumption();
  return c.gr(r);
}

/** itc.i / itc.d, itr.i / itr.d: insert the translation of IFA described by GR[r2] and ITIR. */
function insert(instr: boolean, tr: boolean): ExecFn {
  return (c, i) => {
    if ((c.psr >> BigInt(PSR.ic)) & 1n) throw illegalOperation(`${i.def!.name} with PSR.ic = 1`);
    requirePl0(c);
    const pte = operand(c, tr ? i.ops[1] : i.ops[0]);
    let slot: number | null = null;
    if (tr) {
      slot = Number(operand(c, i.ops[0]) & 0xffn);
      if (slot >= N_TR) throw reservedRegisterField(`translation register ${slot}`);
    }
    translatorOf(c).insert(instr, slot, pte, c.r.cr[CR.ITIR], c.r.cr[CR.IFA]);
  };
}

/** The address a purge names in GR[r3], checked. */
function purgeAddress(c: Cpu, i: Insn, t: SystemTranslator): bigint {
  const va = operand(c, i.ops[0]);
  if (t.unimplementedVa(va)) throw unimplementedDataAddress(va, ISR.NA);
  return va;
}

/** The page size a purge names in GR[r2]{7:2}, checked. */
function purgeSize(c: Cpu, i: Insn): number {
  const ps = Number((operand(c, i.ops[1]) >> 2n) & 0x3fn);
  if (ps < 12 || ps > 61) throw reservedRegisterField(`purge page size 2^${ps}`);
  return ps;
}

function ridOf(t: SystemTranslator, va: bigint): number {
  return unpackRr(t.rr[Number(va >> 61n)]).rid;
}

/** ptc.l, ptc.g, ptc.ga: purge both translation caches; a translation register in the range is a machine check. */
const purgeTc: ExecFn = (c, i) => {
  requirePl0(c);
  const t = translatorOf(c);
  const va = purgeAddress(c, i, t);
  const ps = purgeSize(c, i);
  const rid = ridOf(t, va);
  if (t.itlb.trOverlaps(rid, va, ps) || t.dtlb.trOverlaps(rid, va, ps)) {
    throw new MachineStop(`Machine Check Abort: ${i.def!.name} of 0x${va.toString(16)} overlaps a translation register`);
  }
  t.itlb.purgeTc(rid, va, ps);
  t.dtlb.purgeTc(rid, va, ps);
  t.changed();
};

/** ptr.i / ptr.d: purge translation registers and cache entries of one TLB. */
function purgeTr(instr: boolean): ExecFn {
  return (c, i) => {
    requirePl0(c);
    const t = translatorOf(c);
    const va = purgeAddress(c, i, t);
    const ps = purgeSize(c, i);
    (instr ? t.itlb : t.dtlb).purgeTr(ridOf(t, va), va, ps);
    t.changed();
  };
}

/** ptc.e: one purge empties both translation caches (no PAL loop parameters to follow). */
const purgeAll: ExecFn = (c, i) => {
  requirePl0(c);
  operand(c, i.ops[0]);
  const t = translatorOf(c);
  t.itlb.purgeAllTc();
  t.dtlb.purgeAllTc();
  t.changed();
};

/**
 * The data TLB entry probe, tpa and tak look at, walking the VHPT when
 * PSR.dt is on; misses raise the usual faults with isr.
 */
function probeEntry(t: SystemTranslator, va: bigint, isr: bigint): TlbEntry {
  return t.entryFor(va, isr, false, t.dataTranslation);
}

/**
 * probe.r / probe.w (register and immediate privilege level): 1 if the
 * page may be read or written at the less privileged of that level and
 * PSR.cpl. With PSR.dt off there is no translation to deny anything.
 */
function probe(need: number, imm: boolean): ExecFn {
  return (c, i) => {
    const r1 = i.ops[0];
    const r3 = i.ops[1];
    const r2 = i.ops[2];
    c.checkTarget(r1);
    const va = operand(c, r3);
    const pl = Math.max(c.cpl, imm ? r2 : Number(operand(c, r2) & 3n));
    const t = translatorOf(c);
    const isr = accessIsr(Access.NonAccess, NonAccessCode.PROBE);
    if (!t.dataTranslation) {
      t.physical(va, Access.NonAccess, isr);
      c.setGr(r1, 1n);
      return;
    }
    const e = probeEntry(t, va, isr);
    if (e.p && e.ma !== 7 && t.keyMissing(e)) throw translationFault('keyMiss', va, isr, t.regionItir(va), t.hash(va));
    const rights = pageRights(e.ar, e.pl, pl) & ~t.keyDenied(e);
    c.setGr(r1, e.p && e.ma !== 7 && (rights & need) === need ? 1n : 0n);
  };
}

/** probe.r.fault / probe.w.fault / probe.rw.fault: raise the faults the access would raise at that level. */
function probeFault(need: number): ExecFn {
  const bitsIsr = (need & R ? ISR.R : 0n) | (need & W ? ISR.W : 0n);
  return (c, i) => {
    const va = operand(c, i.ops[0]);
    const pl = Math.max(c.cpl, i.ops[1]);
    const t = translatorOf(c);
    const isr = accessIsr(Access.NonAccess, NonAccessCode.PROBE_FAULT) | bitsIsr;
    if (!t.dataTranslation) {
      t.physical(va, Access.NonAccess, isr);
      return;
    }
    const e = probeEntry(t, va, isr);
    let f: TranslationFault | null = null;
    if (!e.p) f = 'pageNotPresent';
    else if (e.ma === 7) throw natPageConsumption(va, isr);
    else if (t.keyMissing(e)) f = 'keyMiss';
    else if (t.keyDenied(e) & need) f = 'keyPermission';
    else if ((pageRights(e.ar, e.pl, pl) & need) !== need) f = 'accessRights';
    else if (!e.a && !((c.psr >> BigInt(PSR.da)) & 1n)) f = 'accessBit';
    if (f) throw translationFault(f, va, isr, t.regionItir(va), t.hash(va));
  };
}

/** The checks of tpa and tak (r1 writable, privilege level 0, no NaT in GR r3); the address in GR r3. */
function queryAddress(c: Cpu, r1: number, r3: number): bigint {
  c.checkTarget(r1);
  requirePl0(c);
  return operand(c, r3);
}

/** tpa: the physical address of a virtual one. */
const tpa: ExecFn = (c, i) => {
  const r1 = i.ops[0];
  const va = queryAddress(c, r1, i.ops[1]);
  const t = translatorOf(c);
  const isr = accessIsr(Access.NonAccess, NonAccessCode.TPA);
  const e = probeEntry(t, va, isr);
  if (!e.p) throw translationFault('pageNotPresent', va, isr, t.regionItir(va), t.hash(va));
  if (e.ma === 7) throw natPageConsumption(va, isr);
  c.setGr(r1, e.ppa | (va & e.pageMask));
};

/** tak: the protection key of a present translation, or 1 when there is none (never a fault). */
const tak: ExecFn = (c, i) => {
  const r1 = i.ops[0];
  const va = queryAddress(c, r1, i.ops[1]);
  const t = translatorOf(c);
  let e: TlbEntry | null = null;
  if (!t.unimplementedVa(va)) {
    try {
      e = probeEntry(t, va, accessIsr(Access.NonAccess, NonAccessCode.TAK));
    } catch (x) {
      if (!(x instanceof Interruption)) throw x;
    }
  }
  c.setGr(r1, e && e.p ? BigInt(e.key) << 8n : 1n);
};

/** thash / ttag: a NaT or unimplemented address gives a NaT result. */
function hashOp(tag: boolean): ExecFn {
  return (c, i) => {
    const r1 = i.ops[0];
    const r3 = i.ops[1];
    const va = c.gr(r3);
    const t = translatorOf(c);
    if (c.nat(r3) || t.unimplementedVa(va)) c.setGr(r1, 0n, 1);
    else c.setGr(r1, tag ? t.tag(va) : t.hash(va));
  };
}

/** fc / fc.i: make the line coherent, which here means dropping the page's decoded bundles. */
const flushCache: ExecFn = (c, i) => {
  const va = operand(c, i.ops[0]);
  const t = systemOf(c).translator;
  const pa = c.translator === t ? t.reference(va, NonAccessCode.FC) : c.translator.translate(va, 1, Access.NonAccess);
  c.invalidatePage((pa & ~(1n << 63n)) >> 12n);
};

const nothing: ExecFn = () => {};

registerSemantics({
  formats: ['M24', 'M28', 'M38', 'M39', 'M40', 'M41', 'M42', 'M45', 'M46', 'M47'],
  make: (d) => {
    switch (d.name) {
      case 'itc.i':
        return insert(true, false);
      case 'itc.d':
        return insert(false, false);
      case 'itr.i':
        return insert(true, true);
      case 'itr.d':
        return insert(false, true);
      case 'ptc.l':
      case 'ptc.g':
      case 'ptc.ga':
        return purgeTc;
      case 'ptc.e':
        return purgeAll;
      case 'ptr.i':
        return purgeTr(true);
      case 'ptr.d':
        return purgeTr(false);
      case 'probe.r':
        return probe(R, d.format === 'M39');
      case 'probe.w':
        return probe(W, d.format === 'M39');
      case 'probe.r.fault':
        return probeFault(R);
      case 'probe.w.fault':
        return probeFault(W);
      case 'probe.rw.fault':
        return probeFault(R | W);
      case 'tpa':
        return tpa;
      case 'tak':
        return tak;
      case 'thash':
        return hashOp(false);
      case 'ttag':
        return hashOp(true);
      case 'fc':
      case 'fc.i':
        return flushCache;
      case 'srlz.i':
      case 'srlz.d':
      case 'sync.i':
      case 'mf.a':
        return nothing;
      default:
        return undefined;
    }
  },
});
