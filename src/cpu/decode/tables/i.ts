// I-type instruction encodings (Vol. 3, Part I, chapter 4): multimedia
// multiply and shift, bit-field and shift, test bit, and the I-unit
// miscellaneous group (moves to and from branch, predicate and application
// registers, sign/zero extension, nop/break/hint).
//
// Only the forms objdump can print are listed: the assembler's aliases that
// swap the predicate targets (tbit.nz, tnat.nz.unc, ...) share the encoding
// of a row listed earlier, and objdump prints "mov pr=r2" with its all-ones
// mask like any other.

import { defineRows, Flag, FormatFields, Row } from '../table.js';

/** Fields shared by the multimedia formats I1-I9 (op 7); all but I1 add x2c. */
const MM = { za: [36, 1], x2a: [34, 2], zb: [33, 1], ve: [32, 1], x2b: [28, 2] } as const;
const X2C = { x2c: [30, 2] } as const;

/** Field layouts of the I-unit formats: name -> [position, length]. */
const FORMATS: Record<string, FormatFields> = {
  // Multimedia multiply and shift.
  I1: { ...MM, ct2d: [30, 2], r3: [20, 7], r2: [13, 7], r1: [6, 7] },
  // Multimedia multiply/mix/pack/unpack.
  I2: { ...MM, ...X2C, r3: [20, 7], r2: [13, 7], r1: [6, 7] },
  // Multimedia mux1.
  I3: { ...MM, ...X2C, mbt4c: [20, 4], r2: [13, 7], r1: [6, 7] },
  // Multimedia mux2.
  I4: { ...MM, ...X2C, mht8c: [20, 8], r2: [13, 7], r1: [6, 7] },
  // Shift right, variable.
  I5: { ...MM, ...X2C, r3: [20, 7], r2: [13, 7], r1: [6, 7] },
  // Multimedia shift right, fixed.
  I6: { ...MM, ...X2C, r3: [20, 7], count5b: [14, 5], r1: [6, 7] },
  // Shift left, variable.
  I7: { ...MM, ...X2C, r3: [20, 7], r2: [13, 7], r1: [6, 7] },
  // Multimedia shift left, fixed.
  I8: { ...MM, ...X2C, ccount5c: [20, 5], r2: [13, 7], r1: [6, 7] },
  // Population count and leading zeros.
  I9: { ...MM, ...X2C, r3: [20, 7], r1: [6, 7] },
  // Shift right pair.
  I10: { x2: [34, 2], x: [33, 1], count6d: [27, 6], r3: [20, 7], r2: [13, 7], r1: [6, 7] },
  // Extract.
  I11: { x2: [34, 2], x: [33, 1], len6d: [27, 6], r3: [20, 7], pos6b: [14, 6], y: [13, 1], r1: [6, 7] },
  // Zero and deposit.
  I12: { x2: [34, 2], x: [33, 1], len6d: [27, 6], y: [26, 1], cpos6c: [20, 6], r2: [13, 7], r1: [6, 7] },
  // Zero and deposit immediate8.
  I13: { s: [36, 1], x2: [34, 2], x: [33, 1], len6d: [27, 6], y: [26, 1], cpos6c: [20, 6], imm7b: [13, 7], r1: [6, 7] },
  // Deposit immediate1.
  I14: { s: [36, 1], x2: [34, 2], x: [33, 1], len6d: [27, 6], r3: [20, 7], cpos6b: [14, 6], r1: [6, 7] },
  // Deposit (the only instruction with major opcode 4).
  I15: { cpos6d: [31, 6], len4d: [27, 4], r3: [20, 7], r2: [13, 7], r1: [6, 7] },
  // Test bit.
  I16: { tb: [36, 1], x2: [34, 2], ta: [33, 1], p2: [27, 6], r3: [20, 7], pos6b: [14, 6], y: [13, 1], c: [12, 1], p1: [6, 6] },
  // Test NaT.
  I17: { tb: [36, 1], x2: [34, 2], ta: [33, 1], p2: [27, 6], r3: [20, 7], y: [13, 1], c: [12, 1], p1: [6, 6] },
  // Test feature.
  I30: { tb: [36, 1], x2: [34, 2], ta: [33, 1], p2: [27, 6], x: [19, 1], imm5b: [14, 5], y: [13, 1], c: [12, 1], p1: [6, 6] },
  // Nop and hint.
  I18: { i: [36, 1], x3: [33, 3], x6: [27, 6], y: [26, 1], imm20a: [6, 20] },
  // Break.
  I19: { i: [36, 1], x3: [33, 3], x6: [27, 6], imm20a: [6, 20] },
  // Integer speculation check.
  I20: { s: [36, 1], x3: [33, 3], imm13c: [20, 13], r2: [13, 7], imm7a: [6, 7] },
  // Move to BR.
  I21: { x3: [33, 3], timm9c: [24, 9], ih: [23, 1], x: [22, 1], wh: [20, 2], r2: [13, 7], b1: [6, 3] },
  // Move from BR.
  I22: { x3: [33, 3], x6: [27, 6], b2: [13, 3], r1: [6, 7] },
  // Move to predicates, register.
  I23: { s: [36, 1], x3: [33, 3], mask8c: [24, 8], r2: [13, 7], mask7a: [6, 7] },
  // Move to predicates, immediate44.
  I24: { s: [36, 1], x3: [33, 3], imm27a: [6, 27] },
  // Move from predicates or IP.
  I25: { x3: [33, 3], x6: [27, 6], r1: [6, 7] },
  // Move to AR, register.
  I26: { x3: [33, 3], x6: [27, 6], ar3: [20, 7], r2: [13, 7] },
  // Move to AR, immediate8.
  I27: { s: [36, 1], x3: [33, 3], x6: [27, 6], ar3: [20, 7], imm7b: [13, 7] },
  // Move from AR.
  I28: { x3: [33, 3], x6: [27, 6], ar3: [20, 7], r1: [6, 7] },
  // Sign/zero extend and compute zero index.
  I29: { x3: [33, 3], x6: [27, 6], r3: [20, 7], r1: [6, 7] },
};

// Op 0: the miscellaneous group, selected by x3 and, for x3 = 0, x6.
const MISC_ROWS: Row[] = [
  ['break.i', 'I19', { op: 0, x3: 0, x6: 0x00 }, 'IMMU21'],
  ['nop.i', 'I18', { op: 0, x3: 0, x6: 0x01, y: 0 }, 'IMMU21'],
  ['hint.i', 'I18', { op: 0, x3: 0, x6: 0x01, y: 1 }, 'IMMU21'],
  ['chk.s.i', 'I20', { op: 0, x3: 1 }, 'R2,TGT25b'],
  // I21: branch whether-hint wh (0 .sptk, 1 none, 2 .dptk), return x (.ret) and
  // importance ih (.imp). objdump prints the plain form (wh 1, no .ret, no
  // .imp) without its tag.
  ['mov', 'I21', { op: 0, x3: 7, x: 0, ih: 0, wh: 1 }, 'B1=R2'],
  ['mov.sptk', 'I21', { op: 0, x3: 7, x: 0, ih: 0, wh: 0 }, 'B1=R2,TAG13b'],
  ['mov.sptk.imp', 'I21', { op: 0, x3: 7, x: 0, ih: 1, wh: 0 }, 'B1=R2,TAG13b'],
  ['mov.imp', 'I21', { op: 0, x3: 7, x: 0, ih: 1, wh: 1 }, 'B1=R2,TAG13b'],
  ['mov.dptk', 'I21', { op: 0, x3: 7, x: 0, ih: 0, wh: 2 }, 'B1=R2,TAG13b'],
  ['mov.dptk.imp', 'I21', { op: 0, x3: 7, x: 0, ih: 1, wh: 2 }, 'B1=R2,TAG13b'],
  ['mov.ret.sptk', 'I21', { op: 0, x3: 7, x: 1, ih: 0, wh: 0 }, 'B1=R2,TAG13b'],
  ['mov.ret.sptk.imp', 'I21', { op: 0, x3: 7, x: 1, ih: 1, wh: 0 }, 'B1=R2,TAG13b'],
  ['mov.ret', 'I21', { op: 0, x3: 7, x: 1, ih: 0, wh: 1 }, 'B1=R2,TAG13b'],
  ['mov.ret.imp', 'I21', { op: 0, x3: 7, x: 1, ih: 1, wh: 1 }, 'B1=R2,TAG13b'],
  ['mov.ret.dptk', 'I21', { op: 0, x3: 7, x: 1, ih: 0, wh: 2 }, 'B1=R2,TAG13b'],
  ['mov.ret.dptk.imp', 'I21', { op: 0, x3: 7, x: 1, ih: 1, wh: 2 }, 'B1=R2,TAG13b'],
  ['mov', 'I22', { op: 0, x3: 0, x6: 0x31 }, 'R1=B2'],
  ['mov', 'I23', { op: 0, x3: 3 }, 'PR=R2,IMM17'],
  ['mov', 'I24', { op: 0, x3: 2 }, 'PR_ROT=IMM44'],
  ['mov', 'I25', { op: 0, x3: 0, x6: 0x30 }, 'R1=IP'],
  ['mov', 'I25', { op: 0, x3: 0, x6: 0x33 }, 'R1=PR'],
  ['mov.i', 'I26', { op: 0, x3: 0, x6: 0x2a }, 'AR3=R2'],
  ['mov.i', 'I27', { op: 0, x3: 0, x6: 0x0a }, 'AR3=IMM8'],
  ['mov.i', 'I28', { op: 0, x3: 0, x6: 0x32 }, 'R1=AR3'],
  ['zxt1', 'I29', { op: 0, x3: 0, x6: 0x10 }, 'R1=R3'],
  ['zxt2', 'I29', { op: 0, x3: 0, x6: 0x11 }, 'R1=R3'],
  ['zxt4', 'I29', { op: 0, x3: 0, x6: 0x12 }, 'R1=R3'],
  ['sxt1', 'I29', { op: 0, x3: 0, x6: 0x14 }, 'R1=R3'],
  ['sxt2', 'I29', { op: 0, x3: 0, x6: 0x15 }, 'R1=R3'],
  ['sxt4', 'I29', { op: 0, x3: 0, x6: 0x16 }, 'R1=R3'],
  ['czx1.l', 'I29', { op: 0, x3: 0, x6: 0x18 }, 'R1=R3'],
  ['czx2.l', 'I29', { op: 0, x3: 0, x6: 0x19 }, 'R1=R3'],
  ['czx1.r', 'I29', { op: 0, x3: 0, x6: 0x1c }, 'R1=R3'],
  ['czx2.r', 'I29', { op: 0, x3: 0, x6: 0x1d }, 'R1=R3'],
];

// Op 4 and 5: deposit, extract, shift right pair, test bit/NaT/feature.
const BITFIELD_ROWS: Row[] = [
  ['dep', 'I15', { op: 4 }, 'R1=R2,R3,CPOS6c,LEN4'],
  ['shrp', 'I10', { op: 5, x2: 3, x: 0 }, 'R1=R2,R3,CNT6'],
  // The shift pseudo-ops (length = 64 - count) before the general forms.
  ['shr.u', 'I11', { op: 5, x2: 1, x: 0, y: 0 }, 'R1=R3,POS6', Flag.LenEq64MCnt],
  ['extr.u', 'I11', { op: 5, x2: 1, x: 0, y: 0 }, 'R1=R3,POS6,LEN6'],
  ['shr', 'I11', { op: 5, x2: 1, x: 0, y: 1 }, 'R1=R3,POS6', Flag.LenEq64MCnt],
  ['extr', 'I11', { op: 5, x2: 1, x: 0, y: 1 }, 'R1=R3,POS6,LEN6'],
  ['shl', 'I12', { op: 5, x2: 1, x: 1, y: 0 }, 'R1=R2,CPOS6a', Flag.LenEq64MCnt],
  ['dep.z', 'I12', { op: 5, x2: 1, x: 1, y: 0 }, 'R1=R2,CPOS6a,LEN6'],
  ['dep.z', 'I13', { op: 5, x2: 1, x: 1, y: 1 }, 'R1=IMM8,CPOS6a,LEN6'],
  ['dep', 'I14', { op: 5, x2: 3, x: 1 }, 'R1=IMM1,R3,CPOS6b,LEN6'],
];

/**
 * Test relations by (ta, tb, c), indexed by ta * 4 + tb * 2 + c: the
 * completer of tbit, tnat and tf (x2 = 0 in op 5).
 */
const TEST_RELATIONS = ['z', 'z.unc', 'z.and', 'nz.and', 'z.or', 'nz.or', 'z.or.andcm', 'nz.or.andcm'];
// tf (y = 1, x = 1) comes before tnat (y = 1), which does not look at bit 19.
for (const [mnemonic, format, enc, operands] of [
  ['tf', 'I30', { y: 1, x: 1 }, 'P1,P2=IMMU5b'],
  ['tbit', 'I16', { y: 0 }, 'P1,P2=R3,POS6'],
  ['tnat', 'I17', { y: 1 }, 'P1,P2=R3'],
] as const) {
  TEST_RELATIONS.forEach((rel, i) => {
    BITFIELD_ROWS.push([`${mnemonic}.${rel}`, format, { op: 5, x2: 0, ta: i >> 2, tb: (i >> 1) & 1, c: i & 1, ...enc }, operands]);
  });
}

// Op 7: multimedia multiply, shift, mix, pack, unpack, min/max, sad, mux
// (formats I1-I9), selected by za, zb, ve, x2a, x2b and x2c.
const MM_ROWS: Row[] = [
  ['pmpyshr2', 'I1', { op: 7, za: 0, zb: 1, ve: 0, x2a: 0, x2b: 3 }, 'R1=R2,R3,CNT2c'],
  ['pmpyshr2.u', 'I1', { op: 7, za: 0, zb: 1, ve: 0, x2a: 0, x2b: 1 }, 'R1=R2,R3,CNT2c'],
  ['pmpy2.r', 'I2', { op: 7, za: 0, zb: 1, ve: 0, x2a: 2, x2b: 1, x2c: 3 }, 'R1=R2,R3'],
  ['pmpy2.l', 'I2', { op: 7, za: 0, zb: 1, ve: 0, x2a: 2, x2b: 3, x2c: 3 }, 'R1=R2,R3'],
  ['mix1.r', 'I2', { op: 7, za: 0, zb: 0, ve: 0, x2a: 2, x2b: 0, x2c: 2 }, 'R1=R2,R3'],
  ['mix2.r', 'I2', { op: 7, za: 0, zb: 1, ve: 0, x2a: 2, x2b: 0, x2c: 2 }, 'R1=R2,R3'],
  ['mix4.r', 'I2', { op: 7, za: 1, zb: 0, ve: 0, x2a: 2, x2b: 0, x2c: 2 }, 'R1=R2,R3'],
  ['mix1.l', 'I2', { op: 7, za: 0, zb: 0, ve: 0, x2a: 2, x2b: 2, x2c: 2 }, 'R1=R2,R3'],
  ['mix2.l', 'I2', { op: 7, za: 0, zb: 1, ve: 0, x2a: 2, x2b: 2, x2c: 2 }, 'R1=R2,R3'],
  ['mix4.l', 'I2', { op: 7, za: 1, zb: 0, ve: 0, x2a: 2, x2b: 2, x2c: 2 }, 'R1=R2,R3'],
  ['pack2.uss', 'I2', { op: 7, za: 0, zb: 1, ve: 0, x2a: 2, x2b: 0, x2c: 0 }, 'R1=R2,R3'],
  ['pack2.sss', 'I2', { op: 7, za: 0, zb: 1, ve: 0, x2a: 2, x2b: 2, x2c: 0 }, 'R1=R2,R3'],
  ['pack4.sss', 'I2', { op: 7, za: 1, zb: 0, ve: 0, x2a: 2, x2b: 2, x2c: 0 }, 'R1=R2,R3'],
  ['unpack1.h', 'I2', { op: 7, za: 0, zb: 0, ve: 0, x2a: 2, x2b: 0, x2c: 1 }, 'R1=R2,R3'],
  ['unpack2.h', 'I2', { op: 7, za: 0, zb: 1, ve: 0, x2a: 2, x2b: 0, x2c: 1 }, 'R1=R2,R3'],
  ['unpack4.h', 'I2', { op: 7, za: 1, zb: 0, ve: 0, x2a: 2, x2b: 0, x2c: 1 }, 'R1=R2,R3'],
  ['unpack1.l', 'I2', { op: 7, za: 0, zb: 0, ve: 0, x2a: 2, x2b: 2, x2c: 1 }, 'R1=R2,R3'],
  ['unpack2.l', 'I2', { op: 7, za: 0, zb: 1, ve: 0, x2a: 2, x2b: 2, x2c: 1 }, 'R1=R2,R3'],
  ['unpack4.l', 'I2', { op: 7, za: 1, zb: 0, ve: 0, x2a: 2, x2b: 2, x2c: 1 }, 'R1=R2,R3'],
  ['pmin1.u', 'I2', { op: 7, za: 0, zb: 0, ve: 0, x2a: 2, x2b: 1, x2c: 0 }, 'R1=R2,R3'],
  ['pmax1.u', 'I2', { op: 7, za: 0, zb: 0, ve: 0, x2a: 2, x2b: 1, x2c: 1 }, 'R1=R2,R3'],
  ['pmin2', 'I2', { op: 7, za: 0, zb: 1, ve: 0, x2a: 2, x2b: 3, x2c: 0 }, 'R1=R2,R3'],
  ['pmax2', 'I2', { op: 7, za: 0, zb: 1, ve: 0, x2a: 2, x2b: 3, x2c: 1 }, 'R1=R2,R3'],
  ['psad1', 'I2', { op: 7, za: 0, zb: 0, ve: 0, x2a: 2, x2b: 3, x2c: 2 }, 'R1=R2,R3'],
  ['mux1', 'I3', { op: 7, za: 0, zb: 0, ve: 0, x2a: 3, x2b: 2, x2c: 2 }, 'R1=R2,MBTYPE4'],
  ['mux2', 'I4', { op: 7, za: 0, zb: 1, ve: 0, x2a: 3, x2b: 2, x2c: 2 }, 'R1=R2,MHTYPE8'],
  // I5: shift right by a register (r1 = r3 >> r2).
  ['pshr2', 'I5', { op: 7, za: 0, zb: 1, ve: 0, x2a: 0, x2b: 2, x2c: 0 }, 'R1=R3,R2'],
  ['pshr4', 'I5', { op: 7, za: 1, zb: 0, ve: 0, x2a: 0, x2b: 2, x2c: 0 }, 'R1=R3,R2'],
  ['shr', 'I5', { op: 7, za: 1, zb: 1, ve: 0, x2a: 0, x2b: 2, x2c: 0 }, 'R1=R3,R2'],
  ['pshr2.u', 'I5', { op: 7, za: 0, zb: 1, ve: 0, x2a: 0, x2b: 0, x2c: 0 }, 'R1=R3,R2'],
  ['pshr4.u', 'I5', { op: 7, za: 1, zb: 0, ve: 0, x2a: 0, x2b: 0, x2c: 0 }, 'R1=R3,R2'],
  ['shr.u', 'I5', { op: 7, za: 1, zb: 1, ve: 0, x2a: 0, x2b: 0, x2c: 0 }, 'R1=R3,R2'],
  // I6: parallel shift right by a count.
  ['pshr2', 'I6', { op: 7, za: 0, zb: 1, ve: 0, x2a: 1, x2b: 3, x2c: 0 }, 'R1=R3,CNT5'],
  ['pshr4', 'I6', { op: 7, za: 1, zb: 0, ve: 0, x2a: 1, x2b: 3, x2c: 0 }, 'R1=R3,CNT5'],
  ['pshr2.u', 'I6', { op: 7, za: 0, zb: 1, ve: 0, x2a: 1, x2b: 1, x2c: 0 }, 'R1=R3,CNT5'],
  ['pshr4.u', 'I6', { op: 7, za: 1, zb: 0, ve: 0, x2a: 1, x2b: 1, x2c: 0 }, 'R1=R3,CNT5'],
  // I7: shift left by a register (r1 = r2 << r3), and the 32-bit multiplies.
  ['pshl2', 'I7', { op: 7, za: 0, zb: 1, ve: 0, x2a: 0, x2b: 0, x2c: 1 }, 'R1=R2,R3'],
  ['pshl4', 'I7', { op: 7, za: 1, zb: 0, ve: 0, x2a: 0, x2b: 0, x2c: 1 }, 'R1=R2,R3'],
  ['shl', 'I7', { op: 7, za: 1, zb: 1, ve: 0, x2a: 0, x2b: 0, x2c: 1 }, 'R1=R2,R3'],
  ['mpy4', 'I2', { op: 7, za: 1, zb: 0, ve: 0, x2a: 0, x2b: 1, x2c: 3 }, 'R1=R2,R3'],
  ['mpyshl4', 'I2', { op: 7, za: 1, zb: 0, ve: 0, x2a: 0, x2b: 3, x2c: 3 }, 'R1=R2,R3'],
  // I8: parallel shift left by a count.
  ['pshl2', 'I8', { op: 7, za: 0, zb: 1, ve: 0, x2a: 3, x2b: 1, x2c: 1 }, 'R1=R2,CCNT5'],
  ['pshl4', 'I8', { op: 7, za: 1, zb: 0, ve: 0, x2a: 3, x2b: 1, x2c: 1 }, 'R1=R2,CCNT5'],
  // I9: population count and count leading zeros.
  ['popcnt', 'I9', { op: 7, za: 0, zb: 1, ve: 0, x2a: 1, x2b: 1, x2c: 2 }, 'R1=R3'],
  ['clz', 'I9', { op: 7, za: 0, zb: 1, ve: 0, x2a: 1, x2b: 1, x2c: 3 }, 'R1=R3'],
];

export const I_ROWS = defineRows('I', FORMATS, [...MISC_ROWS, ...BITFIELD_ROWS, ...MM_ROWS]);
