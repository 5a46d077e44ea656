// Sparse RAM and ROM regions: memory is allocated in 64 KiB chunks on first
// write, so a machine with gigabytes of RAM costs only what is touched.

import { DirectView, viewRead, viewWrite } from '../cpu/memory.js';
import type { Region, RegionKind } from './address-space.js';

const CHUNK_SHIFT = 16n;
const CHUNK = 1 << 16;

export class SparseMemory implements Region {
  private readonly chunks = new Map<number, DataView>();
  private static readonly ZERO = new DataView(new ArrayBuffer(CHUNK));
  /** Set for ROM: CPU stores are ignored (loaders write through load()). */
  protected readOnly = false;

  constructor(
    readonly name: string,
    readonly base: bigint,
    readonly size: bigint,
    readonly kind: RegionKind = 'ram',
  ) {}

  private chunk(idx: number, forWrite: boolean): DataView {
    let c = this.chunks.get(idx);
    if (!c) {
      if (!forWrite) return SparseMemory.ZERO;
      c = new DataView(new ArrayBuffer(CHUNK));
      this.chunks.set(idx, c);
    }
    return c;
  }

  /** The chunk holding the 4 KiB page at off, allocated now so later writes land in it. */
  view(off: bigint, forWrite: boolean): DirectView | null {
    if (forWrite && this.readOnly) return null;
    return { dv: this.chunk(Number(off >> CHUNK_SHIFT), true), base: Number(off & 0xf000n) };
  }

  read(off: bigint, size: number): bigint {
    const idx = Number(off >> CHUNK_SHIFT);
    const o = Number(off & 0xffffn);
    if (o + size <= CHUNK) return viewRead(this.chunk(idx, false), o, size);
    const b = new Uint8Array(size);
    this.readBlock(off, b);
    let v = 0n;
    for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    return v;
  }

  write(off: bigint, size: number, value: bigint): void {
    if (this.readOnly) return;
    this.poke(off, size, value);
  }

  /** Write regardless of read-only (loading images into ROM). */
  poke(off: bigint, size: number, value: bigint): void {
    const idx = Number(off >> CHUNK_SHIFT);
    const o = Number(off & 0xffffn);
    if (o + size <= CHUNK) {
      viewWrite(this.chunk(idx, true), o, size, value);
      return;
    }
    const b = new Uint8Array(size);
    for (let i = 0; i < size; i++) b[i] = Number((value >> BigInt(8 * i)) & 0xffn);
    this.load(off, b);
  }

  readBlock(off: bigint, out: Uint8Array): void {
    this.eachChunk(off, out.length, false, (dv, o, pos, n) => out.set(new Uint8Array(dv.buffer, o, n), pos));
  }

  writeBlock(off: bigint, data: Uint8Array): void {
    if (!this.readOnly) this.load(off, data);
  }

  /** Copy bytes in at off (used by loaders, also into ROM). */
  load(off: bigint, data: Uint8Array): void {
    this.eachChunk(off, data.length, true, (dv, o, pos, n) => new Uint8Array(dv.buffer, o, n).set(data.subarray(pos, pos + n)));
  }

  /** Visit [off, off + len) chunk by chunk: f(chunk, offset in it, position in the range, byte count). */
  private eachChunk(off: bigint, len: number, forWrite: boolean, f: (dv: DataView, o: number, pos: number, n: number) => void): void {
    for (let pos = 0; pos < len; ) {
      const cur = off + BigInt(pos);
      const o = Number(cur & 0xffffn);
      const n = Math.min(len - pos, CHUNK - o);
      f(this.chunk(Number(cur >> CHUNK_SHIFT), forWrite), o, pos, n);
      pos += n;
    }
  }

  /** Make [off, off+len) read as zero again, freeing the chunks it covers whole (unmapped pages). */
  discard(off: bigint, len: bigint): void {
    if (len <= 0n) return;
    const end = off + len;
    const first = Number(off >> CHUNK_SHIFT);
    const last = Number((end - 1n) >> CHUNK_SHIFT);
    // A huge range may hold few chunks: then visit the chunks, not the range.
    const visit = last - first < this.chunks.size ? Array.from({ length: last - first + 1 }, (_, k) => first + k) : [...this.chunks.keys()];
    for (const idx of visit) {
      const c = this.chunks.get(idx);
      const base = BigInt(idx) << CHUNK_SHIFT;
      if (!c || base >= end || base + BigInt(CHUNK) <= off) continue;
      const lo = off > base ? Number(off - base) : 0;
      const hi = end < base + BigInt(CHUNK) ? Number(end - base) : CHUNK;
      if (lo === 0 && hi === CHUNK) this.chunks.delete(idx);
      else new Uint8Array(c.buffer).fill(0, lo, hi);
    }
  }

  /** Bytes of memory actually allocated. */
  get residentBytes(): number {
    return this.chunks.size * CHUNK;
  }
}

export class Rom extends SparseMemory {
  constructor(name: string, base: bigint, size: bigint) {
    super(name, base, size, 'rom');
    this.readOnly = true;
  }
}
