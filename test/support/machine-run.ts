// Programs on a whole Machine with the default configuration: code
// assembled into RAM at CODE, a memory stack and a register backing store,
// ar.k0 holding the I/O port space base as Linux leaves it, run until the
// program's final exit call, a machine check or an undelivered interruption.

import { CpuFault } from '../../src/cpu/cpu.js';
import { AR } from '../../src/cpu/state.js';
import { MachineCheck } from '../../src/machine/address-space.js';
import { defaultConfig, MachineConfig } from '../../src/machine/config.js';
import { Machine } from '../../src/machine/machine.js';
import { assemble } from './asm.js';

export const CODE = 0x100000n;
export const DATA = 0x300000n;
export const STACK_TOP = 0x700000n;
export const BACKING_STORE = 0x800000n;

export interface MachineRun {
  m: Machine;
  labels: Map<string, bigint>;
  /** What stopped the run early, or null when the program reached its end. */
  stop: MachineCheck | CpuFault | null;
}

/** A Machine with lines assembled at CODE (followed by an exit call), not yet run. */
export function load(lines: readonly string[], config: MachineConfig = defaultConfig()): Omit<MachineRun, 'stop'> {
  const m = new Machine(config);
  const exit = m.firmware.register('exit', (c) => {
    c.halted = true;
  });
  const { bytes, labels } = assemble([...lines, `break.m ${exit}`], CODE);
  m.writePhys(CODE, bytes);
  const c = m.cpu;
  c.ip = CODE;
  c.r.ar[AR.KR0] = config.ioPortBase;
  c.r.ar[AR.BSP] = BACKING_STORE;
  c.r.ar[AR.BSPSTORE] = BACKING_STORE;
  c.setGr(12, STACK_TOP);
  return { m, labels };
}

/** Run a loaded program; a MachineCheck or CpuFault ends it and is returned. */
export function runLoaded(loaded: Omit<MachineRun, 'stop'>, maxInsns = 1_000_000): MachineRun {
  try {
    if (loaded.m.cpu.run(maxInsns) !== 'halt') throw new Error('the program did not finish');
  } catch (e) {
    if (e instanceof MachineCheck || e instanceof CpuFault) return { ...loaded, stop: e };
    throw e;
  }
  return { ...loaded, stop: null };
}

export function runMachine(lines: readonly string[], setup?: (m: Machine) => void): MachineRun {
  const loaded = load(lines);
  setup?.(loaded.m);
  return runLoaded(loaded);
}

/** Code that leaves in r8 the uncached address of the port in r20, as purgatory's io.h computes it from ar.k0. */
export const PORT_ADDRESS: readonly string[] = [
  'mov.m r8=ar.k0',
  'extr.u r9=r20,2,62', // shr.u r9=r20,2
  'dep.z r9=r9,12,52', // shl r9=r9,12
  'movl r10=0xfff',
  'and r10=r10,r20',
  'or r9=r9,r10',
  'or r8=r8,r9',
  'movl r10=0x8000000000000000',
  'or r8=r8,r10',
];

/**
 * inb, outb and outw as subroutines called through b6: the port in r20,
 * the value in r21, inb's result in r8; each access is followed by mf.a.
 */
export const PORT_ROUTINES: readonly string[] = [
  'inb:',
  ...PORT_ADDRESS,
  'ld1 r8=[r8]',
  'mf.a',
  'br.ret.sptk.many b6',
  'outb:',
  ...PORT_ADDRESS,
  'st1 [r8]=r21',
  'mf.a',
  'br.ret.sptk.many b6',
  'outw:',
  ...PORT_ADDRESS,
  'st2 [r8]=r21',
  'mf.a',
  'br.ret.sptk.many b6',
];

export type PortOp = readonly ['inb', number] | readonly ['outb' | 'outw', number, number];

/** Calls of the port routines for a sequence of accesses, then a branch over the routines. */
export function portProgram(ops: readonly PortOp[], after: readonly string[] = []): string[] {
  const lines: string[] = [];
  for (const op of ops) {
    lines.push(`mov r20=${op[1]}`);
    if (op[0] !== 'inb') lines.push(`mov r21=${op[2]}`);
    lines.push(`br.call.sptk.many b6=${op[0]}`);
  }
  return [...lines, ...after, 'br.cond.sptk.few done', ...PORT_ROUTINES, 'done:'];
}
