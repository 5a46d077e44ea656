// `purgatorio disasm`: objdump-compatible listings of ELF files and raw bundles.

import { listSection } from '../cpu/disasm/listing.js';
import { UsageError } from './errors.js';
import { ABS_SECTION, DisasmSymbol, sanitize, SymFlag, usefulSymbols } from '../cpu/disasm/symbols.js';
import { ElfError, ElfFile, ElfSymbol, ET_REL, Section, SHF_EXECINSTR, SHT_NOBITS, SHT_RELA, SHT_STRTAB, SHT_SYMTAB } from '../loader/elf.js';

const SHT_NULL = 0;
const SHT_REL = 9;
const SHT_GROUP = 17;
const SHT_SYMTAB_SHNDX = 18;
/** Sections that hold no contents of the program (symbols, strings, relocations). */
const BOOKKEEPING = new Set([SHT_NULL, SHT_SYMTAB, SHT_STRTAB, SHT_RELA, SHT_REL, SHT_GROUP, SHT_SYMTAB_SHNDX]);

const SHN_UNDEF = 0;
const SHN_LORESERVE = 0xff00;
const SHN_COMMON = 0xfff2;
/** HP-UX's ANSI common section, which objdump's ia64 back end also treats as common. */
const SHN_IA_64_ANSI_COMMON = 0xff00;

const STB_LOCAL = 0;
const STB_GLOBAL = 1;
const STB_WEAK = 2;
const STT_OBJECT = 1;
const STT_FUNC = 2;
const STT_SECTION = 3;
const STT_FILE = 4;
const STT_COMMON = 5;

/** Whether objdump -d disassembles this section: code with contents. */
function isCode(s: Section): boolean {
  return (s.flags & SHF_EXECINSTR) !== 0n && s.type !== SHT_NOBITS && !BOOKKEEPING.has(s.type) && s.size !== 0n;
}

/** An ELF symbol as objdump sees it, or null for undefined and common ones. */
function toDisasmSymbol(elf: ElfFile, s: ElfSymbol): DisasmSymbol | null {
  if (s.shndx === SHN_UNDEF || s.shndx === SHN_COMMON || s.shndx === SHN_IA_64_ANSI_COMMON) return null;
  // Symbols of reserved or bookkeeping sections count as absolute.
  const sec = s.shndx < SHN_LORESERVE ? elf.sections[s.shndx] : undefined;
  const inSection = sec !== undefined && !BOOKKEEPING.has(sec.type);
  let flags = 0;
  if (s.bind === STB_LOCAL) flags |= SymFlag.Local;
  else if (s.bind === STB_GLOBAL) flags |= SymFlag.Global;
  else if (s.bind === STB_WEAK) flags |= SymFlag.Weak;
  if (s.type === STT_SECTION) flags |= SymFlag.SectionSym | SymFlag.Debugging;
  else if (s.type === STT_FILE) flags |= SymFlag.File | SymFlag.Debugging;
  else if (s.type === STT_FUNC) flags |= SymFlag.Function;
  else if (s.type === STT_OBJECT || s.type === STT_COMMON) flags |= SymFlag.Object;
  // A relocatable file's symbol values are offsets into their sections.
  const base = inSection && elf.header.type === ET_REL ? sec.addr : 0n;
  return {
    name: s.type === STT_SECTION && s.name === '' && inSection ? sec.name : s.name,
    addr: BigInt.asUintN(64, s.value + base),
    section: inSection ? s.shndx : ABS_SECTION,
    sectionName: inSection ? sec.name : '*ABS*',
    flags,
    size: s.size,
  };
}

/** objdump's HAS_RELOC: some relocation section applies to a section through the symbol table. */
function hasRelocations(elf: ElfFile): boolean {
  const symtab = elf.sections.findIndex((s) => s.type === SHT_SYMTAB);
  return elf.sections.some(
    (s) => (s.type === SHT_RELA || s.type === SHT_REL) && s.link === symtab && s.info > 0 && s.info < elf.sections.length,
  );
}

/** The listing of every executable section of an ELF file, exactly as `objdump -d` prints it. */
export function disasmElf(bytes: Uint8Array, fileName: string): string {
  const elf = new ElfFile(bytes);
  const symbols = usefulSymbols(
    elf
      .symbols()
      .slice(1)
      .map((s) => toDisasmSymbol(elf, s))
      .filter((s): s is DisasmSymbol => s !== null),
  );
  const relocatable = hasRelocations(elf);
  const out = ['', `${sanitize(fileName)}:     file format elf64-ia64-little`, ''];
  for (const sec of elf.sections.filter(isCode)) {
    out.push('', `Disassembly of section ${sanitize(sec.name)}:`);
    const listing = { index: sec.index, name: sec.name, vma: sec.addr, bytes: elf.contents(sec) };
    for (const line of listSection(listing, { symbols, relocatable })) out.push(line);
  }
  return out.join('\n') + '\n';
}

/**
 * The listing of raw bundles loaded at base, exactly as
 * `objdump -D -b binary -m ia64-elf64 --adjust-vma=BASE` prints it.
 */
export function disasmRaw(bytes: Uint8Array, fileName: string, base = 0n): string {
  const out = ['', `${sanitize(fileName)}:     file format binary`, '', '', 'Disassembly of section .data:'];
  for (const line of listSection({ index: 0, name: '.data', vma: BigInt.asUintN(64, base), bytes }, { disassembleAll: true })) {
    out.push(line);
  }
  return out.join('\n') + '\n';
}

/**
 * `purgatorio disasm`: the listing of a file's bytes, as raw bundles loaded
 * at rawBase or else as an ELF file. Problems with the input become one
 * UsageError naming the file (and, for ELF files, the offset).
 */
export function disasmCommand(bytes: Uint8Array, fileName: string, rawBase: bigint | null): string {
  if (rawBase !== null) {
    if (bytes.length === 0) throw new UsageError(`${fileName}: empty file, no bundles to disassemble`);
    return disasmRaw(bytes, fileName, rawBase);
  }
  try {
    return disasmElf(bytes, fileName);
  } catch (e) {
    if (!(e instanceof ElfError)) throw e;
    const hint = e.message.startsWith('not an ELF file') ? ' (use --raw for raw bundles)' : '';
    throw new UsageError(`${fileName}: ${e.message}${hint}`);
  }
}
