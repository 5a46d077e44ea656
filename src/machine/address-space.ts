// The physical address space: a sorted map of regions (RAM, ROM, devices).
// An access that no region backs is a Machine Check Abort, as on a real
// platform where nothing answers the bus transaction.

import { Access, DirectView, PhysicalMemory, UNCACHED_BIT } from '../cpu/memory.js';
import { MachineStop } from '../cpu/interruption.js';

export type RegionKind = 'ram' | 'rom' | 'device';

/** Backing for one region; offsets are relative to the region base. */
export interface Region {
  readonly name: string;
  readonly kind: RegionKind;
  readonly base: bigint;
  readonly size: bigint;
  read(off: bigint, size: number): bigint;
  write(off: bigint, size: number, value: bigint): void;
  readBlock(off: bigint, out: Uint8Array): void;
  /** Memory regions: a direct view of the 4 KiB page at off (see PhysicalMemory.directView). */
  view?(off: bigint, forWrite: boolean): DirectView | null;
  writeBlock(off: bigint, data: Uint8Array): void;
}

/**
 * An access the platform cannot complete: nothing backs the address, or
 * (with a reason) the device there refused the transaction.
 */
export class MachineCheck extends MachineStop {
  constructor(
    readonly address: bigint,
    readonly size: number,
    readonly access: Access,
    readonly uncached: boolean,
    readonly reason: string | null = null,
  ) {
    const what = `${accessName(access)} of ${size} byte${size === 1 ? '' : 's'}`;
    const where = `physical address 0x${address.toString(16)}${uncached ? ' (uncached)' : ''}`;
    super(`Machine Check Abort: ${what} at ${reason === null ? `unpopulated ${where}` : `${where}: ${reason}`}`);
    this.name = 'MachineCheck';
  }
}

/** Thrown by a device region for a transaction it cannot take; the address space reports it as a MachineCheck. */
export class BusError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BusError';
  }
}

export function accessName(a: Access): string {
  return a === Access.Write ? 'store' : a === Access.Execute ? 'fetch' : a === Access.Read ? 'load' : 'reference';
}

/** A bad memory-map configuration. */
export class MemoryMapError extends Error {}

function span(r: Region): string {
  return `[0x${r.base.toString(16)}, 0x${(r.base + r.size).toString(16)})`;
}

export class AddressSpace implements PhysicalMemory {
  private regions: Region[] = [];
  private last: Region | null = null;
  private readonly codePages = new Set<bigint>();
  onCodeWrite: ((page: bigint) => void) | null = null;

  /** Largest physical address + 1 (the implemented physical address space). */
  constructor(readonly limit: bigint = 1n << 63n) {}

  add(region: Region): this {
    if (region.size <= 0n) throw new MemoryMapError(`region ${region.name} is empty`);
    if (region.base + region.size > this.limit) {
      throw new MemoryMapError(
        `region ${region.name} ${span(region)} lies beyond the implemented physical address space (0x${this.limit.toString(16)})`,
      );
    }
    for (const r of this.regions) {
      if (region.base < r.base + r.size && r.base < region.base + region.size) {
        throw new MemoryMapError(`region ${region.name} ${span(region)} overlaps region ${r.name} ${span(r)}`);
      }
    }
    this.regions.push(region);
    this.regions.sort((a, b) => (a.base < b.base ? -1 : 1));
    return this;
  }

  list(): readonly Region[] {
    return this.regions;
  }

  /** The region holding [pa, pa+size), or null. */
  find(pa: bigint, size = 1): Region | null {
    const l = this.last;
    if (l && pa >= l.base && pa + BigInt(size) <= l.base + l.size) return l;
    for (const r of this.regions) {
      if (pa >= r.base && pa + BigInt(size) <= r.base + r.size) {
        this.last = r;
        return r;
      }
    }
    return null;
  }

  private region(pa: bigint, size: number, access: Access): Region {
    const addr = pa & ~UNCACHED_BIT;
    const r = this.find(addr, size);
    if (!r) throw new MachineCheck(addr, size, access, (pa & UNCACHED_BIT) !== 0n);
    return r;
  }

  /** Run a device's part of an access, turning a refused transaction into a MachineCheck. */
  private device<T>(pa: bigint, size: number, access: Access, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof BusError) throw new MachineCheck(pa & ~UNCACHED_BIT, size, access, (pa & UNCACHED_BIT) !== 0n, e.reason);
      throw e;
    }
  }

  read(pa: bigint, size: number): bigint {
    const r = this.region(pa, size, Access.Read);
    const off = (pa & ~UNCACHED_BIT) - r.base;
    if (r.kind === 'device') return this.device(pa, size, Access.Read, () => r.read(off, size));
    return r.read(off, size);
  }

  write(pa: bigint, size: number, value: bigint): void {
    const addr = pa & ~UNCACHED_BIT;
    const r = this.region(pa, size, Access.Write);
    if (r.kind === 'device') this.device(pa, size, Access.Write, () => r.write(addr - r.base, size, value));
    else r.write(addr - r.base, size, value);
    if (this.codePages.size) this.noteWrite(addr, size);
  }

  readBlock(pa: bigint, out: Uint8Array, access: Access = Access.Read): void {
    const r = this.region(pa, out.length, access);
    const off = (pa & ~UNCACHED_BIT) - r.base;
    if (r.kind === 'device') this.device(pa, out.length, access, () => r.readBlock(off, out));
    else r.readBlock(off, out);
  }

  writeBlock(pa: bigint, data: Uint8Array): void {
    const addr = pa & ~UNCACHED_BIT;
    const r = this.region(pa, data.length, Access.Write);
    if (r.kind === 'device') this.device(pa, data.length, Access.Write, () => r.writeBlock(addr - r.base, data));
    else r.writeBlock(addr - r.base, data);
    if (this.codePages.size) this.noteWrite(addr, data.length);
  }

  directView(pa: bigint, forWrite: boolean): DirectView | null {
    if (pa & UNCACHED_BIT) return null;
    const r = this.find(pa, 4096);
    if (!r || !r.view || (pa - r.base) & 0xfffn) return null;
    if (forWrite && this.codePages.has(pa >> 12n)) return null;
    return r.view(pa - r.base, forWrite);
  }

  watchCode(page: bigint): void {
    this.codePages.add(page);
  }

  private noteWrite(addr: bigint, size: number): void {
    const first = addr >> 12n;
    const lastPage = (addr + BigInt(size - 1)) >> 12n;
    for (let p = first; p <= lastPage; p++) {
      if (this.codePages.delete(p)) this.onCodeWrite?.(p);
    }
  }
}
