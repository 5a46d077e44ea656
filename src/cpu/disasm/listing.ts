// Listings laid out the way `objdump -d` lays them out: per-section headers,
// symbol labels, 6-byte lines for slots 0 and 1, 4 for slot 2, and runs of
// zero bytes elided as "...".

import { decodeBundle } from '../decode/decoder.js';
import { AddressPrinter, formatInsn, stopAfter } from './format.js';

export interface ListingSymbol {
  readonly name: string;
  readonly addr: bigint;
}

export interface ListingSection {
  readonly name: string;
  readonly vma: bigint;
  readonly bytes: Uint8Array;
  /** Symbols that label addresses in this section, sorted by address. */
  readonly symbols: readonly ListingSymbol[];
}

/** objdump skips runs of at least this many zero bytes on ia64. */
const SKIP_ZEROES = 16;
const SKIP_ZEROES_AT_END = 3;
const BYTES_PER_LINE = 6;

/** objdump's address column: leading zero groups dropped, then zeros blanked. */
function addressColumn(endAddr: bigint): (a: bigint) => string {
  const end = endAddr.toString(16).padStart(16, '0');
  let skip = 0;
  while (end[skip] === '0') skip++;
  skip = skip === 0 ? 0 : (skip - 1) & ~3;
  return (a: bigint) => {
    const s = a.toString(16).padStart(16, '0').slice(skip);
    const t = s.replace(/^0+/, (z) => ' '.repeat(z.length));
    return t.endsWith(' ') ? t.slice(0, -1) + '0' : t;
  };
}

function hexBytes(b: Uint8Array, from: number, n: number, pad: boolean): string {
  let s = '';
  for (let i = 0; i < n; i++) s += b[from + i].toString(16).padStart(2, '0') + ' ';
  if (pad) s += '   '.repeat(BYTES_PER_LINE - n);
  return s;
}

/** A symbolic address printer: "addr <sym+0xoff>", or "0x..." without symbols. */
export function symbolPrinter(symbols: readonly ListingSymbol[]): AddressPrinter {
  if (symbols.length === 0) return (a) => '0x' + a.toString(16);
  return (a) => {
    let best: ListingSymbol | undefined;
    for (const s of symbols) if (s.addr <= a && (!best || s.addr >= best.addr)) best = s;
    best ??= symbols[0];
    const off = a - best.addr;
    const rel = off === 0n ? '' : off > 0n ? `+0x${off.toString(16)}` : `-0x${(-off).toString(16)}`;
    return `${a.toString(16)} <${best.name}${rel}>`;
  };
}

/** The disassembly lines of one section, as objdump -d prints them after the section header. */
export function listSection(sec: ListingSection, printAddr: AddressPrinter = symbolPrinter(sec.symbols)): string[] {
  const out: string[] = [];
  const { bytes, vma } = sec;
  const col = addressColumn(vma + BigInt(bytes.length));
  const stop = bytes.length;
  let symIdx = 0;
  let off = 0;
  while (off < stop) {
    const addr = vma + BigInt(off);
    // Symbol labels at or before this address.
    let labelled = false;
    while (symIdx < sec.symbols.length && sec.symbols[symIdx].addr <= addr) {
      if (sec.symbols[symIdx].addr === addr && !labelled) {
        out.push('', `${addr.toString(16).padStart(16, '0')} <${sec.symbols[symIdx].name}>:`);
        labelled = true;
      }
      symIdx++;
    }
    // Elide runs of zeros.
    let z = off;
    while (z < stop && bytes[z] === 0) z++;
    if (z !== stop) z = off + ((z - off) & ~3);
    if (z - off >= SKIP_ZEROES || (z === stop && z - off < SKIP_ZEROES_AT_END && z > off)) {
      out.push('\t...');
      off = z;
      continue;
    }
    const slotNum = Math.floor((off & 0xf) / BYTES_PER_LINE);
    const base = off - (off & 0xf);
    if (base + 16 > stop) {
      out.push(`${col(addr)}:\tAddress 0x${addr.toString(16)} is out of bounds.`);
      out.push('');
      break;
    }
    const bundle = decodeBundle(bytes, base);
    const units = bundle.template.units;
    let text = slotNum === 0 ? `[${bundle.template.name}] ` : '      ';
    let slot = slotNum;
    let size = BYTES_PER_LINE;
    if (units && units[1] === 'L' && slotNum === 1) {
      slot = 2;
      size = 16 - BYTES_PER_LINE;
    } else if (slotNum === 2) {
      size = 16 - 2 * BYTES_PER_LINE;
    }
    const insn = bundle.insns[slot];
    text += units ? formatInsn(insn, vma + BigInt(base), printAddr) : formatInsn({ ...insn, def: null }, 0n);
    if (stopAfter(bundle, slot)) text += ';;';
    const first = Math.min(size, BYTES_PER_LINE);
    out.push(`${col(addr)}:\t${hexBytes(bytes, off, first, true)}\t${text}`);
    for (let done = first; done < size; done += BYTES_PER_LINE) {
      const n = Math.min(BYTES_PER_LINE, size - done);
      out.push(`${col(addr + BigInt(done))}:\t${hexBytes(bytes, off + done, n, false)}`);
    }
    off += size;
  }
  return out;
}
