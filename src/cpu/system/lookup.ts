// What the TLBs hold for an address, for fault reports: a plain search of
// the translation registers and caches, with no VHPT walk and no side effects.

import type { Cpu } from '../cpu.js';
import { Access } from '../memory.js';
import { systemOf } from './system.js';
import { unpackRr } from './vhpt.js';

/** Memory attribute encodings (Vol. 2, Table 4-11). */
const MEMORY_ATTRIBUTES: Record<number, string> = { 0: 'WB', 4: 'UC', 5: 'UCE', 6: 'WC', 7: 'NaTPage' };

export interface TlbTranslation {
  readonly source: string;
  readonly rid: number;
  readonly ps: number;
  readonly vpage: bigint;
  readonly ppage: bigint;
  readonly ma: string;
}

export function tlbLookup(c: Cpu): (va: bigint, access: Access) => TlbTranslation | undefined {
  const t = systemOf(c).translator;
  return (va, access) => {
    const rid = unpackRr(t.rr[Number(va >> 61n)]).rid;
    const instr = access === Access.Execute;
    const e = (instr ? t.itlb : t.dtlb).find(rid, va);
    if (!e) return undefined;
    return { source: instr ? 'ITLB' : 'DTLB', rid, ps: e.ps, vpage: va & ~e.pageMask, ppage: e.ppa, ma: MEMORY_ATTRIBUTES[e.ma] ?? `ma ${e.ma}` };
  };
}
