// The virtual hash page table (Vol. 2, 4.1.5): where the walker looks for a
// translation (thash) and the tag a long-format entry must carry (ttag).
//
// Short format is a linear page table per region: the entry of a page sits
// at its page number times 8 within the table, in the same region. Long
// format is one hashed table of 32-byte entries shared by all regions; its
// hash and tag are implementation-specific and here are
//   index = VPN xor RID,   tag = VPN xor (RID << 39)
// where VPN is the address's page number at the region's preferred size.

import { bits } from './cr.js';
import { REGION_OFFSET } from './tlb.js';

/** PTA fields (Vol. 2, Figure 3-10). */
export interface Pta {
  /** VHPT walker enabled. */
  readonly ve: boolean;
  /** log2 of the table size in bytes. */
  readonly size: number;
  /** Long format. */
  readonly vf: boolean;
  readonly base: bigint;
}

export function unpackPta(v: bigint): Pta {
  return { ve: (v & 1n) !== 0n, size: Number((v >> 2n) & 0x3fn), vf: ((v >> 8n) & 1n) !== 0n, base: v & bits(63, 15) };
}

/** Region register fields (Vol. 2, Figure 4-4). */
export interface RegionRegister {
  /** VHPT walker enabled for the region. */
  readonly ve: boolean;
  /** Preferred page size (log2). */
  readonly ps: number;
  readonly rid: number;
}

export function unpackRr(v: bigint): RegionRegister {
  return { ve: (v & 1n) !== 0n, ps: Number((v >> 2n) & 0x3fn), rid: Number((v >> 8n) & 0xffffffn) };
}

/** Size of a long-format entry. */
export const LONG_ENTRY = 32n;

/** Page number of va at the region's preferred page size, from the implemented offset bits. */
function vpn(va: bigint, rr: RegionRegister, vaBits: number): bigint {
  return (va & REGION_OFFSET & ((1n << BigInt(vaBits)) - 1n)) >> BigInt(rr.ps);
}

/** The VHPT entry address for va (thash, and the walker's IHA). */
export function thash(va: bigint, rr: RegionRegister, pta: Pta, vaBits: number): bigint {
  const mask = (1n << BigInt(pta.size)) - 1n;
  const table = pta.base & REGION_OFFSET & ~mask;
  if (!pta.vf) {
    const offset = (vpn(va, rr, vaBits) << 3n) & mask & REGION_OFFSET;
    return (va & ~REGION_OFFSET) | table | offset;
  }
  const offset = ((vpn(va, rr, vaBits) ^ BigInt(rr.rid)) * LONG_ENTRY) & mask & REGION_OFFSET;
  return (pta.base & ~REGION_OFFSET) | table | offset;
}

/** The tag of a long-format entry for va (ttag); bit 63 (ti) is always 0. */
export function ttag(va: bigint, rr: RegionRegister, vaBits: number): bigint {
  return (vpn(va, rr, vaBits) ^ (BigInt(rr.rid) << 39n)) & ((1n << 63n) - 1n);
}
