// Regenerates the disassembly corpus in test/fixtures/disasm: random bundles,
// mutated real code, and assembled mnemonic lists, each with GNU objdump's
// listing as the expected output (gzip-compressed). Needs Debian's
// binutils-ia64-linux-gnu; `npm test` then needs neither binutils nor gcc.
//
//   npx tsx tools/gen-disasm-corpus.ts [--random N] [--mutated N]
//   npx tsx tools/gen-disasm-corpus.ts --asm NAME.s   (one assembly file only)

import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIR = 'test/fixtures/disasm';
const OBJDUMP = process.env.IA64_OBJDUMP ?? 'ia64-linux-gnu-objdump';
const AS = process.env.IA64_AS ?? 'ia64-linux-gnu-as';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

/** xorshift128+: a seeded generator, so the corpus is reproducible. */
function rng(seed: number): () => number {
  let s0 = BigInt(seed) * 0x9e3779b97f4a7c15n + 1n;
  let s1 = s0 ^ 0xdeadbeefcafef00dn;
  const M = (1n << 64n) - 1n;
  return () => {
    let x = s0;
    const y = s1;
    s0 = y;
    x = (x ^ (x << 23n)) & M;
    s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    return Number((s1 + y) & 0xffffffffn);
  };
}

function objdumpRaw(file: string): string {
  return execFileSync(OBJDUMP, ['-D', '-b', 'binary', '-m', 'ia64-elf64', file], { cwd: DIR, maxBuffer: 1 << 30 }).toString();
}

function objdumpElf(file: string): string {
  return execFileSync(OBJDUMP, ['-d', file], { cwd: DIR, maxBuffer: 1 << 30 }).toString();
}

function writeExpected(name: string, text: string): void {
  writeFileSync(join(DIR, name + '.expected.gz'), gzipSync(text, { level: 9 }));
}

function assemble(s: string): void {
  const obj = `asm/${s.replace(/\.s$/, '.o')}`;
  execFileSync(AS, ['-x', '-o', obj, `asm/${s}`], { cwd: DIR });
  writeExpected(obj, objdumpElf(obj));
}

const only = process.argv.indexOf('--asm');
if (only >= 0) {
  assemble(process.argv[only + 1].replace(/^.*\//, ''));
  process.exit(0);
}

// Random bundles: 10 files of N/10 bundles. Every template and slot value is
// equally likely, which exercises reserved templates and encodings.
const nRandom = arg('--random', 100_000);
for (let f = 0; f < 10; f++) {
  const next = rng(1000 + f);
  const buf = Buffer.alloc((nRandom / 10) * 16);
  for (let i = 0; i < buf.length; i += 4) buf.writeUInt32LE(next() >>> 0, i);
  const name = `random-${f}.bin`;
  writeFileSync(join(DIR, name), buf);
  writeExpected(name, objdumpRaw(name));
}

// Assembled mnemonic lists: every .s under asm/.
for (const s of readdirSync(join(DIR, 'asm')).filter((n) => n.endsWith('.s'))) assemble(s);

// Mutated real code: the .text of the assembled files and of the compiled
// programs, with one to three bits flipped per bundle.
const seeds: Buffer[] = [];
for (const o of readdirSync(join(DIR, 'asm')).filter((n) => n.endsWith('.o'))) {
  const bytes = execFileSync('ia64-linux-gnu-objcopy', ['-O', 'binary', '-j', '.text', `asm/${o}`, '/dev/stdout'], { cwd: DIR });
  seeds.push(bytes);
}
const code = Buffer.concat(seeds);
const nMutated = arg('--mutated', 20_000);
if (code.length >= 16) {
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

console.log('corpus regenerated in', DIR);
