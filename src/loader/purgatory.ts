// The purgatory: an ELF relocatable (ld -r) laid out, placed and relocated as
// kexec-tools' elf_rel_load does it (kexec/kexec-elf-rel.c): the SHF_ALLOC
// sections with contents packed in section order at their alignments, the
// SHT_NOBITS ones after them, one buffer at the top of RAM, the entry point
// found in the executable section that holds e_entry, then every relocation
// of an allocated section applied. gp is the load address + 2 MiB
// (kexec-elf-ia64.c elf_ia64_load, __gp_value).

import { ElfFile, ElfSymbol, ET_REL, Section, SHF_ALLOC, SHF_EXECINSTR, SHT_NOBITS, SHT_SYMTAB } from './elf.js';
import { fitsImmediate } from './bundle.js';
import { LoaderError, hex, readingElf } from './errors.js';
import { LinkageTable, Target } from './linkage.js';
import { alignUp } from './placement.js';
import { relocLabel } from './reloc-types.js';
import { Semantics, apply, fieldExtent, semantics } from './relocate.js';

export const GP_OFFSET = 0x200000n;

const SHT_REL = 9;
const SHN_UNDEF = 0;
const SHN_ABS = 0xfff1;
const SHN_COMMON = 0xfff2;
const STB_GLOBAL = 1;
const STT_OBJECT = 1;
const STT_FUNC = 2;
const STT_SECTION = 3;
const STT_FILE = 4;

/** One relocation of an allocated section, resolved up to the load address. */
interface Pending {
  readonly type: number;
  readonly sem: Semantics;
  readonly section: Section;
  readonly offset: bigint;
  readonly symbol: string;
  readonly target: Target;
  readonly symbolSection: Target;
  readonly relaxed: boolean;
}

/** Where a relocation was, for reports. */
export interface RelocationSite {
  readonly type: number;
  readonly section: string;
  readonly offset: bigint;
}

const alignOf = (s: Section): bigint => (s.addralign === 0n ? 1n : s.addralign);

export class Purgatory {
  readonly elf: ElfFile;
  /** Buffer offset of every SHF_ALLOC section, by section index. */
  readonly offsets = new Map<number, bigint>();
  /** Bytes of the sections with contents (kexec's bufsz). */
  readonly dataSize: bigint;
  /** The whole footprint: contents, .bss and the linkage table (kexec's memsz plus the table). */
  readonly loadSize: bigint;
  /** The largest section alignment (kexec's buf_align). */
  readonly align: bigint;
  readonly entryOffset: bigint;
  readonly linkage = new LinkageTable();
  readonly relocations: readonly RelocationSite[];
  private readonly pending: Pending[] = [];
  private image: Uint8Array | null = null;
  private base = 0n;

  constructor(bytes: Uint8Array) {
    this.elf = readingElf('purgatory', () => new ElfFile(bytes));
    if (this.elf.header.type !== ET_REL) {
      throw new LoaderError(`purgatory: ELF type ${this.elf.header.type} is not a relocatable object (ET_REL = ${ET_REL})`);
    }
    if (this.elf.sections.length === 0) throw new LoaderError('purgatory: the object has no section headers');
    const alloc = this.elf.sections.filter((s) => (s.flags & SHF_ALLOC) !== 0n);

    // elf_rel_load: contents first, then .bss from the next multiple of its largest alignment.
    let align = 1n;
    let bssAlign = 1n;
    let end = 0n;
    for (const s of alloc) {
      const a = alignOf(s);
      if (s.type === SHT_NOBITS) {
        if (a > bssAlign) bssAlign = a;
        continue;
      }
      if (a > align) align = a;
      end = alignUp(end, a);
      this.offsets.set(s.index, end);
      end += s.size;
    }
    this.dataSize = end;
    this.align = align > bssAlign ? align : bssAlign;
    end = alignUp(end, bssAlign);
    for (const s of alloc.filter((x) => x.type === SHT_NOBITS)) {
      end = alignUp(end, alignOf(s));
      this.offsets.set(s.index, end);
      end += s.size;
    }
    this.entryOffset = this.findEntry(alloc);

    this.relocations = this.collectRelocations();
    if (this.linkage.size > 0n) {
      this.linkage.offset = alignUp(end, 16n);
      this.loadSize = this.linkage.offset + this.linkage.size;
    } else {
      this.loadSize = end;
    }
  }

  /** The first executable section whose [sh_addr, sh_addr + size) holds e_entry (all sh_addr are 0 in ld -r output). */
  private findEntry(alloc: readonly Section[]): bigint {
    const e = this.elf.header.entry;
    const s = alloc.find((x) => (x.flags & SHF_EXECINSTR) !== 0n && x.addr <= e && e < x.addr + x.size);
    if (!s) throw new LoaderError(`purgatory: the entry point ${hex(e)} lies in no executable section`);
    return this.offsets.get(s.index)! + e - s.addr;
  }

  private symbolName(sym: ElfSymbol): string {
    if (sym.name || sym.shndx >= this.elf.sections.length) return sym.name;
    return this.elf.sections[sym.shndx].name;
  }

  /** S + A, and the symbol's section for SECREL, as buffer offsets when the symbol is in the buffer. */
  private resolve(sym: ElfSymbol, addend: bigint, where: string): { target: Target; section: Target } {
    const name = this.symbolName(sym);
    if (sym.index === 0) return { target: { inBuffer: false, value: addend }, section: { inBuffer: false, value: 0n } };
    if (sym.shndx === SHN_UNDEF) throw new LoaderError(`purgatory: ${where} refers to the undefined symbol ${name}`);
    if (sym.shndx === SHN_COMMON) throw new LoaderError(`purgatory: ${where} refers to ${name}, a common symbol kexec cannot place`);
    if (sym.shndx === SHN_ABS) return { target: { inBuffer: false, value: sym.value + addend }, section: { inBuffer: false, value: 0n } };
    if (sym.shndx >= this.elf.sections.length) {
      throw new LoaderError(`purgatory: ${where} refers to ${name} in section ${sym.shndx}, which does not exist`);
    }
    const off = this.offsets.get(sym.shndx);
    if (off === undefined) {
      const addr = this.elf.sections[sym.shndx].addr;
      return { target: { inBuffer: false, value: addr + sym.value + addend }, section: { inBuffer: false, value: addr } };
    }
    return { target: { inBuffer: true, value: off + sym.value + addend }, section: { inBuffer: true, value: off } };
  }

  private collectRelocations(): RelocationSite[] {
    const rel = this.elf.sections.find((s) => s.type === SHT_REL && ((this.elf.sections[s.info]?.flags ?? 0n) & SHF_ALLOC) !== 0n);
    if (rel) throw new LoaderError(`purgatory: ${rel.name} is an SHT_REL section; IA-64 objects carry RELA relocations`);
    const symtabs = new Map<number, ElfSymbol[]>();
    const sites: RelocationSite[] = [];
    for (const rs of readingElf('purgatory', () => this.elf.relocationSections())) {
      if ((rs.target.flags & SHF_ALLOC) === 0n) continue;
      let syms = symtabs.get(rs.symtab.index);
      if (!syms) symtabs.set(rs.symtab.index, (syms = readingElf('purgatory', () => this.elf.symbols(rs.symtab))));
      for (const r of rs.relocs) {
        const where = `${relocLabel(r.type)} at ${rs.target.name}+${hex(r.offset)}`;
        const sem = semantics(r.type);
        if (!sem) throw new LoaderError(`purgatory: unsupported relocation ${relocLabel(r.type)} in section ${rs.target.name} at offset ${hex(r.offset)}`);
        const { start, end } = fieldExtent(sem.field, r.offset);
        if (rs.target.type === SHT_NOBITS || start < 0n || end > rs.target.size) {
          throw new LoaderError(`purgatory: ${where} lies outside the ${rs.target.size}-byte contents of ${rs.target.name}`);
        }
        const sym = syms[r.sym];
        if (!sym) throw new LoaderError(`purgatory: ${where} names symbol ${r.sym}, beyond the ${syms.length} of ${rs.symtab.name}`);
        const { target, section } = this.resolve(sym, r.addend, where);
        const relaxed = target.inBuffer && fitsImmediate('imm22', target.value - GP_OFFSET);
        this.plan(sem, target, relaxed);
        this.pending.push({ type: r.type, sem, section: rs.target, offset: r.offset, symbol: this.symbolName(sym), target, symbolSection: section, relaxed });
        sites.push({ type: r.type, section: rs.target.name, offset: r.offset });
      }
    }
    return sites;
  }

  private plan(sem: Semantics, t: Target, relaxed: boolean): void {
    if (sem.formula === 'ltoff' || (sem.formula === 'ltoffx' && !relaxed)) this.linkage.needEntry(t);
    else if (sem.formula === 'fptr') this.linkage.needDescriptor(t);
    else if (sem.formula === 'ltoff_fptr') this.linkage.needEntry(t, true);
  }

  get loaded(): boolean {
    return this.image !== null;
  }

  get gp(): bigint {
    return this.base + GP_OFFSET;
  }

  get loadAddress(): bigint {
    return this.base;
  }

  get entry(): bigint {
    return this.base + this.entryOffset;
  }

  /** The bytes kexec copies: the contents, and when a linkage table exists, .bss and the table too. */
  get bytes(): Uint8Array {
    if (!this.image) throw new Error('purgatory is not loaded');
    return this.image;
  }

  /** Copy the sections to a buffer at base and apply every relocation. */
  load(base: bigint): Uint8Array {
    this.base = base;
    const image = new Uint8Array(Number(this.linkage.size > 0n ? this.loadSize : this.dataSize));
    for (const [index, off] of this.offsets) {
      const s = this.elf.sections[index];
      if (s.type !== SHT_NOBITS) image.set(this.elf.contents(s), Number(off));
    }
    const abs = (t: Target): bigint => (t.inBuffer ? base + t.value : t.value);
    const gp = this.gp;
    for (const p of this.pending) {
      const at = this.offsets.get(p.section.index)! + p.offset;
      try {
        apply(p.sem, image, Number(at), {
          value: abs(p.target),
          place: base + at,
          gp,
          symbolSection: abs(p.symbolSection),
          relaxed: p.relaxed,
          entry: () => this.linkage.entryAddress(base, p.target),
          descriptor: () => this.linkage.descriptorAddress(base, p.target),
          descriptorEntry: () => this.linkage.entryAddress(base, p.target, true),
        });
      } catch (e) {
        if (!(e instanceof LoaderError)) throw e;
        throw new LoaderError(`purgatory: ${relocLabel(p.type)} at ${p.section.name}+${hex(p.offset)} against ${p.symbol}: ${e.message}`, { cause: e });
      }
    }
    if (this.linkage.size > 0n) image.set(this.linkage.contents(base, gp), Number(this.linkage.offset));
    this.image = image;
    return image;
  }

  /** elf_rel_find_symbol: the first global symbol of that name in any symbol table. */
  private globalSymbol(name: string): ElfSymbol | undefined {
    for (const st of this.elf.sections.filter((s) => s.type === SHT_SYMTAB)) {
      const found = readingElf('purgatory', () => this.elf.symbols(st)).find((s) => s.bind === STB_GLOBAL && s.name === name);
      if (found) return found;
    }
    return undefined;
  }

  /** Physical address of a global symbol (elf_rel_get_addr). */
  address(name: string): bigint {
    const s = this.globalSymbol(name);
    const off = s && this.offsets.get(s.shndx);
    if (!s || off === undefined) throw new LoaderError(`purgatory: no global symbol ${name} in an allocated section`);
    return this.base + off + s.value;
  }

  /** Whether a global symbol of that name exists. */
  has(name: string): boolean {
    return this.globalSymbol(name) !== undefined;
  }

  /** elf_rel_set_symbol: overwrite a global variable with exactly its size in bytes. */
  setSymbol(name: string, value: Uint8Array): void {
    if (!this.image) throw new Error('purgatory is not loaded');
    const s = this.globalSymbol(name);
    if (!s) throw new LoaderError(`purgatory: the symbol ${name}, which kexec sets, is missing (no global symbol of that name)`);
    if (s.size !== BigInt(value.length)) {
      throw new LoaderError(`purgatory: the symbol ${name} is ${s.size} bytes; kexec stores ${value.length}`);
    }
    const sec = this.elf.sections[s.shndx];
    const off = this.offsets.get(s.shndx);
    if (!sec || off === undefined || sec.type === SHT_NOBITS) {
      throw new LoaderError(`purgatory: the symbol ${name} is not in an allocated section with contents (section ${sec?.name ?? s.shndx})`);
    }
    this.image.set(value, Number(off + s.value));
  }

  /**
   * Named symbols of allocated sections, at their load addresses: functions
   * and objects before plain labels, globals before locals, so that a label
   * sharing an address (__dummy_efi_function_end, purgatory_start) loses.
   */
  symbols(): Array<readonly [string, bigint]> {
    const found: Array<{ name: string; address: bigint; rank: number }> = [];
    for (const st of this.elf.sections.filter((s) => s.type === SHT_SYMTAB)) {
      for (const s of readingElf('purgatory', () => this.elf.symbols(st))) {
        const off = this.offsets.get(s.shndx);
        if (!s.name || s.type === STT_SECTION || s.type === STT_FILE || off === undefined) continue;
        const rank = (s.type === STT_FUNC || s.type === STT_OBJECT ? 0 : 2) + (s.bind === STB_GLOBAL ? 0 : 1);
        found.push({ name: s.name, address: this.base + off + s.value, rank });
      }
    }
    return found.sort((a, b) => a.rank - b.rank).map((s) => [s.name, s.address] as const);
  }
}
