// What the loader refuses, and how it says so: each case is a LoaderError
// whose message names the part of the input at fault.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ElfFile, SHT_SYMTAB } from '../src/loader/elf.js';
import { LoaderError } from '../src/loader/errors.js';
import { LoadOptions, buildLoadPlan } from '../src/loader/plan.js';
import { Purgatory } from '../src/loader/purgatory.js';

const PURGATORY = readFileSync('roms/purgatory/purgatory.ro');
const KERNEL = readFileSync('roms/kernel/kernel.elf');
const FIXTURE = readFileSync('test/fixtures/loader/relocs.ro');
const RAM = [{ base: 0x100000n, size: 0x7ff00000n }];

function load(o: Partial<LoadOptions>): () => unknown {
  return () => buildLoadPlan({ kernel: KERNEL, purgatory: PURGATORY, ram: RAM, efiMemmapSize: 0x1000n, ...o });
}

/** The LoaderError a step throws. */
function failure(step: () => unknown): LoaderError {
  try {
    step();
  } catch (e) {
    if (e instanceof LoaderError) return e;
    throw e;
  }
  throw new Error('no LoaderError was thrown');
}

/** A copy of an ELF file with a symbol's table entry rewritten. */
function patchSymbol(bytes: Uint8Array, name: string, edit: (entry: DataView) => void): Uint8Array {
  const copy = new Uint8Array(bytes);
  const elf = new ElfFile(copy);
  const symtab = elf.sections.find((s) => s.type === SHT_SYMTAB)!;
  const sym = elf.symbols(symtab).find((s) => s.name === name)!;
  edit(new DataView(copy.buffer, Number(symtab.offset) + sym.index * 24, 24));
  return copy;
}

/** A copy with the type of the first relocation in a RELA section replaced. */
function patchRelocationType(bytes: Uint8Array, section: string, type: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const rela = new ElfFile(copy).section(section)!;
  new DataView(copy.buffer).setUint32(Number(rela.offset) + 8, type, true);
  return copy;
}

describe('malformed files', () => {
  it('a truncated kernel', () => {
    const e = failure(load({ kernel: KERNEL.subarray(0, 100) }));
    expect(e.message).toBe('kernel: truncated ELF: program header 0 extends past the end of the file (100 bytes) (at offset 0x40)');
  });

  it('a truncated purgatory', () => {
    const e = failure(load({ purgatory: PURGATORY.subarray(0, 0x3000) }));
    expect(e.message).toMatch(/^purgatory: truncated ELF: section header 0 extends past the end of the file \(12288 bytes\)/);
  });

  it('a purgatory that is not relocatable, a kernel that is not executable', () => {
    expect(failure(load({ purgatory: KERNEL })).message).toBe('purgatory: ELF type 2 is not a relocatable object (ET_REL = 1)');
    expect(failure(load({ kernel: PURGATORY })).message).toBe('kernel: ELF type 1 is not an executable (ET_EXEC = 2)');
  });

  it('a gzip stream that does not decompress', () => {
    expect(failure(load({ kernel: new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]) })).message).toMatch(/^kernel: the gzip-compressed image does not decompress/);
  });
});

describe('relocations', () => {
  it('an unknown relocation type, by name and number, section and offset', () => {
    const e = failure(load({ purgatory: patchRelocationType(PURGATORY, '.rela.text', 0x3a) }));
    expect(e.message).toBe('purgatory: unsupported relocation R_IA64_PLTOFF22 (0x3a) in section .text at offset 0x21');
    const f = failure(load({ purgatory: patchRelocationType(PURGATORY, '.rela.IA_64.unwind', 0xff) }));
    expect(f.message).toBe('purgatory: unsupported relocation unknown (0xff) in section .IA_64.unwind at offset 0x0');
  });

  it('a value out of its field', () => {
    // Above 4 GiB the fixture's 32-bit absolute words cannot hold its addresses.
    const e = failure(() => new Purgatory(FIXTURE).load(0x100000000n));
    expect(e.message).toBe('purgatory: R_IA64_DIR32LSB (0x25) at .data+0x8 against target_data: value 0x100000280 does not fit an unsigned 32-bit word');
  });

  it('an undefined symbol', () => {
    const undefinedMain = patchSymbol(PURGATORY, 'purgatory_main', (d) => d.setUint16(6, 0, true));
    expect(failure(load({ purgatory: undefinedMain })).message).toBe(
      'purgatory: R_IA64_PCREL21B (0x49) at .text+0x92 refers to the undefined symbol purgatory_main',
    );
  });
});

describe('purgatory variables kexec sets', () => {
  it('a missing symbol', () => {
    const renamed = new Uint8Array(PURGATORY);
    const at = Buffer.from(renamed).indexOf('__gp_value\0');
    renamed[at + 2] = 0x47; // __Gp_value
    expect(failure(load({ purgatory: renamed })).message).toBe(
      'purgatory: the symbol __gp_value, which kexec sets, is missing (no global symbol of that name)',
    );
  });

  it('a symbol of the wrong size', () => {
    const small = patchSymbol(PURGATORY, '__noio', (d) => d.setBigUint64(16, 4n, true));
    expect(failure(load({ purgatory: small })).message).toBe('purgatory: the symbol __noio is 4 bytes; kexec stores 8');
  });
});

describe('memory', () => {
  it('a kernel that fits nowhere', () => {
    const e = failure(load({ ram: [{ base: 0x100000n, size: 0x1000000n }] }));
    expect(e.message).toBe(
      'kernel: its 0x1fe00 bytes at [0x4000000, 0x401fe00) are not in RAM, and no RAM range holds more than that from a 64 MiB boundary (usable RAM: [0x100000, 0x1100000))',
    );
  });

  it('no room left for a buffer', () => {
    // The kernel takes 0x20000 bytes, purgatory 0xc000 and the boot parameters the last page.
    const e = failure(load({ ram: [{ base: 0x4000000n, size: 0x30000n }] }));
    expect(e.message).toBe('no free RAM for the efi-memmap buffer of 0x4000 bytes aligned to 0x4000 (free: none)');
  });

  it('no RAM at all, and an empty EFI memory map', () => {
    expect(failure(load({ ram: [] })).message).toBe('no usable RAM was described');
    expect(failure(load({ efiMemmapSize: 0n })).message).toMatch(/EFI memory map size must be positive/);
  });
});
