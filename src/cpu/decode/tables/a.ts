// A-type instruction encodings (Vol. 3, Part I, chapter 4): integer ALU,
// compares and multimedia ALU. They run on either an M or an I unit, with
// major opcodes 8 to 15.
//
// Only the forms objdump can print are listed. The assembler's aliases that
// swap operands (cmp.le, cmp.ne, cmp.gt with an immediate, ...) share the
// encoding of a row listed earlier, so they could never match.

import { defineRows, FormatFields, Row } from '../table.js';

/** Field layouts of the A-unit formats: name -> [position, length]. */
const FORMATS: Record<string, FormatFields> = {
  // Integer ALU, register-register.
  A1: { x2a: [34, 2], ve: [33, 1], x4: [29, 4], x2b: [27, 2], r3: [20, 7], r2: [13, 7], r1: [6, 7] },
  // Shift left and add.
  A2: { x2a: [34, 2], ve: [33, 1], x4: [29, 4], ct2d: [27, 2], r3: [20, 7], r2: [13, 7], r1: [6, 7] },
  // Integer ALU, immediate8-register.
  A3: { s: [36, 1], x2a: [34, 2], ve: [33, 1], x4: [29, 4], x2b: [27, 2], r3: [20, 7], imm7b: [13, 7], r1: [6, 7] },
  // Add immediate14.
  A4: { s: [36, 1], x2a: [34, 2], ve: [33, 1], imm6d: [27, 6], r3: [20, 7], imm7b: [13, 7], r1: [6, 7] },
  // Add immediate22 (r3 is one of r0-r3).
  A5: { s: [36, 1], imm9d: [27, 9], imm5c: [22, 5], r3: [20, 2], imm7b: [13, 7], r1: [6, 7] },
  // Integer compare, register-register.
  A6: { tb: [36, 1], x2: [34, 2], ta: [33, 1], p2: [27, 6], r3: [20, 7], r2: [13, 7], c: [12, 1], p1: [6, 6] },
  // Integer compare to zero (r2 is r0).
  A7: { tb: [36, 1], x2: [34, 2], ta: [33, 1], p2: [27, 6], r3: [20, 7], c: [12, 1], p1: [6, 6] },
  // Integer compare, immediate-register.
  A8: { s: [36, 1], x2: [34, 2], ta: [33, 1], p2: [27, 6], r3: [20, 7], imm7b: [13, 7], c: [12, 1], p1: [6, 6] },
  // Multimedia ALU.
  A9: { za: [36, 1], x2a: [34, 2], zb: [33, 1], x4: [29, 4], x2b: [27, 2], r3: [20, 7], r2: [13, 7], r1: [6, 7] },
  // Multimedia shift and add.
  A10: { za: [36, 1], x2a: [34, 2], zb: [33, 1], x4: [29, 4], ct2d: [27, 2], r3: [20, 7], r2: [13, 7], r1: [6, 7] },
};

/** The imm14 of A4 (imm7b, imm6d, s) pinned to zero. */
const IMM14_ZERO = { imm7b: 0, imm6d: 0, s: 0 };

const ALU_ROWS: Row[] = [
  // A1: integer ALU, register-register (op 8, x2a 0, ve 0).
  ['add', 'A1', { op: 8, x2a: 0, ve: 0, x4: 0, x2b: 0 }, 'R1=R2,R3'],
  ['add', 'A1', { op: 8, x2a: 0, ve: 0, x4: 0, x2b: 1 }, 'R1=R2,R3,C1'],
  ['sub', 'A1', { op: 8, x2a: 0, ve: 0, x4: 1, x2b: 1 }, 'R1=R2,R3'],
  ['sub', 'A1', { op: 8, x2a: 0, ve: 0, x4: 1, x2b: 0 }, 'R1=R2,R3,C1'],
  ['addp4', 'A1', { op: 8, x2a: 0, ve: 0, x4: 2, x2b: 0 }, 'R1=R2,R3'],
  ['and', 'A1', { op: 8, x2a: 0, ve: 0, x4: 3, x2b: 0 }, 'R1=R2,R3'],
  ['andcm', 'A1', { op: 8, x2a: 0, ve: 0, x4: 3, x2b: 1 }, 'R1=R2,R3'],
  ['or', 'A1', { op: 8, x2a: 0, ve: 0, x4: 3, x2b: 2 }, 'R1=R2,R3'],
  ['xor', 'A1', { op: 8, x2a: 0, ve: 0, x4: 3, x2b: 3 }, 'R1=R2,R3'],
  // A2: shift left by 1-4 and add.
  ['shladd', 'A2', { op: 8, x2a: 0, ve: 0, x4: 4 }, 'R1=R2,CNT2a,R3'],
  ['shladdp4', 'A2', { op: 8, x2a: 0, ve: 0, x4: 6 }, 'R1=R2,CNT2a,R3'],
  // A3: integer ALU, immediate8-register.
  ['sub', 'A3', { op: 8, x2a: 0, ve: 0, x4: 9, x2b: 1 }, 'R1=IMM8,R3'],
  ['and', 'A3', { op: 8, x2a: 0, ve: 0, x4: 11, x2b: 0 }, 'R1=IMM8,R3'],
  ['andcm', 'A3', { op: 8, x2a: 0, ve: 0, x4: 11, x2b: 1 }, 'R1=IMM8,R3'],
  ['or', 'A3', { op: 8, x2a: 0, ve: 0, x4: 11, x2b: 2 }, 'R1=IMM8,R3'],
  ['xor', 'A3', { op: 8, x2a: 0, ve: 0, x4: 11, x2b: 3 }, 'R1=IMM8,R3'],
  // A4: add imm14; adding 0 is a register move. (objdump prints no
  // immediate move for adds: "adds r1=imm,r0" stays as it is.)
  ['mov', 'A4', { op: 8, x2a: 2, ve: 0, ...IMM14_ZERO }, 'R1=R3'],
  ['adds', 'A4', { op: 8, x2a: 2, ve: 0 }, 'R1=IMM14,R3'],
  ['addp4', 'A4', { op: 8, x2a: 3, ve: 0 }, 'R1=IMM14,R3'],
  // A5: add imm22; the immediate move (r3 = r0) first.
  ['mov', 'A5', { op: 9, r3: 0 }, 'R1=IMM22'],
  ['addl', 'A5', { op: 9 }, 'R1=IMM22,R3_2'],
];

// A9: multimedia ALU (op 8, x2a 1), by element size (za, zb: 1 = 00,
// 2 = 01, 4 = 10), x4 and x2b.
const MM_ROWS: Row[] = [];
const SIZES = [
  ['1', { za: 0, zb: 0 }],
  ['2', { za: 0, zb: 1 }],
  ['4', { za: 1, zb: 0 }],
] as const;
/** [mnemonic stem, completer, x4, x2b, element sizes]. */
const MM_OPS: ReadonlyArray<readonly [string, string, number, number, string]> = [
  ['padd', '', 0, 0, '124'],
  ['padd', '.sss', 0, 1, '12'],
  ['padd', '.uuu', 0, 2, '12'],
  ['padd', '.uus', 0, 3, '12'],
  ['psub', '', 1, 0, '124'],
  ['psub', '.sss', 1, 1, '12'],
  ['psub', '.uuu', 1, 2, '12'],
  ['psub', '.uus', 1, 3, '12'],
  ['pavg', '', 2, 2, '12'],
  ['pavg', '.raz', 2, 3, '12'],
  ['pavgsub', '', 3, 2, '12'],
  ['pcmp', '.eq', 9, 0, '124'],
  ['pcmp', '.gt', 9, 1, '124'],
];
for (const [stem, completer, x4, x2b, sizes] of MM_OPS) {
  for (const [size, z] of SIZES) {
    if (sizes.includes(size)) MM_ROWS.push([`${stem}${size}${completer}`, 'A9', { op: 8, x2a: 1, ...z, x4, x2b }, 'R1=R2,R3']);
  }
}
// A10: parallel shift left/right by 1-4 and add (halfwords only).
MM_ROWS.push(
  ['pshladd2', 'A10', { op: 8, x2a: 1, za: 0, zb: 1, x4: 4 }, 'R1=R2,CNT2b,R3'],
  ['pshradd2', 'A10', { op: 8, x2a: 1, za: 0, zb: 1, x4: 6 }, 'R1=R2,CNT2b,R3'],
);

/**
 * Compare relations and completers by major opcode, indexed by
 * tb * 4 + ta * 2 + c. Entries 0-3 (tb 0) are the register form A6 and,
 * indexed by ta * 2 + c, the immediate form A8; entries 4-7 are A7, the
 * compare of r3 against r0, whose tb bit selects the relation.
 */
const CMP_RELATIONS: Readonly<Record<number, readonly string[]>> = {
  0xc: ['lt', 'lt.unc', 'eq.and', 'ne.and', 'gt.and', 'le.and', 'ge.and', 'lt.and'],
  0xd: ['ltu', 'ltu.unc', 'eq.or', 'ne.or', 'gt.or', 'le.or', 'ge.or', 'lt.or'],
  0xe: ['eq', 'eq.unc', 'eq.or.andcm', 'ne.or.andcm', 'gt.or.andcm', 'le.or.andcm', 'ge.or.andcm', 'lt.or.andcm'],
};

const CMP_ROWS: Row[] = [];
for (const op of [0xc, 0xd, 0xe]) {
  const rel = CMP_RELATIONS[op];
  // x2: 0 = cmp, 1 = cmp4 on registers; 2 = cmp, 3 = cmp4 with an immediate.
  for (const [cmp, x2] of [['cmp', 0], ['cmp4', 1]] as const) {
    for (let i = 0; i < 8; i++) {
      const [tb, ta, c] = [i >> 2, (i >> 1) & 1, i & 1];
      const enc = { op, x2, tb, ta, c };
      CMP_ROWS.push(tb === 0 ? [`${cmp}.${rel[i]}`, 'A6', enc, 'P1,P2=R2,R3'] : [`${cmp}.${rel[i]}`, 'A7', enc, 'P1,P2=GR0,R3']);
    }
  }
  for (const [cmp, x2] of [['cmp', 2], ['cmp4', 3]] as const) {
    // cmp4.ltu compares the low 32 bits unsigned against the sign-extended immediate.
    const imm = op === 0xd && x2 === 3 ? 'IMM8U4' : 'IMM8';
    for (let i = 0; i < 4; i++) {
      CMP_ROWS.push([`${cmp}.${rel[i]}`, 'A8', { op, x2, ta: i >> 1, c: i & 1 }, `P1,P2=${imm},R3`]);
    }
  }
}

export const A_ROWS = defineRows('A', FORMATS, [...ALU_ROWS, ...MM_ROWS, ...CMP_ROWS]);
