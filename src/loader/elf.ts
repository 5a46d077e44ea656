// ELF64 little-endian reader for IA-64 objects (System V ABI, IA-64
// supplement). Parsing is declarative with binary-parser; every structure is
// bounds-checked first so that a damaged file yields one ElfError naming
// what is wrong and where.

import { Parser } from 'binary-parser';

export const EM_IA_64 = 50;
export const ET_REL = 1;
export const ET_EXEC = 2;
export const ET_DYN = 3;

export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_RELA = 4;
export const SHT_NOBITS = 8;
export const SHF_WRITE = 0x1n;
export const SHF_ALLOC = 0x2n;
export const SHF_EXECINSTR = 0x4n;
export const PT_LOAD = 1;

/** A malformed or unsupported ELF file; the message names the problem and offset. */
export class ElfError extends Error {
  constructor(message: string, readonly offset?: number) {
    super(offset === undefined ? message : `${message} (at offset 0x${offset.toString(16)})`);
    this.name = 'ElfError';
  }
}

export interface ElfHeader {
  type: number;
  machine: number;
  version: number;
  entry: bigint;
  phoff: bigint;
  shoff: bigint;
  flags: number;
  ehsize: number;
  phentsize: number;
  phnum: number;
  shentsize: number;
  shnum: number;
  shstrndx: number;
}

export interface ProgramHeader {
  type: number;
  flags: number;
  offset: bigint;
  vaddr: bigint;
  paddr: bigint;
  filesz: bigint;
  memsz: bigint;
  align: bigint;
}

export interface Section {
  index: number;
  name: string;
  type: number;
  flags: bigint;
  addr: bigint;
  offset: bigint;
  size: bigint;
  link: number;
  info: number;
  addralign: bigint;
  entsize: bigint;
}

export interface ElfSymbol {
  index: number;
  name: string;
  value: bigint;
  size: bigint;
  /** STB_* (high nibble of st_info). */
  bind: number;
  /** STT_* (low nibble of st_info). */
  type: number;
  other: number;
  /** Section index (SHN_UNDEF = 0, SHN_ABS = 0xfff1, SHN_COMMON = 0xfff2). */
  shndx: number;
}

export interface Relocation {
  offset: bigint;
  /** Symbol table index. */
  sym: number;
  type: number;
  addend: bigint;
}

export interface RelocationSection {
  section: Section;
  /** The section the relocations apply to. */
  target: Section;
  symtab: Section;
  relocs: Relocation[];
}

const ident = new Parser()
  .endianness('little')
  .buffer('magic', { length: 4 })
  .uint8('class')
  .uint8('data')
  .uint8('identVersion');

const ehdr = new Parser()
  .endianness('little')
  .seek(16)
  .uint16('type')
  .uint16('machine')
  .uint32('version')
  .uint64('entry')
  .uint64('phoff')
  .uint64('shoff')
  .uint32('flags')
  .uint16('ehsize')
  .uint16('phentsize')
  .uint16('phnum')
  .uint16('shentsize')
  .uint16('shnum')
  .uint16('shstrndx');

const phdr = new Parser()
  .endianness('little')
  .uint32('type')
  .uint32('flags')
  .uint64('offset')
  .uint64('vaddr')
  .uint64('paddr')
  .uint64('filesz')
  .uint64('memsz')
  .uint64('align');

const shdr = new Parser()
  .endianness('little')
  .uint32('nameOff')
  .uint32('type')
  .uint64('flags')
  .uint64('addr')
  .uint64('offset')
  .uint64('size')
  .uint32('link')
  .uint32('info')
  .uint64('addralign')
  .uint64('entsize');

const sym = new Parser()
  .endianness('little')
  .uint32('nameOff')
  .uint8('info')
  .uint8('other')
  .uint16('shndx')
  .uint64('value')
  .uint64('size');

const rela = new Parser().endianness('little').uint64('offset').uint64('info').int64('addend');

const EHDR_SIZE = 64;
const PHDR_SIZE = 56;
const SHDR_SIZE = 64;
const SYM_SIZE = 24;
const RELA_SIZE = 24;

function need(buf: Uint8Array, offset: bigint | number, size: bigint | number, what: string): number {
  const off = BigInt(offset);
  const end = off + BigInt(size);
  if (off < 0n || end > BigInt(buf.length)) {
    throw new ElfError(`truncated ELF: ${what} extends past the end of the file (${buf.length} bytes)`, Number(off));
  }
  return Number(off);
}

/** A parsed ELF64 IA-64 file. */
export class ElfFile {
  readonly header: ElfHeader;
  readonly programHeaders: ProgramHeader[];
  readonly sections: Section[];

  constructor(readonly bytes: Uint8Array, { requireMachine = true } = {}) {
    if (bytes.length < 16) throw new ElfError(`not an ELF file: only ${bytes.length} bytes`, 0);
    const id = ident.parse(bytes.subarray(0, 16));
    if (!(id.magic[0] === 0x7f && id.magic[1] === 0x45 && id.magic[2] === 0x4c && id.magic[3] === 0x46)) {
      throw new ElfError('not an ELF file: bad magic number', 0);
    }
    if (id.class !== 2) throw new ElfError(`unsupported ELF class ${id.class} (only ELF64 is supported)`, 4);
    if (id.data !== 1) throw new ElfError(`unsupported ELF data encoding ${id.data} (IA-64 objects are little-endian)`, 5);
    need(bytes, 0, EHDR_SIZE, 'the ELF header');
    this.header = ehdr.parse(bytes.subarray(0, EHDR_SIZE)) as ElfHeader;
    if (requireMachine && this.header.machine !== EM_IA_64) {
      throw new ElfError(`ELF file is for machine ${this.header.machine}, not IA-64 (EM_IA_64 = 50)`, 18);
    }
    this.programHeaders = this.readProgramHeaders();
    this.sections = this.readSections();
  }

  private readProgramHeaders(): ProgramHeader[] {
    const h = this.header;
    if (h.phnum === 0) return [];
    if (h.phentsize !== PHDR_SIZE) throw new ElfError(`bad program header size ${h.phentsize} (expected ${PHDR_SIZE})`, 54);
    const out: ProgramHeader[] = [];
    for (let i = 0; i < h.phnum; i++) {
      const off = need(this.bytes, h.phoff + BigInt(i * PHDR_SIZE), PHDR_SIZE, `program header ${i}`);
      const p = phdr.parse(this.bytes.subarray(off, off + PHDR_SIZE)) as ProgramHeader;
      if (p.type === PT_LOAD) need(this.bytes, p.offset, p.filesz, `the contents of program header ${i}`);
      out.push(p);
    }
    return out;
  }

  private readSections(): Section[] {
    const h = this.header;
    if (h.shnum === 0) return [];
    if (h.shentsize !== SHDR_SIZE) throw new ElfError(`bad section header size ${h.shentsize} (expected ${SHDR_SIZE})`, 58);
    const raw: Array<Section & { nameOff: number }> = [];
    for (let i = 0; i < h.shnum; i++) {
      const off = need(this.bytes, h.shoff + BigInt(i * SHDR_SIZE), SHDR_SIZE, `section header ${i}`);
      const s = shdr.parse(this.bytes.subarray(off, off + SHDR_SIZE));
      if (s.type !== SHT_NOBITS && s.type !== 0) need(this.bytes, s.offset, s.size, `the contents of section ${i}`);
      raw.push({ ...s, index: i, name: '' });
    }
    if (h.shstrndx >= raw.length) throw new ElfError(`section name table index ${h.shstrndx} is out of range`, 62);
    const names = raw[h.shstrndx];
    for (const s of raw) s.name = this.stringAt(names, s.nameOff);
    return raw.map(({ nameOff: _n, ...s }) => s);
  }

  /** NUL-terminated string at offset within a string table section. */
  stringAt(table: Section, off: number): string {
    if (BigInt(off) >= table.size) {
      if (off === 0) return '';
      throw new ElfError(`string offset ${off} is outside string table ${table.name || table.index}`, Number(table.offset));
    }
    const start = Number(table.offset) + off;
    // A table that claims to run past the file (a NOBITS or corrupt one) ends with it.
    const end = Math.min(Number(table.offset + table.size), this.bytes.length);
    if (start >= end) throw new ElfError(`string offset ${off} of string table ${table.name || table.index} is past the end of the file`, start);
    let i = start;
    while (i < end && this.bytes[i] !== 0) i++;
    return new TextDecoder().decode(this.bytes.subarray(start, i));
  }

  /** The file bytes of a section (empty for SHT_NOBITS). */
  contents(s: Section): Uint8Array {
    if (s.type === SHT_NOBITS) return new Uint8Array(0);
    const off = Number(s.offset);
    return this.bytes.subarray(off, off + Number(s.size));
  }

  section(name: string): Section | undefined {
    return this.sections.find((s) => s.name === name);
  }

  /** Symbols of a symbol table section (the first SHT_SYMTAB by default). */
  symbols(symtab = this.sections.find((s) => s.type === SHT_SYMTAB)): ElfSymbol[] {
    if (!symtab) return [];
    if (symtab.entsize !== BigInt(SYM_SIZE)) throw new ElfError(`symbol table ${symtab.name} has entry size ${symtab.entsize}, expected ${SYM_SIZE}`, Number(symtab.offset));
    if (symtab.link >= this.sections.length) throw new ElfError(`symbol table ${symtab.name} links to missing string table ${symtab.link}`, Number(symtab.offset));
    if (symtab.size % BigInt(SYM_SIZE) !== 0n) throw new ElfError(`symbol table ${symtab.name} has size ${symtab.size}, not a multiple of ${SYM_SIZE}`, Number(symtab.offset));
    const strtab = this.sections[symtab.link];
    const n = Number(symtab.size) / SYM_SIZE;
    const out: ElfSymbol[] = [];
    for (let i = 0; i < n; i++) {
      const off = Number(symtab.offset) + i * SYM_SIZE;
      const s = sym.parse(this.bytes.subarray(off, off + SYM_SIZE));
      out.push({
        index: i,
        name: this.stringAt(strtab, s.nameOff),
        value: s.value,
        size: s.size,
        bind: s.info >> 4,
        type: s.info & 0xf,
        other: s.other,
        shndx: s.shndx,
      });
    }
    return out;
  }

  /** Every SHT_RELA section with its entries. */
  relocationSections(): RelocationSection[] {
    const out: RelocationSection[] = [];
    for (const s of this.sections) {
      if (s.type !== SHT_RELA) continue;
      if (s.entsize !== BigInt(RELA_SIZE)) throw new ElfError(`relocation section ${s.name} has entry size ${s.entsize}, expected ${RELA_SIZE}`, Number(s.offset));
      if (s.info >= this.sections.length || s.link >= this.sections.length) {
        throw new ElfError(`relocation section ${s.name} refers to a missing section`, Number(s.offset));
      }
      const relocs: Relocation[] = [];
      const n = Number(s.size) / RELA_SIZE;
      for (let i = 0; i < n; i++) {
        const off = Number(s.offset) + i * RELA_SIZE;
        const r = rela.parse(this.bytes.subarray(off, off + RELA_SIZE));
        relocs.push({ offset: r.offset, sym: Number(r.info >> 32n), type: Number(r.info & 0xffffffffn), addend: r.addend });
      }
      out.push({ section: s, target: this.sections[s.info], symtab: this.sections[s.link], relocs });
    }
    return out;
  }
}
