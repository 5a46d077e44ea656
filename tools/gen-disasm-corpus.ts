// Regenerates the disassembly corpus in test/fixtures/disasm, each input with
// GNU objdump's listing as its expected output (gzip-compressed). Needs
// Debian's binutils-ia64-linux-gnu, and the ia64 cross gcc for the compiled
// part; `npm test` then needs neither.
//
//   npx tsx tools/gen-disasm-corpus.ts [--only PARTS] [--random N] [--mutated N]
//   npx tsx tools/gen-disasm-corpus.ts --asm NAME.s   (one assembly file only)
//
// PARTS is a comma-separated subset of random, asm, layout, gcc, mutated (all
// by default, in that order); `--only layout,gcc` leaves the random and
// mutated bundles and the asm/ listings untouched. The compiler is taken from
// $PURGATORIO_IA64_GCC, else ~/.cache/ia64-gcc/bin/ia64-linux-gnu-gcc.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ElfFile, SHF_EXECINSTR, SHT_NOBITS } from '../src/loader/elf.js';
import { RAW_CASES } from './layout-cases.js';
import { rng } from './rng.js';

const DIR = 'test/fixtures/disasm';
const OBJDUMP = process.env.IA64_OBJDUMP ?? 'ia64-linux-gnu-objdump';
const AS = process.env.IA64_AS ?? 'ia64-linux-gnu-as';
const LD = process.env.IA64_LD ?? 'ia64-linux-gnu-ld';
const GCC = process.env.PURGATORIO_IA64_GCC ?? join(homedir(), '.cache/ia64-gcc/bin/ia64-linux-gnu-gcc');

/** Optimisation levels every C file is compiled at, plus a few extra builds. */
const GCC_LEVELS = ['-O0', '-O2', '-O3', '-Os'];
const GCC_EXTRA: ReadonlyArray<{ src: string; tag: string; flags: string[] }> = [
  { src: 'loops.c', tag: 'O3-sms', flags: ['-O3', '-fmodulo-sched', '-funroll-loops'] },
  { src: 'integer.c', tag: 'O2-sections', flags: ['-O2', '-ffunction-sections'] },
];

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

function run(cmd: string, args: string[]): Buffer {
  return execFileSync(cmd, args, { cwd: DIR, maxBuffer: 1 << 30 });
}

/** objdump -D of raw bundles; a name ending in "@HEX.bin" is loaded at address HEX. */
function objdumpRaw(file: string): string {
  const base = /@([0-9a-f]+)\.bin$/.exec(file);
  const adjust = base ? [`--adjust-vma=0x${base[1]}`] : [];
  return run(OBJDUMP, ['-D', '-b', 'binary', '-m', 'ia64-elf64', ...adjust, file]).toString();
}

function objdumpElf(file: string): string {
  return run(OBJDUMP, ['-d', file]).toString();
}

function writeExpected(name: string, text: string): void {
  writeFileSync(join(DIR, name + '.expected.gz'), gzipSync(text, { level: 9 }));
}

function assemble(s: string): void {
  const obj = `asm/${s.replace(/\.s$/, '.o')}`;
  run(AS, ['-x', '-o', obj, `asm/${s}`]);
  writeExpected(obj, objdumpElf(obj));
}

function sources(sub: string, ext: string): string[] {
  return readdirSync(join(DIR, sub))
    .filter((n) => n.endsWith(ext))
    .sort();
}

/** Random bundles: 10 files of N/10 bundles, every template and slot value equally likely. */
function genRandom(): void {
  const nRandom = arg('--random', 100_000);
  for (let f = 0; f < 10; f++) {
    const next = rng(1000 + f);
    const buf = Buffer.alloc((nRandom / 10) * 16);
    for (let i = 0; i < buf.length; i += 4) buf.writeUInt32LE(next() >>> 0, i);
    const name = `random-${f}.bin`;
    writeFileSync(join(DIR, name), buf);
    writeExpected(name, objdumpRaw(name));
  }
}

/**
 * Layout cases: raw files built by layout-cases.ts, and layout/*.s, each
 * assembled to NAME.o, or linked to NAME.elf when it has a "// ld: ARGS" line.
 */
function genLayout(): void {
  for (const c of RAW_CASES) {
    const name = `layout/${c.name}.bin`;
    writeFileSync(join(DIR, name), c.bytes);
    writeExpected(name, objdumpRaw(name));
  }
  const tmp = mkdtempSync(join(tmpdir(), 'layout-'));
  try {
    for (const s of sources('layout', '.s')) {
      const base = s.replace(/\.s$/, '');
      const ld = /^\/\/ ld: (.*)$/m.exec(readFileSync(join(DIR, 'layout', s), 'utf8'));
      if (ld) {
        const obj = join(tmp, `${base}.o`);
        run(AS, ['-x', '-o', obj, `layout/${s}`]);
        run(LD, [...ld[1].split(/\s+/), '-o', `layout/${base}.elf`, obj]);
        writeExpected(`layout/${base}.elf`, objdumpElf(`layout/${base}.elf`));
      } else {
        run(AS, ['-x', '-o', `layout/${base}.o`, `layout/${s}`]);
        writeExpected(`layout/${base}.o`, objdumpElf(`layout/${base}.o`));
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** gcc/src/*.c compiled at each level (and the extra builds) to gcc/NAME-LEVEL.o. */
function genGcc(): void {
  const builds = sources('gcc/src', '.c').flatMap((src) =>
    GCC_LEVELS.map((flag) => ({ src, tag: flag.slice(1), flags: [flag] })),
  );
  for (const { src, tag, flags } of [...builds, ...GCC_EXTRA]) {
    const obj = `gcc/${src.replace(/\.c$/, '')}-${tag}.o`;
    run(GCC, [...flags, '-ffreestanding', '-fno-ident', '-c', '-o', obj, `gcc/src/${src}`]);
    writeExpected(obj, objdumpElf(obj));
  }
}

/** The code of every executable section of the assembled and compiled objects. */
function seedCode(): Buffer {
  const parts: Buffer[] = [];
  for (const o of [...sources('asm', '.o').map((n) => `asm/${n}`), ...sources('gcc', '.o').map((n) => `gcc/${n}`)]) {
    const elf = new ElfFile(readFileSync(join(DIR, o)));
    for (const s of elf.sections) {
      if (s.flags & SHF_EXECINSTR && s.type !== SHT_NOBITS) {
        const code = elf.contents(s);
        parts.push(Buffer.from(code.subarray(0, code.length & ~15)));
      }
    }
  }
  return Buffer.concat(parts);
}

/** Mutated real code: seed bundles with one to three bits flipped each. */
function genMutated(): void {
  const code = seedCode();
  if (code.length < 16) throw new Error('no seed code: generate the asm or gcc parts first');
  const nMutated = arg('--mutated', 20_000);
  const next = rng(7);
  const out = Buffer.alloc(nMutated * 16);
  for (let i = 0; i < nMutated; i++) {
    const src = (next() % (code.length / 16)) * 16;
    code.copy(out, i * 16, src, src + 16);
    const flips = 1 + (next() % 3);
    for (let k = 0; k < flips; k++) {
      const bit = next() % 128;
      out[i * 16 + (bit >> 3)] ^= 1 << (bit & 7);
    }
  }
  writeFileSync(join(DIR, 'mutated.bin'), out);
  writeExpected('mutated.bin', objdumpRaw('mutated.bin'));
}

const PARTS: Record<string, () => void> = {
  random: genRandom,
  asm: () => sources('asm', '.s').forEach(assemble),
  layout: genLayout,
  gcc: genGcc,
  mutated: genMutated,
};

const only = process.argv.indexOf('--asm');
if (only >= 0) {
  assemble(process.argv[only + 1].replace(/^.*\//, ''));
} else {
  const i = process.argv.indexOf('--only');
  const parts = i >= 0 ? process.argv[i + 1].split(',') : Object.keys(PARTS);
  for (const p of parts) {
    if (!PARTS[p]) throw new Error(`unknown part ${p}; parts are ${Object.keys(PARTS).join(', ')}`);
    PARTS[p]();
    console.log(`${p}: regenerated`);
  }
}
