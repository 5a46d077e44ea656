// Instruction translation (itlb.S): ITLB misses, purges, instruction access
// rights, epc promotion and rewritten code.

import { describe, expect, it } from 'vitest';
import { ISR } from '../src/cpu/interruption.js';
import { runFixture, symbol } from './support/system-machine.js';

const R1 = 1n << 61n;
const at = (s: string) => symbol('itlb', s);

describe('instruction TLB (itlb.S)', () => {
  const m = runFixture('itlb');
  const log = m.log();

  it('takes Alternate Instruction TLB faults at the branch target and retries after itc.i', () => {
    expect(log[0]).toMatchObject({ vector: 0x0c00, ifa: R1 | at('far'), iip: R1 | at('far') });
    expect(log[0].isr & (ISR.X | ISR.R | ISR.W)).toBe(ISR.X);
    expect([m.result(0), m.result(1)]).toEqual([0x5an, 0x5an]);
  });

  it('misses again after ptc.l', () => {
    expect(log[1]).toMatchObject({ vector: 0x0c00, ifa: R1 | at('far') });
    expect(m.result(2)).toBe(0x5an);
  });

  it('raises Instruction Access Rights for a page without execute rights', () => {
    expect(log[2]).toMatchObject({ vector: 0x5200, ifa: R1 | at('far2') });
    expect(m.result(3)).toBe(0x6bn);
  });

  it('runs rewritten code after fc.i and sync.i', () => {
    expect([m.result(4), m.result(5)]).toEqual([1n, 2n]);
  });

  it('promotes to level 0 with epc on an execute-only page and demotes on br.ret', () => {
    expect(log[3]).toMatchObject({ vector: 0x0c00, ifa: R1 | at('gate') });
    expect((log[3].ipsr >> 32n) & 3n).toBe(3n);
    expect(m.result(7)).toBe((1n << 13n) | (1n << 17n) | (1n << 36n));
    expect(log[4].vector).toBe(0x5400);
    expect(log[4].isr & 0xffn).toBe(0x10n);
    expect((log[4].ipsr >> 32n) & 3n).toBe(3n);
    expect(log).toHaveLength(5);
  });
});
