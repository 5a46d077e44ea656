// `kexec -l` for ia64 as a pure function: the kernel, purgatory and the
// buffers purgatory reads, placed in the order and with the rules of
// kexec-tools 2.0.25 (kexec/arch/ia64/kexec-elf-ia64.c elf_ia64_load, then
// kexec/kexec.c update_purgatory), and the purgatory variables set to match.

import { createHash } from 'node:crypto';
import { LoaderError, hex } from './errors.js';
import { parseKernel, placeKernel } from './kernel.js';
import { KexecCompatReport, kexecCompat } from './kexec-compat.js';
import { RamRange, Segment, SegmentList, ULONG_MAX, alignUp } from './placement.js';
import { GP_OFFSET, Purgatory } from './purgatory.js';
import { TypeCount, countTypes } from './reloc-types.js';
import { SymbolMap } from './symbols.js';

/** ia64 Linux's default page size (CONFIG_IA64_PAGE_SIZE_16KB), kexec's getpagesize(). */
export const DEFAULT_PAGE_SIZE = 0x4000n;
/** elf_ia64_load reserves 4 KiB for the copy of ia64_boot_param. */
export const BOOT_PARAM_SIZE = 4096n;
/** kexec/kexec-sha256.h SHA256_REGIONS. */
export const SHA256_REGIONS = 16;

export interface LoadOptions {
  /** The kernel: an ET_EXEC IA-64 ELF, possibly gzip-compressed. */
  readonly kernel: Uint8Array;
  /** The purgatory: an IA-64 ELF relocatable. */
  readonly purgatory: Uint8Array;
  /** Usable RAM, without the firmware's boot parameters and memory map (kexec splits those out of System RAM). */
  readonly ram: readonly RamRange[];
  /** Size of the firmware's EFI memory map: kexec reserves a buffer that large for purgatory to rewrite the map into. */
  readonly efiMemmapSize: bigint;
  /** --command-line; undefined reserves no buffer and leaves __command_line 0, as kexec does. */
  readonly commandLine?: string;
  /** --initrd. */
  readonly initrd?: Uint8Array;
  /** --noio: purgatory does no port or MMIO accesses. */
  readonly noio?: boolean;
  /** --skip-checks: purgatory skips the sha256 verification. */
  readonly skipChecks?: boolean;
  /** getpagesize() of the kernel that runs kexec. */
  readonly pageSize?: bigint;
}

export interface Sha256Region {
  readonly start: bigint;
  readonly len: bigint;
}

export interface LoadPlan {
  /** Sorted by address, as kexec passes them to kexec_load. */
  readonly segments: readonly Segment[];
  readonly kernelEntry: bigint;
  /** What update_loaded_segments added to the kernel's physical addresses. */
  readonly kernelOffset: bigint;
  /** Where purgatory starts (kexec's info->entry). */
  readonly purgatoryEntry: bigint;
  readonly purgatoryBase: bigint;
  readonly gp: bigint;
  /** Purgatory symbols, then kernel symbols, at their physical addresses. */
  readonly symbols: SymbolMap;
  /** Every relocation applied, by type. */
  readonly relocations: readonly TypeCount[];
  /** What the linkage table beyond .bss holds (both 0 when there is none). */
  readonly linkage: { readonly entries: number; readonly descriptors: number };
  /** Relocation types of this purgatory that kexec-tools 2.0.25 refuses. */
  readonly kexecRefused: readonly TypeCount[];
  /** Relocation types it accepts but would store wrongly here. */
  readonly kexecMisapplied: readonly TypeCount[];
  /** What sha256_regions and sha256_digest were set to; null with skipChecks. */
  readonly sha256: { readonly regions: readonly Sha256Region[]; readonly digest: Uint8Array } | null;
}

function u64(v: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
  return b;
}

/** Bytes of the function purgatory copies after the command line (entry.S __dummy_efi_function, or ours). */
function dummyFunctionSize(p: Purgatory): bigint {
  for (const [start, end] of [
    ['__dummy_efi_function', '__dummy_efi_function_end'],
    ['efi_dummy_function', 'efi_dummy_function_end'],
  ]) {
    if (p.has(start) && p.has(end)) return p.address(end) - p.address(start);
  }
  return 0n;
}

/**
 * update_purgatory: one sha256 over every segment but purgatory's, each as
 * its bytes followed by zeros up to its page-rounded size, and the regions
 * purgatory will hash again before it jumps.
 */
export function hashSegments(segments: readonly Segment[], skip: bigint): { regions: Sha256Region[]; digest: Uint8Array } {
  const h = createHash('sha256');
  const regions: Sha256Region[] = [];
  const zeros = new Uint8Array(0x10000);
  for (const s of segments) {
    if (s.paddr === skip) continue;
    h.update(s.bytes);
    for (let left = s.memsz - BigInt(s.bytes.length); left > 0n; ) {
      const n = left < BigInt(zeros.length) ? Number(left) : zeros.length;
      h.update(zeros.subarray(0, n));
      left -= BigInt(n);
    }
    regions.push({ start: s.paddr, len: s.memsz });
  }
  if (regions.length > SHA256_REGIONS) {
    throw new LoaderError(`${regions.length} segments to verify, but purgatory's sha256_regions holds ${SHA256_REGIONS}`);
  }
  return { regions, digest: new Uint8Array(h.digest()) };
}

function regionBytes(regions: readonly Sha256Region[]): Uint8Array {
  const out = new Uint8Array(SHA256_REGIONS * 16);
  const dv = new DataView(out.buffer);
  regions.forEach((r, i) => {
    dv.setBigUint64(i * 16, r.start, true);
    dv.setBigUint64(i * 16 + 8, r.len, true);
  });
  return out;
}

export function buildLoadPlan(o: LoadOptions): LoadPlan {
  const page = o.pageSize ?? DEFAULT_PAGE_SIZE;
  if (page <= 0n || (page & (page - 1n)) !== 0n) throw new LoaderError(`page size ${hex(page)} is not a power of two`);
  const list = new SegmentList(o.ram, page);
  const kernel = placeKernel(parseKernel(o.kernel), list);

  const purgatory = new Purgatory(o.purgatory);
  const base = list.locateHole('purgatory', alignUp(purgatory.loadSize, page), purgatory.align, 0n, ULONG_MAX);
  list.add('purgatory', purgatory.load(base), base, purgatory.loadSize);

  const bootParam = list.addBuffer('boot-param', new Uint8Array(Number(BOOT_PARAM_SIZE)), BOOT_PARAM_SIZE, 4096n);
  purgatory.setSymbol('__noio', u64(o.noio ? 1n : 0n));
  purgatory.setSymbol('__boot_param_base', u64(bootParam));

  if (o.efiMemmapSize <= 0n) throw new LoaderError('the EFI memory map size must be positive: kexec reserves that much for purgatory');
  const memmap = list.addBuffer('efi-memmap', new Uint8Array(Number(o.efiMemmapSize)), o.efiMemmapSize, 4096n);
  purgatory.setSymbol('__efi_memmap_base', u64(memmap));
  purgatory.setSymbol('__efi_memmap_size', u64(o.efiMemmapSize));

  if (o.commandLine !== undefined) {
    const text = new TextEncoder().encode(o.commandLine);
    const len = alignUp(BigInt(text.length) + 1n, 16n);
    const bytes = new Uint8Array(Number(len));
    bytes.set(text);
    // Purgatory copies its dummy SetVirtualAddressMap right after the line.
    const at = list.addBuffer('command-line', bytes, len + dummyFunctionSize(purgatory), page);
    purgatory.setSymbol('__command_line_len', u64(len));
    purgatory.setSymbol('__command_line', u64(at));
  }

  if (o.initrd) {
    if (o.initrd.length === 0) throw new LoaderError('the initrd is empty');
    const at = list.addBuffer('initrd', o.initrd, BigInt(o.initrd.length), page);
    purgatory.setSymbol('__ramdisk_base', u64(at));
    purgatory.setSymbol('__ramdisk_size', u64(BigInt(o.initrd.length)));
  }

  purgatory.setSymbol('__gp_value', u64(base + GP_OFFSET));
  purgatory.setSymbol('__kernel_entry', u64(kernel.entry));

  let sha256: LoadPlan['sha256'] = null;
  if (o.skipChecks) {
    purgatory.setSymbol('skip_checks', new Uint8Array([1, 0, 0, 0]));
  } else {
    sha256 = hashSegments(list.segments, base);
    purgatory.setSymbol('sha256_regions', regionBytes(sha256.regions));
    purgatory.setSymbol('sha256_digest', sha256.digest);
  }

  const compat: KexecCompatReport = kexecCompat(purgatory.relocations);
  return {
    segments: [...list.segments],
    kernelEntry: kernel.entry,
    kernelOffset: kernel.offset,
    purgatoryEntry: purgatory.entry,
    purgatoryBase: base,
    gp: purgatory.gp,
    symbols: new SymbolMap([...purgatory.symbols(), ...kernel.symbols]),
    relocations: countTypes(purgatory.relocations.map((r) => r.type)),
    linkage: { entries: purgatory.linkage.entryCount, descriptors: purgatory.linkage.descriptorCount },
    kexecRefused: compat.refused,
    kexecMisapplied: compat.misapplied,
    sha256,
  };
}

/** The one memory operation a plan needs. */
export interface PhysicalWriter {
  write(paddr: bigint, bytes: Uint8Array): void;
}

/** Copy every segment and zero the rest of it, as the kernel's kexec_load does. */
export function writeLoadPlan(plan: LoadPlan, mem: PhysicalWriter): void {
  const zeros = new Uint8Array(0x10000);
  for (const s of plan.segments) {
    mem.write(s.paddr, s.bytes);
    let at = s.paddr + BigInt(s.bytes.length);
    const end = s.paddr + s.memsz;
    while (at < end) {
      const n = end - at < BigInt(zeros.length) ? Number(end - at) : zeros.length;
      mem.write(at, zeros.subarray(0, n));
      at += BigInt(n);
    }
  }
}
