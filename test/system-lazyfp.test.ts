// Disabled FP-Register fault delivered and retried with PSR.dfh cleared (lazyfp.S).

import { describe, expect, it } from 'vitest';
import { runFixture } from './support/system-machine.js';

describe('lazy FP state (lazyfp.S)', () => {
  const m = runFixture('lazyfp');

  it('faults once on f32 with PSR.dfh and continues after the handler clears it', () => {
    const log = m.log();
    expect(log).toHaveLength(1);
    expect(log[0].vector).toBe(0x5500);
    expect(log[0].isr & 0xfn).toBe(2n);
    expect((log[0].ipsr >> 19n) & 1n).toBe(1n);
    expect(m.result(0)).toBe(7n);
    expect((m.result(1) >> 19n) & 1n).toBe(0n);
  });
});
