// Multimedia multiply, mix, pack, unpack, min/max, sum of absolute
// differences and mux, formats I1-I4 (Vol. 3, "pmpyshr", "pmpy", "mix",
// "pack", "unpack", "pmin", "pmax", "psad", "mux"), and the 32-bit unsigned
// multiplies mpy4 and mpyshl4. ops: r1, r2, r3 (r1, r2, type for mux).
// Element x[e] is of GR r2, y[e] of GR r3, element 0 the least significant.

import type { InsnDef } from '../decode/table.js';
import { illegalOperation } from '../interruption.js';
import { M32, M64, N } from './bits.js';
import { laneMax, laneMin, lanes, Q } from './lanes.js';
import { ExecFn, registerSemantics } from './registry.js';

const BYTES = lanes(1, false);
const HALVES = lanes(2, false);

/** I1: pmpyshr2[.u] r1 = r2, r3, count2: bits count2+15:count2 of each 32-bit product. */
function multiplyShiftRight(unsigned: boolean): ExecFn {
  const L = lanes(2, !unsigned);
  return (c, i) => {
    const o = i.ops;
    const k = o[3];
    Q[0] = c.gr(o[1]);
    Q[1] = c.gr(o[2]);
    for (let e = 0; e < 4; e++) {
      const p = L[e] * L[4 + e];
      L[8 + e] = unsigned ? p >>> k : p >> k;
    }
    c.setGr(o[0], Q[2], c.nat(o[1]) | c.nat(o[2]));
  };
}

/** pmpy2.r, pmpy2.l: the 32-bit signed products of halfwords 0 and 2 (.r) or 1 and 3 (.l). */
function multiply(first: number): ExecFn {
  const H = lanes(2, true);
  const W = lanes(4, true);
  return (c, i) => {
    const o = i.ops;
    Q[0] = c.gr(o[1]);
    Q[1] = c.gr(o[2]);
    W[4] = H[first] * H[4 + first];
    W[5] = H[first + 2] * H[6 + first];
    c.setGr(o[0], Q[2], c.nat(o[1]) | c.nat(o[2]));
  };
}

/**
 * mix and unpack: result elements 2k+1, 2k are x[s], y[s] for s = stride*k +
 * first. mix takes the odd (.l) or even (.r) elements, stride 2; unpack the
 * high (.h) or low (.l) halves, stride 1.
 */
function interleave(size: number, stride: number, first: number): ExecFn {
  const n = 8 / size;
  const L = lanes(size, false);
  return (c, i) => {
    const o = i.ops;
    Q[0] = c.gr(o[1]);
    Q[1] = c.gr(o[2]);
    for (let k = 0; k < n / 2; k++) {
      const e = stride * k + first;
      L[2 * n + 2 * k] = L[n + e];
      L[2 * n + 2 * k + 1] = L[e];
    }
    c.setGr(o[0], Q[2], c.nat(o[1]) | c.nat(o[2]));
  };
}

/**
 * pack2.sss, pack2.uss, pack4.sss: the signed elements of r2 (low half of
 * the result) and r3 (high half) narrowed to half their size, clipped to the
 * signed or (.uss) unsigned range.
 */
function pack(size: number, unsignedResult: boolean): ExecFn {
  const n = 8 / size;
  const S = lanes(size, true);
  const R = lanes(size / 2, false);
  const lo = laneMin(size / 2, !unsignedResult);
  const hi = laneMax(size / 2, !unsignedResult);
  return (c, i) => {
    const o = i.ops;
    Q[0] = c.gr(o[1]);
    Q[1] = c.gr(o[2]);
    for (let e = 0; e < 2 * n; e++) {
      const v = S[e];
      R[4 * n + e] = v < lo ? lo : v > hi ? hi : v;
    }
    c.setGr(o[0], Q[2], c.nat(o[1]) | c.nat(o[2]));
  };
}

/** pmin1.u, pmax1.u (unsigned bytes), pmin2, pmax2 (signed halfwords). */
function minMax(size: number, max: boolean): ExecFn {
  const n = 8 / size;
  const L = lanes(size, size === 2);
  return (c, i) => {
    const o = i.ops;
    Q[0] = c.gr(o[1]);
    Q[1] = c.gr(o[2]);
    for (let e = 0; e < n; e++) {
      const x = L[e];
      const y = L[n + e];
      L[2 * n + e] = max ? (x > y ? x : y) : x < y ? x : y;
    }
    c.setGr(o[0], Q[2], c.nat(o[1]) | c.nat(o[2]));
  };
}

/** psad1: the sum of the absolute differences of the unsigned bytes. */
const sumAbsoluteDifferences: ExecFn = (c, i) => {
  const o = i.ops;
  const L = BYTES;
  Q[0] = c.gr(o[1]);
  Q[1] = c.gr(o[2]);
  let sum = 0;
  for (let e = 0; e < 8; e++) sum += Math.abs(L[e] - L[8 + e]);
  c.setGr(o[0], BigInt(sum), c.nat(o[1]) | c.nat(o[2]));
};

/** mux1 permutations by mbtype4: result byte k is source byte PERMUTE[mbtype4][k]. */
const PERMUTE: (readonly number[] | undefined)[] = new Array(16);
PERMUTE[0x0] = [0, 0, 0, 0, 0, 0, 0, 0]; // @brcst
PERMUTE[0x8] = [0, 4, 2, 6, 1, 5, 3, 7]; // @mix
PERMUTE[0x9] = [0, 4, 1, 5, 2, 6, 3, 7]; // @shuf
PERMUTE[0xa] = [0, 2, 4, 6, 1, 3, 5, 7]; // @alt
PERMUTE[0xb] = [7, 6, 5, 4, 3, 2, 1, 0]; // @rev

/** mux1 r1 = r2, mbtype4; the other mbtype4 values are reserved. */
const mux1: ExecFn = (c, i) => {
  const o = i.ops;
  const p = PERMUTE[o[2]];
  if (!p) throw illegalOperation(`mux1 type ${o[2]} is reserved`);
  const L = BYTES;
  Q[0] = c.gr(o[1]);
  for (let k = 0; k < 8; k++) L[16 + k] = L[p[k]];
  c.setGr(o[0], Q[2], c.nat(o[1]));
};

/** mux2 r1 = r2, mhtype8: result halfword k is source halfword mhtype8{2k+1:2k}. */
const mux2: ExecFn = (c, i) => {
  const o = i.ops;
  const t = o[2];
  const L = HALVES;
  Q[0] = c.gr(o[1]);
  for (let k = 0; k < 4; k++) L[8 + k] = L[(t >> (2 * k)) & 3];
  c.setGr(o[0], Q[2], c.nat(o[1]));
};

/** mpy4: the 64-bit product of the unsigned low words of r2 and r3. */
const multiply4: ExecFn = (c, i) => {
  const o = i.ops;
  c.setGr(o[0], (c.gr(o[1]) & M32) * (c.gr(o[2]) & M32), c.nat(o[1]) | c.nat(o[2]));
};

/** mpyshl4: the same product shifted left 32 bits (its low word moves to the high word). */
const multiplyShiftLeft4: ExecFn = (c, i) => {
  const o = i.ops;
  c.setGr(o[0], ((c.gr(o[1]) & M32) * (c.gr(o[2]) & M32) << N[32]) & M64, c.nat(o[1]) | c.nat(o[2]));
};

function multimedia(d: InsnDef): ExecFn | undefined {
  switch (d.name) {
    case 'pmpyshr2':
    case 'pmpyshr2.u':
      return multiplyShiftRight(d.name.endsWith('.u'));
    case 'pmpy2.r':
    case 'pmpy2.l':
      return multiply(d.name.endsWith('.r') ? 0 : 1);
    case 'pack2.sss':
    case 'pack4.sss':
    case 'pack2.uss':
      return pack(Number(d.name[4]), d.name.endsWith('.uss'));
    case 'pmin1.u':
    case 'pmax1.u':
    case 'pmin2':
    case 'pmax2':
      return minMax(Number(d.name[4]), d.name.startsWith('pmax'));
    case 'psad1':
      return sumAbsoluteDifferences;
    case 'mux1':
      return mux1;
    case 'mux2':
      return mux2;
    case 'mpy4':
      return multiply4;
    case 'mpyshl4':
      return multiplyShiftLeft4;
  }
  const m = /^(mix|unpack)([124])\.([lrh])$/.exec(d.name);
  if (!m) return undefined;
  const size = Number(m[2]);
  return m[1] === 'mix' ? interleave(size, 2, m[3] === 'l' ? 1 : 0) : interleave(size, 1, m[3] === 'h' ? 4 / size : 0);
}

registerSemantics({ formats: ['I1', 'I2', 'I3', 'I4'], make: multimedia });
