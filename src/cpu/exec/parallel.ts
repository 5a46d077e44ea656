// Multimedia ALU, formats A9 and A10 (Vol. 3, "padd", "psub", "pavg",
// "pavgsub", "pcmp", "pshladd", "pshradd"): one operation per 1-, 2- or
// 4-byte element of GR r2 and GR r3. The saturating completers name how r1,
// r2 and r3 are read: .sss all signed; .uuu all unsigned; .uus r1 and r2
// unsigned, r3 signed. A result beyond its range is clipped to the limit.

import type { InsnDef } from '../decode/table.js';
import { laneMax, laneMin, lanes, Q } from './lanes.js';
import { ExecFn, registerSemantics } from './registry.js';

/**
 * padd/psub: r1[e] = clip(r2[e] +/- r3[e]) with clipping to [lo, hi]; the
 * modulo forms pass infinite limits and let the element store wrap.
 */
function addSubtract(size: number, subtract: boolean, completer: string): ExecFn {
  const n = 8 / size;
  const sss = completer === '.sss';
  const X = lanes(size, sss);
  const Y = lanes(size, sss || completer === '.uus');
  const R = lanes(size, false);
  const saturate = completer !== '';
  const lo = saturate ? laneMin(size, sss) : -Infinity;
  const hi = saturate ? laneMax(size, sss) : Infinity;
  const sign = subtract ? -1 : 1;
  return (c, i) => {
    const o = i.ops;
    Q[0] = c.gr(o[1]);
    Q[1] = c.gr(o[2]);
    for (let e = 0; e < n; e++) {
      const v = X[e] + sign * Y[n + e];
      R[2 * n + e] = v < lo ? lo : v > hi ? hi : v;
    }
    c.setGr(o[0], Q[2], c.nat(o[1]) | c.nat(o[2]));
  };
}

/**
 * pavg: the unsigned sums halved. .raz rounds half away from zero (adds 1
 * first); otherwise the low result bit is the OR of the sum's two low bits.
 * pavgsub: the differences, with the borrow as the top bit, halved the same
 * way.
 */
function average(size: number, subtract: boolean, raz: boolean): ExecFn {
  const n = 8 / size;
  const L = lanes(size, false);
  return (c, i) => {
    const o = i.ops;
    Q[0] = c.gr(o[1]);
    Q[1] = c.gr(o[2]);
    for (let e = 0; e < n; e++) {
      const v = subtract ? L[e] - L[n + e] : L[e] + L[n + e];
      L[2 * n + e] = raz ? (v + 1) >> 1 : (v >> 1) | (v & 1);
    }
    c.setGr(o[0], Q[2], c.nat(o[1]) | c.nat(o[2]));
  };
}

/** pcmp.eq, pcmp.gt (signed): all ones where the relation holds, else zero. */
function compare(size: number, greater: boolean): ExecFn {
  const n = 8 / size;
  const L = lanes(size, greater);
  return (c, i) => {
    const o = i.ops;
    Q[0] = c.gr(o[1]);
    Q[1] = c.gr(o[2]);
    for (let e = 0; e < n; e++) {
      const holds = greater ? L[e] > L[n + e] : L[e] === L[n + e];
      L[2 * n + e] = holds ? -1 : 0;
    }
    c.setGr(o[0], Q[2], c.nat(o[1]) | c.nat(o[2]));
  };
}

/**
 * pshladd2, pshradd2 (ops: r1, r2, count2, r3): the signed halfwords of r2
 * shifted, then added to those of r3. A left shift that overflows and the
 * sum are both clipped to the signed 16-bit range.
 */
function shiftAdd(left: boolean): ExecFn {
  const L = lanes(2, true);
  const lo = laneMin(2, true);
  const hi = laneMax(2, true);
  return (c, i) => {
    const o = i.ops;
    const k = o[2];
    Q[0] = c.gr(o[1]);
    Q[1] = c.gr(o[3]);
    for (let e = 0; e < 4; e++) {
      let v = left ? L[e] * (1 << k) : L[e] >> k;
      v = v < lo ? lo : v > hi ? hi : v;
      v += L[4 + e];
      L[8 + e] = v < lo ? lo : v > hi ? hi : v;
    }
    c.setGr(o[0], Q[2], c.nat(o[1]) | c.nat(o[3]));
  };
}

function parallel(d: InsnDef): ExecFn | undefined {
  if (d.name === 'pshladd2' || d.name === 'pshradd2') return shiftAdd(d.name === 'pshladd2');
  const m = /^(padd|psub|pavgsub|pavg|pcmp)([124])(\.\w+)?$/.exec(d.name);
  if (!m) return undefined;
  const size = Number(m[2]);
  const completer = m[3] ?? '';
  switch (m[1]) {
    case 'padd':
    case 'psub':
      return addSubtract(size, m[1] === 'psub', completer);
    case 'pavg':
      return average(size, false, completer === '.raz');
    case 'pavgsub':
      return average(size, true, false);
    default:
      return compare(size, completer === '.gt');
  }
}

registerSemantics({ formats: ['A9', 'A10'], make: parallel });
