// Test bit, test NaT and test feature, formats I16, I17 and I30 (Vol. 3,
// "tbit", "tnat", "tf"). The tested bit, complemented for .z, is written to
// p1 and p2 by the compare type, as for cmp. Only tbit consumes a register
// value, so only tbit has a NaT outcome; tnat reads the NaT bit itself.

import type { InsnDef } from '../decode/table.js';
import { BIT } from './bits.js';
import { compareType, NAT, Relation, writePredicates } from './compare-type.js';
import { registerSemantics, Semantic } from './registry.js';

/**
 * The processor feature bits tf tests, bit k for feature k (32-63). None of
 * the optional features is reported, so software takes its baseline paths.
 */
const FEATURES = 0n;

/** ops: p1, p2, r3, pos6. */
function testBit(z: number): Relation {
  return (c, i) => {
    const r3 = i.ops[2];
    if (c.nat(r3)) return NAT;
    return (c.gr(r3) & BIT[i.ops[3]]) !== 0n ? 1 ^ z : z;
  };
}

/** ops: p1, p2, r3. */
function testNat(z: number): Relation {
  return (c, i) => c.nat(i.ops[2]) ^ z;
}

/** ops: p1, p2, imm5 (32-63). */
function testFeature(z: number): Relation {
  return (_c, i) => ((FEATURES & BIT[i.ops[2]]) !== 0n ? 1 ^ z : z);
}

function test(d: InsnDef): Semantic | undefined {
  const m = /^(tbit|tnat|tf)\.(z|nz)(\.|$)/.exec(d.name);
  if (!m) return undefined;
  const z = m[2] === 'z' ? 1 : 0;
  const rel = m[1] === 'tbit' ? testBit(z) : m[1] === 'tnat' ? testNat(z) : testFeature(z);
  return writePredicates(compareType(d.name), rel);
}

registerSemantics({ formats: ['I16', 'I17', 'I30'], make: test });
