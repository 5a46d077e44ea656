// The system state of one processor beyond the register file: region and
// protection key registers and the TLBs (in the translator), the other
// indirect register files, and the hook-up to a CPU.
//
// attachSystem() makes a CPU a full system-mode processor: its addresses
// translate through a SystemTranslator, interruptions are delivered through
// the IVT and speculative-load faults follow the deferral rules. Without it
// the system instructions still work on state kept per CPU (systemOf), but
// translation stays whatever the CPU was given.

import type { Cpu } from '../cpu.js';
import { resetControlRegisters } from './cr.js';
import { deliverInterruption } from './delivery.js';
import { deferSpeculativeFault } from './speculation.js';
import { SystemTranslator, TranslatorOptions } from './translator.js';

/** Instruction and data breakpoint register pairs (as on Itanium 2: 4 pairs each). */
export const N_BREAKPOINT_REGS = 8;
/** Performance monitor configuration and data registers (as on Itanium 2). */
export const N_PMC = 16;
export const N_PMD = 18;
/** Data access hint registers (Itanium 9500). */
export const N_DAHR = 8;

/**
 * Processor identification (Vol. 1, 3.1.11): "GenuineIntel", then version
 * information (number of the last register 4, family 0x1f = Itanium 2) and
 * features (lb: long branches, ao: 16-byte atomic operations).
 */
export const CPUID: readonly bigint[] = [
  0x49656e69756e6547n,
  0x6c65746en,
  0n,
  (0x1fn << 24n) | 4n,
  0b101n,
];

export class System {
  readonly translator: SystemTranslator;
  readonly ibr = new BigUint64Array(N_BREAKPOINT_REGS);
  readonly dbr = new BigUint64Array(N_BREAKPOINT_REGS);
  readonly pmc = new BigUint64Array(N_PMC);
  readonly pmd = new BigUint64Array(N_PMD);
  readonly dahr = new BigUint64Array(N_DAHR);
  /** Model-specific registers, by index (8 bits). */
  readonly msr = new BigUint64Array(256);

  constructor(
    readonly cpu: Cpu,
    opts: TranslatorOptions = {},
  ) {
    this.translator = new SystemTranslator(cpu, opts);
  }
}

const SYSTEMS = new WeakMap<Cpu, System>();

/** The system state of c, created on first use. */
export function systemOf(c: Cpu): System {
  let s = SYSTEMS.get(c);
  if (!s) {
    s = new System(c);
    SYSTEMS.set(c, s);
  }
  return s;
}

/**
 * Make c a system-mode processor at reset: control registers at their reset
 * values, virtual addressing through the TLBs, interruption delivery
 * through the IVT and the speculation deferral policy.
 */
export function attachSystem(c: Cpu, opts: TranslatorOptions = {}): System {
  const s = new System(c, opts);
  SYSTEMS.set(c, s);
  resetControlRegisters(c.r.cr);
  c.translator = s.translator;
  c.onInterruption = deliverInterruption;
  c.deferSpeculation = deferSpeculativeFault;
  return s;
}
