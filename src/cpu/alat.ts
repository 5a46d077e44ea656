// The Advanced Load Address Table (Vol. 1, 4.4.5.3; Vol. 2, 4.4.10), which
// makes data speculation safe: an advanced load records its target register
// with the physical address and size it read, any store or semaphore whose
// bytes overlap that range removes the record, and a check (ld.c, ldf.c,
// chk.a) asks whether the record survived.
//
// Register tags are the register type and physical register number, so
// rotation does not disturb them. The tag of a stacked GR also carries the
// register's position in the register stack (the sequence number of its
// backing-store slot). That is this implementation's alat_frame_update:
// when the register stack engine hands a physical register to a frame at
// another depth, checks by the new owner miss the old owner's entry, and
// br.call, br.ret, alloc, cover and rfi need not notify the table. A
// backing-store switch moves every position, so its entries miss as well.
//
// The table holds 32 entries, fully associative, and overwrites them in
// turn when full. Like any real ALAT it may thus miss where a larger one
// would hit, which the architecture allows: a miss only costs a reload.

import { UNCACHED_BIT } from './memory.js';
import { seq } from './rse.js';
import { AR, N_STACKED, RegisterFile } from './state.js';

/** The register file an ALAT entry belongs to (the manual's GENERAL and FLOAT). */
export const enum AlatRegType {
  General = 0,
  Float = 1,
}

const CAPACITY = 32;
/** Tag offset of the FRs: GRs take tags 0-127, FRs 128-255. */
const FLOAT_TAG = 128;
/** Position of registers that are not stacked GRs. */
const UNSTACKED = -1n;
/** Physical addresses are kept as two 32-bit halves, so all 63 bits compare exactly. */
const LOW32 = 0xffffffffn;
const TWO32 = 2 ** 32;

export class Alat {
  private readonly tag = new Int32Array(CAPACITY);
  private readonly pos = new BigInt64Array(CAPACITY);
  /** Physical address of each entry (high and low 32 bits) and its size in bytes. */
  private readonly startHi = new Uint32Array(CAPACITY);
  private readonly startLo = new Uint32Array(CAPACITY);
  private readonly bytes = new Uint8Array(CAPACITY);
  /** Valid entries occupy slots 0 .. size-1. */
  size = 0;
  /** Slot overwritten next when the table is full. */
  private victim = 0;

  constructor(private readonly r: RegisterFile) {}

  /**
   * alat_write: record an advanced load of size bytes at physical address pa
   * into register n (logical number in the current frame). Loads from
   * non-speculative (uncacheable) memory get no entry.
   */
  write(type: AlatRegType, n: number, pa: bigint, size: number): void {
    if (pa & UNCACHED_BIT) return;
    const tag = this.tagOf(type, n);
    const pos = this.position(tag);
    let i = this.find(tag, pos);
    if (i < 0) {
      if (this.size < CAPACITY) {
        i = this.size++;
      } else {
        i = this.victim;
        this.victim = (this.victim + 1) % CAPACITY;
      }
      this.tag[i] = tag;
      this.pos[i] = pos;
    }
    this.startHi[i] = Number((pa & ~UNCACHED_BIT) >> 32n);
    this.startLo[i] = Number(pa & LOW32);
    this.bytes[i] = size;
  }

  /** alat_cmp: does register n (logical) have an entry? */
  cmp(type: AlatRegType, n: number): boolean {
    if (this.size === 0) return false;
    const tag = this.tagOf(type, n);
    return this.find(tag, this.position(tag)) >= 0;
  }

  /** alat_inval_single_entry: remove the entry of register n (logical), if any. */
  invalSingle(type: AlatRegType, n: number): void {
    if (this.size === 0) return;
    const tag = this.tagOf(type, n);
    const i = this.find(tag, this.position(tag));
    if (i >= 0) this.remove(i);
  }

  /**
   * alat_inval_multiple_entries: a store or semaphore wrote size bytes at
   * physical address pa; remove every entry whose bytes overlap them.
   */
  invalMultiple(pa: bigint, size: number): void {
    if (this.size === 0) return;
    this.invalMultipleAt(Number((pa & ~UNCACHED_BIT) >> 32n), Number(pa & LOW32), size);
  }

  /** invalMultiple for the physical address hi * 2^32 + lo (the data cache's fast stores). */
  invalMultipleAt(hi: number, lo: number, size: number): void {
    // Backwards, so the entry that remove() moves into slot i was seen already.
    for (let i = this.size - 1; i >= 0; i--) {
      // The entry's address minus the store's: exact whenever it is small enough to matter.
      const d = (this.startHi[i] - hi) * TWO32 + (this.startLo[i] - lo);
      if (d < size && -d < this.bytes[i]) this.remove(i);
    }
  }

  /** alat_inval: remove every entry (invala). */
  inval(): void {
    this.size = 0;
    this.victim = 0;
  }

  private tagOf(type: AlatRegType, n: number): number {
    return type === AlatRegType.General ? this.r.grMap[n] : FLOAT_TAG + this.r.frMap[n];
  }

  /** Backing-store slot sequence number of a stacked GR of the current frame. */
  private position(tag: number): bigint {
    if (tag < 32 || tag >= FLOAT_TAG) return UNSTACKED;
    const inFrame = (tag - 32 - this.r.bof + N_STACKED) % N_STACKED;
    return seq(this.r.ar[AR.BSP]) + BigInt(inFrame);
  }

  private find(tag: number, pos: bigint): number {
    for (let i = 0; i < this.size; i++) {
      if (this.tag[i] === tag && this.pos[i] === pos) return i;
    }
    return -1;
  }

  private remove(i: number): void {
    const last = --this.size;
    if (i !== last) {
      this.tag[i] = this.tag[last];
      this.pos[i] = this.pos[last];
      this.startHi[i] = this.startHi[last];
      this.startLo[i] = this.startLo[last];
      this.bytes[i] = this.bytes[last];
    }
  }
}
