// Instruction-side translation vectors and NaT page consumption (ivec.S).

import { describe, expect, it } from 'vitest';
import { ISR } from '../src/cpu/interruption.js';
import { runFixture, symbol } from './support/system-machine.js';

const R1 = 1n << 61n;
const at = (s: string) => R1 | symbol('ivec', s);

describe('instruction translation vectors (ivec.S)', () => {
  const m = runFixture('ivec');
  const log = m.log();

  it('raises each instruction fault at the fetched bundle and runs the code once fixed', () => {
    expect(log.slice(0, 4).map((e) => [e.vector, e.ifa, e.iip, e.isr & (ISR.X | ISR.R | ISR.W)])).toEqual([
      [0x0400, at('c1'), at('c1'), ISR.X],
      [0x5000, at('c3'), at('c3'), ISR.X],
      [0x2400, at('c4'), at('c4'), ISR.X],
      [0x1800, at('c5'), at('c5'), ISR.X],
    ]);
    expect([0, 1, 2, 3, 4].map((n) => m.result(n))).toEqual([0x11n, 0x22n, 0x33n, 0x44n, 0x55n]);
  });

  it('gives the Instruction TLB fault the VHPT entry address', () => {
    expect(log[0].iha).toBe(R1 | 0x600000n | ((symbol('ivec', 'c1') >> 12n) << 3n));
  });

  it('inserts code translations found by the walker into the ITLB', () => {
    expect(m.sys.translator.itlb.find(0x100, at('c2'))?.ppa).toBe(symbol('ivec', 'c2'));
  });

  it('raises Data NaT Page Consumption for a load from a NaTPage page', () => {
    expect(log[4]).toMatchObject({ vector: 0x5600, ifa: (2n << 61n) | 0x700000n });
    expect(log[4].isr & 0xfn).toBe(2n);
    expect(m.result(5)).toBe(0x55n);
    expect(log).toHaveLength(5);
  });
});
