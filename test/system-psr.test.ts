// PSR moves, masks and their faults; rfi into slot 2 of a bundle.

import { describe, expect, it } from 'vitest';
import { ISR } from '../src/cpu/interruption.js';
import { runFixture, symbol } from './support/system-machine.js';

const IC = 1n << 13n;
const I = 1n << 14n;
const PP = 1n << 21n;
const GE = 0x5400;

describe('PSR (psr.S)', () => {
  const m = runFixture('psr');

  it('reads PSR.l and PSR{36:35} only, and the user mask', () => {
    expect(m.result(0)).toBe(0n);
    expect(m.result(1)).toBe(0x34n);
    expect(m.result(2)).toBe(0x20n);
    expect(m.result(3)).toBe(0x28n);
    expect(m.result(4)).toBe(IC | I);
    expect(m.result(5)).toBe(IC | PP);
  });

  it('raises Reserved Register/Field faults for reserved mask and psr.l bits, at the faulting slot', () => {
    const log = m.log();
    expect(log.slice(0, 3).map((e) => [e.vector, e.isr & 0xffn, Number((e.isr >> ISR.EI_SHIFT) & 3n)])).toEqual([
      [GE, 0x30n, 0],
      [GE, 0x30n, 1],
      [GE, 0x30n, 1],
    ]);
  });

  it('raises Privileged Operation faults at level 3, collecting IPSR.cpl and IIP', () => {
    const log = m.log().slice(3, 5);
    const user = symbol('psr', 'user');
    expect(log.map((e) => [e.vector, e.isr & 0xffn, Number((e.isr >> ISR.EI_SHIFT) & 3n)])).toEqual([
      [GE, 0x10n, 1],
      [GE, 0x10n, 0],
    ]);
    expect(log[0].iip).toBe(user);
    expect(log[1].iip).toBe(user + 0x20n);
    expect((log[0].ipsr >> 32n) & 3n).toBe(3n);
    expect((log[0].ipsr >> 41n) & 3n).toBe(1n);
    // sum is not privileged.
    expect(m.result(6)).toBe(0x4n);
  });

  it('collects IIM for break and resumes an rfi at IPSR.ri', () => {
    const brk = m.log()[5];
    expect(brk.vector).toBe(0x2c00);
    expect(brk.iim).toBe(0x42n);
    expect(m.log()).toHaveLength(6);
    // Only slot 2 of the bundle ran.
    expect(m.result(7)).toBe(4n);
    expect(m.result(8)).toBe(IC);
  });
});
