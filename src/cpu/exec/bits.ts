// BigInt constants shared by the integer semantics. Shift counts and masks
// come from these tables so that an instruction converts no number to a
// BigInt while it executes.

export const M64 = (1n << 64n) - 1n;
export const M32 = (1n << 32n) - 1n;

/** N[k] = BigInt(k) for k = 0..64 (shift counts, small results). */
export const N: readonly bigint[] = Array.from({ length: 65 }, (_, k) => BigInt(k));

/** BIT[k] = 2^k for k = 0..63. */
export const BIT: readonly bigint[] = Array.from({ length: 64 }, (_, k) => 1n << BigInt(k));

/** LOW[k]: the low k bits set, k = 0..64. */
export const LOW: readonly bigint[] = Array.from({ length: 65 }, (_, k) => (1n << BigInt(k)) - 1n);

/** Low and high 32-bit halves of a 64-bit value, as numbers. */
export function lo32(v: bigint): number {
  return Number(v & M32);
}

export function hi32(v: bigint): number {
  return Number(v >> 32n);
}
