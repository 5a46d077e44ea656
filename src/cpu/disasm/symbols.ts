// The symbol table as GNU objdump uses it while disassembling: which symbols
// it keeps, how it orders symbols that share an address, and which symbol it
// picks for a label or for a branch target printed as "addr <sym+0xoff>".

export const enum SymFlag {
  Local = 1 << 0,
  Global = 1 << 1,
  Weak = 1 << 2,
  Function = 1 << 3,
  Object = 1 << 4,
  File = 1 << 5,
  SectionSym = 1 << 6,
  Debugging = 1 << 7,
}

/** Section number of absolute symbols. */
export const ABS_SECTION = -1;

export interface DisasmSymbol {
  readonly name: string;
  /** The symbol's address (for relocatable files, its value plus its section's address). */
  readonly addr: bigint;
  /** Number of the section it is defined in, or ABS_SECTION. */
  readonly section: number;
  readonly sectionName: string;
  /** SymFlag bits. */
  readonly flags: number;
  /** ELF st_size: among symbols at one address, larger ones sort first. */
  readonly size: bigint;
}

/** The section being disassembled. */
export interface SymbolSection {
  readonly index: number;
  readonly name: string;
  readonly vma: bigint;
  readonly size: bigint;
}

const MASK64 = (1n << 64n) - 1n;

/** A 64-bit address as 16 hex digits, or without leading zeros. */
export function hex64(v: bigint, skipZeros: boolean): string {
  const s = (v & MASK64).toString(16);
  return skipZeros ? s : s.padStart(16, '0');
}

/** Section symbols and debugging symbols say nothing useful, except for these names. */
function significant(name: string): boolean {
  return name.startsWith('.plt') || name.startsWith('.got');
}

/** The symbols objdump keeps for disassembly (undefined and common ones are never passed in). */
export function usefulSymbols(syms: readonly DisasmSymbol[]): DisasmSymbol[] {
  return syms.filter(
    (s) => s.name !== '' && (!(s.flags & (SymFlag.Debugging | SymFlag.SectionSym)) || significant(s.name)),
  );
}

/** Marker symbols old compilers put at the start of their output; objdump ranks them last. */
export const isCompilerMark = (name: string): boolean => name.includes('gnu_compiled') || name.includes('gcc2_compiled');
const fileLike = (s: DisasmSymbol) =>
  (s.flags & SymFlag.File) !== 0 || (s.name.length > 2 && /\.[oa]$/.test(s.name));

/**
 * objdump's order: by address, then symbols of the current section first,
 * then the ones that carry more meaning (functions and objects before plain
 * labels, globals before weak before local, larger before smaller, names
 * not starting with '.' first), then by name.
 */
function compareFor(sectionName: string): (a: DisasmSymbol, b: DisasmSymbol) => number {
  const flag = (a: DisasmSymbol, b: DisasmSymbol, f: SymFlag, first: boolean) => {
    const d = Number((a.flags & f) !== 0) - Number((b.flags & f) !== 0);
    return first ? -d : d;
  };
  const pref = (x: boolean, y: boolean) => Number(y) - Number(x);
  return (a, b) => {
    if (a.addr !== b.addr) return a.addr < b.addr ? -1 : 1;
    return (
      pref(a.sectionName === sectionName, b.sectionName === sectionName) ||
      -pref(isCompilerMark(a.name), isCompilerMark(b.name)) ||
      -pref(fileLike(a), fileLike(b)) ||
      flag(a, b, SymFlag.Debugging, false) ||
      flag(a, b, SymFlag.SectionSym, false) ||
      flag(a, b, SymFlag.Function, true) ||
      flag(a, b, SymFlag.Object, true) ||
      flag(a, b, SymFlag.Local, false) ||
      flag(a, b, SymFlag.Global, true) ||
      (a.size !== b.size ? (a.size > b.size ? -1 : 1) : 0) ||
      pref(!a.name.startsWith('.'), !b.name.startsWith('.')) ||
      byteCompare(a.name, b.name)
    );
  };
}

function byteCompare(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}

/** objdump's escaping of control characters in names. */
export function sanitize(name: string): string {
  return name.replace(/[\x00-\x1f\x7f]/g, (c) => '^' + String.fromCharCode(c.charCodeAt(0) + 0x40));
}

/** The symbols seen while disassembling one section, in objdump's order for it. */
export class SectionSymbols {
  readonly sorted: readonly DisasmSymbol[];

  /**
   * relocatable: the file has relocations (objdump's HAS_RELOC), in which
   * case a target inside this section is named after a symbol of this section.
   */
  constructor(
    symbols: readonly DisasmSymbol[],
    readonly section: SymbolSection,
    readonly relocatable: boolean,
  ) {
    this.sorted = [...symbols].sort(compareFor(section.name));
  }

  /**
   * The symbol objdump names an address after, and its index in sorted:
   * the nearest at or below the address, preferring this section's; with
   * requireSection, only this section's (possibly one above the address).
   */
  find(vma: bigint, requireSection: boolean): { sym: DisasmSymbol; place: number } | null {
    const syms = this.sorted;
    const n = syms.length;
    if (n === 0) return null;
    // Index of the last symbol at or below vma (0 when all are above).
    let lo = 0;
    let hi = n;
    while (lo + 1 < hi) {
      const mid = (lo + hi) >> 1;
      if (syms[mid].addr > vma) hi = mid;
      else lo = mid;
    }
    const limit = syms[lo].addr > vma ? 1 : n;
    let place = lo;
    while (place > 0 && syms[place - 1].addr === syms[place].addr) place--;
    // Among symbols at that address, one from this section wins.
    let end = place;
    for (; end < limit && syms[end].addr === syms[place].addr; end++) {
      if (syms[end].section === this.section.index) return { sym: syms[end], place: end };
    }
    const sec = this.section;
    const wantSection =
      requireSection || (this.relocatable && vma >= sec.vma && vma < sec.vma + sec.size);
    const ok = (i: number) => !wantSection || syms[i].section === sec.index;
    if (!ok(place)) {
      // The nearest of this section's symbols below, the first of its address...
      let found = -1;
      for (let i = end - 1; i >= 0; i--) {
        if (!ok(i)) continue;
        if (found >= 0 && syms[i].addr !== syms[found].addr) break;
        found = i;
      }
      // ...or else the first above.
      if (found < 0) for (let i = place + 1; i < n && found < 0; i++) if (ok(i)) found = i;
      if (found < 0) return null;
      place = found;
    }
    return { sym: syms[place], place };
  }

  /** "addr <sym+0xoff>" (or "<section+0xoff>" without a symbol); skipZeros drops the address's leading zeros. */
  withSymbol(vma: bigint, sym: DisasmSymbol | null, skipZeros: boolean): string {
    const ref = sym ? sym.addr : this.section.vma;
    const off = vma === ref ? '' : vma < ref ? `-0x${hex64(ref - vma, true)}` : `+0x${hex64(vma - ref, true)}`;
    return `${hex64(vma, skipZeros)} <${sanitize(sym ? sym.name : this.section.name)}${off}>`;
  }

  /** A branch target as objdump prints it. */
  readonly printAddress = (vma: bigint): string => {
    if (this.sorted.length === 0) return '0x' + hex64(vma, true);
    return this.withSymbol(vma, this.find(vma, false)?.sym ?? null, true);
  };
}
