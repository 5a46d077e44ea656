// The mapped areas of a process (the kernel's VMAs): sorted, disjoint,
// page-aligned ranges with their protection. Areas are immutable values; a
// change replaces them, so whoever remembers one sees a consistent picture
// until the map's version moves.

import { PAGE_SIZE, REGION_MAP_LIMIT, regionOf, USER_REGIONS } from './layout.js';

export const PROT_NONE = 0;
export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;

/** Stack-like areas extend themselves when touched just beyond their growing edge. */
export type Growth = 'down' | 'up';

export interface Area {
  readonly start: bigint;
  readonly end: bigint;
  readonly prot: number;
  /** What the area holds, for reports: "text", "data", "heap", "stack", "backing store", "mmap". */
  readonly name: string;
  readonly grows?: Growth;
  /** How far a growing area may reach: its lowest start (down) or highest end (up). */
  readonly growLimit?: bigint;
  /** Page zero of Linux/ia64: readable, but a NaT page (loads fault, speculative loads get NaT). */
  readonly natPage?: boolean;
}

export function protString(prot: number): string {
  return (prot & PROT_READ ? 'r' : '-') + (prot & PROT_WRITE ? 'w' : '-') + (prot & PROT_EXEC ? 'x' : '-');
}

/** The first address of region r and the end of its mappable part. */
function regionBounds(r: number): [bigint, bigint] {
  const base = BigInt(r) << 61n;
  return [base, base + REGION_MAP_LIMIT];
}

export class AreaMap {
  private list: Area[] = [];
  /** Bumped by every change. */
  version = 0;

  all(): readonly Area[] {
    return this.list;
  }

  /** Index of the first area whose end is above va. */
  private indexAbove(va: bigint): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].end <= va) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The area holding va. */
  find(va: bigint): Area | undefined {
    const a = this.list[this.indexAbove(va)];
    return a && a.start <= va ? a : undefined;
  }

  /** The nearest areas below and above an unmapped va. */
  neighbours(va: bigint): [Area | undefined, Area | undefined] {
    const i = this.indexAbove(va);
    return [this.list[i - 1], this.list[i]];
  }

  /** Whether no area meets [start, end). */
  isFree(start: bigint, end: bigint): boolean {
    const a = this.list[this.indexAbove(start)];
    return !a || a.start >= end;
  }

  /** Whether areas cover [start, end) without a hole. */
  isCovered(start: bigint, end: bigint): boolean {
    let at = start;
    for (let i = this.indexAbove(start); i < this.list.length && at < end; i++) {
      if (this.list[i].start > at) return false;
      at = this.list[i].end;
    }
    return at >= end;
  }

  /** Map an area, replacing whatever it overlaps. */
  insert(area: Area): void {
    this.remove(area.start, area.end);
    const i = this.indexAbove(area.start);
    this.list.splice(i, 0, area);
    this.version++;
  }

  /** Replace an area by a changed copy of itself (growth). */
  replace(old: Area, changed: Area): void {
    const i = this.list.indexOf(old);
    if (i < 0) throw new Error('replacing an area that is not mapped');
    this.list[i] = changed;
    this.version++;
  }

  /** Unmap [start, end); areas it cuts keep their parts outside. True when something was mapped there. */
  remove(start: bigint, end: bigint): boolean {
    const first = this.indexAbove(start);
    let last = first;
    const kept: Area[] = [];
    while (last < this.list.length && this.list[last].start < end) {
      const a = this.list[last];
      if (a.start < start) kept.push(piece(a, a.start, start));
      if (a.end > end) kept.push(piece(a, end, a.end));
      last++;
    }
    if (last === first) return false;
    this.list.splice(first, last - first, ...kept);
    this.version++;
    return true;
  }

  /** Change the protection of [start, end), which must be covered. */
  protect(start: bigint, end: bigint, prot: number): void {
    const changed: Area[] = [];
    for (let i = this.indexAbove(start); i < this.list.length && this.list[i].start < end; i++) {
      const a = this.list[i];
      changed.push({ ...piece(a, a.start > start ? a.start : start, a.end < end ? a.end : end), prot });
    }
    for (const a of changed) this.insert(a);
  }

  /**
   * The lowest free range of len bytes at or above from, within the
   * mappable part of one user region, or null.
   */
  findFree(len: bigint, from: bigint): bigint | null {
    for (let r = regionOf(from); r < USER_REGIONS; r++) {
      const [base, limit] = regionBounds(r);
      let at = from > base ? from : base;
      for (let i = this.indexAbove(at); at + len <= limit; i++) {
        const next = this.list[i];
        if (!next || next.start >= at + len) return at;
        at = next.end > at ? next.end : at;
      }
    }
    return null;
  }
}

/** The part [start, end) of a; it keeps the growing edge only if it contains it. */
function piece(a: Area, start: bigint, end: bigint): Area {
  const { grows, growLimit, ...fixed } = a;
  const keepsEdge = (grows === 'down' && start === a.start) || (grows === 'up' && end === a.end);
  return keepsEdge ? { ...a, start, end } : { ...fixed, start, end };
}

/** A whole number of pages within one region's mappable part. */
export function validRange(start: bigint, len: bigint): boolean {
  if (len <= 0n || start % PAGE_SIZE !== 0n || start < 0n) return false;
  const r = regionOf(start);
  if (r >= USER_REGIONS) return false;
  const [, limit] = regionBounds(r);
  return start + len <= limit;
}
