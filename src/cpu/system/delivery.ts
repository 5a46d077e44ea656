// Interruption delivery (Vol. 2, 5.4-5.5): vector through the IVT at IVA.
//
// With PSR.ic = 1 the processor collects the interrupted state: IPSR (PSR
// with ri = the slot to resume at), IIP, IIPA, ISR (with ei = the slot of
// the faulting or trapping instruction), IFS.v = 0 and whatever the vector
// defines of IFA, ITIR, IHA and IIM. With PSR.ic = 0 nothing is collected:
// a data TLB miss then goes to the Data Nested TLB vector (its handler
// knows where to return), and anything else cannot be recovered from, so
// the machine stops and says why.
//
// Faults resume at the faulting instruction; traps at the next one (or at
// the target of the branch that trapped).

import type { Cpu } from '../cpu.js';
import { Interruption, ISR, MachineStop, Vector } from '../interruption.js';
import { PSR, PSR_KEPT_ON_INTERRUPTION } from '../psr.js';
import { CR } from './cr.js';
import { isDataTlbMiss } from './faults.js';

/** The IVT is 32 KiB aligned: IVA{14:0} are ignored. */
const IVA_BASE = ~0x7fffn & ((1n << 64n) - 1n);

/** An interruption the machine could not deliver with PSR.ic = 0. */
export class UncollectableInterruption extends MachineStop {
  constructor(
    readonly interruption: Interruption,
    readonly ip: bigint,
    readonly slot: number,
  ) {
    super(
      `${interruption.kind} at IP 0x${ip.toString(16)} slot ${slot} while PSR.ic = 0 ` +
        '(nested interruption): the interrupted state cannot be collected',
    );
    this.name = 'UncollectableInterruption';
  }
}

/**
 * The CPU's InterruptionHandler for a system-mode machine. An IVA of zero
 * means no IVT was ever set up (physical-mode code such as purgatory): the
 * interruption is then not delivered and the run stops reporting it.
 */
export function deliverInterruption(c: Cpu, intr: Interruption, slot: number): boolean {
  const cr = c.r.cr;
  const iva = cr[CR.IVA] & IVA_BASE;
  if (iva === 0n) return false;
  const psr = c.psr;
  let vector: number = intr.vector;
  if ((psr >> BigInt(PSR.ic)) & 1n) {
    collect(c, intr, slot);
  } else if (isDataTlbMiss(intr)) {
    vector = Vector.DATA_NESTED_TLB;
  } else {
    throw new UncollectableInterruption(intr, c.ip, slot);
  }
  const dcr = cr[CR.DCR];
  c.psr =
    (psr & PSR_KEPT_ON_INTERRUPTION) |
    (((dcr >> 1n) & 1n) << BigInt(PSR.be)) |
    ((dcr & 1n) << BigInt(PSR.pp));
  c.r.selectBank(0);
  c.ip = iva + BigInt(vector);
  c.startSlot = 0;
  return true;
}

/** Write the interruption registers for an interruption taken with PSR.ic = 1. */
function collect(c: Cpu, intr: Interruption, slot: number): void {
  const cr = c.r.cr;
  let iip = c.ip;
  let ri = slot;
  if (intr.isTrap) {
    if (c.branched) {
      iip = c.branchTarget;
      ri = 0;
    } else if (slot === 2) {
      iip = c.ip + 16n;
      ri = 0;
    } else {
      ri = slot + 1;
    }
  }
  cr[CR.IPSR] = (c.psr & ~(3n << BigInt(PSR.ri))) | (BigInt(ri) << BigInt(PSR.ri));
  cr[CR.IIP] = iip & ((1n << 64n) - 1n);
  cr[CR.IIPA] = c.ip;
  cr[CR.ISR] = (intr.info.isr ?? 0n) | (BigInt(slot) << ISR.EI_SHIFT);
  cr[CR.IFS] &= ~(1n << 63n);
  const { ifa, itir, iha, iim } = intr.info;
  if (ifa !== undefined) cr[CR.IFA] = ifa;
  if (itir !== undefined) cr[CR.ITIR] = itir;
  if (iha !== undefined) cr[CR.IHA] = iha & ~7n;
  if (iim !== undefined) cr[CR.IIM] = iim;
}
