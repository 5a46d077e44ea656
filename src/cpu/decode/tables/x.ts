// X-type instruction encodings (Vol. 3, Part I, chapter 4): the long
// instructions of an MLX bundle, whose 41-bit L slot (slot 1) carries the
// upper part of the immediate. The decoder assembles the wide operands:
//   IMMU64 (movl):  i:imm41:ic:imm5c:imm9d:imm7b, imm41 being the whole L slot;
//   IMMU62 (break.x, nop.x, hint.x):  imm41:i:imm20a;
//   TGT64 (brl):  (i:imm39:imm20b) << 4, imm39 being bits 2-40 of the L slot.
// For brl the manual ignores bits 0-1 of the L slot, and objdump 2.40 does
// too, so the printed target is exactly the IP-relative target the branch
// takes: IP of the bundle + TGT64.

import { defineRows, FormatFields, Row } from '../table.js';
import { hinted, unconditional } from './b.js';

/** Field layouts of the X-unit formats (X slot only): name -> [position, length]. */
const FORMATS: Record<string, FormatFields> = {
  // Break.
  X1: { i: [36, 1], x3: [33, 3], x6: [27, 6], imm20a: [6, 20] },
  // Move long immediate.
  X2: { i: [36, 1], imm9d: [27, 9], imm5c: [22, 5], ic: [21, 1], vc: [20, 1], imm7b: [13, 7], r1: [6, 7] },
  // Long branch.
  X3: { i: [36, 1], d: [35, 1], wh: [33, 2], imm20b: [13, 20], p: [12, 1], btype: [6, 3] },
  // Long call.
  X4: { i: [36, 1], d: [35, 1], wh: [33, 2], imm20b: [13, 20], p: [12, 1], b1: [6, 3] },
  // Nop and hint.
  X5: { i: [36, 1], x3: [33, 3], x6: [27, 6], y: [26, 1], imm20a: [6, 20] },
};

const ROWS: Row[] = [
  // X1 and X5, major opcode 0: break, nop and hint (y tells nop from hint).
  ['break.x', 'X1', { op: 0, x3: 0, x6: 0x00 }, 'IMMU62'],
  ['nop.x', 'X5', { op: 0, x3: 0, x6: 0x01, y: 0 }, 'IMMU62'],
  ['hint.x', 'X5', { op: 0, x3: 0, x6: 0x01, y: 1 }, 'IMMU62'],
  // X2, major opcode 6: move long immediate.
  ['movl', 'X2', { op: 6, vc: 0 }, 'R1=IMMU64'],
  // X3, major opcode 12: long branch. Unpredicated and statically taken, it
  // is unconditional and objdump drops ".cond.sptk", so these rows come first.
  ...unconditional('brl', 'X3', { op: 0xc, btype: 0 }, 'TGT64'),
  ...hinted('brl.cond', 'X3', { op: 0xc, btype: 0 }, 'TGT64'),
  // X4, major opcode 13: long call.
  ...hinted('brl.call', 'X4', { op: 0xd }, 'B1=TGT64'),
];

export const X_ROWS = defineRows('X', FORMATS, ROWS);
