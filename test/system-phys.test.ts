// Physical addressing (phys.S) on a machine with 50 physical address bits.

import { describe, expect, it } from 'vitest';
import { ISR } from '../src/cpu/interruption.js';
import { Access } from '../src/cpu/memory.js';
import { runFixture } from './support/system-machine.js';

describe('physical addressing, paBits = 50 (phys.S)', () => {
  const m = runFixture('phys', { paBits: 50 });
  const log = m.log();

  it('reaches the same memory cached and uncached (bit 63)', () => {
    expect(m.result(0)).toBe(0x3333n);
    expect(m.result(1)).toBe(0x4444n);
    // The platform sees the attribute: bit 63 stays in the physical address.
    expect(m.cpu.translateData((1n << 63n) | 0x500000n, 8, Access.Read)).toBe((1n << 63n) | 0x500000n);
  });

  it('raises Unimplemented Data Address faults for bits 62..50', () => {
    expect(log.slice(0, 2).map((e) => [e.vector, e.ifa, e.isr & (ISR.R | ISR.W | 0xffn)])).toEqual([
      [0x5400, 1n << 55n, ISR.R | 0x30n],
      [0x5400, (1n << 63n) | (1n << 50n) | 0x500000n, ISR.W | 0x30n],
    ]);
    expect(m.result(2)).toBe(0x55n);
  });

  it('raises an Unimplemented Instruction Address fault on the fetch', () => {
    expect(log[2]).toMatchObject({ vector: 0x5e00, iip: 1n << 52n });
    expect(log[2].isr & 0xffn).toBe(2n);
    expect(m.result(3)).toBe(0x66n);
    expect(log).toHaveLength(3);
  });

  it('lets every address below 2^63 through with the default 63 bits', () => {
    const t = m.sys.translator;
    expect(t.paBits).toBe(50);
    expect(runFixture('psr').sys.translator.physical(1n << 62n, 0, 0n)).toBe(1n << 62n);
  });
});
