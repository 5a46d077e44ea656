// A software translation cache for data accesses: for recently used 4 KiB
// virtual pages it remembers typed-array views of the RAM that holds the
// physical page, so an aligned load or store of cacheable RAM is one
// typed-array access. It is consulted only while the translator's
// generation and the PSR are those it was filled under, and only for
// accesses the full path would complete without side effects beyond the
// data transfer (no device, no byte swap, no unaligned address, no decoded
// code on the page). Everything else takes the full path, which also
// fills it.
//
// Pages are keyed by numbers, not BigInts: bits 43:12 of the address as an
// int32 and bits 63:44 beside it, split through a shared 64-bit scratch
// word, because V8 compiles these to machine operations where BigInt
// comparisons and conversions would allocate. Traces (jit/inline.ts) read
// the same arrays directly.

import type { Cpu } from './cpu.js';
import { byteSwap, PSR_ED } from './exec/mem-access.js';
import { Access } from './memory.js';

export const ENTRIES = 64;
/** PSR.be (bit 1): byte swapping needs the full path. (PSR.ac only matters to unaligned accesses, which never take the fast path.) */
const PSR_BE = 0x2n;
/** Typed arrays read memory in the host's byte order; IA-64 data is little-endian. */
const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Scratch word for splitting a 64-bit address into 32-bit halves. */
export const S64 = new BigUint64Array(1);
export const S32 = new Uint32Array(S64.buffer);

const NO_PAGE = new ArrayBuffer(4096);

/** One direction (loads or stores): the cached pages by entry. */
export class Ways {
  /** Address bits 43:12 (as int32) and 63:44; keyHi -1 never matches. */
  readonly keyLo = new Int32Array(ENTRIES);
  readonly keyHi = new Int32Array(ENTRIES).fill(-1);
  readonly u8: Uint8Array[] = new Array<Uint8Array>(ENTRIES).fill(new Uint8Array(NO_PAGE));
  readonly u16: Uint16Array[] = new Array<Uint16Array>(ENTRIES).fill(new Uint16Array(NO_PAGE));
  readonly u32: Uint32Array[] = new Array<Uint32Array>(ENTRIES).fill(new Uint32Array(NO_PAGE));
  readonly u64: BigUint64Array[] = new Array<BigUint64Array>(ENTRIES).fill(new BigUint64Array(NO_PAGE));
  /** The physical page: address bits 63:32 and 31:12 (as a multiple of 4096), for ALAT invalidation. */
  readonly paHi = new Uint32Array(ENTRIES);
  readonly paLo = new Uint32Array(ENTRIES);

  clear(): void {
    this.keyHi.fill(-1);
  }

  /** The entry holding the page of the address split into S32, or -1. */
  find(): number {
    const lo = S32[0];
    const hi = S32[1];
    const kLo = (lo >>> 12) | (hi << 20);
    const e = kLo & (ENTRIES - 1);
    return this.keyLo[e] === kLo && this.keyHi[e] === hi >>> 12 ? e : -1;
  }

  /** Enter the page of va (in S64) at physical address pa, viewed through dv at base. */
  set(va: bigint, pa: bigint, dv: DataView, base: number): void {
    S64[0] = pa;
    const paHi = S32[1];
    const paLo = S32[0] & ~0xfff;
    S64[0] = va;
    const lo = S32[0];
    const hi = S32[1];
    const kLo = (lo >>> 12) | (hi << 20);
    const e = kLo & (ENTRIES - 1);
    const off = dv.byteOffset + base;
    this.keyLo[e] = kLo;
    this.keyHi[e] = hi >>> 12;
    this.paHi[e] = paHi;
    this.paLo[e] = paLo;
    this.u8[e] = new Uint8Array(dv.buffer, off, 4096);
    this.u16[e] = new Uint16Array(dv.buffer, off, 2048);
    this.u32[e] = new Uint32Array(dv.buffer, off, 1024);
    this.u64[e] = new BigUint64Array(dv.buffer, off, 512);
  }
}

export class DataCache {
  readonly r = new Ways();
  readonly w = new Ways();
  private generation = -1;
  private psr = -1n;
  /** 1 while PSR.ed defers every speculative load (traces read it after sync()). */
  deferAll = 0;

  constructor(private readonly c: Cpu) {}

  /** Forget every store translation (a page got decoded code). */
  dropStores(): void {
    this.w.clear();
  }

  /** Drop everything unless the translations and the PSR are those the entries were made under. */
  sync(): void {
    const c = this.c;
    if (this.generation === c.translator.generation && this.psr === c.psr) return;
    this.r.clear();
    this.w.clear();
    this.generation = c.translator.generation;
    this.psr = c.psr;
    this.deferAll = (c.psr & PSR_ED) !== 0n ? 1 : 0;
  }

  /**
   * The entry of ways for an aligned access of size bytes at the address in
   * S64, if it holds that page and is current; -1 otherwise.
   */
  private entry(ways: Ways, size: number): number {
    if ((S32[0] & (size - 1)) !== 0) return -1;
    const e = ways.find();
    if (e < 0) return -1;
    this.sync();
    return ways.keyHi[e] !== -1 ? e : -1;
  }

  private fill(ways: Ways, va: bigint, pa: bigint, size: number, forWrite: boolean): void {
    const c = this.c;
    if (!HOST_LITTLE_ENDIAN || (c.psr & PSR_BE) !== 0n || !c.mem.directView) return;
    S64[0] = va;
    if ((S32[0] & (size - 1)) !== 0) return;
    this.sync();
    const view = c.mem.directView(pa & ~0xfffn, forWrite);
    if (!view || ((view.dv.byteOffset + view.base) & 7) !== 0) return;
    ways.set(va, pa, view.dv, view.base);
  }

  /** A data load of size bytes at va in the data byte order, zero-extended. */
  load(va: bigint, size: number): bigint {
    S64[0] = va;
    const e = this.entry(this.r, size);
    if (e >= 0) {
      const off = S32[0] & 0xfff;
      switch (size) {
        case 1:
          return BigInt(this.r.u8[e][off]);
        case 2:
          return BigInt(this.r.u16[e][off >> 1]);
        case 4:
          return BigInt(this.r.u32[e][off >> 2]);
        default:
          return this.r.u64[e][off >> 3];
      }
    }
    const c = this.c;
    const pa = c.translateData(va, size, Access.Read);
    const v = c.mem.read(pa, size);
    this.fill(this.r, va, pa, size, false);
    return size > 1 && (c.psr & PSR_BE) !== 0n ? byteSwap(v, size) : v;
  }

  /** A data store of the low size bytes of v at va; returns nothing, invalidates ALAT entries it overlaps. */
  store(va: bigint, size: number, v: bigint): void {
    const c = this.c;
    S64[0] = va;
    const e = this.entry(this.w, size);
    if (e >= 0) {
      const ways = this.w;
      const off = S32[0] & 0xfff;
      if (c.alat.size !== 0) c.alat.invalMultipleAt(ways.paHi[e], ways.paLo[e] + off, size);
      if (size === 8) {
        ways.u64[e][off >> 3] = v;
      } else {
        S64[0] = v;
        const x = S32[0];
        if (size === 4) ways.u32[e][off >> 2] = x;
        else if (size === 2) ways.u16[e][off >> 1] = x;
        else ways.u8[e][off] = x;
      }
      return;
    }
    const pa = c.translateData(va, size, Access.Write);
    c.mem.write(pa, size, size > 1 && (c.psr & PSR_BE) !== 0n ? byteSwap(v, size) : v);
    c.alat.invalMultiple(pa, size);
    this.fill(this.w, va, pa, size, true);
  }

  /**
   * The register stack engine's 8-byte accesses: memory as it is (no byte
   * swap, no ALAT invalidation), through the same pages.
   */
  rseLoad(va: bigint): bigint {
    S64[0] = va;
    const e = this.entry(this.r, 8);
    if (e >= 0) return this.r.u64[e][(S32[0] & 0xfff) >> 3];
    const c = this.c;
    const pa = c.translateData(va, 8, Access.Read);
    const v = c.mem.read(pa, 8);
    this.fill(this.r, va, pa, 8, false);
    return v;
  }

  rseStore(va: bigint, v: bigint): void {
    S64[0] = va;
    const e = this.entry(this.w, 8);
    if (e >= 0) {
      this.w.u64[e][(S32[0] & 0xfff) >> 3] = v;
      return;
    }
    const c = this.c;
    const pa = c.translateData(va, 8, Access.Write);
    c.mem.write(pa, 8, v);
    this.fill(this.w, va, pa, 8, true);
  }
}
