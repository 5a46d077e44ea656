// Semaphores (Vol. 3, "cmpxchg", "xchg", "fetchadd"; formats M16, M17):
// atomic read-modify-write of naturally aligned write-back memory. One CPU
// makes every access atomic and ordered, so .acq and .rel need nothing more.
// A NaT address or value faults; the old memory value, zero-extended, goes
// to r1 with its NaT clear. Bytes actually written drop overlapping ALAT
// entries.

import type { Cpu } from '../cpu.js';
import type { InsnDef } from '../decode/table.js';
import { AR } from '../state.js';
import { natFault, readData, SEMAPHORE_ISR, translateSemaphore, writeData } from './mem-access.js';
import { ExecFn, registerSemantics } from './registry.js';

const HINT = '(?:\\.(?:nt1|nta))?';
const CMPXCHG = new RegExp(`^cmpxchg([1248])\\.(?:acq|rel)${HINT}$`);
const CMP8XCHG16 = new RegExp(`^cmp8xchg16\\.(?:acq|rel)${HINT}$`);
const XCHG = new RegExp(`^xchg([1248])${HINT}$`);
const FETCHADD = new RegExp(`^fetchadd([48])\\.(?:acq|rel)${HINT}$`);

/**
 * What every semaphore does before its access: r1 must be writable, and a
 * NaT address (GR r3) or value (valueNat) faults. Returns the translated
 * address.
 */
function semaphoreAddress(c: Cpu, r1: number, r3: number, valueNat: number, size: number): bigint {
  c.checkTarget(r1);
  if (c.nat(r3) || valueNat) throw natFault(SEMAPHORE_ISR);
  return translateSemaphore(c, c.gr(r3), size);
}

/** cmpxchg r1 = [r3], r2, ar.ccv: store r2 if memory equals ar.ccv. */
function cmpxchg(size: number): ExecFn {
  return (c, i) => {
    const r1 = i.ops[0];
    const r2 = i.ops[2];
    const pa = semaphoreAddress(c, r1, i.ops[1], c.nat(r2), size);
    const old = readData(c, pa, size);
    if (old === c.r.ar[AR.CCV]) {
      writeData(c, pa, size, c.gr(r2));
      c.alat.invalMultiple(pa, size);
    }
    c.setGr(r1, old, 0);
  };
}

/**
 * cmp8xchg16 r1 = [r3], r2, ar.csd, ar.ccv: compare the 8 bytes at r3 with
 * ar.ccv; if equal, store the 16 bytes at r3 with bit 3 cleared, r2 below
 * ar.csd. The address need only be 8-byte aligned.
 */
const cmp8xchg16: ExecFn = (c, i) => {
  const r1 = i.ops[0];
  const r2 = i.ops[2];
  const pa = semaphoreAddress(c, r1, i.ops[1], c.nat(r2), 8);
  const old = readData(c, pa, 8);
  if (old === c.r.ar[AR.CCV]) {
    const base = pa & ~8n;
    writeData(c, base, 8, c.gr(r2));
    writeData(c, base + 8n, 8, c.r.ar[AR.CSD]);
    c.alat.invalMultiple(base, 16);
  }
  c.setGr(r1, old, 0);
};

/** xchg r1 = [r3], r2: swap (always with acquire semantics). */
function xchg(size: number): ExecFn {
  return (c, i) => {
    const r1 = i.ops[0];
    const r2 = i.ops[2];
    const pa = semaphoreAddress(c, r1, i.ops[1], c.nat(r2), size);
    const old = readData(c, pa, size);
    writeData(c, pa, size, c.gr(r2));
    c.alat.invalMultiple(pa, size);
    c.setGr(r1, old, 0);
  };
}

/** fetchadd r1 = [r3], inc3: add one of -16, -8, -4, -1, 1, 4, 8, 16 (the only encodable increments). */
function fetchadd(size: number): ExecFn {
  return (c, i) => {
    const r1 = i.ops[0];
    const pa = semaphoreAddress(c, r1, i.ops[1], 0, size);
    const old = readData(c, pa, size);
    writeData(c, pa, size, BigInt.asUintN(size * 8, old + i.imm));
    c.alat.invalMultiple(pa, size);
    c.setGr(r1, old, 0);
  };
}

function semaphore(d: InsnDef): ExecFn | undefined {
  let m = CMPXCHG.exec(d.name);
  if (m) return cmpxchg(Number(m[1]));
  if (CMP8XCHG16.test(d.name)) return cmp8xchg16;
  m = XCHG.exec(d.name);
  if (m) return xchg(Number(m[1]));
  m = FETCHADD.exec(d.name);
  if (m) return fetchadd(Number(m[1]));
  return undefined;
}

registerSemantics({ formats: ['M16', 'M17'], make: semaphore });
