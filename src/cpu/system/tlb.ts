// One translation look-aside buffer (Vol. 2, 4.1.1): translation registers
// that software places explicitly (itr) and a translation cache that itc
// and the VHPT walker fill and the processor may evict at will (here, the
// oldest entry first). Entries are tagged by region identifier and virtual
// page; the region number of an address only selects the region register.

import { MachineStop } from '../interruption.js';

/** Translation registers per TLB. */
export const N_TR = 8;

/** Address bits within a region. */
export const REGION_OFFSET = (1n << 61n) - 1n;

/** Physical page number field of a PTE (bits 49:12). */
const PTE_PPN = ((1n << 50n) - 1n) & ~0xfffn;

/** A translation: the insertion-format fields (Vol. 2, Table 4-3) and its tag. */
export interface TlbEntry {
  readonly rid: number;
  /** Page-aligned offset of the page in its region (VA{60:ps}). */
  readonly vpn: bigint;
  readonly ps: number;
  /** 2^ps - 1: the offset bits within the page. */
  readonly pageMask: bigint;
  readonly p: number;
  readonly ma: number;
  readonly a: number;
  readonly d: number;
  readonly pl: number;
  readonly ar: number;
  /** Page-aligned physical address of the page. */
  readonly ppa: bigint;
  readonly ed: number;
  readonly key: number;
}

/** Build an entry from a PTE (insertion format), an ITIR's ps and key, the region's rid and the address. */
export function makeEntry(pte: bigint, ps: number, key: number, rid: number, va: bigint): TlbEntry {
  const pageMask = (1n << BigInt(ps)) - 1n;
  const f = (pos: number, len: number) => Number((pte >> BigInt(pos)) & ((1n << BigInt(len)) - 1n));
  return {
    rid,
    vpn: va & REGION_OFFSET & ~pageMask,
    ps,
    pageMask,
    p: f(0, 1),
    ma: f(2, 3),
    a: f(5, 1),
    d: f(6, 1),
    pl: f(7, 2),
    ar: f(9, 3),
    ppa: pte & PTE_PPN & ~pageMask,
    ed: f(52, 1),
    key,
  };
}

/** Does e cover any of the 2^ps bytes at va in region rid? */
function overlaps(e: TlbEntry, rid: number, va: bigint, ps: number): boolean {
  if (e.rid !== rid) return false;
  const size = 1n << BigInt(ps);
  const lo = va & REGION_OFFSET & ~(size - 1n);
  return e.vpn < lo + size && lo < e.vpn + e.pageMask + 1n;
}

export class Tlb {
  readonly tr: (TlbEntry | null)[] = new Array<TlbEntry | null>(N_TR).fill(null);
  private tc: TlbEntry[] = [];

  constructor(
    /** "ITLB" or "DTLB", for reports. */
    readonly name: string,
    readonly tcSize = 128,
  ) {}

  /** The entry translating va in region rid, or null. */
  find(rid: number, va: bigint): TlbEntry | null {
    const off = va & REGION_OFFSET;
    for (const e of this.tr) if (e && e.rid === rid && (off & ~e.pageMask) === e.vpn) return e;
    for (const e of this.tc) if (e.rid === rid && (off & ~e.pageMask) === e.vpn) return e;
    return null;
  }

  /** Translation cache entries, oldest first. */
  get cache(): readonly TlbEntry[] {
    return this.tc;
  }

  /** itc and the VHPT walker: replace overlapping cache entries, evict the oldest when full. */
  insertTc(e: TlbEntry): void {
    this.checkTrOverlap(e, -1);
    this.purgeTc(e.rid, e.vpn, e.ps);
    if (this.tc.length >= this.tcSize) this.tc.shift();
    this.tc.push(e);
  }

  /** itr: place e in translation register slot, dropping overlapping cache entries. */
  insertTr(slot: number, e: TlbEntry): void {
    this.checkTrOverlap(e, slot);
    this.purgeTc(e.rid, e.vpn, e.ps);
    this.tr[slot] = e;
  }

  purgeTc(rid: number, va: bigint, ps: number): void {
    this.tc = this.tc.filter((e) => !overlaps(e, rid, va, ps));
  }

  /** ptr: drop translation registers and cache entries that overlap. */
  purgeTr(rid: number, va: bigint, ps: number): void {
    for (let i = 0; i < N_TR; i++) {
      const e = this.tr[i];
      if (e && overlaps(e, rid, va, ps)) this.tr[i] = null;
    }
    this.purgeTc(rid, va, ps);
  }

  purgeAllTc(): void {
    this.tc = [];
  }

  /** Does a translation register overlap the range? */
  trOverlaps(rid: number, va: bigint, ps: number): boolean {
    return this.tr.some((e) => e !== null && overlaps(e, rid, va, ps));
  }

  /**
   * Overlapping translation registers are a machine check (Vol. 2, 4.1.1.2):
   * a translation may not be in two TLB entries at once.
   */
  private checkTrOverlap(e: TlbEntry, exceptSlot: number): void {
    this.tr.forEach((t, i) => {
      if (t && i !== exceptSlot && overlaps(t, e.rid, e.vpn, e.ps)) {
        throw new MachineStop(
          `Machine Check Abort: ${this.name} insert of rid 0x${e.rid.toString(16)} page 0x${e.vpn.toString(16)} overlaps translation register ${i}`,
        );
      }
    });
  }
}
