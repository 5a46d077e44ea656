// B-type instruction encodings (Vol. 3, Part I, chapter 4): branches,
// calls and returns, branch predicts and the miscellaneous B-unit
// operations.
//
// Only the forms objdump can print are listed: it always spells out the
// prediction hints (".sptk.few"), and its shorthands without them (br.sptk,
// br.cond.dpnt, br.call.sptk...) share the encoding of a row listed earlier,
// so they could never match. Within a bucket the first match wins.

import { defineRows, Flag, FormatFields, Row } from '../table.js';

/** Field layouts of the B-unit formats: name -> [position, length]. */
const FORMATS: Record<string, FormatFields> = {
  // IP-relative branch.
  B1: { s: [36, 1], d: [35, 1], wh: [33, 2], imm20b: [13, 20], p: [12, 1], btype: [6, 3] },
  // IP-relative counted branch.
  B2: { s: [36, 1], d: [35, 1], wh: [33, 2], imm20b: [13, 20], p: [12, 1], btype: [6, 3] },
  // IP-relative call.
  B3: { s: [36, 1], d: [35, 1], wh: [33, 2], imm20b: [13, 20], p: [12, 1], b1: [6, 3] },
  // Indirect branch.
  B4: { d: [35, 1], wh: [33, 2], x6: [27, 6], b2: [13, 3], p: [12, 1], btype: [6, 3] },
  // Indirect call.
  B5: { d: [35, 1], wh: [32, 3], b2: [13, 3], p: [12, 1], b1: [6, 3] },
  // IP-relative predict.
  B6: { s: [36, 1], ih: [35, 1], t2e: [33, 2], imm20b: [13, 20], timm7a: [6, 7], wh: [3, 2] },
  // Indirect predict.
  B7: { ih: [35, 1], t2e: [33, 2], x6: [27, 6], b2: [13, 3], timm7a: [6, 7], wh: [3, 2] },
  // Miscellaneous.
  B8: { x6: [27, 6] },
  // Break, nop and hint.
  B9: { i: [36, 1], x6: [27, 6], imm20a: [6, 20] },
};

type Enc = Readonly<Record<string, number>>;

/** Sequential prefetch hint (p) and cache deallocation hint (d) completers. */
export const PH_DH: ReadonlyArray<readonly [string, { p: number; d: number }]> = [
  ['.few', { p: 0, d: 0 }],
  ['.few.clr', { p: 0, d: 1 }],
  ['.many', { p: 1, d: 0 }],
  ['.many.clr', { p: 1, d: 1 }],
];

/** Branch whether hints of the 2-bit wh field (B1-B4). */
const WH: ReadonlyArray<readonly [string, number]> = [
  ['.sptk', 0],
  ['.spnt', 1],
  ['.dptk', 2],
  ['.dpnt', 3],
];

/** Branch whether hints of the 3-bit wh field of an indirect call (B5); even values are unused. */
const WH_CALL: ReadonlyArray<readonly [string, number]> = [
  ['.sptk', 1],
  ['.spnt', 3],
  ['.dptk', 5],
  ['.dpnt', 7],
];

/** Every whether-hint and prefetch/deallocation combination of a branch, as objdump orders them. */
export function hinted(name: string, format: string, enc: Enc, operands: string, flags = 0, wh = WH): Row[] {
  return wh.flatMap(([w, whv]) =>
    PH_DH.map(([c, pd]): Row => [name + w + c, format, { ...enc, wh: whv, ...pd }, operands, flags]),
  );
}

/**
 * An unpredicated, statically-taken conditional branch is an unconditional
 * one, which objdump prints without ".cond.sptk"; these rows must precede
 * the br.cond rows they specialise.
 */
export function unconditional(name: string, format: string, enc: Enc, operands: string): Row[] {
  return PH_DH.map(([c, pd]): Row => [name + c, format, { ...enc, qp: 0, wh: 0, ...pd }, operands]);
}

// Major opcode 0: indirect branches (B4), miscellaneous (B8) and break (B9).
const OP0_ROWS: Row[] = [
  ...unconditional('br', 'B4', { op: 0, x6: 0x20, btype: 0 }, 'B2'),
  ...hinted('br.cond', 'B4', { op: 0, x6: 0x20, btype: 0 }, 'B2'),
  ...hinted('br.ia', 'B4', { op: 0, x6: 0x20, btype: 1 }, 'B2'),
  ...hinted('br.ret', 'B4', { op: 0, x6: 0x21, btype: 4 }, 'B2'),
  ['cover', 'B8', { op: 0, x6: 0x02 }, '', Flag.NoPred | Flag.Last],
  ['clrrrb', 'B8', { op: 0, x6: 0x04 }, '', Flag.NoPred | Flag.Last],
  ['clrrrb.pr', 'B8', { op: 0, x6: 0x05 }, '', Flag.NoPred | Flag.Last],
  ['rfi', 'B8', { op: 0, x6: 0x08 }, '', Flag.NoPred | Flag.Last | Flag.Priv],
  ['bsw.0', 'B8', { op: 0, x6: 0x0c }, '', Flag.NoPred | Flag.Last | Flag.Priv],
  ['bsw.1', 'B8', { op: 0, x6: 0x0d }, '', Flag.NoPred | Flag.Last | Flag.Priv],
  ['epc', 'B8', { op: 0, x6: 0x10 }, '', Flag.NoPred],
  ['vmsw.0', 'B8', { op: 0, x6: 0x18 }, '', Flag.NoPred | Flag.Priv],
  ['vmsw.1', 'B8', { op: 0, x6: 0x19 }, '', Flag.NoPred | Flag.Priv],
  ['break.b', 'B9', { op: 0, x6: 0x00 }, 'IMMU21'],
];

// Major opcode 1: indirect call (B5).
const OP1_ROWS: Row[] = hinted('br.call', 'B5', { op: 1 }, 'B1=B2', 0, WH_CALL);

/** Importance hint (ih) completers of a branch predict. */
const IH: ReadonlyArray<readonly [string, number]> = [
  ['', 0],
  ['.imp', 1],
];

// Major opcode 2: indirect predict (B7), nop and hint (B9). Only the sptk
// and dptk hints exist for the indirect form. Predicts carry no predicate:
// bits 3-4, inside the qp field, hold the whether hint.
const INDIRECT_PREDICT: ReadonlyArray<readonly [string, number]> = [
  ['brp', 0x10],
  ['brp.ret', 0x11],
];

const INDIRECT_PREDICT_WH: ReadonlyArray<readonly [string, number]> = [
  ['.sptk', 0],
  ['.dptk', 2],
];

const OP2_ROWS: Row[] = [
  ...INDIRECT_PREDICT.flatMap(([name, x6]) =>
    INDIRECT_PREDICT_WH.flatMap(([w, wh]) =>
      IH.map(([imp, ih]): Row => [`${name}${w}${imp}`, 'B7', { op: 2, x6, ih, wh }, 'B2,TAG13', Flag.NoPred]),
    ),
  ),
  ['nop.b', 'B9', { op: 2, x6: 0x00 }, 'IMMU21'],
  ['hint.b', 'B9', { op: 2, x6: 0x01 }, 'IMMU21'],
];

// Major opcode 4: IP-relative branches (B1) and counted branches (B2). The
// loop branches must sit in slot 2 of a bundle; the counted ones have no
// qualifying predicate.
const OP4_ROWS: Row[] = [
  ...unconditional('br', 'B1', { op: 4, btype: 0 }, 'TGT25c'),
  ...hinted('br.cond', 'B1', { op: 4, btype: 0 }, 'TGT25c'),
  ...hinted('br.wexit', 'B1', { op: 4, btype: 2 }, 'TGT25c', Flag.Slot2),
  ...hinted('br.wtop', 'B1', { op: 4, btype: 3 }, 'TGT25c', Flag.Slot2),
  ...hinted('br.cloop', 'B2', { op: 4, btype: 5 }, 'TGT25c', Flag.Slot2 | Flag.NoPred),
  ...hinted('br.cexit', 'B2', { op: 4, btype: 6 }, 'TGT25c', Flag.Slot2 | Flag.NoPred),
  ...hinted('br.ctop', 'B2', { op: 4, btype: 7 }, 'TGT25c', Flag.Slot2 | Flag.NoPred),
];

// Major opcode 5: IP-relative call (B3).
const OP5_ROWS: Row[] = hinted('br.call', 'B3', { op: 5 }, 'B1=TGT25c');

// Major opcode 7: IP-relative predict (B6), with all four whether hints.
const BRP_WH: ReadonlyArray<readonly [string, number]> = [
  ['.sptk', 0],
  ['.loop', 1],
  ['.dptk', 2],
  ['.exit', 3],
];

const OP7_ROWS: Row[] = IH.flatMap(([imp, ih]) =>
  BRP_WH.map(([w, wh]): Row => [`brp${w}${imp}`, 'B6', { op: 7, ih, wh }, 'TGT25c,TAG13', Flag.NoPred]),
);

const ROWS: Row[] = [...OP0_ROWS, ...OP1_ROWS, ...OP2_ROWS, ...OP4_ROWS, ...OP5_ROWS, ...OP7_ROWS];

export const B_ROWS = defineRows('B', FORMATS, ROWS);
