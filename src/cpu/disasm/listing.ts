// Listings laid out the way GNU objdump lays them out: a section is cut into
// blocks at its symbols, each block opens with a label line, slots 0 and 1
// take 6-byte lines and slot 2 a 4-byte one, runs of zero bytes become "...",
// and a bundle that cannot be read whole ends its block with an
// "out of bounds" line.

import { Bundle, decodeBundle } from '../decode/decoder.js';
import { formatInsn, stopAfter } from './format.js';
import { DisasmSymbol, hex64, isCompilerMark, SectionSymbols, SymFlag } from './symbols.js';

export interface ListingSection {
  /** Section number; symbols name their section by it. */
  readonly index: number;
  readonly name: string;
  readonly vma: bigint;
  readonly bytes: Uint8Array;
}

export interface ListingOptions {
  /** The file's symbols (objdump's filtered set); none for raw bundles. */
  readonly symbols?: readonly DisasmSymbol[];
  /** The file has relocations (objdump's HAS_RELOC). */
  readonly relocatable?: boolean;
  /**
   * objdump -D: every block is code, and a bundle may straddle a symbol.
   * Without it (-d), a bundle must lie within its block to be printed.
   */
  readonly disassembleAll?: boolean;
}

/** objdump skips runs of at least this many zero bytes on ia64... */
const SKIP_ZEROES = 16;
/** ...and shorter ones than this at the end of a block. */
const SKIP_ZEROES_AT_END = 3;
/** ia64's bytes_per_line: slots are shown as 6, 6 and 4 bytes. */
const SLOT_BYTES = 6;
/** Bytes per line of a block dumped as data (an object symbol's). */
const DATA_BYTES = 16;
const MASK64 = (1n << 64n) - 1n;

/**
 * objdump's address column: leading zeros are dropped in groups of four
 * (keeping at least one) according to the section's end address, and the
 * remaining leading zeros are blanked.
 */
export function addressColumn(vma: bigint, size: number): (a: bigint) => string {
  const end = hex64(vma + BigInt(size), false);
  let skip = /^0*/.exec(end)![0].length;
  if (skip === 16 && vma !== 0n) skip = 0; // the end wrapped around
  if (skip !== 0) skip = (skip - 1) & ~3;
  return (a) => {
    const s = hex64(a, false).slice(skip);
    const digits = s.replace(/^0+/, '');
    return digits === '' ? ' '.repeat(s.length - 1) + '0' : ' '.repeat(s.length - digits.length) + digits;
  };
}

function hexBytes(b: Uint8Array, from: number, n: number, stop: number): string {
  let s = '';
  for (let i = from; i < from + n; i++) s += i < stop ? b[i].toString(16).padStart(2, '0') + ' ' : ' ';
  return s;
}

function printable(b: Uint8Array, from: number, n: number): string {
  let s = '';
  for (let i = from; i < from + n; i++) s += b[i] >= 0x20 && b[i] < 0x7f ? String.fromCharCode(b[i]) : '.';
  return s;
}

interface Block {
  readonly start: number;
  readonly stop: number;
  /** Disassemble (or dump as data). */
  readonly insns: boolean;
}

class SectionLister {
  private readonly col: (a: bigint) => string;
  readonly out: string[] = [];
  private cached = -1;
  private bundle: Bundle | undefined;

  constructor(
    private readonly sec: ListingSection,
    private readonly printAddr: (a: bigint) => string,
    private readonly boundedByBlock: boolean,
  ) {
    this.col = addressColumn(sec.vma, sec.bytes.length);
  }

  /** The bundle at a byte offset, decoded once for its three slots. */
  private bundleAt(off: number): Bundle {
    if (off !== this.cached || !this.bundle) {
      this.bundle = decodeBundle(this.sec.bytes, off);
      this.cached = off;
    }
    return this.bundle;
  }

  private addr(off: number): bigint {
    return (this.sec.vma + BigInt(off)) & MASK64;
  }

  /** The bytes of one block (objdump's disassemble_bytes). */
  block({ start, stop, insns }: Block): void {
    const bytes = this.sec.bytes;
    let off = start;
    while (off < stop) {
      let zeros = 0;
      while (off + zeros < stop && bytes[off + zeros] === 0) zeros++;
      if (zeros >= SKIP_ZEROES || (off + zeros === stop && zeros < SKIP_ZEROES_AT_END)) {
        // Resume on a 4-byte boundary, which may fall inside a slot.
        if (off + zeros !== stop) zeros &= ~3;
        this.out.push('\t...');
        off += zeros;
        continue;
      }
      const step = insns ? this.insn(off, stop) : this.data(off, stop);
      if (step < 0) break;
      off += step;
    }
  }

  /** One slot's lines; returns the bytes consumed, or -1 if its bundle is out of bounds. */
  private insn(off: number, stop: number): number {
    const { vma, bytes } = this.sec;
    const addr = this.addr(off);
    const inBundle = Number(addr & 0xfn);
    const bundleAddr = addr - BigInt(inBundle);
    const bundleOff = bundleAddr - vma;
    const stopVma = this.boundedByBlock ? this.addr(stop) : 0n;
    if (
      bundleAddr < vma ||
      bundleOff + 16n > BigInt(bytes.length) ||
      (stopVma !== 0n && (bundleAddr >= stopVma || ((bundleAddr + 16n) & MASK64) > stopVma))
    ) {
      this.out.push(`${this.col(addr)}:\tAddress 0x${hex64(bundleAddr, true)} is out of bounds.`, '');
      return -1;
    }
    const bundle = this.bundleAt(Number(bundleOff));
    const units = bundle.template.units;
    let slot = Math.floor(inBundle / SLOT_BYTES);
    let size = slot === 2 ? 16 - 2 * SLOT_BYTES : SLOT_BYTES;
    if (units && units[1] === 'L' && slot === 1) {
      // The L slot is printed with the X instruction it belongs to.
      slot = 2;
      size = 16 - SLOT_BYTES;
    }
    let text = inBundle < SLOT_BYTES ? `[${bundle.template.name}] ` : '      ';
    const insn = bundle.insns[slot];
    text += units ? formatInsn(insn, bundleAddr, this.printAddr) : formatInsn({ ...insn, def: null }, 0n);
    if (stopAfter(bundle, slot)) text += ';;';
    const first = Math.min(size, SLOT_BYTES);
    this.out.push(`${this.col(addr)}:\t${hexBytes(bytes, off, first, stop)}${'   '.repeat(SLOT_BYTES - first)}\t${text}`);
    for (let done = first; done < size; done += SLOT_BYTES) {
      const n = Math.min(SLOT_BYTES, size - done);
      this.out.push(`${this.col(this.addr(off + done))}:\t${hexBytes(bytes, off + done, n, stop)}`);
    }
    return size;
  }

  /** One line of a block dumped as data: hex bytes and their printable characters. */
  private data(off: number, stop: number): number {
    const n = Math.min(DATA_BYTES, stop - off);
    const { bytes } = this.sec;
    const hex = hexBytes(bytes, off, n, stop) + '   '.repeat(DATA_BYTES - n);
    this.out.push(`${this.col(this.addr(off))}:\t${hex}    ${printable(bytes, off, n)}`);
    return n;
  }
}

/**
 * The lines objdump prints for one section after its "Disassembly of
 * section" header: for each block between symbols, a blank line, a label
 * line and the block's contents.
 */
export function listSection(sec: ListingSection, opts: ListingOptions = {}): string[] {
  const size = sec.bytes.length;
  const table = new SectionSymbols(
    opts.symbols ?? [],
    { index: sec.index, name: sec.name, vma: sec.vma, size: BigInt(size) },
    opts.relocatable ?? false,
  );
  const lister = new SectionLister(sec, table.printAddress, !opts.disassembleAll);
  const syms = table.sorted;
  const found = table.find(sec.vma, true);
  let sym = found?.sym ?? null;
  let place = found?.place ?? 0;
  let off = 0;
  while (off < size) {
    const addr = (sec.vma + BigInt(off)) & MASK64;
    lister.out.push('', table.withSymbol(addr, sym, false) + ':');
    let next: DisasmSymbol | null;
    if (!sym || sym.addr > addr) {
      next = sym;
    } else {
      const cur = sym;
      while (place < syms.length && !(syms[place].sectionName === sec.name && syms[place].addr > cur.addr)) place++;
      next = place < syms.length ? syms[place] : null;
    }
    let stop = size;
    if (next) {
      const d = next.addr - sec.vma;
      if (d > BigInt(off) && d < BigInt(size)) stop = Number(d);
    }
    // An object symbol's bytes (or those of a compiler's marker) are dumped as data.
    const insns =
      !!opts.disassembleAll ||
      !sym ||
      sym.section !== sec.index ||
      sym.addr > addr ||
      (!(sym.flags & SymFlag.Object) && !isCompilerMark(sym.name)) ||
      (sym.flags & SymFlag.Function) !== 0;
    lister.block({ start: off, stop, insns });
    off = stop;
    sym = next;
  }
  return lister.out;
}
