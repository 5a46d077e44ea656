// `purgatorio disasm`: objdump-compatible listings of ELF files and raw bundles.

import { basename } from 'node:path';
import { listSection, ListingSection, ListingSymbol } from '../cpu/disasm/listing.js';
import { ElfFile, SHF_EXECINSTR, SHT_NOBITS } from '../loader/elf.js';

const STT_SECTION = 3;
const STT_FILE = 4;

/** The listing of every executable section of an ELF file, as `objdump -d` prints it. */
export function disasmElf(bytes: Uint8Array, fileName: string): string {
  const elf = new ElfFile(bytes);
  const symbols = elf.symbols();
  const out = ['', `${fileName}:     file format elf64-ia64-little`, '', ''];
  for (const sec of elf.sections) {
    if (!(sec.flags & SHF_EXECINSTR) || sec.type === SHT_NOBITS || sec.size === 0n) continue;
    const syms: ListingSymbol[] = symbols
      .filter((s) => s.shndx === sec.index && s.type !== STT_SECTION && s.type !== STT_FILE && s.name !== '')
      .map((s) => ({ name: s.name, addr: s.value }))
      .sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
    if (!syms.length || syms[0].addr !== sec.addr) syms.unshift({ name: sec.name, addr: sec.addr });
    out.push(`Disassembly of section ${sec.name}:`);
    const listing: ListingSection = { name: sec.name, vma: sec.addr, bytes: elf.contents(sec), symbols: syms };
    out.push(...listSection(listing), '');
  }
  return out.join('\n');
}

/** The listing of raw bundles, as `objdump -D -b binary -m ia64-elf64` prints it. */
export function disasmRaw(bytes: Uint8Array, fileName: string, base = 0n): string {
  const out = ['', `${fileName}:     file format binary`, '', '', 'Disassembly of section .data:'];
  const sec: ListingSection = { name: '.data', vma: base, bytes, symbols: [{ name: '.data', addr: base }] };
  out.push(...listSection(sec, (a) => '0x' + a.toString(16)), '');
  return out.join('\n');
}

export { basename };
