// The register stack engine (Vol. 2, chapter 6). Stacked GRs live in a ring
// of N_STACKED physical registers; frames that no longer fit are spilled to
// the backing store at BSPSTORE and filled back when returned to. This model
// is the architecturally allowed "enforced lazy" RSE: it moves registers only
// when a frame would not fit (mandatory spills/fills) or when software asks
// (flushrs, loadrs).
//
// A register's backing-store address a maps to the physical ring slot
// bof + (seq(a) - seq(BSP)), where seq counts register slots and skips the
// RNAT collection slot that ends every 64-slot block.

import { AR, cfmOf, N_STACKED, RegisterFile } from './state.js';

/** Number of register (non-RNAT) slots below address a. */
export function seq(a: bigint): bigint {
  return (a >> 3n) - (a >> 9n);
}

/** The address of register slot number s. */
export function addrOfSeq(s: bigint): bigint {
  return ((s / 63n) * 64n + (s % 63n)) << 3n;
}

/** The address n register slots away from a (n may be negative). */
export function skipRegs(a: bigint, n: number): bigint {
  // Count from the start of a's 64-slot block in plain numbers: no BigInt
  // division on every call and return. (Slot 63, the RNAT slot, counts as
  // the next block's slot 0, as seq has it.)
  const lo = Number(a & 0x1ffn);
  const k = (lo >> 3) + n;
  const blocks = Math.floor(k / 63);
  const delta = blocks * 512 + (k - blocks * 63) * 8 - lo;
  const b = a + BigInt(delta);
  // Below slot 0 the two roundings differ; keep seq's answer there.
  return delta >= 0 || b >= 0n ? b : addrOfSeq(seq(a) + BigInt(n));
}

/** Register slots from address a up to address b: seq(b) - seq(a), in plain numbers. */
export function slotsBetween(a: bigint, b: bigint): number {
  const d = Number(b - a);
  if (!(Math.abs(d) < 2 ** 52)) return Number(seq(b) - seq(a));
  // From a's offset in its 64-slot block: slots advanced minus RNAT slots passed.
  const lo = Number(a & 0x1ffn);
  const t = lo + d;
  return Math.floor(t / 8) - (lo >> 3) - Math.floor(t / 512);
}

/** Is a the RNAT collection slot of its 64-slot block? */
export function isRnatSlot(a: bigint): boolean {
  return ((a >> 3n) & 63n) === 63n;
}

/** Backing-store memory as the RSE uses it (8-byte, virtual, data translation). */
export interface BackingStore {
  load8(va: bigint): bigint;
  store8(va: bigint, v: bigint): void;
}

export class Rse {
  constructor(
    private readonly r: RegisterFile,
    private readonly mem: BackingStore,
  ) {}

  get bsp(): bigint {
    return this.r.ar[AR.BSP];
  }

  get bspstore(): bigint {
    return this.r.ar[AR.BSPSTORE];
  }

  /** Dirty registers: those between BSPSTORE and BSP, still only in the register file. */
  ndirty(): number {
    return slotsBetween(this.bspstore, this.bsp);
  }

  /** Physical GR number of the stacked register whose backing address is a. */
  private physOf(a: bigint): number {
    const d = slotsBetween(this.bsp, a);
    return 32 + ((((this.r.bof + d) % N_STACKED) + N_STACKED) % N_STACKED);
  }

  /** Store the oldest dirty register at BSPSTORE (with the RNAT collection when due). */
  spillOne(): void {
    const ar = this.r.ar;
    let a = ar[AR.BSPSTORE];
    if (isRnatSlot(a)) {
      this.mem.store8(a, ar[AR.RNAT]);
      a += 8n;
    }
    const p = this.physOf(a);
    this.mem.store8(a, this.r.gr[p]);
    const bit = 1n << ((a >> 3n) & 63n);
    ar[AR.RNAT] = this.r.nat[p] ? ar[AR.RNAT] | bit : ar[AR.RNAT] & ~bit;
    ar[AR.BSPSTORE] = a + 8n;
  }

  /** Load the register just below BSPSTORE (with the RNAT collection when crossed). */
  fillOne(): void {
    const ar = this.r.ar;
    let a = ar[AR.BSPSTORE] - 8n;
    if (isRnatSlot(a)) {
      ar[AR.RNAT] = this.mem.load8(a);
      a -= 8n;
    }
    const p = this.physOf(a);
    this.r.gr[p] = this.mem.load8(a);
    this.r.nat[p] = Number((ar[AR.RNAT] >> ((a >> 3n) & 63n)) & 1n);
    ar[AR.BSPSTORE] = a;
  }

  /** Make room for a frame of sof registers above BSP (mandatory spills). */
  ensureRoom(sof: number): void {
    // Each spill cleans exactly one register, so count them once.
    for (let n = this.ndirty() + sof - N_STACKED; n > 0; n--) this.spillOne();
  }

  /** Make sure every register from address a up to BSP is in the register file (mandatory fills). */
  ensureLoaded(a: bigint): void {
    while (this.bspstore > a) this.fillOne();
  }

  /** br.call: the caller's locals become dirty; the callee's frame is its outputs. */
  call(): void {
    const r = this.r;
    const cfm = r.cfm;
    const sol = cfm.sol;
    r.ar[AR.BSP] = skipRegs(this.bsp, sol);
    r.bof = (r.bof + sol) % N_STACKED;
    cfm.sof -= sol;
    cfm.sol = 0;
    cfm.sor = 0;
    cfm.rrbGr = cfm.rrbFr = cfm.rrbPr = 0;
    r.remapAll();
  }

  /** br.ret / rfi frame restore: return to a frame whose marker is pfm. */
  ret(pfm: bigint): void {
    this.retTo(cfmOf(pfm));
  }

  /** ret for a marker in number form (see cfmBits). */
  retTo(m: number): void {
    const r = this.r;
    const sol = (m >>> 7) & 0x7f;
    const newBsp = skipRegs(this.bsp, -sol);
    if (newBsp < this.bspstore) this.ensureLoaded(newBsp);
    r.bof = (r.bof - sol + 2 * N_STACKED) % N_STACKED;
    r.ar[AR.BSP] = newBsp;
    r.setCfmBits(m);
    this.ensureRoom(r.cfm.sof);
  }

  /** cover: the whole current frame becomes dirty; the new frame is empty. */
  cover(): void {
    const r = this.r;
    const cfm = r.cfm;
    r.ar[AR.BSP] = skipRegs(this.bsp, cfm.sof);
    r.bof = (r.bof + cfm.sof) % N_STACKED;
    r.setCfmBits(0);
  }

  /** flushrs: spill every dirty register. */
  flush(): void {
    for (let n = this.ndirty(); n > 0; n--) this.spillOne();
  }

  /**
   * loadrs: make the RSC.loadrs bytes below BSP present and discard the rest
   * of the dirty partition.
   */
  loadrs(bytes: bigint): void {
    const target = this.bsp - bytes;
    if (target < this.bspstore) this.ensureLoaded(target);
    else this.r.ar[AR.BSPSTORE] = target;
  }

  /** A write to BSPSTORE: dirty registers stay dirty and will spill at the new place. */
  writeBspstore(v: bigint): void {
    const dirty = this.ndirty();
    this.r.ar[AR.BSPSTORE] = v;
    this.r.ar[AR.BSP] = skipRegs(v, dirty);
  }
}
