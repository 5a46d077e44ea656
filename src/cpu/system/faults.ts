// The translation faults (Vol. 2, chapter 5 vector descriptions) with the
// state each collects: ISR access bits, IFA = the referenced address, ITIR
// = the region's preferred page size and region identifier, and IHA = the
// VHPT address of the reference.

import { Interruption, ISR, Vector, VectorOffset } from '../interruption.js';
import { Access } from '../memory.js';

/** ISR.code{3:0} of a non-access reference (Vol. 2, Table 5-10). */
export const NonAccessCode = { TPA: 0, FC: 1, PROBE: 2, TAK: 3, LFETCH: 4, PROBE_FAULT: 5 } as const;

/** The ISR bits that say what kind of reference faulted. */
export function accessIsr(access: Access, naCode: number = NonAccessCode.LFETCH): bigint {
  switch (access) {
    case Access.Read:
      return ISR.R;
    case Access.Write:
      return ISR.W;
    case Access.Execute:
      return ISR.X;
    default:
      return ISR.NA | BigInt(naCode);
  }
}

/** Vectors of the faults that exist in an instruction and a data flavour. */
export type TranslationFault =
  | 'alternateTlb'
  | 'tlb'
  | 'vhpt'
  | 'pageNotPresent'
  | 'keyMiss'
  | 'keyPermission'
  | 'accessRights'
  | 'accessBit'
  | 'dirtyBit';

const TABLE: Record<TranslationFault, readonly [VectorOffset, VectorOffset, string]> = {
  alternateTlb: [Vector.ALT_INSTRUCTION_TLB, Vector.ALT_DATA_TLB, 'Alternate % TLB fault'],
  tlb: [Vector.INSTRUCTION_TLB, Vector.DATA_TLB, '% TLB fault'],
  vhpt: [Vector.VHPT_TRANSLATION, Vector.VHPT_TRANSLATION, 'VHPT % fault'],
  pageNotPresent: [Vector.PAGE_NOT_PRESENT, Vector.PAGE_NOT_PRESENT, '% Page Not Present fault'],
  keyMiss: [Vector.INSTRUCTION_KEY_MISS, Vector.DATA_KEY_MISS, '% Key Miss fault'],
  keyPermission: [Vector.KEY_PERMISSION, Vector.KEY_PERMISSION, '% Key Permission fault'],
  accessRights: [Vector.INSTRUCTION_ACCESS_RIGHTS, Vector.DATA_ACCESS_RIGHTS, '% Access Rights fault'],
  accessBit: [Vector.INSTRUCTION_ACCESS_BIT, Vector.DATA_ACCESS_BIT, '% Access Bit fault'],
  dirtyBit: [Vector.DIRTY_BIT, Vector.DIRTY_BIT, '% Dirty Bit fault'],
};

/** A translation fault on the reference to va. */
export function translationFault(
  f: TranslationFault,
  va: bigint,
  isr: bigint,
  itir: bigint,
  iha: bigint,
): Interruption {
  const instr = (isr & ISR.X) !== 0n;
  const [iv, dv, name] = TABLE[f];
  const kind = `${name.replace('%', instr ? 'Instruction' : 'Data')} (0x${va.toString(16)})`;
  return new Interruption(instr ? iv : dv, kind, { isr, ifa: va, itir, iha });
}

/** Data NaT Page Consumption: a reference to a page whose attribute is NaTPage. */
export function natPageConsumption(va: bigint, isr: bigint): Interruption {
  return new Interruption(Vector.NAT_CONSUMPTION, `Data NaT Page Consumption fault (0x${va.toString(16)})`, {
    isr: isr | 2n,
    ifa: va,
  });
}

/**
 * Unimplemented Instruction Address: reported when the fetch is attempted
 * (Vol. 2 allows a fault in place of the trap), on the Lower-Privilege
 * Transfer vector with ISR.code bit 1.
 */
export function unimplementedInstructionAddress(ip: bigint): Interruption {
  return new Interruption(
    Vector.LOWER_PRIVILEGE_TRANSFER_TRAP,
    `Unimplemented Instruction Address fault (0x${ip.toString(16)})`,
    { isr: 2n, ifa: ip },
  );
}

/** Is this one of the data TLB miss faults that become Data Nested TLB faults when PSR.ic is 0? */
export function isDataTlbMiss(intr: Interruption): boolean {
  const v = intr.vector;
  const data = ((intr.info.isr ?? 0n) & ISR.X) === 0n;
  return data && (v === Vector.ALT_DATA_TLB || v === Vector.DATA_TLB || v === Vector.VHPT_TRANSLATION);
}
