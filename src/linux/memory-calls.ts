// brk, mmap, munmap and mprotect: anonymous memory only, with the checks
// and address choices of Linux/ia64 (mappings stay inside one region's
// mappable part; without MAP_FIXED the lowest free range at or above the
// hint, or above region 1's base, is taken).

import { PROT_EXEC, PROT_READ, PROT_WRITE, validRange } from './areas.js';
import { EBADF, EEXIST, EINVAL, ENODEV, ENOMEM } from './errno.js';
import { MMAP_BASE, PAGE_SIZE, pageUp, REGION_MAP_LIMIT, regionOf, USER_REGIONS } from './layout.js';
import type { LinuxProcess } from './process.js';

export const MAP_SHARED = 0x01;
export const MAP_PRIVATE = 0x02;
export const MAP_TYPE = 0x03;
export const MAP_FIXED = 0x10;
export const MAP_ANONYMOUS = 0x20;
export const MAP_FIXED_NOREPLACE = 0x100000;

const PROT_ALL = PROT_READ | PROT_WRITE | PROT_EXEC;

const err = (e: number): bigint => BigInt(-e);

/** brk: move the end of the heap; the result is the new end, or the old one when it cannot move. */
export function sysBrk(p: LinuxProcess, addr: bigint): bigint {
  if (addr < p.brkStart) return p.brk;
  const oldEnd = pageUp(p.brk);
  const newEnd = pageUp(addr);
  if (newEnd < oldEnd) {
    p.space.unmap(newEnd, oldEnd);
  } else if (newEnd > oldEnd) {
    // The kernel keeps a page of room between the heap and the next mapping.
    if (!validRange(oldEnd, newEnd - oldEnd) || !p.space.areas.isFree(oldEnd, newEnd + PAGE_SIZE)) return p.brk;
    const heap = p.space.areas.find(oldEnd - 1n);
    if (heap && heap.name === 'heap' && heap.end === oldEnd) p.space.areas.replace(heap, { ...heap, end: newEnd });
    else p.space.map({ start: oldEnd, end: newEnd, prot: PROT_READ | PROT_WRITE, name: 'heap' });
  }
  p.brk = addr;
  return addr;
}

export function sysMmap(p: LinuxProcess, addr: bigint, length: bigint, prot: number, flags: number, fd: number, off: bigint): bigint {
  if (off % PAGE_SIZE !== 0n) return err(EINVAL);
  if (length === 0n) return err(EINVAL);
  const type = flags & MAP_TYPE;
  if (type !== MAP_SHARED && type !== MAP_PRIVATE && type !== MAP_TYPE) return err(EINVAL);
  if (!(flags & MAP_ANONYMOUS)) return err(p.fds.has(fd) ? ENODEV : EBADF);
  if (prot & ~PROT_ALL) return err(EINVAL);
  if (length > REGION_MAP_LIMIT) return err(ENOMEM);
  const len = pageUp(length);
  let start: bigint;
  if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
    if (addr % PAGE_SIZE !== 0n || !validRange(addr, len)) return err(EINVAL);
    if (!(flags & MAP_FIXED) && !p.space.areas.isFree(addr, addr + len)) return err(EEXIST);
    start = addr;
  } else {
    const hint = addr !== 0n && regionOf(addr) < USER_REGIONS ? pageUp(addr) : MMAP_BASE;
    const found = p.space.areas.findFree(len, hint);
    if (found === null) return err(ENOMEM);
    start = found;
  }
  p.space.map({ start, end: start + len, prot, name: 'mmap' });
  return start;
}

export function sysMunmap(p: LinuxProcess, addr: bigint, length: bigint): bigint {
  if (addr % PAGE_SIZE !== 0n || length === 0n || length > REGION_MAP_LIMIT) return err(EINVAL);
  const len = pageUp(length);
  if (!validRange(addr, len)) return err(EINVAL);
  p.space.unmap(addr, addr + len);
  return 0n;
}

export function sysMprotect(p: LinuxProcess, addr: bigint, length: bigint, prot: number): bigint {
  if (addr % PAGE_SIZE !== 0n || prot & ~PROT_ALL) return err(EINVAL);
  if (length === 0n) return 0n;
  if (length > REGION_MAP_LIMIT) return err(ENOMEM);
  const len = pageUp(length);
  if (!validRange(addr, len) || !p.space.areas.isCovered(addr, addr + len)) return err(ENOMEM);
  p.space.protect(addr, addr + len, prot);
  return 0n;
}
