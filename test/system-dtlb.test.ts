// Data translation through the DTLB (dtlb.S): misses handled with itc.d,
// purges, region identifiers, translation registers, protection keys and
// the faults of a TLB hit.

import { describe, expect, it } from 'vitest';
import { ISR } from '../src/cpu/interruption.js';
import { runFixture } from './support/system-machine.js';

const REGION1 = 1n << 61n;

describe('data TLB (dtlb.S)', () => {
  const m = runFixture('dtlb');
  const log = m.log();

  it('takes Alternate Data TLB faults with IFA, ITIR and IHA, and retries after itc.d', () => {
    expect(log[0].vector).toBe(0x1000);
    expect(log[0].ifa).toBe(REGION1 | 0x40000n);
    expect(log[0].isr & (ISR.R | ISR.W | ISR.X)).toBe(ISR.R);
    expect(log[0].itir).toBe((0x100n << 8n) | (12n << 2n));
    expect(log[0].iha).toBe(REGION1 | ((0x40000n >> 12n) << 3n));
    expect(m.result(0)).toBe(0x1111n);
    expect(m.result(1)).toBe(0x1111n);
  });

  it('purges with ptc.l and tags entries with the region identifier', () => {
    expect(log.slice(1, 3).map((e) => [e.vector, e.itir >> 8n])).toEqual([
      [0x1000, 0x100n],
      [0x1000, 0x200n],
    ]);
    expect(m.result(2)).toBe(0x2222n);
    expect(m.result(3)).toBe(0x1111n);
    expect(m.result(4)).toBe(0x2222n);
  });

  it('checks present, access rights, dirty and access bits in that order', () => {
    expect(log.slice(3, 7).map((e) => [e.vector, e.ifa & 0xfffffn, e.isr & (ISR.R | ISR.W)])).toEqual([
      [0x5000, 0x50000n, ISR.R],
      [0x5300, 0x60000n, ISR.W],
      [0x2000, 0x70000n, ISR.W],
      [0x2800, 0x80000n, ISR.R],
    ]);
    expect(m.result(5)).toBe(0n);
    expect(m.result(6)).toBe(0x1111n);
    expect(m.result(7)).toBe(0n);
  });

  it('raises Key Miss and Key Permission faults with PSR.pk', () => {
    expect(log.slice(7, 9).map((e) => [e.vector, e.isr & (ISR.R | ISR.W)])).toEqual([
      [0x1c00, ISR.R],
      [0x5100, ISR.W],
    ]);
    expect(m.result(8)).toBe(0n);
    expect(m.result(9)).toBe(0x1111n);
  });

  it('translates through itr.d and purges it with ptr.d', () => {
    expect(m.result(10)).toBe(0x1111n);
    expect(log[9].vector).toBe(0x1000);
    expect(m.result(11)).toBe(0x2222n);
    expect(log).toHaveLength(10);
    expect(m.sys.translator.dtlb.tr[1]).toBeNull();
  });
});
