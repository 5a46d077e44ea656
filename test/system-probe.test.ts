// probe, tpa and tak (probe.S).

import { describe, expect, it } from 'vitest';
import { ISR } from '../src/cpu/interruption.js';
import { runFixture } from './support/system-machine.js';

const R1 = 1n << 61n;

describe('probe, tpa and tak (probe.S)', () => {
  const m = runFixture('probe');
  const log = m.log();

  it('answers read and write probes at the less privileged of the level asked and PSR.cpl', () => {
    expect([0, 1, 2, 3, 4].map((n) => m.result(n))).toEqual([1n, 0n, 0n, 1n, 0n]);
  });

  it('raises TLB miss faults from probe, as a non-access reference', () => {
    expect(log[0]).toMatchObject({ vector: 0x1000, ifa: R1 | 0x50000n });
    expect(log[0].isr & (ISR.NA | 0xfn)).toBe(ISR.NA | 2n);
    expect(m.result(5)).toBe(0x55n);
  });

  it('raises the faults of the access from the fault forms', () => {
    expect(log.slice(1, 3).map((e) => [e.vector, e.ifa, e.isr & (ISR.NA | ISR.R | ISR.W | 0xfn)])).toEqual([
      [0x5300, R1 | 0x10000n, ISR.NA | ISR.W | 5n],
      [0x5000, R1 | 0x30000n, ISR.NA | ISR.R | ISR.W | 5n],
    ]);
  });

  it('applies protection keys', () => {
    expect([m.result(6), m.result(7)]).toEqual([0n, 1n]);
    expect(log[3]).toMatchObject({ vector: 0x5100, ifa: R1 | 0x40000n });
  });

  it('translates with tpa and reads keys with tak', () => {
    expect(m.result(8)).toBe(0x500008n);
    expect(log[4]).toMatchObject({ vector: 0x5000, ifa: R1 | 0x30000n });
    expect(log[4].isr & (ISR.NA | 0xfn)).toBe(ISR.NA);
    expect(m.result(9)).toBe(0x42n << 8n);
    expect(m.result(10)).toBe(1n);
    expect(log).toHaveLength(5);
  });
});
