// Sign/zero extension, compute zero index, population count and count
// leading zeros (formats I29, I9).

import { describe, expect, it } from 'vitest';
import type { Cpu } from '../src/cpu/cpu.js';
import { run } from './support/machine.js';

const M64 = (1n << 64n) - 1n;

function exec(line: string, r3: bigint, nat3 = 0): Cpu {
  return run([line], (c) => c.setGr(3, r3, nat3)).cpu;
}

const result = (line: string, r3: bigint) => exec(line, r3).gr(1);

describe('zxt and sxt', () => {
  it('extend from bit 7, 15 and 31', () => {
    const v = 0xffff_ffff_8000_8080n;
    expect(result('zxt1 r1=r3', v)).toBe(0x80n);
    expect(result('zxt2 r1=r3', v)).toBe(0x8080n);
    expect(result('zxt4 r1=r3', v)).toBe(0x8000_8080n);
    expect(result('sxt1 r1=r3', v)).toBe(0xffff_ffff_ffff_ff80n);
    expect(result('sxt2 r1=r3', v)).toBe(0xffff_ffff_ffff_8080n);
    expect(result('sxt4 r1=r3', v)).toBe(0xffff_ffff_8000_8080n);
    expect(result('sxt4 r1=r3', 0x1_7fff_ffffn)).toBe(0x7fff_ffffn);
  });

  it('propagate NaT', () => {
    expect(exec('sxt1 r1=r3', 0n, 1).nat(1)).toBe(1);
    expect(exec('zxt4 r1=r3', 0n, 1).nat(1)).toBe(1);
  });
});

describe('czx', () => {
  it('.l indexes from the most significant element, .r from the least', () => {
    expect(result('czx1.l r1=r3', 0x1122_0033_4455_0077n)).toBe(2n);
    expect(result('czx1.r r1=r3', 0x1122_0033_4455_0077n)).toBe(1n);
    expect(result('czx1.l r1=r3', 0x0011_2233_4455_6677n)).toBe(0n);
    expect(result('czx1.r r1=r3', 0x0011_2233_4455_6600n)).toBe(0n);
    expect(result('czx2.l r1=r3', 0x1111_0000_2222_0000n)).toBe(1n);
    expect(result('czx2.r r1=r3', 0x1111_0000_2222_0000n)).toBe(0n);
  });

  it('give the element count when no element is zero', () => {
    expect(result('czx1.l r1=r3', M64)).toBe(8n);
    expect(result('czx1.r r1=r3', 0x0101_0101_0101_0101n)).toBe(8n);
    // Zero bytes that do not make a zero halfword.
    expect(result('czx2.l r1=r3', 0x1100_0022_3300_0044n)).toBe(4n);
    expect(result('czx2.r r1=r3', 0x1100_0022_3300_0044n)).toBe(4n);
  });
});

describe('popcnt', () => {
  it('counts the one bits', () => {
    expect(result('popcnt r1=r3', 0n)).toBe(0n);
    expect(result('popcnt r1=r3', M64)).toBe(64n);
    expect(result('popcnt r1=r3', 0x8000_0000_8000_0001n)).toBe(3n);
    expect(exec('popcnt r1=r3', 1n, 1).nat(1)).toBe(1);
  });
});

describe('clz', () => {
  it('counts the leading zero bits; 64 for zero', () => {
    expect(result('clz r1=r3', 0n)).toBe(64n);
    expect(result('clz r1=r3', 1n)).toBe(63n);
    expect(result('clz r1=r3', 1n << 63n)).toBe(0n);
    expect(result('clz r1=r3', 1n << 32n)).toBe(31n);
    expect(result('clz r1=r3', 0xffff_ffffn)).toBe(32n);
    expect(exec('clz r1=r3', 1n, 1).nat(1)).toBe(1);
  });
});
