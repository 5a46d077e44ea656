// The CPU's two narrow views of memory: address translation (virtual to
// physical, implemented by the system architecture or by a flat user space)
// and the physical address space (implemented by the machine's memory map).

/** What an access is for; translation checks rights and the platform reports it. */
export const enum Access {
  Read = 0,
  Write = 1,
  Execute = 2,
  /** Non-access references: probe, tpa, fc, lfetch (no data transfer). */
  NonAccess = 3,
}

/** Bit 63 of a physical address selects an uncacheable access (Vol. 2, 4.4.1). */
export const UNCACHED_BIT = 1n << 63n;

export interface PhysicalMemory {
  /** Read size (1, 2, 4 or 8) bytes, little-endian; pa bit 63 marks an uncached access. */
  read(pa: bigint, size: number): bigint;
  write(pa: bigint, size: number, value: bigint): void;
  /** Read/write a block (bundles, 10- and 16-byte FP forms); must not cross a region. */
  readBlock(pa: bigint, out: Uint8Array, access?: Access): void;
  writeBlock(pa: bigint, data: Uint8Array): void;
  /**
   * Called with the 4 KiB page number of every physical page the CPU keeps
   * decoded instructions for; the memory calls back through onCodeWrite
   * when a store lands in one.
   */
  watchCode(page: bigint): void;
  onCodeWrite: ((page: bigint) => void) | null;
  /**
   * Direct access to the cacheable memory of the 4 KiB physical page holding
   * pa: a DataView and the page's offset in it, or null where accesses must
   * take the full path (devices, ROM writes, pages with decoded code).
   */
  directView?(pa: bigint, forWrite: boolean): DirectView | null;
}

export interface DirectView {
  readonly dv: DataView;
  readonly base: number;
}

/** Translation of a virtual address for one access. */
export interface AddressTranslator {
  /**
   * The physical address (with bit 63 set for uncacheable memory) of va for
   * an access of size bytes, or an Interruption thrown for a TLB miss,
   * protection, unimplemented address, ...
   */
  translate(va: bigint, size: number, access: Access): bigint;
  /** Bumped whenever translations change, so cached fetch translations can be dropped. */
  readonly generation: number;
}

/** Translation with PSR.dt/it off and no regions: the identity. */
export const identityTranslator: AddressTranslator = {
  translate: (va) => va,
  generation: 0,
};

/** Read size (1, 2, 4 or 8) bytes at o, little-endian, zero-extended. */
export function viewRead(dv: DataView, o: number, size: number): bigint {
  switch (size) {
    case 8:
      return dv.getBigUint64(o, true);
    case 4:
      return BigInt(dv.getUint32(o, true));
    case 2:
      return BigInt(dv.getUint16(o, true));
    default:
      return BigInt(dv.getUint8(o));
  }
}

/** Write the low size (1, 2, 4 or 8) bytes of v at o, little-endian. */
export function viewWrite(dv: DataView, o: number, size: number, v: bigint): void {
  switch (size) {
    case 8:
      dv.setBigUint64(o, BigInt.asUintN(64, v), true);
      return;
    case 4:
      dv.setUint32(o, Number(v & 0xffffffffn), true);
      return;
    case 2:
      dv.setUint16(o, Number(v & 0xffffn), true);
      return;
    default:
      dv.setUint8(o, Number(v & 0xffn));
  }
}
