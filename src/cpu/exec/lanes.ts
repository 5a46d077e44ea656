// Element views for the parallel (multimedia) instructions. The two sources
// and the result share one scratch buffer: an instruction stores its 64-bit
// operands in Q[0] and Q[1], works on their 1-, 2- or 4-byte elements
// through the typed views, and reads its result from Q[2], without
// allocating. Element k of a GR is bits 8*size*k and up, so the views rely on
// a little-endian host.

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('the multimedia semantics need a little-endian host');
}

const buffer = new ArrayBuffer(24);

/** Q[0], Q[1]: the source operands; Q[2]: the result. */
export const Q = new BigUint64Array(buffer);

export type LaneView = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;

const VIEWS: Readonly<Record<number, readonly [LaneView, LaneView]>> = {
  1: [new Uint8Array(buffer), new Int8Array(buffer)],
  2: [new Uint16Array(buffer), new Int16Array(buffer)],
  4: [new Uint32Array(buffer), new Int32Array(buffer)],
};

/**
 * The view of the scratch buffer with elements of `size` bytes. In it, the
 * elements of Q[0] start at index 0, those of Q[1] at 8 / size and those of
 * the result at 16 / size.
 */
export function lanes(size: number, signed: boolean): LaneView {
  const v = VIEWS[size];
  if (!v) throw new Error(`no ${size}-byte elements`);
  return v[signed ? 1 : 0];
}

/** Largest and smallest value of a size-byte element. */
export function laneMax(size: number, signed: boolean): number {
  return signed ? 2 ** (8 * size - 1) - 1 : 2 ** (8 * size) - 1;
}

export function laneMin(size: number, signed: boolean): number {
  return signed ? -(2 ** (8 * size - 1)) : 0;
}
