// Test bit, test NaT and test feature (formats I16, I17, I30): the z/nz
// sense, every compare type, and NaT handling (tbit consumes r3, tnat
// reads its NaT bit).

import { describe, expect, it } from 'vitest';
import { run } from './support/machine.js';

interface Setup {
  r3?: bigint;
  nat3?: number;
  p5?: number;
  p6?: number;
  p7?: number;
}

function preds(line: string, s: Setup = {}): [number, number] {
  const { cpu } = run([line], (c) => {
    c.setGr(3, s.r3 ?? 0n, s.nat3 ?? 0);
    c.setPr(5, s.p5 ?? 1);
    c.setPr(6, s.p6 ?? 0);
    c.setPr(7, s.p7 ?? 0);
  });
  return [cpu.pr(6), cpu.pr(7)];
}

describe('tbit', () => {
  it('.z is true when the selected bit is 0', () => {
    expect(preds('tbit.z p6,p7=r3,0', { r3: 2n })).toEqual([1, 0]);
    expect(preds('tbit.z p6,p7=r3,1', { r3: 2n })).toEqual([0, 1]);
    expect(preds('tbit.z p6,p7=r3,63', { r3: 1n << 63n })).toEqual([0, 1]);
  });

  it('parallel .nz and .z relations', () => {
    expect(preds('tbit.nz.and p6,p7=r3,5', { r3: 1n << 5n, p6: 1, p7: 1 })).toEqual([1, 1]);
    expect(preds('tbit.nz.and p6,p7=r3,4', { r3: 1n << 5n, p6: 1, p7: 1 })).toEqual([0, 0]);
    expect(preds('tbit.z.or p6,p7=r3,4', { r3: 1n << 5n })).toEqual([1, 1]);
    expect(preds('tbit.nz.or p6,p7=r3,4', { r3: 1n << 5n })).toEqual([0, 0]);
    expect(preds('tbit.nz.or.andcm p6,p7=r3,5', { r3: 1n << 5n, p7: 1 })).toEqual([1, 0]);
    expect(preds('tbit.z.or.andcm p6,p7=r3,5', { r3: 1n << 5n, p7: 1 })).toEqual([0, 1]);
  });

  it('a NaT r3 clears both targets of normal, unc and and types, and leaves or types', () => {
    expect(preds('tbit.z p6,p7=r3,0', { nat3: 1, p6: 1, p7: 1 })).toEqual([0, 0]);
    expect(preds('tbit.z.unc p6,p7=r3,0', { nat3: 1, p6: 1, p7: 1 })).toEqual([0, 0]);
    expect(preds('tbit.z.and p6,p7=r3,0', { nat3: 1, p6: 1, p7: 1 })).toEqual([0, 0]);
    expect(preds('tbit.z.or p6,p7=r3,0', { nat3: 1, p7: 1 })).toEqual([0, 1]);
    expect(preds('tbit.nz.or.andcm p6,p7=r3,0', { nat3: 1, p7: 1 })).toEqual([0, 1]);
  });

  it('.unc with a false qp clears both targets', () => {
    expect(preds('(p5) tbit.z.unc p6,p7=r3,0', { p5: 0, p6: 1, p7: 1 })).toEqual([0, 0]);
  });

  it('p1 == p2 is an Illegal Operation fault', () => {
    expect(() => preds('tbit.z p6,p6=r3,0')).toThrow(/Illegal Operation/);
    expect(() => preds('(p5) tbit.z.unc p7,p7=r3,0', { p5: 0 })).toThrow(/Illegal Operation/);
  });
});

describe('tnat', () => {
  it('.z is true when r3 is not NaT, without consuming r3', () => {
    expect(preds('tnat.z p6,p7=r3')).toEqual([1, 0]);
    expect(preds('tnat.z p6,p7=r3', { nat3: 1 })).toEqual([0, 1]);
    expect(preds('tnat.z.unc p6,p7=r3', { nat3: 1, p6: 1 })).toEqual([0, 1]);
  });

  it('parallel types', () => {
    expect(preds('tnat.nz.and p6,p7=r3', { nat3: 1, p6: 1, p7: 1 })).toEqual([1, 1]);
    expect(preds('tnat.z.and p6,p7=r3', { nat3: 1, p6: 1, p7: 1 })).toEqual([0, 0]);
    expect(preds('tnat.nz.or p6,p7=r3', { nat3: 1 })).toEqual([1, 1]);
    expect(preds('tnat.z.or.andcm p6,p7=r3', { p7: 1 })).toEqual([1, 0]);
  });
});

describe('tf', () => {
  it('reports no optional feature: .z is true for every feature', () => {
    expect(preds('tf.z p6,p7=32')).toEqual([1, 0]);
    expect(preds('tf.z p6,p7=63')).toEqual([1, 0]);
    expect(preds('tf.z.unc p6,p7=40', { p5: 1 })).toEqual([1, 0]);
    expect(preds('tf.nz.or p6,p7=32')).toEqual([0, 0]);
    expect(preds('tf.z.or p6,p7=32')).toEqual([1, 1]);
  });
});
