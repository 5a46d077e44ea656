// What a firmware handler gets for one call, and what the firmware records
// of it for the run report.

import type { Cpu } from '../cpu/cpu.js';
import type { GuestMemory } from './guest.js';
import { statusName } from './spec.js';

export interface CallContext {
  /** Arguments in order (the caller's out0-out7). */
  readonly args: readonly bigint[];
  readonly cpu: Cpu;
  /** The caller's memory through the CPU's current translation. */
  readonly mem: GuestMemory;
  /** Remarks for the log entry. */
  readonly notes: string[];
}

/** A handler returns the status for r8, or null when the call does not return. */
export type Handler = (ctx: CallContext) => bigint | null;

export type CpuMode = 'physical' | 'virtual';

export interface CallRecord {
  /** 1 for the first call. */
  readonly seq: number;
  /** A runtime service name, SAL_PROC or PAL_PROC. */
  readonly service: string;
  readonly args: readonly bigint[];
  /** Returned in r8; null if the call did not return (ResetSystem, a machine check). */
  readonly status: bigint | null;
  /** Data translation (PSR.dt) at the call. */
  readonly mode: CpuMode;
  /** Instructions retired before the call. */
  readonly insnCount: number;
  /** 'emulated' for a break from a firmware stub, 'host' for a call made by the emulator itself. */
  readonly origin: 'emulated' | 'host';
  readonly notes: readonly string[];
}

export function formatCall(r: CallRecord): string {
  const args = r.args.map((a) => `0x${a.toString(16)}`).join(', ');
  const status = r.status === null ? 'did not return' : `= ${statusName(r.status)}`;
  const notes = r.notes.length ? `: ${r.notes.join('; ')}` : '';
  return `#${r.seq} ${r.service}(${args}) ${status} [${r.mode} mode, insn ${r.insnCount}${r.origin === 'host' ? ', by the emulator' : ''}]${notes}`;
}
