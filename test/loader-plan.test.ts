// kexec's ia64 load as a plan: where the kernel, purgatory and buffers go,
// what purgatory's variables are set to, and that a plan written into RAM
// passes the sha256 check purgatory makes before it jumps.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SparseMemory } from '../src/machine/ram.js';
import { LoaderError } from '../src/loader/errors.js';
import { BOOT_PARAM_SIZE, DEFAULT_PAGE_SIZE, LoadOptions, LoadPlan, buildLoadPlan, writeLoadPlan } from '../src/loader/plan.js';
import { elfExec } from './support/elf-image.js';

const MiB = 1n << 20n;
const PURGATORY = readFileSync('roms/purgatory/purgatory.ro');
const KERNEL = readFileSync('roms/kernel/kernel.elf');
/** Low memory less the VGA hole, and RAM up to 2 GiB: the machine's default layout. */
const RAM = [
  { base: 0n, size: 0xa0000n },
  { base: 0x100000n, size: 0x7ff00000n },
];

function plan(o: Partial<LoadOptions> = {}): LoadPlan {
  return buildLoadPlan({ kernel: KERNEL, purgatory: PURGATORY, ram: RAM, efiMemmapSize: 0x1200n, ...o });
}

/** A kernel of one PT_LOAD per entry (paddr, memsz), entry at the first. */
function kernelAt(...loads: Array<[bigint, bigint]>): Uint8Array {
  return elfExec(loads[0][0] + 0x100n, loads.map(([paddr, memsz]) => ({ paddr, data: new Uint8Array(0x200).fill(0x5a), memsz })));
}

/** A plan written into a 2 GiB RAM, with readers. */
function written(p: LoadPlan) {
  const ram = new SparseMemory('ram', 0n, 2n << 30n);
  writeLoadPlan(p, { write: (paddr, bytes) => ram.load(paddr, bytes) });
  const bytes = (addr: bigint, n: number | bigint): Uint8Array => {
    const out = new Uint8Array(Number(n));
    ram.readBlock(addr, out);
    return out;
  };
  const sym = (name: string): bigint => {
    const a = p.symbols.get(name);
    if (a === undefined) throw new Error(`no symbol ${name}`);
    return a;
  };
  return { ram, bytes, sym, u64: (name: string) => ram.read(sym(name), 8) };
}

describe('kernel placement (update_loaded_segments)', () => {
  it('keeps a kernel whose physical range is RAM where it was linked', () => {
    const p = plan();
    expect(p.kernelOffset).toBe(0n);
    expect(p.kernelEntry).toBe(0x4008190n);
    const k = p.segments.filter((s) => s.what === 'kernel');
    expect(k.map((s) => [s.paddr, s.memsz])).toEqual([[0x4000000n, 0x20000n]]);
    // Kernel symbols are at their physical addresses.
    expect(p.symbols.describe(0x4008010n)).toBe('fatal_interruption+0x10');
  });

  it('moves a kernel outside RAM to the first RAM range that holds it from a 64 MiB boundary', () => {
    const ram = [
      { base: 0n, size: 0xa0000n },
      { base: 0x100000n, size: 0x1f00000n },
      { base: 0x8123000n, size: 0x38000000n },
    ];
    const p = plan({ ram, kernel: kernelAt([0x4000000n, 0x300000n], [0x4400000n, 0x10000n]) });
    expect(p.kernelOffset).toBe(0xc000000n - 0x4000000n);
    expect(p.kernelEntry).toBe(0xc000100n);
    expect(p.segments.filter((s) => s.what === 'kernel').map((s) => s.paddr)).toEqual([0xc000000n, 0xc400000n]);
  });

  it('moves by the first PT_LOAD, not the lowest, so a lower one can fall out of RAM', () => {
    const ram = [{ base: 0x8000000n, size: 0x8000000n }];
    const k = kernelAt([0x4100000n, 0x10000n], [0x4000000n, 0x10000n]);
    expect(() => plan({ ram, kernel: k })).toThrow(/kernel segment \[0x7f00000, 0x7f10000\) is not inside usable RAM/);
  });

  it('moves a kernel that ends exactly where its RAM range ends, as kexec compares strictly', () => {
    const ram = [
      { base: 0n, size: 0x5000000n },
      { base: 0x8000000n, size: 0x8000000n },
    ];
    // The first range holds it from its own 64 MiB boundary, 0.
    expect(plan({ ram, kernel: kernelAt([0x4000000n, 0x1000000n]) }).kernelOffset).toBe(-0x4000000n);
    expect(plan({ ram, kernel: kernelAt([0x4000000n, 0xfff000n]) }).kernelOffset).toBe(0n);
  });

  it('refuses a kernel that fits nowhere, naming its size and the RAM', () => {
    const ram = [{ base: 0x100000n, size: 0x7f00000n }];
    const k = kernelAt([0x10000000n, 0x8000000n]);
    expect(() => plan({ ram, kernel: k })).toThrow(LoaderError);
    expect(() => plan({ ram, kernel: k })).toThrow(
      'kernel: its 0x8000000 bytes at [0x10000000, 0x18000000) are not in RAM, and no RAM range holds more than that from a 64 MiB boundary (usable RAM: [0x100000, 0x8000000))',
    );
  });

  it('refuses a segment that is not page-aligned', () => {
    expect(() => plan({ kernel: kernelAt([0x4002000n, 0x1000n]) })).toThrow(/not aligned to the 0x4000-byte page size/);
  });

  it('accepts a gzip-compressed image', () => {
    expect(plan({ kernel: gzipSync(KERNEL) }).kernelEntry).toBe(0x4008190n);
  });
});

describe('buffers (elf_ia64_load)', () => {
  const p = plan({ commandLine: 'console=ttyS0 root=/dev/sda2', initrd: new Uint8Array(0x5000).fill(7), noio: true });
  const m = written(p);
  const seg = (what: string) => p.segments.filter((s) => s.what === what);

  it('puts purgatory at the top of RAM and each later buffer below the previous one', () => {
    const order = ['purgatory', 'boot-param', 'efi-memmap', 'command-line', 'initrd'].map((w) => seg(w)[0]);
    expect(order[0].paddr + order[0].memsz).toBe(0x80000000n);
    for (let i = 1; i < order.length; i++) expect(order[i].paddr + order[i].memsz).toBe(order[i - 1].paddr);
    for (const s of p.segments) expect(s.paddr % DEFAULT_PAGE_SIZE).toBe(0n);
    expect(p.segments.map((s) => s.paddr)).toEqual([...p.segments.map((s) => s.paddr)].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('sets the variables purgatory reads', () => {
    expect(m.u64('__gp_value')).toBe(p.purgatoryBase + 0x200000n);
    expect(p.gp).toBe(p.purgatoryBase + 0x200000n);
    expect(m.u64('__kernel_entry')).toBe(0x4008190n);
    expect(m.u64('__noio')).toBe(1n);
    expect(m.u64('__boot_param_base')).toBe(seg('boot-param')[0].paddr);
    expect(seg('boot-param')[0].bytes.length).toBe(Number(BOOT_PARAM_SIZE));
    expect(m.u64('__efi_memmap_base')).toBe(seg('efi-memmap')[0].paddr);
    expect(m.u64('__efi_memmap_size')).toBe(0x1200n);
    expect(m.u64('__ramdisk_base')).toBe(seg('initrd')[0].paddr);
    expect(m.u64('__ramdisk_size')).toBe(0x5000n);
    expect(m.u64('__loaded_segments_num')).toBe(0n);
  });

  it('stores the command line NUL-terminated in a 16-byte multiple with room for the dummy EFI function', () => {
    const line = 'console=ttyS0 root=/dev/sda2';
    const base = m.u64('__command_line');
    const len = m.u64('__command_line_len');
    expect(len).toBe(32n);
    expect(new TextDecoder().decode(m.bytes(base, line.length))).toBe(line);
    expect([...m.bytes(base + BigInt(line.length), Number(len) - line.length)].every((b) => b === 0)).toBe(true);
    const dummy = m.sym('efi_dummy_function_end') - m.sym('efi_dummy_function');
    const s = seg('command-line')[0];
    expect(s.paddr).toBe(base);
    expect(base + len + dummy).toBeLessThanOrEqual(s.paddr + s.memsz);
  });

  it('starts purgatory at purgatory_start with gp inside the reach of its addl', () => {
    expect(p.purgatoryEntry).toBe(m.sym('purgatory_start'));
    expect(p.symbols.describe(p.purgatoryEntry + 0x10n)).toBe('purgatory_start+0x10');
    expect(p.relocations.reduce((n, t) => n + t.count, 0)).toBe(171);
    expect(p.kexecRefused.map((t) => t.name)).toEqual(['R_IA64_GPREL64I']);
    expect(p.kexecMisapplied.map((t) => [t.name, t.count])).toEqual([['R_IA64_IMM64', 5]]);
  });

  it('passes the sha256 check purgatory makes over the regions in memory', () => {
    const regions = m.bytes(m.sym('sha256_regions'), 256);
    const dv = new DataView(regions.buffer);
    const h = createHash('sha256');
    let n = 0;
    for (let i = 0; i < 16; i++) {
      const start = dv.getBigUint64(i * 16, true);
      const len = dv.getBigUint64(i * 16 + 8, true);
      if (len) n++;
      h.update(m.bytes(start, len));
    }
    expect(n).toBe(p.segments.length - 1);
    expect(Buffer.from(m.bytes(m.sym('sha256_digest'), 32)).toString('hex')).toBe(h.digest('hex'));
    expect(m.ram.read(m.sym('skip_checks'), 4)).toBe(0n);
  });

  it('zeroes each segment beyond its bytes', () => {
    const mem = new SparseMemory('ram', 0n, 2n << 30n);
    const k = seg('kernel')[0];
    mem.load(k.paddr, new Uint8Array(Number(k.memsz)).fill(0xee));
    writeLoadPlan(p, { write: (paddr, bytes) => mem.load(paddr, bytes) });
    const tail = new Uint8Array(Number(k.memsz) - k.bytes.length);
    mem.readBlock(k.paddr + BigInt(k.bytes.length), tail);
    expect(tail.every((b) => b === 0)).toBe(true);
  });
});

describe('options', () => {
  it('--skip-checks sets skip_checks and leaves the digest alone', () => {
    const p = plan({ skipChecks: true });
    const m = written(p);
    expect(p.sha256).toBeNull();
    expect(m.ram.read(m.sym('skip_checks'), 4)).toBe(1n);
    expect(m.bytes(m.sym('sha256_digest'), 32).every((b) => b === 0)).toBe(true);
  });

  it('without a command line reserves no buffer and leaves __command_line 0, as kexec does', () => {
    const p = plan();
    const m = written(p);
    expect(p.segments.some((s) => s.what === 'command-line')).toBe(false);
    expect(m.u64('__command_line')).toBe(0n);
    expect(m.u64('__command_line_len')).toBe(0n);
    expect(m.u64('__noio')).toBe(0n);
  });

  it('honours another page size', () => {
    const p = plan({ pageSize: 0x10000n });
    for (const s of p.segments) expect([s.paddr % 0x10000n, s.memsz % 0x10000n]).toEqual([0n, 0n]);
  });

  it('places purgatory in the highest RAM range', () => {
    const ram = [...RAM, { base: 0x100000000n, size: 256n * MiB }];
    expect(plan({ ram }).purgatoryBase).toBeGreaterThan(0x100000000n);
  });
});
