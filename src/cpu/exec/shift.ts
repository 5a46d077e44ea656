// Shifts, formats I5-I8 and I10 (Vol. 3, "shl", "shr", "pshl", "pshr",
// "shrp"). A count in a register is unsigned and saturates: beyond the
// element width a left or unsigned right shift gives 0 and a signed right
// shift gives the sign. A count register's NaT propagates to the result.

import type { InsnDef } from '../decode/table.js';
import { N } from './bits.js';
import { lanes, LaneView, Q } from './lanes.js';
import { ExecFn, registerSemantics } from './registry.js';

/** I5: shr, shr.u r1 = r3, r2 (ops: r1, r3, r2). */
const shiftRightSigned: ExecFn = (c, i) => {
  const o = i.ops;
  const n = c.gr(o[2]);
  c.setGr(o[0], BigInt.asUintN(64, BigInt.asIntN(64, c.gr(o[1])) >> (n > 63n ? 63n : n)), c.nat(o[1]) | c.nat(o[2]));
};

const shiftRightUnsigned: ExecFn = (c, i) => {
  const o = i.ops;
  const n = c.gr(o[2]);
  c.setGr(o[0], n > 63n ? 0n : c.gr(o[1]) >> n, c.nat(o[1]) | c.nat(o[2]));
};

/** I7: shl r1 = r2, r3 (ops: r1, r2, r3). */
const shiftLeft: ExecFn = (c, i) => {
  const o = i.ops;
  const n = c.gr(o[2]);
  c.setGr(o[0], n > 63n ? 0n : BigInt.asUintN(64, c.gr(o[1]) << n), c.nat(o[1]) | c.nat(o[2]));
};

/** I10: shrp r1 = r2, r3, count6: the low 64 bits of r2:r3 shifted right. */
const shiftRightPair: ExecFn = (c, i) => {
  const o = i.ops;
  const n = o[3];
  c.setGr(o[0], BigInt.asUintN(64, (c.gr(o[2]) >> N[n]) | (c.gr(o[1]) << N[64 - n])), c.nat(o[1]) | c.nat(o[2]));
};

/** The element count of a register shift count, saturated at the width. */
function laneCount(n: bigint, width: number): number {
  return n > N[width] ? width : Number(n);
}

/**
 * Parallel shift of size-byte elements (pshl, pshr, pshr.u). ops: r1, the
 * value register, then the count register (`variable`) or the count.
 */
function parallelShift(size: number, op: 'shl' | 'shr' | 'shr.u', variable: boolean): ExecFn {
  const width = 8 * size;
  const n = 8 / size;
  const L: LaneView = lanes(size, op === 'shr');
  return (c, i) => {
    const o = i.ops;
    const k = variable ? laneCount(c.gr(o[2]), width) : o[2];
    const nat = variable ? c.nat(o[1]) | c.nat(o[2]) : c.nat(o[1]);
    Q[0] = c.gr(o[1]);
    if (op === 'shl') {
      for (let e = 0; e < n; e++) L[2 * n + e] = k >= width ? 0 : L[e] << k;
    } else if (op === 'shr') {
      const s = k >= width ? width - 1 : k;
      for (let e = 0; e < n; e++) L[2 * n + e] = L[e] >> s;
    } else {
      for (let e = 0; e < n; e++) L[2 * n + e] = k >= width ? 0 : L[e] >>> k;
    }
    c.setGr(o[0], Q[2], nat);
  };
}

function shift(d: InsnDef): ExecFn | undefined {
  switch (d.format) {
    case 'I5':
      if (d.name === 'shr') return shiftRightSigned;
      if (d.name === 'shr.u') return shiftRightUnsigned;
      break;
    case 'I7':
      if (d.name === 'shl') return shiftLeft;
      break;
    case 'I10':
      return d.name === 'shrp' ? shiftRightPair : undefined;
  }
  const m = /^p(shl|shr)([24])(\.u)?$/.exec(d.name);
  if (!m) return undefined;
  const op = m[1] === 'shl' ? 'shl' : m[3] ? 'shr.u' : 'shr';
  return parallelShift(Number(m[2]), op, d.format === 'I5' || d.format === 'I7');
}

registerSemantics({ formats: ['I5', 'I6', 'I7', 'I8', 'I10'], make: shift });
