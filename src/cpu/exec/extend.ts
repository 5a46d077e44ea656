// Sign and zero extension, compute zero index, population count and count
// leading zeros, formats I29 and I9 (Vol. 3, "sxt", "zxt", "czx",
// "popcnt", "clz"). ops: r1, r3; the result's NaT is GR r3's.

import type { InsnDef } from '../decode/table.js';
import { hi32, lo32, LOW, N } from './bits.js';
import { lanes, Q } from './lanes.js';
import { ExecFn, registerSemantics } from './registry.js';

function zeroExtend(bits: number): ExecFn {
  const mask = LOW[bits];
  return (c, i) => {
    const o = i.ops;
    c.setGr(o[0], c.gr(o[1]) & mask, c.nat(o[1]));
  };
}

function signExtend(bits: number): ExecFn {
  return (c, i) => {
    const o = i.ops;
    c.setGr(o[0], BigInt.asUintN(64, BigInt.asIntN(bits, c.gr(o[1]))), c.nat(o[1]));
  };
}

/**
 * The index of the first zero element of size bytes, scanning from the most
 * significant element (.l, index 0 is the leftmost) or from the least (.r);
 * with no zero element, the number of elements.
 */
function zeroIndex(size: number, left: boolean): ExecFn {
  const n = 8 / size;
  const L = lanes(size, false);
  return (c, i) => {
    const o = i.ops;
    Q[0] = c.gr(o[1]);
    let k = 0;
    if (left) {
      while (k < n && L[n - 1 - k] !== 0) k++;
    } else {
      while (k < n && L[k] !== 0) k++;
    }
    c.setGr(o[0], N[k], c.nat(o[1]));
  };
}

function ones32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

const populationCount: ExecFn = (c, i) => {
  const o = i.ops;
  const v = c.gr(o[1]);
  c.setGr(o[0], N[ones32(lo32(v)) + ones32(hi32(v))], c.nat(o[1]));
};

const countLeadingZeros: ExecFn = (c, i) => {
  const o = i.ops;
  const v = c.gr(o[1]);
  const hi = hi32(v);
  c.setGr(o[0], N[hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo32(v))], c.nat(o[1]));
};

function extend(d: InsnDef): ExecFn | undefined {
  if (d.format === 'I9') {
    if (d.name === 'popcnt') return populationCount;
    if (d.name === 'clz') return countLeadingZeros;
    return undefined;
  }
  const m = /^(zxt|sxt|czx)([124])(\.[lr])?$/.exec(d.name);
  if (!m) return undefined;
  const size = Number(m[2]);
  if (m[1] === 'czx') return m[3] ? zeroIndex(size, m[3] === '.l') : undefined;
  return m[1] === 'zxt' ? zeroExtend(8 * size) : signExtend(8 * size);
}

registerSemantics({ formats: ['I9', 'I29'], make: extend });
