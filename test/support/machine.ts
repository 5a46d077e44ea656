// A bare CPU with RAM for instruction tests: code assembled at CODE, a
// backing store and a memory stack, run until the code's end.

import { Cpu } from '../../src/cpu/cpu.js';
import { AR } from '../../src/cpu/state.js';
import { AddressSpace } from '../../src/machine/address-space.js';
import { SparseMemory } from '../../src/machine/ram.js';
import { assemble } from './asm.js';

export const CODE = 0x10000n;
export const DATA = 0x200000n;
export const STACK_TOP = 0x700000n;
export const BACKING_STORE = 0x800000n;

export interface TestRun {
  cpu: Cpu;
  ram: SparseMemory;
  labels: Map<string, bigint>;
}

/** A CPU with 16 MiB of RAM and the given code loaded, not yet run. */
export function machine(lines: readonly string[]): TestRun & { end: bigint } {
  const ram = new SparseMemory('ram', 0n, 16n << 20n);
  const mem = new AddressSpace().add(ram);
  const cpu = new Cpu(mem);
  const { bytes, labels, end } = assemble(lines, CODE);
  ram.load(CODE, bytes);
  cpu.ip = CODE;
  cpu.r.ar[AR.BSP] = BACKING_STORE;
  cpu.r.ar[AR.BSPSTORE] = BACKING_STORE;
  cpu.setGr(12, STACK_TOP);
  return { cpu, ram, labels, end };
}

/**
 * Assemble and run lines until IP leaves the code (falls off the end or
 * branches outside it). setup runs before the first instruction.
 */
export function run(lines: readonly string[], setup?: (c: Cpu) => void, maxBundles = 1_000_000): TestRun {
  const m = machine(lines);
  setup?.(m.cpu);
  let n = 0;
  while (m.cpu.ip >= CODE && m.cpu.ip < m.end) {
    m.cpu.run(1);
    if (++n > maxBundles) throw new Error('test program did not finish');
  }
  return m;
}
