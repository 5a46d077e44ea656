// M-unit memory instructions, major opcodes 4-7 (formats M1-M19): integer
// and FP loads and stores with their base-update forms, line prefetch,
// semaphores and the FR/GR transfers. Every row pins all of its opcode bits,
// so no two rows overlap and table order does not matter here.

import { Flag, Row } from '../table.js';

type Enc = Record<string, number>;

/** A locality hint completer: suffix, hint field value, hx extension bit (when the format has one). */
type Hint = readonly [suffix: string, hint?: number, hx?: number];

// Load hints (ldhint), as objdump names them: .nt1/.nta, and the Itanium
// 9500's .d2 and .d4-.d7. Only the no-update forms M1/M6 carry the wide set.
const LD_HINTS: readonly Hint[] = [['', 0], ['.nt1', 1], ['.nta', 3]];
const LD_HINTS_WIDE: readonly Hint[] = [
  ['', 0, 0], ['.nt1', 1, 0], ['.d2', 2, 0], ['.nta', 3, 0],
  ['.d4', 0, 1], ['.d5', 1, 1], ['.d6', 2, 1], ['.d7', 3, 1],
];
// Store hints (sthint): only none and .nta on the immediate-update forms.
const ST_HINTS: readonly Hint[] = [['', 0], ['.nta', 3]];
const ST_HINTS_WIDE: readonly Hint[] = [
  ['', 0, 0], ['.d1', 1, 0], ['.d2', 2, 0], ['.nta', 3, 0],
  ['.d4', 0, 1], ['.d5', 1, 1], ['.d6', 2, 1], ['.d7', 3, 1],
];
// Line prefetch hints (lfhint) add .nt2 in hint value 2.
const LF_HINTS: readonly Hint[] = [
  ['', 0, 0], ['.nt1', 1, 0], ['.nt2', 2, 0], ['.nta', 3, 0],
  ['.d4', 0, 1], ['.d5', 1, 1], ['.d6', 2, 1], ['.d7', 3, 1],
];
/** setf/getf have no hint: the field is ignored. */
const NO_HINT: readonly Hint[] = [['']];

/** One row per (mnemonic, x6) and hint completer. */
function family(
  names: ReadonlyArray<readonly [string, number]>,
  format: string,
  fixed: Enc,
  hints: readonly Hint[],
  operands: string | ((name: string) => string),
  flags = 0,
): Row[] {
  const rows: Row[] = [];
  for (const [name, x6] of names) {
    for (const [suffix, hint, hx] of hints) {
      const enc: Enc = { ...fixed, x6 };
      if (hint !== undefined) enc.hint = hint;
      if (hx !== undefined) enc.hx = hx;
      const opnds = typeof operands === 'string' ? operands : operands(name);
      rows.push([name + suffix, format, enc, opnds, flags]);
    }
  }
  return rows;
}

/** Names and x6 values: each completer's base x6 plus the size's index. */
function sized(prefix: string, sizes: readonly string[], types: ReadonlyArray<readonly [string, number]>): [string, number][] {
  const out: [string, number][] = [];
  for (const [type, base] of types) sizes.forEach((size, i) => out.push([`${prefix}${size}${type}`, base + i]));
  return out;
}

// Integer load types (ldtype) and their x6 base; the size adds 0-3.
const LD_TYPES = [
  ['', 0x00], ['.s', 0x04], ['.a', 0x08], ['.sa', 0x0c], ['.bias', 0x10], ['.acq', 0x14],
  ['.c.clr', 0x20], ['.c.nc', 0x24], ['.c.clr.acq', 0x28],
] as const;
const INT_LOADS: [string, number][] = [...sized('ld', ['1', '2', '4', '8'], LD_TYPES), ['ld8.fill', 0x1b]];
const INT_STORES: [string, number][] = [...sized('st', ['1', '2', '4', '8'], [['', 0x30], ['.rel', 0x34]]), ['st8.spill', 0x3b]];

// FP loads: x6 orders the sizes e, 8, s, d.
const FP_SIZES = ['e', '8', 's', 'd'];
const FP_TYPES = [['', 0x00], ['.s', 0x04], ['.a', 0x08], ['.sa', 0x0c], ['.c.clr', 0x20], ['.c.nc', 0x24]] as const;
const FP_LOADS: [string, number][] = [...sized('ldf', FP_SIZES, FP_TYPES), ['ldf.fill', 0x1b]];
const FP_STORES: [string, number][] = [...sized('stf', FP_SIZES, [['', 0x30]]), ['stf.spill', 0x3b]];
// FP load pairs have no extended-precision form (x6 low bits 0 are reserved).
const FP_PAIRS: [string, number][] = sized('ldfp', FP_SIZES, FP_TYPES).filter(([name]) => !name.startsWith('ldfpe'));

const LFETCH: [string, number][] = [['lfetch', 0x2c], ['lfetch.excl', 0x2d], ['lfetch.fault', 0x2e], ['lfetch.fault.excl', 0x2f]];

// Semaphores (M16/M17), at major opcode 4 with x = 1 like the 16-byte
// accesses and getf.
const CMPXCHG: [string, number][] = sized('cmpxchg', ['1', '2', '4', '8'], [['.acq', 0x00], ['.rel', 0x04]]);
const XCHG: [string, number][] = sized('xchg', ['1', '2', '4', '8'], [['', 0x08]]);
const FETCHADD: [string, number][] = [
  ['fetchadd4.acq', 0x12], ['fetchadd8.acq', 0x13], ['fetchadd4.rel', 0x16], ['fetchadd8.rel', 0x17],
];
const TRANSFERS = [['.sig', 0x1c], ['.exp', 0x1d], ['.s', 0x1e], ['.d', 0x1f]] as const;
const GETF: [string, number][] = TRANSFERS.map(([c, x6]) => [`getf${c}`, x6]);
const SETF: [string, number][] = TRANSFERS.map(([c, x6]) => [`setf${c}`, x6]);

const pairInc = (name: string) => `F1,F2=MR3,${name.startsWith('ldfps') ? 'C8' : 'C16'}`;
const P = Flag.PostInc;

export const M_MEMORY_ROWS: Row[] = [
  // M1: integer load; M2: ... with base update by register; M3: ... by imm9.
  ...family(INT_LOADS, 'M1', { op: 4, m: 0, x: 0 }, LD_HINTS_WIDE, 'R1=MR3'),
  ...family(INT_LOADS, 'M2', { op: 4, m: 1, x: 0 }, LD_HINTS, 'R1=MR3,R2', P),
  ...family(INT_LOADS, 'M3', { op: 5 }, LD_HINTS, 'R1=MR3,IMM9b', P),
  // M4: integer store; M5: ... with base update by imm9.
  ...family(INT_STORES, 'M4', { op: 4, m: 0, x: 0 }, ST_HINTS_WIDE, 'MR3=R2'),
  ...family(INT_STORES, 'M5', { op: 5 }, ST_HINTS, 'MR3=R2,IMM9a', P),
  // M16: compare-and-exchange and exchange; M17: fetch-and-add.
  ...family(CMPXCHG, 'M16', { op: 4, m: 0, x: 1 }, LD_HINTS, 'R1=MR3,R2,AR_CCV'),
  ...family([['cmp8xchg16.acq', 0x20], ['cmp8xchg16.rel', 0x24]], 'M16', { op: 4, m: 0, x: 1 }, LD_HINTS, 'R1=MR3,R2,AR_CSD,AR_CCV'),
  ...family(XCHG, 'M16', { op: 4, m: 0, x: 1 }, LD_HINTS, 'R1=MR3,R2'),
  ...family(FETCHADD, 'M17', { op: 4, m: 0, x: 1 }, LD_HINTS, 'R1=MR3,INC3'),
  // 16-byte load and store: the second half goes through ar.csd.
  ...family([['ld16', 0x28], ['ld16.acq', 0x2c]], 'M1', { op: 4, m: 0, x: 1 }, LD_HINTS_WIDE, 'R1,AR_CSD=MR3'),
  ...family([['st16', 0x30], ['st16.rel', 0x34]], 'M4', { op: 4, m: 0, x: 1 }, ST_HINTS_WIDE, 'MR3=R2,AR_CSD'),
  // M19: move FR to GR (getf).
  ...family(GETF, 'M19', { op: 4, m: 0, x: 1 }, NO_HINT, 'R1=F2'),

  // M6: FP load; M7: ... with base update by register; M8: ... by imm9.
  ...family(FP_LOADS, 'M6', { op: 6, m: 0, x: 0 }, LD_HINTS_WIDE, 'F1=MR3'),
  ...family(FP_LOADS, 'M7', { op: 6, m: 1, x: 0 }, LD_HINTS, 'F1=MR3,R2', P),
  ...family(FP_LOADS, 'M8', { op: 7 }, LD_HINTS, 'F1=MR3,IMM9b', P),
  // M9: FP store; M10: ... with base update by imm9.
  ...family(FP_STORES, 'M9', { op: 6, m: 0, x: 0 }, ST_HINTS_WIDE, 'MR3=F2'),
  ...family(FP_STORES, 'M10', { op: 7 }, ST_HINTS, 'MR3=F2,IMM9a', P),
  // M11: FP load pair; M12: ... with base update by the pair's size.
  ...family(FP_PAIRS, 'M11', { op: 6, m: 0, x: 1 }, LD_HINTS, 'F1,F2=MR3'),
  ...family(FP_PAIRS, 'M12', { op: 6, m: 1, x: 1 }, LD_HINTS, pairInc, P),
  // M13: line prefetch; M14: ... with base update by register; M15: ... by imm9.
  ...family(LFETCH.slice(0, 1), 'M13', { op: 6, m: 0, x: 0, count: 0 }, LF_HINTS, 'MR3'),
  ...family(LFETCH.slice(1), 'M13', { op: 6, m: 0, x: 0 }, LF_HINTS, 'MR3'),
  ...family([['lfetch.count', 0x2c]], 'M13', { op: 6, m: 0, x: 0, count: 1 }, LF_HINTS, 'MR3,CNT6a,STRD5b'),
  ...family(LFETCH, 'M14', { op: 6, m: 1, x: 0 }, LF_HINTS, 'MR3,R2', P),
  ...family(LFETCH, 'M15', { op: 7 }, LF_HINTS, 'MR3,IMM9b', P),
  // M18: move GR to FR (setf).
  ...family(SETF, 'M18', { op: 6, m: 0, x: 1 }, NO_HINT, 'F1=R2'),
];
