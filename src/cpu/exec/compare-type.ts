// Compare types (Vol. 3, "cmp", Table "Comparison Types"): how the outcome
// of cmp, cmp4, tbit, tnat and tf is written to the predicate pair p1, p2,
// including what a NaT source does to each type. Shared by compare.ts and
// tbit.ts; p1 and p2 are the first two operands of every such row.

import type { Cpu } from '../cpu.js';
import type { Insn } from '../decode/decoder.js';
import { illegalOperation } from '../interruption.js';
import type { Semantic } from './registry.js';

/** Outcome of a relation: false, true, or a NaT source (no relation). */
export const FALSE = 0;
export const TRUE = 1;
export const NAT = 2;

/** Evaluates an instruction's relation: FALSE, TRUE or NAT. */
export type Relation = (c: Cpu, i: Insn) => number;

/** "none" is the normal type, written without a completer. */
export type CompareType = 'none' | 'unc' | 'and' | 'or' | 'or.andcm';

/** The compare type a mnemonic ends with ("cmp4.lt.unc" is "unc"). */
export function compareType(name: string): CompareType {
  if (name.endsWith('.or.andcm')) return 'or.andcm';
  if (name.endsWith('.unc')) return 'unc';
  if (name.endsWith('.and')) return 'and';
  if (name.endsWith('.or')) return 'or';
  return 'none';
}

function samePredicate(): never {
  throw illegalOperation('p1 and p2 are the same predicate');
}

/**
 * The semantic writing `rel`'s outcome with the given compare type. Writes
 * to p0 are ignored (Cpu.setPr). The same predicate as p1 and p2 is an
 * Illegal Operation fault when the instruction executes, which for .unc is
 * always: it then clears both targets even with a false qualifying
 * predicate.
 */
export function writePredicates(type: CompareType, rel: Relation): Semantic {
  switch (type) {
    case 'none':
      return {
        fn: (c, i) => {
          const p1 = i.ops[0];
          const p2 = i.ops[1];
          if (p1 === p2) samePredicate();
          const r = rel(c, i);
          c.setPr(p1, r === TRUE ? 1 : 0);
          c.setPr(p2, r === FALSE ? 1 : 0);
        },
      };
    case 'unc':
      return {
        always: true,
        fn: (c, i) => {
          const p1 = i.ops[0];
          const p2 = i.ops[1];
          if (p1 === p2) samePredicate();
          const r = c.qpTrue(i) ? rel(c, i) : NAT;
          c.setPr(p1, r === TRUE ? 1 : 0);
          c.setPr(p2, r === FALSE ? 1 : 0);
        },
      };
    case 'and':
      return parallelType(rel, false, 0, 0);
    case 'or':
      return parallelType(rel, true, 1, 1);
    case 'or.andcm':
      return parallelType(rel, true, 1, 0);
  }
}

/**
 * The parallel types write p1, p2 on one outcome only and otherwise leave
 * them: .and writes 0, 0 unless the relation is true; .or 1, 1 and .or.andcm
 * 1, 0 when it is.
 */
function parallelType(rel: Relation, onTrue: boolean, v1: number, v2: number): Semantic {
  return {
    fn: (c, i) => {
      const p1 = i.ops[0];
      const p2 = i.ops[1];
      if (p1 === p2) samePredicate();
      if ((rel(c, i) === TRUE) === onTrue) {
        c.setPr(p1, v1);
        c.setPr(p2, v2);
      }
    },
  };
}
