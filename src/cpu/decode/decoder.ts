// Slot and bundle decoding. Rows are indexed by (type, major opcode); within a
// bucket the first row, in table order, whose fixed bits match wins, which is
// also how GNU objdump resolves pseudo-ops (they are listed before the
// general form they specialise).

import { extractOperand } from './operands.js';
import { A_ROWS } from './tables/a.js';
import { B_ROWS } from './tables/b.js';
import { F_ROWS } from './tables/f.js';
import { I_ROWS } from './tables/i.js';
import { M_ROWS } from './tables/m.js';
import { X_ROWS } from './tables/x.js';
import { Flag, InsnDef, InsnType, rowMatches } from './table.js';
import { field, majorOpcode, slotHi, slotLo } from './slot.js';
import { TEMPLATES, Template, Unit } from './templates.js';

/** One decoded instruction slot. */
export interface Insn {
  /** The matching table row, or null if the slot does not decode. */
  readonly def: InsnDef | null;
  /** The raw 41-bit slot. */
  readonly slot: number;
  /** Qualifying predicate register number (0 when the row cannot be predicated). */
  readonly qp: number;
  /** Operand values, in the row's operand order (registers as numbers). */
  readonly ops: readonly number[];
  /**
   * The instruction's immediate as a 64-bit two's complement BigInt: the
   * first immediate or relative operand (for movl, the full imm64; for
   * brl, the IP-relative displacement). 0n when there is none.
   */
  readonly imm: bigint;
}

/** A decoded bundle. */
export interface Bundle {
  readonly template: Template;
  /** Three slots; for MLX, slot 1 is the L half (def null) and slot 2 the X instruction. */
  readonly insns: readonly [Insn, Insn, Insn];
}

/**
 * A decision tree over the rows of one instruction type. Each node keys on
 * a run of up to 10 contiguous bits that every row under it fixes, so every
 * row that can match a slot lies in the slot's branch, and table order
 * (first match wins) is kept within a leaf.
 */
interface IndexNode {
  /** The key is slot bits [pos, pos + len). */
  readonly pos: number;
  readonly len: number;
  readonly next: readonly (IndexNode | readonly InsnDef[] | undefined)[];
}

const LEAF_SIZE = 4;
const KEY_BITS = 10;

function bitOf(lo: number, hi: number, pos: number): number {
  return pos < 32 ? (lo >>> pos) & 1 : (hi >>> (pos - 32)) & 1;
}

/** Bits [pos, pos + len) of a slot split in low 32 and high 9 bits (len <= 10). */
function keyOf(lo: number, hi: number, pos: number, len: number): number {
  const mask = (1 << len) - 1;
  if (pos >= 32) return (hi >>> (pos - 32)) & mask;
  if (pos + len <= 32) return (lo >>> pos) & mask;
  return ((lo >>> pos) | (hi << (32 - pos))) & mask;
}

function buildIndex(rows: readonly InsnDef[], usedLo: number, usedHi: number): IndexNode | readonly InsnDef[] {
  if (rows.length <= LEAF_SIZE) return rows;
  let lo = ~usedLo >>> 0;
  let hi = ~usedHi & 0x1ff;
  for (const d of rows) {
    lo &= d.maskLo;
    hi &= d.maskHi;
  }
  // The longest run of bits every row fixes, at most KEY_BITS of it.
  let best = { pos: -1, len: 0 };
  for (let p = 40; p >= 0; ) {
    if (!bitOf(lo, hi, p)) {
      p--;
      continue;
    }
    let q = p;
    while (q > 0 && bitOf(lo, hi, q - 1)) q--;
    const len = Math.min(p - q + 1, KEY_BITS);
    if (len > best.len) best = { pos: p - len + 1, len };
    p = q - 1;
  }
  if (best.len === 0) return rows;
  const { pos, len } = best;
  const groups: InsnDef[][] = Array.from({ length: 1 << len }, () => []);
  for (const d of rows) groups[keyOf(d.bitsLo, d.bitsHi, pos, len)].push(d);
  let nLo = usedLo;
  let nHi = usedHi;
  for (let b = pos; b < pos + len; b++) {
    if (b < 32) nLo |= 1 << b;
    else nHi |= 1 << (b - 32);
  }
  return { pos, len, next: groups.map((g) => (g.length ? buildIndex(g, nLo, nHi) : undefined)) };
}

const INDEX = new Map<InsnType, IndexNode | readonly InsnDef[]>([
  ['A', buildIndex(A_ROWS, 0, 0)],
  ['I', buildIndex(I_ROWS, 0, 0)],
  ['M', buildIndex(M_ROWS, 0, 0)],
  ['B', buildIndex(B_ROWS, 0, 0)],
  ['F', buildIndex(F_ROWS, 0, 0)],
  ['X', buildIndex(X_ROWS, 0, 0)],
]);

/** The instruction type a slot of the given unit decodes as. */
export function typeForUnit(unit: Unit, slot: number): InsnType | null {
  switch (unit) {
    case 'M':
    case 'I':
      return majorOpcode(slot) >= 8 ? 'A' : unit;
    case 'B':
    case 'F':
      return unit;
    case 'X':
      return 'X';
    case 'L':
      return null;
  }
}

/** Find the table row for a slot, or null. */
export function lookup(type: InsnType, slot: number): InsnDef | null {
  const lo = slotLo(slot);
  const hi = slotHi(slot);
  let node: IndexNode | readonly InsnDef[] | undefined = INDEX.get(type);
  while (node && !Array.isArray(node)) {
    const n: IndexNode = node as IndexNode;
    node = n.next[keyOf(lo, hi, n.pos, n.len)];
  }
  if (!node) return null;
  const rows = node as readonly InsnDef[];
  for (let i = 0; i < rows.length; i++) {
    const def = rows[i];
    if (rowMatches(def, lo, hi) && verify(def, slot)) return def;
  }
  return null;
}

/** Extra constraints of some pseudo-ops that a mask cannot express. */
function verify(def: InsnDef, slot: number): boolean {
  if (def.flags & Flag.F2EqF3) return field(slot, 13, 7) === field(slot, 20, 7);
  if (def.flags & Flag.LenEq64MCnt) {
    const len = field(slot, 27, 6) + 1;
    const cnt = extractOperand(def.operands[2], slot);
    return len === 64 - cnt;
  }
  return true;
}

const EMPTY: readonly number[] = [];

/** Decode one slot of the given unit; lSlot is the L slot for an X-unit instruction. */
export function decodeSlot(unit: Unit, slot: number, lSlot = 0): Insn {
  const type = typeForUnit(unit, slot);
  const def = type ? lookup(type, slot) : null;
  if (!def) return { def: null, slot, qp: slotLo(slot) & 0x3f, ops: EMPTY, imm: 0n };
  const ops: number[] = new Array(def.operands.length);
  let imm: bigint | null = null;
  for (let i = 0; i < def.operands.length; i++) {
    const o = def.operands[i];
    if (o.xform === 'wide') {
      const wide = wideOperand(o.name, slot, lSlot);
      ops[i] = Number(BigInt.asIntN(64, wide));
      imm ??= wide;
    } else {
      ops[i] = extractOperand(o, slot);
      if (imm === null && (o.cls === 'abs' || o.cls === 'rel')) imm = immOf(ops[i]);
    }
  }
  const qp = def.flags & Flag.NoPred ? 0 : slotLo(slot) & 0x3f;
  return { def, slot, qp, ops, imm: imm ?? 0n };
}

/** The operands of X-unit instructions that take bits from the L slot (Vol. 3, formats X1-X5). */
function wideOperand(name: string, x: number, l: number): bigint {
  const X = BigInt(x);
  const L = BigInt(l);
  const b = (pos: number, len: number) => (X >> BigInt(pos)) & ((1n << BigInt(len)) - 1n);
  switch (name) {
    case 'IMMU64': // imm7b, imm9d, imm5c, ic, imm41, i
      return (
        b(13, 7) | (b(27, 9) << 7n) | (b(22, 5) << 16n) | (b(21, 1) << 21n) | (L << 22n) | (b(36, 1) << 63n)
      );
    case 'IMMU62': // imm20a, i, imm41
      return b(6, 20) | (b(36, 1) << 20n) | (L << 21n);
    case 'TGT64': // (imm20b, imm39, i) << 4; the imm39 is bits 2..40 of the L slot
      return BigInt.asUintN(64, (b(13, 20) | ((L >> 2n) << 20n) | (b(36, 1) << 59n)) << 4n);
    default:
      throw new Error(`no wide operand ${name}`);
  }
}

/** Decode a bundle from 16 bytes at offset in buf. */
/** The little-endian 32-bit word at buf[i]. */
function word(buf: Uint8Array, i: number): number {
  return (buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24)) >>> 0;
}

export function decodeBundle(buf: Uint8Array, offset = 0): Bundle {
  // Read the four words directly: no view or tuple to allocate.
  const w0 = word(buf, offset);
  const w1 = word(buf, offset + 4);
  const w2 = word(buf, offset + 8);
  const w3 = word(buf, offset + 12);
  // slot0 = bits 5..45, slot1 = bits 46..86, slot2 = bits 87..127 (as splitBundle).
  return decodeSlots(w0 & 0x1f, (w0 >>> 5) + (w1 & 0x3fff) * 2 ** 27, (w1 >>> 14) + (w2 & 0x7fffff) * 2 ** 18, (w2 >>> 23) + w3 * 2 ** 9);
}

function illegal(s: number): Insn {
  return { def: null, slot: s, qp: 0, ops: EMPTY, imm: 0n };
}

/** BigInts of the small immediates most instructions carry, made once. */
const SMALL_IMM: readonly bigint[] = Array.from({ length: 1024 }, (_, k) => BigInt.asUintN(64, BigInt(k - 512)));

function immOf(v: number): bigint {
  return v >= -512 && v < 512 ? SMALL_IMM[v + 512] : BigInt.asUintN(64, BigInt(v));
}

/** Decode a bundle given its template number and slots. */
export function decodeSlots(t: number, s0: number, s1: number, s2: number): Bundle {
  const template = TEMPLATES[t];
  const units = template.units;
  if (!units) return { template, insns: [illegal(s0), illegal(s1), illegal(s2)] };
  return {
    template,
    insns: [
      decodeSlot(units[0], s0),
      units[1] === 'L' ? illegal(s1) : decodeSlot(units[1], s1),
      decodeSlot(units[2], s2, s1),
    ],
  };
}
