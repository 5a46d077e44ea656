// Control registers, GR16-31 banks and the indirect register files (cr.S).

import { describe, expect, it } from 'vitest';
import { BANK0_BASE } from '../src/cpu/state.js';
import { runFixture } from './support/system-machine.js';

const GE = 0x5400;
const ILLEGAL = 0x00n;
const PRIVILEGED = 0x10n;
const RESERVED = 0x30n;

describe('control registers and banks (cr.S)', () => {
  const m = runFixture('cr');
  const log = m.log();

  it('keeps GR16-31 per bank; interruptions run in bank 0 and rfi returns to bank 1', () => {
    expect(m.result(0)).toBe(0x111n);
    expect(m.result(1)).toBe(0x222n);
    expect(m.result(2)).toBe(0x222n);
    expect(m.cpu.r.gr[BANK0_BASE]).toBe(0x333n);
    expect(log[0].vector).toBe(0x2c00);
    expect((log[0].ipsr >> 44n) & 1n).toBe(1n);
  });

  it('reads reset values, the spurious vector and written fields', () => {
    expect(m.result(3)).toBe(0x10000n);
    expect(m.result(4)).toBe(0x10000n);
    expect(m.result(5)).toBe(15n);
    expect(m.result(6)).toBe(0n);
    expect(m.result(7)).toBe(0n);
    expect(m.result(8)).toBe(0x7f05n);
    expect(m.result(9)).toBe(0xf0n);
    expect(m.result(10)).toBe(0xfffffffffffffff8n);
    expect(m.result(11)).toBe(0x1234n);
    expect(m.result(12)).toBe(0x3dn);
  });

  it('faults reserved fields, reserved and read-only CRs, interruption CRs with PSR.ic = 1', () => {
    expect(log.slice(1, 10).map((e) => [e.vector, e.isr & 0xffn])).toEqual([
      [GE, RESERVED],
      [GE, RESERVED],
      [GE, RESERVED],
      [GE, ILLEGAL],
      [GE, ILLEGAL],
      [GE, ILLEGAL],
      [GE, RESERVED],
      [GE, RESERVED],
      [GE, RESERVED],
    ]);
  });

  it('moves region, protection key, CPUID and monitor registers', () => {
    expect(m.result(13)).toBe(0x123439n);
    expect(m.result(14)).toBe(0x5505n);
    expect(m.result(15)).toBe(0x49656e69756e6547n);
    expect(m.result(16)).toBe(0x1f000004n);
    expect(m.result(17)).toBe(0x99n);
    expect(m.result(18)).toBe(0x49656e69756e6547n);
    expect(m.sys.translator.rr[2]).toBe(0x123439n);
    expect(m.sys.dbr[1]).toBe(0x99n);
  });

  it('makes CR and privileged indirect registers Privileged Operation faults at level 3', () => {
    expect(log.slice(10).map((e) => [e.vector, e.isr & 0xffn, (e.ipsr >> 32n) & 3n])).toEqual([
      [GE, PRIVILEGED, 3n],
      [GE, PRIVILEGED, 3n],
      [GE, PRIVILEGED, 3n],
    ]);
  });
});
