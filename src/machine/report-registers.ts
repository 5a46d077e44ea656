// The register snapshot of a fault report: what a machine-check handler
// would save first, IP, PSR, CFM, predicates, branch registers, the static
// general registers and the current frame's stacked ones with their NaT
// bits, and the application registers that describe the register stack,
// loops, floating-point status and the kernel registers.

import type { Cpu } from '../cpu/cpu.js';
import { arName } from '../cpu/disasm/format.js';
import { AR } from '../cpu/state.js';

export interface NamedValue {
  readonly name: string;
  readonly value: bigint;
}

export interface RegisterValue extends NamedValue {
  readonly nat: boolean;
}

export interface RegisterSnapshot {
  readonly ip: bigint;
  readonly psr: bigint;
  readonly cfm: bigint;
  readonly pfs: bigint;
  /** The 64 predicates, p0 in bit 0. */
  readonly pr: bigint;
  /** b0-b7. */
  readonly br: readonly bigint[];
  /** r1-r31, then r32 up to the end of the current frame. */
  readonly gr: readonly RegisterValue[];
  readonly sof: number;
  readonly sol: number;
  readonly ar: readonly NamedValue[];
}

const REPORTED_ARS = [
  AR.RSC, AR.BSP, AR.BSPSTORE, AR.RNAT, AR.UNAT, AR.FPSR, AR.PFS, AR.LC, AR.EC, 0, 1, 2, 3, 4, 5, 6, 7,
];

export function snapshotRegisters(c: Cpu): RegisterSnapshot {
  const { cfm } = c.r;
  const gr: RegisterValue[] = [];
  for (let n = 1; n < 32 + cfm.sof; n++) gr.push({ name: `r${n}`, value: c.gr(n), nat: c.nat(n) !== 0 });
  return {
    ip: c.ip,
    psr: c.psr,
    cfm: c.r.cfmValue,
    pfs: c.r.ar[AR.PFS],
    pr: c.r.predicates(),
    br: Array.from(c.r.br),
    gr,
    sof: cfm.sof,
    sol: cfm.sol,
    ar: REPORTED_ARS.map((n) => ({ name: arName(n), value: c.r.ar[n] })),
  };
}
