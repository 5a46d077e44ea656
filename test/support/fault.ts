// Running test code up to the first interruption nothing handles.

import { Cpu, CpuFault } from '../../src/cpu/cpu.js';
import { CODE, machine } from './machine.js';

export interface Faulted {
  cpu: Cpu;
  fault: CpuFault;
}

/** Assemble and run lines until an undelivered interruption stops them; fails if none does. */
export function runToFault(lines: readonly string[], setup?: (c: Cpu) => void, maxBundles = 100_000): Faulted {
  const m = machine(lines);
  setup?.(m.cpu);
  for (let n = 0; m.cpu.ip >= CODE && m.cpu.ip < m.end && n < maxBundles; n++) {
    try {
      m.cpu.run(1);
    } catch (e) {
      if (e instanceof CpuFault) return { cpu: m.cpu, fault: e };
      throw e;
    }
  }
  throw new Error('test program finished without a fault');
}
