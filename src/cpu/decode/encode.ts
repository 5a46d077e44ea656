// Encoding operands into slots: the inverse of extractOperand and of the
// decoder's two-slot immediates, so that tests (and tools) can build any
// instruction from its row and operand values.

import { OperandKind } from './operands.js';
import { insertField } from './slot.js';

const INC3 = [16, 8, 4, 1];
const CNT2C = [0, 7, 15, 16];

function width(o: OperandKind): number {
  return o.fields.reduce((w, [len]) => w + len, 0);
}

/** The raw field bits that make extractOperand return value, or null if no bits do. */
export function rawForValue(o: OperandKind, value: number): number | null {
  const w = width(o);
  const unscaled = value / 2 ** o.scale;
  if (!Number.isInteger(unscaled)) return null;
  const span = 2 ** w;
  const signed = (v: number) => (v >= -span / 2 && v < span / 2 ? (v < 0 ? v + span : v) : null);
  const unsigned = (v: number) => (v >= 0 && v < span ? v : null);
  switch (o.xform) {
    case 'u':
      return unsigned(unscaled);
    case 's':
      return signed(unscaled);
    case 'minus1':
      return signed(unscaled - 1);
    case 'c':
      return unsigned(span - 1 - unscaled);
    case 'plus1':
      return unsigned(unscaled - 1);
    case 'plus32':
      return unsigned(unscaled - 32);
    case 'inc3': {
      const i = INC3.indexOf(Math.abs(unscaled));
      return i < 0 ? null : i | (unscaled < 0 ? 4 : 0);
    }
    case 'cnt2c': {
      const i = CNT2C.indexOf(unscaled);
      return i < 0 ? null : i;
    }
    case 'wide':
      return null;
  }
}

/**
 * The slot with operand o set to value (a register number or an immediate,
 * as extractOperand returns it). Throws a RangeError if o cannot hold the
 * value; constants only "hold" 0, their extracted value.
 */
export function insertOperand(o: OperandKind, slot: number, value: number): number {
  if (o.cls === 'cst') {
    if (value !== 0) throw new RangeError(`operand ${o.name} is the constant ${o.str}`);
    return slot;
  }
  if (o.xform === 'wide') throw new RangeError(`operand ${o.name} spans two slots; use insertWide`);
  let raw = rawForValue(o, value);
  if (raw === null) throw new RangeError(`operand ${o.name} cannot hold ${value}`);
  for (const [len, pos] of o.fields) {
    slot = insertField(slot, pos, len, raw % 2 ** len);
    raw = Math.floor(raw / 2 ** len);
  }
  return slot;
}

/** The slot with bits [pos, pos+len) replaced by the low len bits of value (len <= 41). */
function put(slot: number, pos: number, len: number, value: bigint): number {
  return insertField(slot, pos, len, Number(value & ((1n << BigInt(len)) - 1n)));
}

/**
 * The X slot and L slot of an MLX bundle with a two-slot operand set to
 * value (Vol. 3, formats X1-X5): IMMU64 (movl), IMMU62 (nop.x, break.x) and
 * TGT64 (brl, a multiple of 16 relative to the bundle). Other bits are kept.
 */
export function insertWide(name: string, x: number, l: number, value: bigint): [number, number] {
  const v = BigInt.asUintN(64, value);
  const bits = (from: number, len: number) => (v >> BigInt(from)) & ((1n << BigInt(len)) - 1n);
  const withL = (from: number, len: number, at = 0) => put(l, at, len, bits(from, len));
  switch (name) {
    case 'IMMU64':
      x = put(x, 13, 7, bits(0, 7));
      x = put(x, 27, 9, bits(7, 9));
      x = put(x, 22, 5, bits(16, 5));
      x = put(x, 21, 1, bits(21, 1));
      x = put(x, 36, 1, bits(63, 1));
      return [x, withL(22, 41)];
    case 'IMMU62':
      if (v >> 62n) throw new RangeError(`operand IMMU62 cannot hold ${value}`);
      x = put(x, 6, 20, bits(0, 20));
      x = put(x, 36, 1, bits(20, 1));
      return [x, withL(21, 41)];
    case 'TGT64':
      if (v & 0xfn) throw new RangeError(`branch target ${value} is not a bundle offset`);
      x = put(x, 13, 20, bits(4, 20));
      x = put(x, 36, 1, bits(63, 1));
      return [x, withL(24, 39, 2)];
    default:
      throw new RangeError(`no two-slot operand ${name}`);
  }
}
