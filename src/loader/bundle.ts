// Immediate fields of instructions inside bundles, for the relocations that
// patch code. A relocation's offset names a slot: the bundle is offset & ~15
// and the slot offset & 15 (0, 1 or 2). A bundle is 128 bits, little-endian:
// template in bits 0-4, slot k in bits 5 + 41k .. 45 + 41k.
//
// Field positions are those of the instruction formats (Intel Itanium
// Architecture Software Developer's Manual, Vol. 3, Part I, ch. 4): each form
// lists where consecutive bits of the value go in the slot.

import { LoaderError, hex } from './errors.js';

export type ImmForm =
  | 'imm14' // adds (A4)
  | 'imm22' // addl (A5)
  | 'imm64' // movl (X2): 41 bits in the L slot, 23 in the X slot
  | 'tgt25' // fchkf (F14): imm20a + s, in bundles
  | 'tgt25b' // chk.s (M20, M21, I20): imm7a + imm13c + s, in bundles
  | 'tgt25c' // IP-relative br (B1-B3), chk.a (M22, M23): imm20b + s, in bundles
  | 'tgt64'; // brl (X3, X4): imm20b + i in the X slot, imm39 in the L slot, in bundles

/** [first bit of the value, length, first bit in the slot]. */
type Piece = readonly [number, number, number];

interface FormDef {
  /** Pieces in the addressed slot (the X slot for long forms). */
  readonly pieces: readonly Piece[];
  /** Pieces in the L slot (slot 1) of an MLX bundle. */
  readonly lPieces?: readonly Piece[];
  /** Bits stored, after dropping `shift` low zero bits. */
  readonly width: number;
  readonly shift: number;
}

const FORMS: Record<ImmForm, FormDef> = {
  imm14: { pieces: [[0, 7, 13], [7, 6, 27], [13, 1, 36]], width: 14, shift: 0 },
  imm22: { pieces: [[0, 7, 13], [7, 9, 27], [16, 5, 22], [21, 1, 36]], width: 22, shift: 0 },
  imm64: {
    pieces: [[0, 7, 13], [7, 9, 27], [16, 5, 22], [21, 1, 21], [63, 1, 36]],
    lPieces: [[22, 41, 0]],
    width: 64,
    shift: 0,
  },
  tgt25: { pieces: [[0, 20, 6], [20, 1, 36]], width: 21, shift: 4 },
  tgt25b: { pieces: [[0, 7, 6], [7, 13, 20], [20, 1, 36]], width: 21, shift: 4 },
  tgt25c: { pieces: [[0, 20, 13], [20, 1, 36]], width: 21, shift: 4 },
  tgt64: { pieces: [[0, 20, 13], [59, 1, 36]], lPieces: [[20, 39, 2]], width: 60, shift: 4 },
};

const SLOT_MASK = (1n << 41n) - 1n;
/** Templates 0x04 and 0x05: M, L+X. */
const MLX = new Set([0x04, 0x05]);

export function readBundle(buf: Uint8Array, off: number): bigint {
  const dv = new DataView(buf.buffer, buf.byteOffset + off, 16);
  return dv.getBigUint64(0, true) | (dv.getBigUint64(8, true) << 64n);
}

export function writeBundle(buf: Uint8Array, off: number, bundle: bigint): void {
  const dv = new DataView(buf.buffer, buf.byteOffset + off, 16);
  dv.setBigUint64(0, BigInt.asUintN(64, bundle), true);
  dv.setBigUint64(8, BigInt.asUintN(64, bundle >> 64n), true);
}

export function getSlot(bundle: bigint, slot: number): bigint {
  return (bundle >> BigInt(5 + 41 * slot)) & SLOT_MASK;
}

export function setSlot(bundle: bigint, slot: number, value: bigint): bigint {
  const sh = BigInt(5 + 41 * slot);
  return (bundle & ~(SLOT_MASK << sh)) | ((value & SLOT_MASK) << sh);
}

/** Whether a value can be stored in a form: in range, and bundle-aligned for branch targets. */
export function fitsImmediate(form: ImmForm, value: bigint): boolean {
  const { width, shift } = FORMS[form];
  if ((value & ((1n << BigInt(shift)) - 1n)) !== 0n) return false;
  const bits = width + shift;
  if (bits >= 64) return true; // any 64-bit value: stored modulo 2^64
  const half = 1n << BigInt(bits - 1);
  return value >= -half && value < half;
}

/** The range a form holds, for messages: "a signed 22-bit immediate". */
export function describeForm(form: ImmForm): string {
  const { width, shift } = FORMS[form];
  return shift ? `a signed ${width}-bit bundle displacement` : `a signed ${width}-bit immediate`;
}

function checkSlot(buf: Uint8Array, off: number, slot: number, form: ImmForm): FormDef {
  const def = FORMS[form];
  if (!Number.isInteger(slot) || slot < 0 || slot > 2) throw new LoaderError(`slot ${slot} is not 0, 1 or 2`);
  if (off < 0 || off + 16 > buf.length) throw new LoaderError(`bundle at ${hex(off)} lies outside its ${buf.length}-byte section`);
  if (def.lPieces) {
    if (slot === 0) throw new LoaderError(`${form} occupies slots 1 and 2 of an MLX bundle, not slot 0`);
    const t = Number(readBundle(buf, off) & 0x1fn);
    if (!MLX.has(t)) throw new LoaderError(`${form} needs an MLX bundle; the bundle at ${hex(off)} has template ${hex(t)}`);
  }
  return def;
}

function put(slotBits: bigint, raw: bigint, pieces: readonly Piece[]): bigint {
  let s = slotBits;
  for (const [from, len, to] of pieces) {
    const mask = (1n << BigInt(len)) - 1n;
    s = (s & ~(mask << BigInt(to))) | (((raw >> BigInt(from)) & mask) << BigInt(to));
  }
  return s;
}

function take(slotBits: bigint, pieces: readonly Piece[]): bigint {
  let raw = 0n;
  for (const [from, len, to] of pieces) raw |= ((slotBits >> BigInt(to)) & ((1n << BigInt(len)) - 1n)) << BigInt(from);
  return raw;
}

/**
 * Store value in the immediate of the instruction at `slot` of the bundle at
 * buf[off]. Branch forms take a byte displacement from the bundle; long forms
 * (imm64, tgt64) accept slot 1 or 2, both naming the L+X pair, as assemblers
 * use either.
 */
export function insertImmediate(buf: Uint8Array, off: number, slot: number, form: ImmForm, value: bigint): void {
  const def = checkSlot(buf, off, slot, form);
  if (!fitsImmediate(form, value)) throw new LoaderError(`${hex(value)} does not fit ${describeForm(form)}`);
  const raw = BigInt.asUintN(def.width, value >> BigInt(def.shift));
  let b = readBundle(buf, off);
  const at = def.lPieces ? 2 : slot;
  b = setSlot(b, at, put(getSlot(b, at), raw, def.pieces));
  if (def.lPieces) b = setSlot(b, 1, put(getSlot(b, 1), raw, def.lPieces));
  writeBundle(buf, off, b);
}

/** The signed value of an immediate, the inverse of insertImmediate. */
export function extractImmediate(buf: Uint8Array, off: number, slot: number, form: ImmForm): bigint {
  const def = checkSlot(buf, off, slot, form);
  const b = readBundle(buf, off);
  const at = def.lPieces ? 2 : slot;
  let raw = take(getSlot(b, at), def.pieces);
  if (def.lPieces) raw |= take(getSlot(b, 1), def.lPieces);
  return BigInt.asIntN(def.width, raw) << BigInt(def.shift);
}

/** ld8 r1=[r3] (M1: major opcode 4, m = 0, x = 0, x6 = 3; any hint). */
const LD8_MASK = (0xfn << 37n) | (1n << 36n) | (0x3fn << 30n) | (1n << 27n);
const LD8_BITS = (4n << 37n) | (3n << 30n);
/** Bits replaced to turn M1 ld8 into A1 add r1=r0,r3: r2 (13-19) and 27-40. */
const TO_ADD_MASK = (0x7fn << 13n) | (0x3fffn << 27n);
const ADD_BITS = 8n << 37n;

/**
 * The R_IA64_LDXMOV relaxation: the linkage-table load `ld8 rX=[rY]` becomes
 * `add rX=r0,rY` once rY already holds the address itself. Registers and the
 * qualifying predicate are kept.
 */
export function relaxLd8ToMove(buf: Uint8Array, off: number, slot: number): void {
  if (slot < 0 || slot > 2) throw new LoaderError(`slot ${slot} is not 0, 1 or 2`);
  let b = readBundle(buf, off);
  const insn = getSlot(b, slot);
  if ((insn & LD8_MASK) !== LD8_BITS) {
    throw new LoaderError(`slot ${slot} of the bundle at ${hex(off)} holds ${hex(insn)}, not the ld8 r1=[r3] a linkage-table load is`);
  }
  b = setSlot(b, slot, (insn & ~TO_ADD_MASK) | ADD_BITS);
  writeBundle(buf, off, b);
}
