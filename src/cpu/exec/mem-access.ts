// What the load, store and semaphore semantics share: data byte order
// (PSR.be), the base-register checks and post-increment of the update
// forms, translation for speculative and atomic accesses, and the faults
// with the ISR bits of their access type.

import type { Cpu } from '../cpu.js';
import { illegalOperation, Interruption, ISR, natConsumption, Vector } from '../interruption.js';
import { Access, UNCACHED_BIT } from '../memory.js';
import { PSR } from '../psr.js';

export const M64 = (1n << 64n) - 1n;
const PSR_BE = 1n << BigInt(PSR.be);
/** PSR.ed: the speculative load being resumed defers (set by an rfi that skips it). */
export const PSR_ED = 1n << BigInt(PSR.ed);

/** How an instruction updates its base register after the access. */
export const enum Update {
  None,
  /** By GR r2 (formats M2, M14). */
  Register,
  /** By a signed immediate (formats M3, M5, M15). */
  Immediate,
}

/** The base-update kind of a memory format. */
export function updateOf(format: string): Update {
  switch (format) {
    case 'M2':
    case 'M14':
      return Update.Register;
    case 'M3':
    case 'M5':
    case 'M15':
      return Update.Immediate;
    default:
      return Update.None;
  }
}

const SWAP = new DataView(new ArrayBuffer(8));

/** The low size bytes of v in reverse order. */
export function byteSwap(v: bigint, size: number): bigint {
  switch (size) {
    case 8:
      SWAP.setBigUint64(0, v, true);
      return SWAP.getBigUint64(0, false);
    case 4:
      SWAP.setUint32(0, Number(v & 0xffffffffn), true);
      return BigInt(SWAP.getUint32(0, false));
    case 2:
      SWAP.setUint16(0, Number(v & 0xffffn), true);
      return BigInt(SWAP.getUint16(0, false));
    default:
      return v & 0xffn;
  }
}

/** Read size bytes at physical address pa in the data byte order; zero-extended. */
export function readData(c: Cpu, pa: bigint, size: number): bigint {
  const v = c.mem.read(pa, size);
  return size > 1 && c.psr & PSR_BE ? byteSwap(v, size) : v;
}

/** Write the low size bytes of v at physical address pa in the data byte order. */
export function writeData(c: Cpu, pa: bigint, size: number, v: bigint): void {
  c.mem.write(pa, size, size > 1 && c.psr & PSR_BE ? byteSwap(v, size) : v);
}

/** ISR.code{7:4} of the NaT Consumption vector for a NaT register operand. */
const REGISTER_NAT = 0x10n;

/** Register NaT Consumption fault of an access whose ISR bits are isr (ISR.R, ISR.W, ISR.NA). */
export function natFault(isr: bigint): Interruption {
  return natConsumption(REGISTER_NAT | isr);
}

/**
 * The checks of a load with base update before anything else happens: the
 * target may not be the base, and both must be writable.
 */
export function checkLoadTargets(c: Cpu, r1: number, r3: number, update: Update): void {
  if (update !== Update.None && r1 === r3) throw illegalOperation('load target is its own base register');
  c.checkTarget(r1);
  if (update !== Update.None) c.checkTarget(r3);
}

/** GR r3 += inc after the access; the NaT of a register increment propagates, without a fault. */
export function postIncrement(c: Cpu, r3: number, inc: bigint, incNat: number): void {
  c.setGr(r3, BigInt.asUintN(64, c.gr(r3) + inc), c.nat(r3) | incNat);
}

/**
 * Translate the address of a speculative load, or return null when the load
 * is deferred: its fault is one the speculation policy defers, or the page
 * is not speculative (uncacheable memory is never read speculatively).
 */
export function translateSpeculative(c: Cpu, va: bigint, size: number): bigint | null {
  let pa: bigint;
  try {
    pa = c.translateData(va, size, Access.Read);
  } catch (e) {
    if (!(e instanceof Interruption)) throw e;
    e.info.isr = (e.info.isr ?? 0n) | ISR.SP;
    const policy = c.deferSpeculation;
    if (policy === null || policy(c, e)) return null;
    throw e;
  }
  return pa & UNCACHED_BIT ? null : pa;
}

function unaligned(va: bigint, isr: bigint): Interruption {
  return new Interruption(Vector.UNALIGNED_REFERENCE, 'Unaligned Data Reference fault', { ifa: va, isr });
}

/**
 * Translate the address of an access that must be aligned to align bytes
 * whatever PSR.ac says: the 16-byte accesses and the semaphores. Alignment
 * is checked after translation, in the manual's fault priority order.
 */
export function translateAligned(c: Cpu, va: bigint, size: number, align: number, access: Access, isr: bigint): bigint {
  const pa = c.translateData(va, size, access);
  if (va & BigInt(align - 1)) throw unaligned(va, isr);
  return pa;
}

/** ISR bits of a semaphore: it both reads and writes. */
export const SEMAPHORE_ISR = ISR.R | ISR.W;

/**
 * Translate a semaphore's address: naturally aligned (align bytes), to
 * write-back cacheable memory only. The write permission is checked even
 * when the semaphore ends up not writing.
 */
export function translateSemaphore(c: Cpu, va: bigint, size: number, align = size): bigint {
  const pa = translateAligned(c, va, size, align, Access.Write, SEMAPHORE_ISR);
  if (pa & UNCACHED_BIT) {
    throw new Interruption(Vector.UNSUPPORTED_DATA_REFERENCE, 'Unsupported Data Reference fault (semaphore to uncacheable memory)', {
      ifa: va,
      isr: SEMAPHORE_ISR,
    });
  }
  return pa;
}

/** Take a check's branch to its IP-relative recovery target. */
export function branchTo(c: Cpu, disp: bigint): void {
  c.branchTarget = BigInt.asUintN(64, c.ip + disp) & ~0xfn;
  c.branched = true;
}
