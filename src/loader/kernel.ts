// The kernel image: an ET_EXEC IA-64 ELF whose PT_LOAD segments go to their
// physical load addresses (p_paddr), or, when those are not RAM, all move by
// one offset to the first RAM range that holds them from a 64 MiB boundary
// (kexec-tools kexec/arch/ia64/kexec-ia64.c update_loaded_segments,
// kexec-elf-ia64.c move_loaded_segments and elf_ia64_load).

import { gunzipSync } from 'node:zlib';
import { ElfFile, ET_EXEC, PT_LOAD, ProgramHeader } from './elf.js';
import { LoaderError, hex, readingElf } from './errors.js';
import { SegmentList, alignUp, spanText } from './placement.js';

const PT_INTERP = 3;
/** update_loaded_segments moves a kernel to a 64 MiB boundary. */
export const KERNEL_ALIGN = 1n << 26n;

export interface PlacedKernel {
  /** e_entry, moved with the segments (a physical address in Linux's vmlinux). */
  readonly entry: bigint;
  /** What was added to every p_paddr (0 when the kernel fits where it was linked). */
  readonly offset: bigint;
  /** Symbols of the image that lie in a PT_LOAD segment, at their physical addresses. */
  readonly symbols: ReadonlyArray<readonly [string, bigint]>;
}

/** kexec's slurp_decompress_file accepts a gzip-compressed image (vmlinuz) too. */
function decompress(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return new Uint8Array(gunzipSync(bytes));
  } catch (e) {
    throw new LoaderError(`kernel: the gzip-compressed image does not decompress: ${(e as Error).message}`, { cause: e });
  }
}

export function parseKernel(bytes: Uint8Array): ElfFile {
  const elf = readingElf('kernel', () => new ElfFile(decompress(bytes)));
  if (elf.header.type !== ET_EXEC) {
    throw new LoaderError(`kernel: ELF type ${elf.header.type} is not an executable (ET_EXEC = ${ET_EXEC})`);
  }
  if (elf.programHeaders.some((p) => p.type === PT_INTERP)) {
    throw new LoaderError('kernel: the image requires an ELF interpreter (PT_INTERP); kexec boots only static images');
  }
  if (!elf.programHeaders.some((p) => p.type === PT_LOAD)) throw new LoaderError('kernel: the image has no PT_LOAD segment');
  return elf;
}

/**
 * update_loaded_segments: 0 when some RAM range starting at or below the
 * lowest p_paddr ends beyond the highest p_paddr + p_memsz (strictly, as
 * kexec compares), else the offset that brings the first PT_LOAD to the
 * 64 MiB-aligned start of the first RAM range longer than the image.
 */
export function kernelOffset(loads: readonly ProgramHeader[], list: SegmentList): bigint {
  let lo = -1n;
  let hi = 0n;
  for (const p of loads) {
    if (lo < 0n || p.paddr < lo) lo = p.paddr;
    if (p.paddr + p.memsz > hi) hi = p.paddr + p.memsz;
  }
  for (const r of list.ram) {
    if (r.start > lo) break;
    if (r.end > hi) return 0n;
  }
  for (const r of list.ram) {
    const start = alignUp(r.start, KERNEL_ALIGN);
    if (r.end > start && r.end - start > hi - lo) return start - loads[0].paddr;
  }
  throw new LoaderError(
    `kernel: its ${hex(hi - lo)} bytes at ${spanText(lo, hi)} are not in RAM, and no RAM range holds more than that ` +
      `from a 64 MiB boundary (usable RAM: ${list.describeRam()})`,
  );
}

/** Add the kernel's PT_LOAD segments to the list (elf_exec_load). */
export function placeKernel(elf: ElfFile, list: SegmentList): PlacedKernel {
  const loads = elf.programHeaders.filter((p) => p.type === PT_LOAD);
  const offset = kernelOffset(loads, list);
  for (const p of loads) {
    const size = p.filesz < p.memsz ? p.filesz : p.memsz;
    const start = Number(p.offset);
    list.add('kernel', elf.bytes.subarray(start, start + Number(size)), p.paddr + offset, p.memsz);
  }
  return { entry: BigInt.asUintN(64, elf.header.entry + offset), offset, symbols: kernelSymbols(elf, loads, offset) };
}

const STT_OBJECT = 1;
const STT_FUNC = 2;

/** Function and object symbols mapped from their link (virtual) address to where they were loaded. */
function kernelSymbols(elf: ElfFile, loads: readonly ProgramHeader[], offset: bigint): Array<readonly [string, bigint]> {
  const out: Array<readonly [string, bigint]> = [];
  for (const s of readingElf('kernel', () => elf.symbols())) {
    if (!s.name || (s.type !== STT_FUNC && s.type !== STT_OBJECT)) continue;
    const p = loads.find((l) => l.vaddr <= s.value && s.value < l.vaddr + l.memsz);
    if (p) out.push([s.name, s.value - p.vaddr + p.paddr + offset]);
  }
  return out;
}
