// rfi round trips (frame.S): the covered frame comes back from IFS, and a
// fault in slot 1 resumes there.

import { describe, expect, it } from 'vitest';
import { ISR } from '../src/cpu/interruption.js';
import { runFixture } from './support/system-machine.js';

describe('interruption round trips (frame.S)', () => {
  const m = runFixture('frame');
  const log = m.log();

  it('restores the covered frame from IFS on rfi', () => {
    expect(m.ram.read(0x18fff0n, 8)).toBe((1n << 63n) | 8n | (4n << 7n));
    expect([1, 2, 3, 4].map((n) => m.result(n))).toEqual([0x10n, 0x11n, 0x14n, 0x17n]);
    expect(m.result(5)).toBe(m.result(0));
    expect(m.cpu.r.cfm).toMatchObject({ sof: 8, sol: 4 });
  });

  it('resumes a retried fault at IPSR.ri without repeating earlier slots', () => {
    expect(log[1].vector).toBe(0x5a00);
    expect(log[1].ifa).toBe(0x180101n);
    expect(log[1].isr & ISR.R).toBe(ISR.R);
    expect(Number((log[1].isr >> ISR.EI_SHIFT) & 3n)).toBe(1);
    expect(Number((log[1].ipsr >> 41n) & 3n)).toBe(1);
    expect(m.result(6)).toBe(1n);
    expect(m.result(7)).toBe(0n);
    expect(log).toHaveLength(2);
  });
});
