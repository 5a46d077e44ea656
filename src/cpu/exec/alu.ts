// Integer ALU, formats A1-A5 (Vol. 3, "add", "addl", "adds", "addp4",
// "and", "andcm", "or", "xor", "shladd", "shladdp4", "sub", "mov"), and the
// long immediate move movl (X2). The result's NaT is the OR of the sources'
// NaTs; an immediate has none.

import type { InsnDef } from '../decode/table.js';
import { M32, N } from './bits.js';
import { ExecFn, registerSemantics } from './registry.js';

/**
 * The 32-bit pointer forms (addp4, shladdp4): the low 32 bits of the sum,
 * with bits 62:61 (the region number of a 32-bit address) taken from bits
 * 31:30 of GR r3.
 */
function p4(sum: bigint, r3: bigint): bigint {
  return (sum & M32) | (((r3 >> 30n) & 3n) << 61n);
}

/** A1: r1 = r2 op r3 (ops: r1, r2, r3[, 1]). */
function registerForm(name: string, plusOne: boolean): ExecFn | undefined {
  switch (name) {
    case 'add':
      return plusOne
        ? (c, i) => {
            const o = i.ops;
            c.setGr(o[0], BigInt.asUintN(64, c.gr(o[1]) + c.gr(o[2]) + 1n), c.nat(o[1]) | c.nat(o[2]));
          }
        : (c, i) => {
            const o = i.ops;
            c.setGr(o[0], BigInt.asUintN(64, c.gr(o[1]) + c.gr(o[2])), c.nat(o[1]) | c.nat(o[2]));
          };
    case 'sub':
      return plusOne
        ? (c, i) => {
            const o = i.ops;
            c.setGr(o[0], BigInt.asUintN(64, c.gr(o[1]) - c.gr(o[2]) - 1n), c.nat(o[1]) | c.nat(o[2]));
          }
        : (c, i) => {
            const o = i.ops;
            c.setGr(o[0], BigInt.asUintN(64, c.gr(o[1]) - c.gr(o[2])), c.nat(o[1]) | c.nat(o[2]));
          };
    case 'addp4':
      return (c, i) => {
        const o = i.ops;
        const r3 = c.gr(o[2]);
        c.setGr(o[0], p4(c.gr(o[1]) + r3, r3), c.nat(o[1]) | c.nat(o[2]));
      };
    case 'and':
      return (c, i) => {
        const o = i.ops;
        c.setGr(o[0], c.gr(o[1]) & c.gr(o[2]), c.nat(o[1]) | c.nat(o[2]));
      };
    case 'andcm':
      return (c, i) => {
        const o = i.ops;
        c.setGr(o[0], BigInt.asUintN(64, c.gr(o[1]) & ~c.gr(o[2])), c.nat(o[1]) | c.nat(o[2]));
      };
    case 'or':
      return (c, i) => {
        const o = i.ops;
        c.setGr(o[0], c.gr(o[1]) | c.gr(o[2]), c.nat(o[1]) | c.nat(o[2]));
      };
    case 'xor':
      return (c, i) => {
        const o = i.ops;
        c.setGr(o[0], c.gr(o[1]) ^ c.gr(o[2]), c.nat(o[1]) | c.nat(o[2]));
      };
  }
  return undefined;
}

/** A2: r1 = (r2 << count2) + r3 (ops: r1, r2, count2, r3). */
function shiftLeftAdd(name: string): ExecFn | undefined {
  switch (name) {
    case 'shladd':
      return (c, i) => {
        const o = i.ops;
        c.setGr(o[0], BigInt.asUintN(64, (c.gr(o[1]) << N[o[2]]) + c.gr(o[3])), c.nat(o[1]) | c.nat(o[3]));
      };
    case 'shladdp4':
      return (c, i) => {
        const o = i.ops;
        const r3 = c.gr(o[3]);
        c.setGr(o[0], p4((c.gr(o[1]) << N[o[2]]) + r3, r3), c.nat(o[1]) | c.nat(o[3]));
      };
  }
  return undefined;
}

/** A3, A4, A5: r1 = imm op r3 (ops: r1, imm, r3); the immediate is i.imm. */
function immediateForm(name: string): ExecFn | undefined {
  switch (name) {
    case 'adds':
    case 'addl':
      return (c, i) => {
        const o = i.ops;
        c.setGr(o[0], BigInt.asUintN(64, i.imm + c.gr(o[2])), c.nat(o[2]));
      };
    case 'addp4':
      return (c, i) => {
        const o = i.ops;
        const r3 = c.gr(o[2]);
        c.setGr(o[0], p4(i.imm + r3, r3), c.nat(o[2]));
      };
    case 'sub':
      return (c, i) => {
        const o = i.ops;
        c.setGr(o[0], BigInt.asUintN(64, i.imm - c.gr(o[2])), c.nat(o[2]));
      };
    case 'and':
      return (c, i) => {
        const o = i.ops;
        c.setGr(o[0], i.imm & c.gr(o[2]), c.nat(o[2]));
      };
    case 'andcm':
      return (c, i) => {
        const o = i.ops;
        c.setGr(o[0], BigInt.asUintN(64, i.imm & ~c.gr(o[2])), c.nat(o[2]));
      };
    case 'or':
      return (c, i) => {
        const o = i.ops;
        c.setGr(o[0], i.imm | c.gr(o[2]), c.nat(o[2]));
      };
    case 'xor':
      return (c, i) => {
        const o = i.ops;
        c.setGr(o[0], i.imm ^ c.gr(o[2]), c.nat(o[2]));
      };
  }
  return undefined;
}

/** mov r1 = r3 (adds with 0); mov r1 = imm22 (addl with r0) and movl r1 = imm64. */
const moveRegister: ExecFn = (c, i) => {
  const o = i.ops;
  c.setGr(o[0], c.gr(o[1]), c.nat(o[1]));
};

const moveImmediate: ExecFn = (c, i) => {
  c.setGr(i.ops[0], i.imm);
};

function alu(d: InsnDef): ExecFn | undefined {
  switch (d.format) {
    case 'A1':
      return registerForm(d.name, d.operands.length === 4);
    case 'A2':
      return shiftLeftAdd(d.name);
    case 'A4':
    case 'A5':
      if (d.name === 'mov') return d.format === 'A4' ? moveRegister : moveImmediate;
      return immediateForm(d.name);
    case 'A3':
      return immediateForm(d.name);
    case 'X2':
      return d.name === 'movl' ? moveImmediate : undefined;
  }
  return undefined;
}

registerSemantics({ formats: ['A1', 'A2', 'A3', 'A4', 'A5', 'X2'], make: alu });
