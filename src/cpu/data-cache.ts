// A software translation cache for data accesses: for recently used 4 KiB
// virtual pages it remembers the DataView that holds the physical page, so
// an aligned load or store of cacheable RAM is one typed-array access. It
// is consulted only while the translator's generation and the PSR are those
// it was filled under, and only for accesses the full path would complete
// without side effects beyond the data transfer (no device, no byte swap,
// no unaligned address, no decoded code on the page, an empty ALAT for
// stores). Everything else takes the full path, which also fills it.

import type { Cpu } from './cpu.js';
import { byteSwap } from './exec/mem-access.js';
import { Access, viewRead, viewWrite } from './memory.js';

const ENTRIES = 64;
/** PSR.be (bit 1): byte swapping needs the full path. (PSR.ac only matters to unaligned accesses, which never take the fast path.) */
const PSR_BE = 0x2n;

class Ways {
  readonly key: bigint[] = new Array<bigint>(ENTRIES).fill(-1n);
  readonly dv: (DataView | null)[] = new Array<DataView | null>(ENTRIES).fill(null);
  readonly base = new Int32Array(ENTRIES);

  clear(): void {
    this.key.fill(-1n);
    this.dv.fill(null);
  }
}

export class DataCache {
  private readonly r = new Ways();
  private readonly w = new Ways();
  private generation = -1;
  private psr = -1n;

  constructor(private readonly c: Cpu) {}

  /** Forget every store translation (a page got decoded code). */
  dropStores(): void {
    this.w.clear();
  }

  private valid(): boolean {
    const c = this.c;
    if (this.generation === c.translator.generation && this.psr === c.psr) return true;
    this.r.clear();
    this.w.clear();
    this.generation = c.translator.generation;
    this.psr = c.psr;
    return false;
  }

  private fill(ways: Ways, va: bigint, pa: bigint, size: number, forWrite: boolean): void {
    const c = this.c;
    if ((c.psr & PSR_BE) !== 0n || (Number(va & 0xfffn) & (size - 1)) !== 0 || !c.mem.directView) return;
    this.valid();
    const view = c.mem.directView(pa & ~0xfffn, forWrite);
    if (!view) return;
    const e = Number((va >> 12n) & BigInt(ENTRIES - 1));
    ways.key[e] = va >> 12n;
    ways.dv[e] = view.dv;
    ways.base[e] = view.base;
  }

  /** A data load of size bytes at va in the data byte order, zero-extended. */
  load(va: bigint, size: number): bigint {
    const off = Number(va & 0xfffn);
    if ((off & (size - 1)) === 0) {
      const vp = va >> 12n;
      const e = Number(vp & BigInt(ENTRIES - 1));
      const ways = this.r;
      if (ways.key[e] === vp && this.valid()) {
        return viewRead(ways.dv[e]!, ways.base[e] + off, size);
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
    const off = Number(va & 0xfffn);
    if ((off & (size - 1)) === 0 && c.alat.size === 0) {
      const vp = va >> 12n;
      const e = Number(vp & BigInt(ENTRIES - 1));
      const ways = this.w;
      if (ways.key[e] === vp && this.valid()) {
        viewWrite(ways.dv[e]!, ways.base[e] + off, size, v);
        return;
      }
    }
    const pa = c.translateData(va, size, Access.Write);
    c.mem.write(pa, size, size > 1 && (c.psr & PSR_BE) !== 0n ? byteSwap(v, size) : v);
    c.alat.invalMultiple(pa, size);
    this.fill(this.w, va, pa, size, true);
  }
}
