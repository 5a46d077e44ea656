// A process's address space: the translator the CPU runs under in user
// mode. Virtual addresses map to the same physical addresses (the region
// bits included) of sparse memory, one SparseMemory per user region; what
// a real kernel does with page tables and TLB misses is reduced to the
// question "is this address in a mapped area with the needed rights?".
//
// An access outside every area raises the Data or Instruction TLB fault a
// kernel would turn into SIGSEGV, an access the area's protection forbids
// the Access Rights fault, a load from page zero the NaT Page Consumption
// fault. Touching just below the memory stack or just above the register
// backing store grows them, as the kernel's page-fault handler does.

import { Access, AddressTranslator } from '../cpu/memory.js';
import { accessIsr, natPageConsumption, translationFault } from '../cpu/system/faults.js';
import { AddressSpace } from '../machine/address-space.js';
import { SparseMemory } from '../machine/ram.js';
import { Area, AreaMap, PROT_EXEC, PROT_READ, PROT_WRITE } from './areas.js';
import { PAGE_SHIFT, pageDown, pageUp, USER_REGIONS } from './layout.js';

/** The protection bit an access needs; non-access references (fc, lfetch) need only a mapping. */
const NEEDS: readonly number[] = [PROT_READ, PROT_WRITE, PROT_EXEC, 0];

/** ITIR of a translation fault: the 16 KiB preferred page size in ITIR.ps. */
const ITIR = PAGE_SHIFT << 2n;

/** The largest access the CPU makes (a bundle fetch, a 16-byte load). */
const MAX_ACCESS = 16n;

export class UserSpace implements AddressTranslator {
  readonly memory = new AddressSpace();
  readonly areas = new AreaMap();
  private readonly regions: SparseMemory[] = [];
  /** Called after pages are discarded, so decoded instructions of them can be dropped. */
  onDiscard: (() => void) | null = null;

  /** The last area an access hit, and the highest address at which any access fits in it. */
  private last: Area | null = null;
  private lastTail = -1n;
  private seenVersion = -1;

  constructor() {
    for (let r = 0; r < USER_REGIONS; r++) {
      const m = new SparseMemory(`region ${r}`, BigInt(r) << 61n, 1n << 61n);
      this.regions.push(m);
      this.memory.add(m);
    }
  }

  /** Changes whenever an area is mapped, unmapped or re-protected (fetch translations are cached by it). */
  get generation(): number {
    return this.areas.version;
  }

  translate(va: bigint, size: number, access: Access): bigint {
    const a = this.last;
    if (a !== null && va >= a.start && va <= this.lastTail && (a.prot & NEEDS[access]) === NEEDS[access] && this.seenVersion === this.areas.version) {
      return va;
    }
    return this.translateSlow(va, size, access);
  }

  private translateSlow(va: bigint, size: number, access: Access): bigint {
    const a = this.areas.find(va) ?? this.grow(va);
    if (!a) throw translationFault('tlb', va, accessIsr(access), ITIR, 0n);
    if (a.natPage && access === Access.Read) throw natPageConsumption(va, accessIsr(access));
    if ((a.prot & NEEDS[access]) !== NEEDS[access]) throw translationFault('accessRights', va, accessIsr(access), ITIR, 0n);
    const last = va + BigInt(size) - 1n;
    // An access that runs into the next area must be allowed there too.
    if (last >= a.end) this.translateSlow(a.end, Number(last - a.end) + 1, access);
    // The NaT page is never remembered: its loads must keep faulting.
    if (!a.natPage) {
      this.last = a;
      this.lastTail = a.end - MAX_ACCESS;
      this.seenVersion = this.areas.version;
    }
    return va;
  }

  /** Grow the stack-like area va lies just beyond, as a page fault there would; the grown area or undefined. */
  private grow(va: bigint): Area | undefined {
    const [below, above] = this.areas.neighbours(va);
    let grown: Area | undefined;
    if (above?.grows === 'down' && va >= (above.growLimit ?? above.start)) {
      grown = { ...above, start: pageDown(va) };
      this.areas.replace(above, grown);
    } else if (below?.grows === 'up' && va < (below.growLimit ?? below.end)) {
      grown = { ...below, end: pageUp(va + 1n) };
      this.areas.replace(below, grown);
    }
    return grown;
  }

  /**
   * How many of the len bytes at va the kernel can access for a system
   * call (copy to or from user memory), growing stacks as the fault
   * handler would; a short count means the next byte would fault.
   */
  accessible(va: bigint, len: bigint, access: Access.Read | Access.Write): bigint {
    let at = va;
    const end = va + len;
    while (at < end) {
      const a = this.areas.find(at) ?? this.grow(at);
      if (!a || a.natPage || (a.prot & NEEDS[access]) !== NEEDS[access]) break;
      at = a.end;
    }
    return (at < end ? at : end) - va;
  }

  /** The n bytes at va (the kernel's copy_from_user), or null if some byte is not readable. */
  copyIn(va: bigint, n: number): Uint8Array | null {
    if (this.accessible(va, BigInt(n), Access.Read) < BigInt(n)) return null;
    const out = new Uint8Array(n);
    if (n > 0) this.memory.readBlock(va, out);
    return out;
  }

  /** Store bytes at va (copy_to_user); false if some byte is not writable (nothing is then written). */
  copyOut(va: bigint, bytes: Uint8Array): boolean {
    if (this.accessible(va, BigInt(bytes.length), Access.Write) < BigInt(bytes.length)) return false;
    if (bytes.length > 0) this.memory.writeBlock(va, bytes);
    return true;
  }

  /** Write into memory regardless of protection (loading an image, building the stack). */
  poke(va: bigint, bytes: Uint8Array): void {
    if (bytes.length > 0) this.memory.writeBlock(va, bytes);
  }

  /** Map an area anew: whatever was there is unmapped and the pages read as zero. */
  map(area: Area): void {
    this.unmap(area.start, area.end);
    this.areas.insert(area);
  }

  /** Change the protection of [start, end), which areas must cover. */
  protect(start: bigint, end: bigint, prot: number): void {
    this.areas.protect(start, end, prot);
  }

  /** Unmap [start, end). Memory outside every area is kept zero, so a new mapping starts clean. */
  unmap(start: bigint, end: bigint): void {
    if (this.areas.remove(start, end)) this.discard(start, end);
  }

  private discard(start: bigint, end: bigint): void {
    const region = this.regions[Number(start >> 61n)];
    region.discard(start - region.base, end - start);
    this.onDiscard?.();
  }
}
