// The VHPT walker in short and long format, its faults, and the Data Nested
// TLB fault (vhpt.S).

import { describe, expect, it } from 'vitest';
import { ISR } from '../src/cpu/interruption.js';
import { runFixture } from './support/system-machine.js';

const R1 = 1n << 61n;
const R2 = 2n << 61n;

describe('VHPT walker (vhpt.S)', () => {
  const m = runFixture('vhpt');
  const log = m.log();

  it('inserts short-format entries from the region-relative linear table', () => {
    expect(m.result(0)).toBe(0x1111n);
    const e = m.sys.translator.dtlb.find(0x100, R1 | 0x40000n);
    expect(e?.ppa).toBe(0x500000n);
  });

  it('raises a Data TLB fault with the entry address in IHA when the entry is not present', () => {
    expect(log[0]).toMatchObject({ vector: 0x0800, ifa: R1 | 0x41000n, iha: R1 | 0x600208n });
    expect(m.result(1)).toBe(0x2222n);
  });

  it('raises a VHPT Translation fault when the table itself is not mapped', () => {
    expect(log[1]).toMatchObject({ vector: 0x0000, ifa: R2 | 0x40000n, iha: R2 | 0x600200n, itir: (0x300n << 8n) | (12n << 2n) });
    expect(log[1].isr & ISR.R).toBe(ISR.R);
    expect(m.result(2)).toBe(0x1111n);
  });

  it('walks the long format with the hash and tag thash and ttag give', () => {
    expect(m.result(3)).toBe(0x703000n);
    expect(m.result(4)).toBe((0x100n << 39n) ^ 0x80n);
    expect(m.result(5)).toBe(0x1111n);
    const e = m.sys.translator.dtlb.find(0x100, R1 | 0x83000n);
    expect(e).toMatchObject({ ps: 14, key: 0x55, vpn: 0x80000n });
  });

  it('raises a Data TLB fault when the long-format tag does not match', () => {
    expect(log[2]).toMatchObject({ vector: 0x0800, ifa: R1 | 0x90000n });
    // (VPN 0x90 xor rid 0x100) * 32 in the 64 KiB table at 0x700000.
    expect(log[2].iha).toBe(0x703200n);
    expect(m.result(6)).toBe(0x2222n);
  });

  it('takes a data TLB miss with PSR.ic = 0 to the Data Nested TLB vector without collecting state', () => {
    expect(log[3].vector).toBe(0x1400);
    expect(log[3].ifa).toBe(0x123000n);
    expect(m.result(7)).toBe(0x77n);
    expect(log).toHaveLength(4);
  });
});
