// A 41-bit instruction slot is held exactly in a JS number (< 2^53), so no
// BigInt is needed until an operand is wider than 32 bits.

export const TWO32 = 0x1_0000_0000;

/** Bits [pos, pos+len) of a 41-bit slot. */
export function field(slot: number, pos: number, len: number): number {
  if (len > 32) return Math.floor(slot / 2 ** pos) % 2 ** len;
  const mask = len === 32 ? 0xffffffff : (1 << len) - 1;
  if (pos + len <= 32) return (((slot % TWO32) >>> pos) & mask) >>> 0;
  const hi = Math.floor(slot / TWO32);
  if (pos >= 32) return (hi >>> (pos - 32)) & mask;
  // The field straddles bit 32.
  const loPart = (slot % TWO32) >>> pos;
  return ((loPart + hi * 2 ** (32 - pos)) % 2 ** len) >>> 0;
}

/** The slot with bits [pos, pos+len) replaced by value. */
export function insertField(slot: number, pos: number, len: number, value: number): number {
  const old = field(slot, pos, len);
  return slot + (value % 2 ** len - old) * 2 ** pos;
}

/** Low 32 bits and high 9 bits of a slot, for mask/match tests. */
export function slotLo(slot: number): number {
  return slot % TWO32 >>> 0;
}
export function slotHi(slot: number): number {
  return Math.floor(slot / TWO32);
}

/** The qualifying predicate (bits 0-5). */
export function qpOf(slot: number): number {
  return slotLo(slot) & 0x3f;
}

/** The major opcode (bits 37-40). */
export function majorOpcode(slot: number): number {
  return slotHi(slot) >>> 5;
}

/** Split a 128-bit bundle, given as 4 little-endian 32-bit words, into its template and slots. */
export function splitBundle(w0: number, w1: number, w2: number, w3: number): [number, number, number, number] {
  const template = w0 & 0x1f;
  // slot0 = bits 5..45, slot1 = bits 46..86, slot2 = bits 87..127
  const s0 = (w0 >>> 5) + (w1 & 0x3fff) * 2 ** 27;
  const s1 = (w1 >>> 14) + (w2 & 0x7fffff) * 2 ** 18;
  const s2 = (w2 >>> 23) + w3 * 2 ** 9;
  return [template, s0, s1, s2];
}

/** Split a bundle given as a 128-bit BigInt (little-endian bit numbering). */
export function splitBundleBig(bundle: bigint): [number, number, number, number] {
  const w = (i: number) => Number((bundle >> BigInt(32 * i)) & 0xffffffffn);
  return splitBundle(w(0), w(1), w(2), w(3));
}

/** Reassemble a bundle from template and slots (inverse of splitBundleBig). */
export function joinBundle(template: number, s0: number, s1: number, s2: number): bigint {
  return (
    BigInt(template & 0x1f) |
    (BigInt(s0) << 5n) |
    (BigInt(s1) << 46n) |
    (BigInt(s2) << 87n)
  );
}
