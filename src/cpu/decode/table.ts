// The instruction table: every encoding is a row of data (mnemonic, format,
// fixed field values, operands, flags), in the manner of Spike's opcode
// tables. Adding an instruction is one row here plus one semantic function.

import { OperandKind, operandKind } from './operands.js';

/** Instruction type as the decoder selects its table (A runs on I or M units). */
export type InsnType = 'A' | 'I' | 'M' | 'B' | 'F' | 'X';

/** Row flags. */
export const enum Flag {
  None = 0,
  /** Cannot be predicated: objdump prints no (qp) even when bits 0-5 are set. */
  NoPred = 1 << 0,
  /** Pseudo-op that only matches when f2 == f3 (fmov, fabs, fneg...). */
  F2EqF3 = 1 << 1,
  /** Pseudo-op that only matches when len == 64 - count (shl, shr...). */
  LenEq64MCnt = 1 << 2,
  /** Privileged: needs PSR.cpl == 0. */
  Priv = 1 << 3,
  /** Must be last in an instruction group. */
  Last = 1 << 4,
  /** Must be first in an instruction group. */
  First = 1 << 5,
  /** Base-register update (post-increment) form. */
  PostInc = 1 << 6,
  /** Only valid in slot 2 of a bundle. */
  Slot2 = 1 << 7,
}

/** Field layout of one instruction format: name -> [position, length]. */
export type FormatFields = Readonly<Record<string, readonly [number, number]>>;

export interface InsnDef {
  /** Index in the combined table. */
  readonly id: number;
  /** Mnemonic with completers, as objdump prints it (e.g. "ld8.s.nta"). */
  readonly name: string;
  readonly type: InsnType;
  /** Instruction format in the manual's numbering (e.g. "A1", "M17"). */
  readonly format: string;
  readonly maskLo: number;
  readonly maskHi: number;
  readonly bitsLo: number;
  readonly bitsHi: number;
  readonly operands: readonly OperandKind[];
  /** How many leading operands are outputs (printed before "="). */
  readonly numOutputs: number;
  readonly flags: number;
}

export interface RowSpec {
  name: string;
  format: string;
  /** Fixed field values; keys are field names of the format, or "pos:len". */
  enc: Readonly<Record<string, number>>;
  /** Operands as "OUT,OUT=IN,IN" using operand kind names; "" for none. */
  operands: string;
  flags?: number;
}

/** A row in compact array form: [name, format, enc, operands, flags?]. */
export type Row = readonly [string, string, Readonly<Record<string, number>>, string, number?];

/** Fields common to every format. */
const COMMON: FormatFields = { op: [37, 4], qp: [0, 6] };

let nextId = 0;
const ALL: InsnDef[] = [];
const LAYOUTS = new Map<InsnType, Readonly<Record<string, FormatFields>>>();

/** Build the rows of one table, appending them to the global list. */
export function defineRows(type: InsnType, formats: Readonly<Record<string, FormatFields>>, rows: readonly Row[]): InsnDef[] {
  LAYOUTS.set(type, { ...LAYOUTS.get(type), ...formats });
  const out: InsnDef[] = [];
  for (const [name, format, enc, opnds, flags = 0] of rows) {
    const layout = formats[format];
    if (!layout) throw new Error(`row ${name}: unknown format ${format}`);
    let maskLo = 0, maskHi = 0, bitsLo = 0, bitsHi = 0;
    for (const [key, value] of Object.entries(enc)) {
      const where = layout[key] ?? COMMON[key] ?? parsePosLen(key);
      if (!where) throw new Error(`row ${name} (${format}): unknown field ${key}`);
      const [pos, len] = where;
      if (value < 0 || value >= 2 ** len) throw new Error(`row ${name}: ${key}=${value} does not fit ${len} bits`);
      for (let i = 0; i < len; i++) {
        const bit = pos + i;
        const set = Math.floor(value / 2 ** i) % 2 === 1;
        if (bit < 32) {
          maskLo |= 1 << bit;
          if (set) bitsLo |= 1 << bit;
        } else {
          maskHi |= 1 << (bit - 32);
          if (set) bitsHi |= 1 << (bit - 32);
        }
      }
    }
    const { operands, numOutputs } = parseOperands(opnds);
    const def: InsnDef = {
      id: nextId++,
      name,
      type,
      format,
      maskLo: maskLo >>> 0,
      maskHi,
      bitsLo: bitsLo >>> 0,
      bitsHi,
      operands,
      numOutputs,
      flags,
    };
    out.push(def);
    ALL.push(def);
  }
  return out;
}

function parsePosLen(key: string): readonly [number, number] | undefined {
  const m = /^(\d+):(\d+)$/.exec(key);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function parseOperands(spec: string): { operands: OperandKind[]; numOutputs: number } {
  if (spec === '') return { operands: [], numOutputs: 0 };
  const eq = spec.indexOf('=');
  const outs = eq < 0 ? [] : spec.slice(0, eq).split(',');
  const ins = (eq < 0 ? spec : spec.slice(eq + 1)).split(',').filter((s) => s !== '');
  return { operands: [...outs, ...ins].map(operandKind), numOutputs: outs.length };
}

/** Does the slot (split in low 32 / high 9 bits) carry this row's fixed bits? */
export function rowMatches(def: InsnDef, lo: number, hi: number): boolean {
  return ((lo & def.maskLo) >>> 0) === def.bitsLo && (hi & def.maskHi) === def.bitsHi;
}

/** The field layouts of the formats of each instruction type defined so far. */
export function formatLayouts(): ReadonlyMap<InsnType, Readonly<Record<string, FormatFields>>> {
  return LAYOUTS;
}

/** Every row defined so far. */
export function allRows(): readonly InsnDef[] {
  return ALL;
}

