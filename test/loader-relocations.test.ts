// Relocation of purgatory objects: every form in a fixture built for the
// purpose, the relocations our purgatory and kexec-tools' carry, and, where
// GNU ld is installed, byte-for-byte agreement with ld linking the same
// object at the same addresses.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBundle, Insn } from '../src/cpu/decode/decoder.js';
import { disasmRaw } from '../src/cli/disasm.js';
import { ElfFile, SHT_NOBITS } from '../src/loader/elf.js';
import { kexecCompat } from '../src/loader/kexec-compat.js';
import { buildLoadPlan } from '../src/loader/plan.js';
import { GP_OFFSET, Purgatory } from '../src/loader/purgatory.js';
import { R_IA64 as R, relocName } from '../src/loader/reloc-types.js';
import { supportedTypes } from '../src/loader/relocate.js';
import { SymbolMap } from '../src/loader/symbols.js';
import { kexecToolsUnavailable } from './support/kexec-tools.js';

const BASE = 0x7ff00000n;
const FIXTURE = 'test/fixtures/loader/relocs.ro';
const OUR_PURGATORY = 'roms/purgatory/purgatory.ro';

/** A purgatory loaded at BASE, with readers over its image. */
function loaded(path: string, base = BASE) {
  const p = new Purgatory(readFileSync(path));
  const image = p.load(base);
  const dv = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const syms = new SymbolMap(p.symbols());
  const at = (addr: bigint): number => Number(addr - base);
  return {
    p,
    image,
    sym: (name: string): bigint => {
      const v = syms.get(name);
      if (v === undefined) throw new Error(`no symbol ${name}`);
      return v;
    },
    section: (name: string): bigint => base + p.offsets.get(p.elf.section(name)!.index)!,
    u64: (addr: bigint, little = true): bigint => dv.getBigUint64(at(addr), little),
    s32: (addr: bigint, little = true): bigint => BigInt(dv.getInt32(at(addr), little)),
    u32: (addr: bigint, little = true): bigint => BigInt(dv.getUint32(at(addr), little)),
    insn: (addr: bigint, slot: number): Insn => decodeBundle(image, at(addr)).insns[slot],
  };
}

describe('the relocation fixture', () => {
  const f = loaded(FIXTURE);
  const gp = BASE + GP_OFFSET;
  const text = f.section('.text');
  const td = f.sym('target_data');
  const func = f.sym('func');
  const recover = f.sym('recover');
  /** The immediate of a slot as a signed number. */
  const imm = (off: bigint, slot: number): bigint => BigInt.asIntN(64, f.insn(text + off, slot).imm);
  /** The official descriptor of func, through its linkage entry. */
  const descriptorEntry = gp + imm(0x20n, 1);
  const descriptor = f.u64(descriptorEntry);

  it('places sections as kexec does and keeps gp at base + 2 MiB', () => {
    expect(f.p.gp).toBe(gp);
    expect(f.p.entry).toBe(f.sym('reloc_start'));
    expect(text).toBe(BASE);
    // .text.far follows .text (0x1f0 bytes) at its 32-byte alignment.
    expect(f.section('.text.far')).toBe(BASE + 0x200n);
  });

  it('stores absolute values in adds, addl and movl', () => {
    expect(imm(0x00n, 0)).toBe(-0x1234n);
    expect(imm(0x00n, 1)).toBe(0x12345n);
    expect(f.insn(text + 0x10n, 2).imm).toBe(td);
  });

  it('builds linkage entries and descriptors for @ltoff and @fptr', () => {
    expect(f.u64(gp + imm(0x20n, 0))).toBe(td);
    expect(f.u64(descriptor)).toBe(func);
    expect(f.u64(descriptor + 8n)).toBe(gp);
    expect(imm(0x30n, 2)).toBe(imm(0x20n, 0)); // LTOFF64I shares LTOFF22's entry
    expect(f.insn(text + 0x40n, 2).imm).toBe(descriptor); // FPTR64I
    expect(gp + imm(0x50n, 2)).toBe(descriptorEntry); // LTOFF_FPTR64I
    expect(f.p.linkage.offset).toBeGreaterThanOrEqual(f.p.loadSize - f.p.linkage.size);
    expect(f.p.linkage.entryCount).toBe(4); // target_data, FD(func), far_abs, FD(twice)
    expect(f.p.linkage.descriptorCount).toBe(3); // func, twice, thrice
  });

  it('stores gp-relative and IP-relative values', () => {
    expect(imm(0x20n, 2)).toBe(td - gp);
    expect(imm(0x60n, 2)).toBe(td - gp);
    expect(imm(0x70n, 2)).toBe(td - (text + 0x70n));
    expect(imm(0x80n, 0)).toBe(td - (text + 0x80n));
  });

  it('points every branch form at its target', () => {
    expect(f.insn(text + 0x90n, 0).def?.name).toBe('chk.s.m');
    expect(imm(0x90n, 0)).toBe(recover - (text + 0x90n));
    expect(f.insn(text + 0x90n, 2).def?.name).toBe('chk.s.i');
    expect(imm(0x90n, 2)).toBe(recover - (text + 0x90n));
    expect(imm(0xa0n, 1)).toBe(recover - (text + 0xa0n));
    expect(imm(0xb0n, 2)).toBe(func - (text + 0xb0n));
    expect(imm(0xc0n, 2)).toBe(func - (text + 0xc0n));
  });

  it('relaxes LTOFF22X/LDXMOV within reach of gp and uses the table otherwise', () => {
    expect(imm(0xd0n, 0)).toBe(td - gp);
    const move = f.insn(text + 0xe0n, 0);
    expect([move.def?.name, ...move.ops]).toEqual(['add', 26, 0, 26]);
    expect(f.u64(gp + imm(0xd0n, 1))).toBe(0x123456789abcn);
    const load = f.insn(text + 0xe0n, 1);
    expect([load.def?.name, ...load.ops]).toEqual(['ld8', 27, 27]);
  });

  it('fills every data form in both byte orders', () => {
    const d = f.section('.data');
    expect(d).toBe(td);
    for (const little of [true, false]) {
      const o = little ? 0n : 0x58n;
      expect(f.u64(d + o, little)).toBe(td);
      expect(f.u32(d + o + 8n, little)).toBe(td);
      expect(f.s32(d + o + 0xcn, little)).toBe(-(o + 0xcn));
      expect(f.u64(d + o + 0x10n, little)).toBe(BigInt.asUintN(64, func - (d + o + 0x10n)));
    }
    expect(f.u64(d + 0x18n)).toBe(descriptor);
    expect(f.u64(d + 0x20n)).toBe(BigInt.asUintN(64, td - gp));
    expect(f.s32(d + 0x28n)).toBe(td - gp);
    expect(f.u32(d + 0x2cn)).toBe(0n); // func opens .text.far
    expect(f.u64(d + 0x30n)).toBe(0x10n); // recover is 16 bytes in
    expect(f.u64(d + 0x38n)).toBe(td); // segment base 0, as kexec
    expect(f.u32(d + 0x40n)).toBe(td);
    expect(f.u32(d + 0x44n)).toBe(descriptor);
    expect(f.u64(d + 0x48n)).toBe(BigInt.asUintN(64, descriptorEntry - gp));
    expect(gp + f.s32(d + 0x50n)).toBe(descriptorEntry);
    expect(f.u64(d + 0x70n, false)).toBe(BigInt.asUintN(64, td - gp));
    expect(f.s32(d + 0x78n, false)).toBe(td - gp);
    expect(f.u32(d + 0x7cn, false)).toBe(descriptor);
    expect(f.u64(d + 0x80n, false)).toBe(descriptor);
    expect(f.u64(d + 0x88n, false)).toBe(td);
    expect(f.u32(d + 0x90n, false)).toBe(td);
    expect(f.u32(d + 0x94n, false)).toBe(0n);
    expect(f.u64(d + 0x98n, false)).toBe(0x10n);
    expect(f.u64(d + 0xa0n, false)).toBe(BigInt.asUintN(64, descriptorEntry - gp));
    expect(gp + f.s32(d + 0xa8n, false)).toBe(descriptorEntry);
  });

  it('gives C function pointers official descriptors', () => {
    const table = f.sym('fnptr_table');
    for (const [i, fn] of [f.sym('twice'), f.sym('thrice')].entries()) {
      const fd = f.u64(table + BigInt(i) * 8n);
      expect([f.u64(fd), f.u64(fd + 8n)]).toEqual([fn, gp]);
    }
  });

  it('covers every type the loader supports but the two GNU as does not emit', () => {
    const seen = new Set(f.p.relocations.map((r) => r.type));
    const missing = supportedTypes().filter((t) => !seen.has(t));
    expect(missing.map(relocName)).toEqual(['R_IA64_NONE', 'R_IA64_PCREL21BI']);
  });

  it('reports what kexec-tools 2.0.25 would refuse', () => {
    const report = kexecCompat(f.p.relocations);
    const refused = report.refused.map((t) => t.name);
    for (const name of ['R_IA64_IMM14', 'R_IA64_LTOFF22', 'R_IA64_FPTR64LSB', 'R_IA64_LTOFF_FPTR22', 'R_IA64_PCREL21M', 'R_IA64_DIR64MSB']) {
      expect(refused).toContain(name);
    }
    for (const name of ['R_IA64_IMM22', 'R_IA64_GPREL22', 'R_IA64_PCREL21B', 'R_IA64_LTOFF22X', 'R_IA64_LDXMOV', 'R_IA64_DIR64LSB']) {
      expect(refused).not.toContain(name);
    }
    expect(report.refused.find((t) => t.type === R.FPTR64LSB)?.count).toBe(3);
    expect(report.misapplied).toEqual([{ type: R.IMM64, name: 'R_IA64_IMM64', count: 1 }]);
  });
});

describe('our purgatory', () => {
  const base = 0x7fff4000n;
  const f = loaded(OUR_PURGATORY, base);
  const gp = base + GP_OFFSET;

  it('carries only relocation types the loader applies, and needs no linkage table', () => {
    const types = new Set(f.p.relocations.map((r) => r.type));
    expect([...types].every((t) => supportedTypes().includes(t))).toBe(true);
    expect(types.has(R.GPREL64I)).toBe(true);
    expect(f.p.linkage.size).toBe(0n);
    expect(f.image.length).toBe(Number(f.p.dataSize));
  });

  it('disassembles to the expected gp-relative and branch targets', () => {
    const start = f.sym('purgatory_start');
    const listing = disasmRaw(f.image.subarray(Number(start - base), Number(start - base) + 0x100), 'purgatory', start);
    expect(listing).toContain(`movl r2=0x${f.sym('__gp_value').toString(16)}`);
    expect(listing).toContain(`movl r14=0x${f.sym('purgatory_rbs').toString(16)}`);
    expect(listing).toContain(`br.call.sptk.many b0=0x${f.sym('purgatory_main').toString(16)}`);
    expect(listing).toContain(`movl r2=0x${f.sym('__kernel_entry').toString(16)}`);
    // loaded_regions_intact reaches sha256_regions gp-relatively: addl, then the relaxed ld8.
    const fn = f.sym('loaded_regions_intact');
    const body = disasmRaw(f.image.subarray(Number(fn - base), Number(fn - base) + 0x60), 'purgatory', fn);
    const rel = f.sym('sha256_regions') - gp;
    expect(body).toMatch(new RegExp(`addl (r\\d+)=${rel},r1[\\s\\S]*add \\1=r0,\\1`));
  });
});

/** GNU ld links the object at the same addresses, with __gp where kexec puts gp. */
function linkWithLd(path: string, base: bigint, work: string): { purgatory: Purgatory; image: Uint8Array; linked: ElfFile } {
  // Unmerged strings: ld would otherwise fold .rodata.str1.8 and move them.
  const input = join(work, 'input.ro');
  execFileSync('ia64-linux-gnu-objcopy', ['--set-section-flags', '.rodata.str1.8=alloc,load,readonly,data,contents', path, input]);
  const purgatory = new Purgatory(readFileSync(input));
  const image = purgatory.load(base);
  const placed = [...purgatory.offsets].map(([i, off]) => `  ${purgatory.elf.sections[i].name} 0x${(base + off).toString(16)} : { *(${purgatory.elf.sections[i].name}) }`);
  writeFileSync(join(work, 'link.ld'), `SECTIONS {\n${placed.join('\n')}\n  __gp = 0x${(base + GP_OFFSET).toString(16)};\n}\n`);
  const out = join(work, 'linked.elf');
  execFileSync('ia64-linux-gnu-ld', ['--relax', '-T', join(work, 'link.ld'), '-e', 'purgatory_start', '-o', out, input], { stdio: 'pipe' });
  return { purgatory, image, linked: new ElfFile(readFileSync(out)) };
}

function haveBinutils(): boolean {
  try {
    execFileSync('ia64-linux-gnu-ld', ['--version'], { stdio: 'ignore' });
    execFileSync('ia64-linux-gnu-objcopy', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Compare every allocated section with ld's. Two differences are expected:
 * ld turns a relaxed `ld8 rX=[rX]` into nop.m where kexec writes
 * `add rX=r0,rX`, and ld's SEGREL values are relative to the segment base
 * where kexec's are absolute. Returns the number of LDXMOV sites compared.
 */
function compareWithLd(path: string, work: string): number {
  const base = 0x7ff00000n;
  const { purgatory, image, linked } = linkWithLd(path, base, work);
  const ldxmov = new Set(
    purgatory.relocations.filter((r) => r.type === R.LDXMOV).map((r) => `${r.section}:${r.offset & ~15n}:${r.offset & 15n}`),
  );
  let relaxed = 0;
  for (const [index, off] of purgatory.offsets) {
    const s = purgatory.elf.sections[index];
    if (s.type === SHT_NOBITS) continue;
    const theirs = linked.section(s.name)!;
    expect(theirs.addr).toBe(base + off);
    const ours = image.subarray(Number(off), Number(off + s.size));
    const ref = linked.contents(theirs);
    if (s.name === '.IA_64.unwind') {
      const dvo = new DataView(ours.buffer, ours.byteOffset, ours.length);
      const dvr = new DataView(ref.buffer, ref.byteOffset, ref.length);
      const deltas = new Set<bigint>();
      for (let i = 0; i < ours.length; i += 8) deltas.add(dvo.getBigUint64(i, true) - dvr.getBigUint64(i, true));
      expect(deltas.size).toBe(1);
      continue;
    }
    for (let b = 0; b < ours.length; b += 16) {
      const a = ours.subarray(b, b + 16);
      const r = ref.subarray(b, b + 16);
      if (a.every((x, i) => x === r[i])) continue;
      const mine = decodeBundle(a, 0);
      const ld = decodeBundle(r, 0);
      for (let slot = 0; slot < 3; slot++) {
        if (mine.insns[slot].slot === ld.insns[slot].slot) continue;
        expect(ldxmov.has(`${s.name}:${b}:${slot}`), `${s.name}+0x${b.toString(16)} slot ${slot}`).toBe(true);
        const [dst, zero, src] = mine.insns[slot].ops;
        expect([mine.insns[slot].def?.name, zero, src]).toEqual(['add', 0, dst]);
        expect(ld.insns[slot].def?.name).toBe('nop.m');
        relaxed++;
      }
    }
  }
  return relaxed;
}

describe('agreement with GNU ld', () => {
  const work = mkdtempSync(join(tmpdir(), 'purgatorio-loader-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('relocates our purgatory as ld links it', (ctx) => {
    ctx.skip(!haveBinutils(), 'ia64-linux-gnu-ld/objcopy are not installed (Debian binutils-ia64-linux-gnu)');
    expect(compareWithLd(OUR_PURGATORY, work)).toBeGreaterThan(0);
  });
});

describe('kexec-tools 2.0.25 purgatory', () => {
  const why = kexecToolsUnavailable();
  const work = mkdtempSync(join(tmpdir(), 'purgatorio-kexec-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let built: string | null = null;
  const build = (): string => {
    if (!built) {
      execFileSync('bash', ['tools/build-kexec-purgatory.sh', work], { stdio: 'pipe' });
      built = join(work, 'kexec-purgatory.ro');
    }
    return built;
  };

  it('loads with every relocation it carries applied', (ctx) => {
    ctx.skip(why !== null, `kexec-tools purgatory not built: ${why}`);
    const f = loaded(build());
    const types = new Set(f.p.relocations.map((r) => r.type));
    expect([...types].every((t) => supportedTypes().includes(t))).toBe(true);
    expect(f.p.entry).toBe(f.sym('purgatory_start'));
    expect(f.p.linkage.size).toBe(0n);
    // kexec-tools itself refuses the GCC 12 movl @gprel and mis-patches movl at slot 1.
    const report = kexecCompat(f.p.relocations);
    expect(report.refused.map((t) => t.name)).toEqual(['R_IA64_GPREL64I']);
    expect(report.misapplied.map((t) => t.name)).toEqual(['R_IA64_IMM64']);
  });

  it('takes every variable kexec sets, with room for its dummy EFI function', (ctx) => {
    ctx.skip(why !== null, `kexec-tools purgatory not built: ${why}`);
    const plan = buildLoadPlan({
      kernel: readFileSync('roms/kernel/kernel.elf'),
      purgatory: readFileSync(build()),
      ram: [{ base: 0x100000n, size: 0x7ff00000n }],
      efiMemmapSize: 0x1000n,
      commandLine: 'x'.repeat(0x3ff0),
    });
    expect(plan.purgatoryEntry).toBe(plan.symbols.get('purgatory_start'));
    expect(plan.sha256?.regions.length).toBe(plan.segments.length - 1);
    // 0x3ff0 characters and the NUL fill 0x4000 bytes: the 32-byte function needs a second
    // page, where kexec's one-page segment would let purgatory write into the next buffer.
    const line = plan.segments.find((s) => s.what === 'command-line')!;
    expect([line.bytes.length, line.memsz]).toEqual([0x4000, 0x8000n]);
  });

  it('relocates as ld links it', (ctx) => {
    ctx.skip(why !== null, `kexec-tools purgatory not built: ${why}`);
    ctx.skip(!haveBinutils(), 'ia64-linux-gnu-ld/objcopy are not installed (Debian binutils-ia64-linux-gnu)');
    expect(compareWithLd(build(), work)).toBeGreaterThan(0);
  });
});
