// The physical address space: a sorted map of regions (RAM, ROM, devices).
// An access that no region backs is a Machine Check Abort, as on a real
// platform where nothing answers the bus transaction.

import { Access, PhysicalMemory, UNCACHED_BIT } from '../cpu/memory.js';
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
  writeBlock(off: bigint, data: Uint8Array): void;
}

/** An access to a physical address that nothing backs. */
export class MachineCheck extends MachineStop {
  constructor(
    readonly address: bigint,
    readonly size: number,
    readonly access: Access,
    readonly uncached: boolean,
  ) {
    super(
      `Machine Check Abort: ${accessName(access)} of ${size} byte${size === 1 ? '' : 's'} at unpopulated physical address 0x${address.toString(16)}${uncached ? ' (uncached)' : ''}`,
    );
    this.name = 'MachineCheck';
  }
}

export function accessName(a: Access): string {
  return a === Access.Write ? 'store' : a === Access.Execute ? 'fetch' : a === Access.Read ? 'load' : 'reference';
}

/** A bad memory-map configuration. */
export class MemoryMapError extends Error {}

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
        `region ${region.name} [0x${region.base.toString(16)}, 0x${(region.base + region.size).toString(16)}) lies beyond the implemented physical address space (0x${this.limit.toString(16)})`,
      );
    }
    for (const r of this.regions) {
      if (region.base < r.base + r.size && r.base < region.base + region.size) {
        throw new MemoryMapError(`region ${region.name} overlaps region ${r.name}`);
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

  read(pa: bigint, size: number): bigint {
    const r = this.region(pa, size, Access.Read);
    return r.read((pa & ~UNCACHED_BIT) - r.base, size);
  }

  write(pa: bigint, size: number, value: bigint): void {
    const addr = pa & ~UNCACHED_BIT;
    const r = this.region(pa, size, Access.Write);
    r.write(addr - r.base, size, value);
    if (this.codePages.size) this.noteWrite(addr, size);
  }

  readBlock(pa: bigint, out: Uint8Array, access: Access = Access.Read): void {
    const r = this.region(pa, out.length, access);
    r.readBlock((pa & ~UNCACHED_BIT) - r.base, out);
  }

  writeBlock(pa: bigint, data: Uint8Array): void {
    const addr = pa & ~UNCACHED_BIT;
    const r = this.region(pa, data.length, Access.Write);
    r.writeBlock(addr - r.base, data);
    if (this.codePages.size) this.noteWrite(addr, data.length);
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
