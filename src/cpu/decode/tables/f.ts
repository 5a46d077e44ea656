// F-type instruction encodings (Vol. 3, Part I, chapter 4): floating-point
// arithmetic, compares, classification, approximation, min/max, merge and
// logical operations, conversions and status-field control.
//
// Only the forms objdump can print are listed: it always spells out the
// status field (".s0"), and its operand-swapping aliases (fcmp.gt, fcmp.neq,
// fclass.nm, fpcmp.gt, xma.lu, fcvt.xuf...) share the encoding of a row listed
// earlier, so they could never match. Within a bucket the first match wins;
// each pseudo-op precedes the general form it specialises.

import { defineRows, Flag, FormatFields, Row } from '../table.js';

/** Field layouts of the F-unit formats: name -> [position, length]. */
const FORMATS: Record<string, FormatFields> = {
  // Floating-point multiply add.
  F1: { x: [36, 1], sf: [34, 2], f4: [27, 7], f3: [20, 7], f2: [13, 7], f1: [6, 7] },
  // Fixed-point multiply add.
  F2: { x: [36, 1], x2: [34, 2], f4: [27, 7], f3: [20, 7], f2: [13, 7], f1: [6, 7] },
  // Parallel floating-point select.
  F3: { x: [36, 1], f4: [27, 7], f3: [20, 7], f2: [13, 7], f1: [6, 7] },
  // Floating-point compare.
  F4: { rb: [36, 1], sf: [34, 2], ra: [33, 1], p2: [27, 6], f3: [20, 7], f2: [13, 7], ta: [12, 1], p1: [6, 6] },
  // Floating-point class.
  F5: { fc2: [33, 2], p2: [27, 6], fclass7c: [20, 7], f2: [13, 7], ta: [12, 1], p1: [6, 6] },
  // Floating-point reciprocal approximation.
  F6: { q: [36, 1], sf: [34, 2], x: [33, 1], p2: [27, 6], f3: [20, 7], f2: [13, 7], f1: [6, 7] },
  // Floating-point reciprocal square root approximation.
  F7: { q: [36, 1], sf: [34, 2], x: [33, 1], p2: [27, 6], f3: [20, 7], f1: [6, 7] },
  // Minimum/maximum and parallel compare.
  F8: { sf: [34, 2], x: [33, 1], x6: [27, 6], f3: [20, 7], f2: [13, 7], f1: [6, 7] },
  // Merge and logical.
  F9: { x: [33, 1], x6: [27, 6], f3: [20, 7], f2: [13, 7], f1: [6, 7] },
  // Convert floating-point to fixed-point.
  F10: { sf: [34, 2], x: [33, 1], x6: [27, 6], f2: [13, 7], f1: [6, 7] },
  // Convert fixed-point to floating-point.
  F11: { x: [33, 1], x6: [27, 6], f2: [13, 7], f1: [6, 7] },
  // Floating-point set controls.
  F12: { sf: [34, 2], x: [33, 1], x6: [27, 6], omask7c: [20, 7], amask7b: [13, 7] },
  // Floating-point clear flags.
  F13: { sf: [34, 2], x: [33, 1], x6: [27, 6] },
  // Floating-point check flags.
  F14: { s: [36, 1], sf: [34, 2], x: [33, 1], x6: [27, 6], imm20a: [6, 20] },
  // Break.
  F15: { i: [36, 1], x: [33, 1], x6: [27, 6], imm20a: [6, 20] },
  // Nop and hint.
  F16: { i: [36, 1], x: [33, 1], x6: [27, 6], y: [26, 1], imm20a: [6, 20] },
};

type Enc = Readonly<Record<string, number>>;

/** One row per status field: the mnemonic gains ".s0" to ".s3". */
function perSf(name: string, format: string, enc: Enc, operands: string, flags = 0): Row[] {
  return [0, 1, 2, 3].map((sf): Row => [`${name}.s${sf}`, format, { ...enc, sf }, operands, flags]);
}

/** Rows for each entry of a table of [mnemonic, extension value]. */
function each<T>(list: ReadonlyArray<readonly [string, T]>, row: (name: string, value: T) => Row[]): Row[] {
  return list.flatMap(([name, value]) => row(name, value));
}

// F1, major opcodes 8-13: multiply add. The x bit selects the precision
// completer (or, at opcodes 9, 11 and 13, the parallel form); objdump prints
// the pseudo-ops for a zero addend (f2 = f0) and a unit multiplicand
// (f4 = f1), fnorm being both at once.
interface MultiplyAdd {
  op: number;
  x: number;
  /** Precision completer of the name, e.g. ".d". */
  pc: string;
  base: string;
  /** fnorm (f2 = f0, f4 = f1), add (f4 = f1) and multiply (f2 = f0) pseudo-ops, if any. */
  norm?: string;
  add?: string;
  mpy?: string;
}

const MULTIPLY_ADD: MultiplyAdd[] = [
  { op: 0x8, x: 0, pc: '', base: 'fma', norm: 'fnorm', add: 'fadd', mpy: 'fmpy' },
  { op: 0x8, x: 1, pc: '.s', base: 'fma', norm: 'fnorm', add: 'fadd', mpy: 'fmpy' },
  { op: 0x9, x: 0, pc: '.d', base: 'fma', norm: 'fnorm', add: 'fadd', mpy: 'fmpy' },
  { op: 0x9, x: 1, pc: '', base: 'fpma', mpy: 'fpmpy' },
  { op: 0xa, x: 0, pc: '', base: 'fms', add: 'fsub' },
  { op: 0xa, x: 1, pc: '.s', base: 'fms', add: 'fsub' },
  { op: 0xb, x: 0, pc: '.d', base: 'fms', add: 'fsub' },
  { op: 0xb, x: 1, pc: '', base: 'fpms' },
  { op: 0xc, x: 0, pc: '', base: 'fnma', mpy: 'fnmpy' },
  { op: 0xc, x: 1, pc: '.s', base: 'fnma', mpy: 'fnmpy' },
  { op: 0xd, x: 0, pc: '.d', base: 'fnma', mpy: 'fnmpy' },
  { op: 0xd, x: 1, pc: '', base: 'fpnma', mpy: 'fpnmpy' },
];

function multiplyAdd(m: MultiplyAdd): Row[] {
  const enc = { op: m.op, x: m.x };
  return [
    ...(m.norm ? perSf(m.norm + m.pc, 'F1', { ...enc, f2: 0, f4: 1 }, 'F1=F3') : []),
    ...(m.add ? perSf(m.add + m.pc, 'F1', { ...enc, f4: 1 }, 'F1=F3,F2') : []),
    ...(m.mpy ? perSf(m.mpy + m.pc, 'F1', { ...enc, f2: 0 }, 'F1=F3,F4') : []),
    ...perSf(m.base + m.pc, 'F1', enc, 'F1=F3,F4,F2'),
  ];
}

// F2 and F3, major opcode 14: fixed-point multiply add (x2 selects the
// half: 0 low, 2 high unsigned, 3 high; 1 is unused) and fselect.
const XMA: ReadonlyArray<readonly [string, number]> = [
  ['.l', 0],
  ['.h', 3],
  ['.hu', 2],
];

const OP14_ROWS: Row[] = [
  ...each(XMA, (c, x2): Row[] => [
    [`xmpy${c}`, 'F2', { op: 0xe, x: 1, x2, f2: 0 }, 'F1=F3,F4'],
    [`xma${c}`, 'F2', { op: 0xe, x: 1, x2 }, 'F1=F3,F4,F2'],
  ]),
  ['fselect', 'F3', { op: 0xe, x: 0 }, 'F1=F3,F4,F2'],
];

// F4, major opcode 4: compare. ra and rb select the relation; ta makes it
// unconditional.
const FCMP: ReadonlyArray<readonly [string, { ra: number; rb: number }]> = [
  ['eq', { ra: 0, rb: 0 }],
  ['lt', { ra: 0, rb: 1 }],
  ['le', { ra: 1, rb: 0 }],
  ['unord', { ra: 1, rb: 1 }],
];

const COMPARE_ROWS: Row[] = [
  ...each(FCMP, (rel, r) => perSf(`fcmp.${rel}`, 'F4', { op: 4, ...r, ta: 0 }, 'P1,P2=F2,F3')),
  ...each(FCMP, (rel, r) => perSf(`fcmp.${rel}.unc`, 'F4', { op: 4, ...r, ta: 1 }, 'P1,P2=F2,F3')),
  // F5, major opcode 5: class; the 9-bit class mask is fclass7c with fc2.
  ['fclass.m', 'F5', { op: 5, ta: 0 }, 'P1,P2=F2,IMMU9'],
  ['fclass.m.unc', 'F5', { op: 5, ta: 1 }, 'P1,P2=F2,IMMU9'],
];

// Major opcodes 0 (scalar) and 1 (parallel, "fp" prefix) share their
// miscellaneous forms, distinguished by x6 with x = 0.
const MIN_MAX: ReadonlyArray<readonly [string, number]> = [
  ['min', 0x14],
  ['max', 0x15],
  ['amin', 0x16],
  ['amax', 0x17],
];

const CONVERT: ReadonlyArray<readonly [string, number]> = [
  ['fx', 0x18],
  ['fxu', 0x19],
  ['fx.trunc', 0x1a],
  ['fxu.trunc', 0x1b],
];

/** Rows shared by major opcodes 0 and 1; p is "" or "p" for the parallel forms. */
function approximationRows(op: number, p: string): Row[] {
  return [
    // F6 and F7: reciprocal and reciprocal square root approximation (x = 1).
    ...perSf(`f${p}rcpa`, 'F6', { op, x: 1, q: 0 }, 'F1,P2=F2,F3'),
    ...perSf(`f${p}rsqrta`, 'F7', { op, x: 1, q: 1 }, 'F1,P2=F3'),
    // F8: minimum and maximum.
    ...each(MIN_MAX, (name, x6) => perSf(`f${p}${name}`, 'F8', { op, x: 0, x6 }, 'F1=F2,F3')),
  ];
}

/** F9 sign merges and their pseudo-ops; f is "f" or "fp". */
function mergeRows(op: number, f: string): Row[] {
  // fmerge.s and fmerge.ns with f2 = f3 copy or negate; with f2 = f0 they
  // take the absolute value. The scalar copy alias is plain "mov"; there is
  // no parallel one, so fpmerge.s f1=f3,f3 prints as itself.
  const rows: Row[] = [];
  if (f === 'f') rows.push(['mov', 'F9', { op, x: 0, x6: 0x10 }, 'F1=F3', Flag.F2EqF3]);
  rows.push(
    [`${f}abs`, 'F9', { op, x: 0, x6: 0x10, f2: 0 }, 'F1=F3'],
    [`${f}neg`, 'F9', { op, x: 0, x6: 0x11 }, 'F1=F3', Flag.F2EqF3],
    [`${f}negabs`, 'F9', { op, x: 0, x6: 0x11, f2: 0 }, 'F1=F3'],
    [`${f}merge.s`, 'F9', { op, x: 0, x6: 0x10 }, 'F1=F2,F3'],
    [`${f}merge.ns`, 'F9', { op, x: 0, x6: 0x11 }, 'F1=F2,F3'],
    [`${f}merge.se`, 'F9', { op, x: 0, x6: 0x12 }, 'F1=F2,F3'],
  );
  return rows;
}

// F9 at major opcode 0 only: mix, sign-extend, pack, swap and logical.
const MISC_F9: ReadonlyArray<readonly [string, number]> = [
  ['fmix.lr', 0x39],
  ['fmix.r', 0x3a],
  ['fmix.l', 0x3b],
  ['fsxt.r', 0x3c],
  ['fsxt.l', 0x3d],
  ['fpack', 0x28],
  ['fswap', 0x34],
  ['fswap.nl', 0x35],
  ['fswap.nr', 0x36],
  ['fand', 0x2c],
  ['fandcm', 0x2d],
  ['for', 0x2e],
  ['fxor', 0x2f],
];

// F8 at major opcode 1 only: parallel compare (results are masks in f1).
const FPCMP: ReadonlyArray<readonly [string, number]> = [
  ['eq', 0x30],
  ['lt', 0x31],
  ['le', 0x32],
  ['unord', 0x33],
  ['neq', 0x34],
  ['nlt', 0x35],
  ['nle', 0x36],
  ['ord', 0x37],
];

const OP0_ROWS: Row[] = [
  ...approximationRows(0, ''),
  ...mergeRows(0, 'f'),
  ...each(MISC_F9, (name, x6): Row[] => [[name, 'F9', { op: 0, x: 0, x6 }, 'F1=F2,F3']]),
  // F10 and F11: conversions.
  ...each(CONVERT, (c, x6) => perSf(`fcvt.${c}`, 'F10', { op: 0, x: 0, x6 }, 'F1=F2')),
  ['fcvt.xf', 'F11', { op: 0, x: 0, x6: 0x1c }, 'F1=F2'],
  // F12 to F14: status-field control.
  ...perSf('fsetc', 'F12', { op: 0, x: 0, x6: 0x04 }, 'IMMU7a,IMMU7b'),
  ...perSf('fclrf', 'F13', { op: 0, x: 0, x6: 0x05 }, ''),
  ...perSf('fchkf', 'F14', { op: 0, x: 0, x6: 0x08 }, 'TGT25'),
  // F15 and F16: break, nop and hint (y tells nop from hint).
  ['break.f', 'F15', { op: 0, x: 0, x6: 0x00 }, 'IMMU21'],
  ['nop.f', 'F16', { op: 0, x: 0, x6: 0x01, y: 0 }, 'IMMU21'],
  ['hint.f', 'F16', { op: 0, x: 0, x6: 0x01, y: 1 }, 'IMMU21'],
];

const OP1_ROWS: Row[] = [
  ...approximationRows(1, 'p'),
  ...each(FPCMP, (rel, x6) => perSf(`fpcmp.${rel}`, 'F8', { op: 1, x: 0, x6 }, 'F1=F2,F3')),
  ...mergeRows(1, 'fp'),
  ...each(CONVERT, (c, x6) => perSf(`fpcvt.${c}`, 'F10', { op: 1, x: 0, x6 }, 'F1=F2')),
];

const ROWS: Row[] = [...OP0_ROWS, ...OP1_ROWS, ...COMPARE_ROWS, ...MULTIPLY_ADD.flatMap(multiplyAdd), ...OP14_ROWS];

export const F_ROWS = defineRows('F', FORMATS, ROWS);
