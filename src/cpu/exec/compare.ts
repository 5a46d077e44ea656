// Integer compares, formats A6-A8 (Vol. 3, "cmp", "cmp4"). cmp compares 64
// bits; cmp4 compares the low 32 bits, sign- or zero-extended as the
// relation is signed or unsigned. The relation is tmp_src rel GR[r3], where
// tmp_src is GR[r2], r0 (A7, the parallel compares against zero) or the
// sign-extended imm8 (A8). A NaT source makes the outcome NAT.

import type { InsnDef } from '../decode/table.js';
import { compareType, FALSE, NAT, Relation, TRUE, writePredicates } from './compare-type.js';
import { registerSemantics, Semantic } from './registry.js';

const EQ = 0;
const NE = 1;
const LT = 2;
const LE = 3;
const GT = 4;
const GE = 5;
const LTU = 6;

const RELATIONS: Readonly<Record<string, number>> = { eq: EQ, ne: NE, lt: LT, le: LE, gt: GT, ge: GE, ltu: LTU };

/** a rel b, for values already extended to a common signedness. */
function holds(rel: number, a: bigint, b: bigint): number {
  switch (rel) {
    case EQ:
      return a === b ? TRUE : FALSE;
    case NE:
      return a !== b ? TRUE : FALSE;
    case LT:
    case LTU:
      return a < b ? TRUE : FALSE;
    case LE:
      return a <= b ? TRUE : FALSE;
    case GT:
      return a > b ? TRUE : FALSE;
    default:
      return a >= b ? TRUE : FALSE;
  }
}

/** The relation of one row: width 64 or 32, register or immediate source. */
function relation(rel: number, width: 32 | 64, immediate: boolean): Relation {
  const signed = rel >= LT && rel <= GE;
  if (width === 64) {
    if (immediate) {
      return signed
        ? (c, i) => {
            const r3 = i.ops[3];
            return c.nat(r3) ? NAT : holds(rel, BigInt.asIntN(64, i.imm), BigInt.asIntN(64, c.gr(r3)));
          }
        : (c, i) => {
            const r3 = i.ops[3];
            return c.nat(r3) ? NAT : holds(rel, i.imm, c.gr(r3));
          };
    }
    return signed
      ? (c, i) => {
          const o = i.ops;
          return c.nat(o[2]) | c.nat(o[3]) ? NAT : holds(rel, BigInt.asIntN(64, c.gr(o[2])), BigInt.asIntN(64, c.gr(o[3])));
        }
      : (c, i) => {
          const o = i.ops;
          return c.nat(o[2]) | c.nat(o[3]) ? NAT : holds(rel, c.gr(o[2]), c.gr(o[3]));
        };
  }
  if (immediate) {
    return signed
      ? (c, i) => {
          const r3 = i.ops[3];
          return c.nat(r3) ? NAT : holds(rel, BigInt.asIntN(32, i.imm), BigInt.asIntN(32, c.gr(r3)));
        }
      : (c, i) => {
          const r3 = i.ops[3];
          return c.nat(r3) ? NAT : holds(rel, BigInt.asUintN(32, i.imm), BigInt.asUintN(32, c.gr(r3)));
        };
  }
  return signed
    ? (c, i) => {
        const o = i.ops;
        return c.nat(o[2]) | c.nat(o[3]) ? NAT : holds(rel, BigInt.asIntN(32, c.gr(o[2])), BigInt.asIntN(32, c.gr(o[3])));
      }
    : (c, i) => {
        const o = i.ops;
        return c.nat(o[2]) | c.nat(o[3]) ? NAT : holds(rel, BigInt.asUintN(32, c.gr(o[2])), BigInt.asUintN(32, c.gr(o[3])));
      };
}

function compare(d: InsnDef): Semantic | undefined {
  const m = /^(cmp4?)\.(eq|ne|ltu|lt|le|gt|ge)(\.|$)/.exec(d.name);
  if (!m) return undefined;
  const rel = relation(RELATIONS[m[2]], m[1] === 'cmp4' ? 32 : 64, d.format === 'A8');
  return writePredicates(compareType(d.name), rel);
}

registerSemantics({ formats: ['A6', 'A7', 'A8'], make: compare });
