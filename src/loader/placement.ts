// Where kexec puts things in physical memory: the segment list and the hole
// search behind add_buffer (kexec-tools kexec/kexec.c: add_segment_phys_virt,
// add_buffer_phys_virt, locate_hole, valid_memory_range, sort_segments).
// Ranges here are [start, end); kexec mixes inclusive and exclusive ends, which
// only matters for RAM that ends one byte short of a page, and EFI memory is
// described in 4 KiB pages.

import { LoaderError, hex } from './errors.js';

/** Usable RAM as the caller describes it (the same shape as the machine's memory map). */
export interface RamRange {
  readonly base: bigint;
  readonly size: bigint;
}

export type SegmentKind = 'kernel' | 'purgatory' | 'boot-param' | 'efi-memmap' | 'command-line' | 'initrd';

/** One kexec segment: bytes copied to paddr, the rest of memsz zeroed. */
export interface Segment {
  readonly paddr: bigint;
  readonly bytes: Uint8Array;
  /** Rounded up to the page size, as add_segment does. */
  readonly memsz: bigint;
  readonly what: SegmentKind;
}

interface Span {
  start: bigint;
  end: bigint;
}

export const ULONG_MAX = (1n << 64n) - 1n;

export function alignUp(v: bigint, align: bigint): bigint {
  return ((v + align - 1n) / align) * align;
}

export function alignDown(v: bigint, align: bigint): bigint {
  return (v / align) * align;
}

export function spanText(start: bigint, end: bigint): string {
  return `[${hex(start)}, ${hex(end)})`;
}

/** Sorted, coalesced RAM spans; kexec coalesces adjacent "System RAM" lines the same way. */
export function normalizeRam(ram: readonly RamRange[]): Span[] {
  const spans = ram
    .filter((r) => r.size > 0n)
    .map((r) => ({ start: r.base, end: r.base + r.size }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      if (s.end > last.end) last.end = s.end;
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

/** The segments of one load, kept sorted by address. */
export class SegmentList {
  readonly ram: readonly Span[];
  private readonly list: Segment[] = [];

  constructor(
    ram: readonly RamRange[],
    readonly pageSize: bigint,
  ) {
    this.ram = normalizeRam(ram);
    if (this.ram.length === 0) throw new LoaderError('no usable RAM was described');
  }

  get segments(): readonly Segment[] {
    return this.list;
  }

  /** "[0x0, 0xa0000), [0x100000, 0x80000000)" */
  describeRam(): string {
    return this.ram.map((r) => spanText(r.start, r.end)).join(', ');
  }

  /** valid_memory_range: [start, end) lies inside one RAM span. */
  isRam(start: bigint, end: bigint): boolean {
    return this.ram.some((r) => r.start <= start && end <= r.end);
  }

  /**
   * add_segment: a page-aligned base, memsz rounded up to a page, wholly in
   * RAM and overlapping no other segment. An empty segment is dropped.
   */
  add(what: SegmentKind, bytes: Uint8Array, paddr: bigint, memsz: bigint): Segment | null {
    if (memsz === 0n) return null;
    const size = alignUp(memsz, this.pageSize);
    const data = BigInt(bytes.length) > size ? bytes.subarray(0, Number(size)) : bytes;
    if (paddr % this.pageSize !== 0n) {
      throw new LoaderError(`${what} segment at ${hex(paddr)} is not aligned to the ${hex(this.pageSize)}-byte page size`);
    }
    const end = paddr + size;
    if (!this.isRam(paddr, end)) {
      throw new LoaderError(`${what} segment ${spanText(paddr, end)} is not inside usable RAM (${this.describeRam()})`);
    }
    const clash = this.list.find((s) => paddr < s.paddr + s.memsz && s.paddr < end);
    if (clash) {
      throw new LoaderError(
        `${what} segment ${spanText(paddr, end)} overlaps the ${clash.what} segment ${spanText(clash.paddr, clash.paddr + clash.memsz)}`,
      );
    }
    const seg: Segment = { paddr, bytes: data, memsz: size, what };
    const at = this.list.findIndex((s) => s.paddr > paddr);
    this.list.splice(at < 0 ? this.list.length : at, 0, seg);
    return seg;
  }

  /** RAM not yet taken by a segment, ascending. */
  private freeSpans(): Span[] {
    const out: Span[] = [];
    for (const r of this.ram) {
      let start = r.start;
      for (const s of this.list) {
        if (s.paddr >= r.end || s.paddr + s.memsz <= start) continue;
        if (s.paddr > start) out.push({ start, end: s.paddr });
        start = s.paddr + s.memsz;
      }
      if (start < r.end) out.push({ start, end: r.end });
    }
    return out;
  }

  /**
   * locate_hole with hole_end = -1: the highest free span that holds size
   * bytes at an aligned address in [min, max], and the highest such address
   * in it. The alignment is at least a page.
   */
  locateHole(what: SegmentKind, size: bigint, align: bigint, min: bigint, max: bigint): bigint {
    const a = align > this.pageSize ? align : this.pageSize;
    let base: bigint | null = null;
    for (const f of this.freeSpans()) {
      const start = alignUp(f.start > min ? f.start : min, a);
      const end = f.end < max + 1n ? f.end : max + 1n;
      if (start < end && end - start >= size) base = alignDown(end - size, a);
    }
    if (base === null) {
      const free = this.freeSpans().map((f) => spanText(f.start, f.end)).join(', ') || 'none';
      throw new LoaderError(`no free RAM for the ${what} buffer of ${hex(size)} bytes aligned to ${hex(a)} (free: ${free})`);
    }
    return base;
  }

  /** add_buffer(..., buf_end = -1): place bytes (memsz in all) at the top of free RAM. */
  addBuffer(what: SegmentKind, bytes: Uint8Array, memsz: bigint, align: bigint, min = 0n, max = ULONG_MAX): bigint {
    const size = alignUp(memsz, this.pageSize);
    const base = this.locateHole(what, size, align, min, max);
    this.add(what, bytes, base, size);
    return base;
  }
}
