// Decoder benchmarks over the disassembly corpus: the random bundles and the
// code of the compiled objects.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBundle } from '../../src/cpu/decode/decoder.js';
import { formatInsn, plainAddress, stopAfter } from '../../src/cpu/disasm/format.js';
import { listSection } from '../../src/cpu/disasm/listing.js';
import { ElfFile, SHF_EXECINSTR, SHT_NOBITS } from '../../src/loader/elf.js';
import { allocationPerUnit, Benchmark, Figure, Measure, throughput } from './harness.js';

const DIR = 'test/fixtures/disasm';

/** The bundles to decode: every random-*.bin, then the code sections of gcc/*.o. */
function corpus(): { bytes: Uint8Array; bundles: number; sources: string } {
  const parts: Uint8Array[] = [];
  const random = readdirSync(DIR).filter((f) => /^random-\d+\.bin$/.test(f));
  for (const f of random) parts.push(readFileSync(join(DIR, f)));
  const gcc = readdirSync(join(DIR, 'gcc')).filter((f) => f.endsWith('.o'));
  let compiled = 0;
  for (const f of gcc) {
    const elf = new ElfFile(readFileSync(join(DIR, 'gcc', f)));
    for (const s of elf.sections) {
      if (!(s.flags & SHF_EXECINSTR) || s.type === SHT_NOBITS) continue;
      const code = elf.contents(s);
      parts.push(code.subarray(0, code.length & ~15));
      compiled += code.length >> 4;
    }
  }
  const bytes = Buffer.concat(parts);
  const bundles = bytes.length >> 4;
  return { bytes, bundles, sources: `${random.length} random files and ${gcc.length} compiled objects (${compiled} bundles)` };
}

/** Bundles in the sample used for warming up and for measuring allocation. */
const SAMPLE = 4096;

/** Every n-th bundle of the corpus, so the sample mixes random and compiled code. */
function every(bytes: Uint8Array, n: number): Uint8Array {
  const out: Uint8Array[] = [];
  for (let off = 0; off < bytes.length; off += 16 * n) out.push(bytes.subarray(off, off + 16));
  return Buffer.concat(out);
}

function decodeAll(bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length; off += 16) decodeBundle(bytes, off);
}

function decodeAndFormat(bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length; off += 16) {
    const b = decodeBundle(bytes, off);
    const addr = BigInt(off);
    for (let slot = 0; slot < 3; slot++) {
      if (slot === 1 && b.template.units?.[1] === 'L') continue;
      formatInsn(b.insns[slot], addr, plainAddress);
      stopAfter(b, slot);
    }
  }
}

function list(bytes: Uint8Array): void {
  listSection({ index: 0, name: '.data', vma: 0n, bytes }, { disassembleAll: true });
}

const CASES: ReadonlyArray<[string, (b: Uint8Array) => void]> = [
  ['decode', decodeAll],
  ['decode+format', decodeAndFormat],
  ['listing (objdump -D layout)', list],
];

export const decodeBenchmark: Benchmark = {
  name: 'decode',
  async run(measure: Measure): Promise<Figure[]> {
    const { bytes, bundles, sources } = corpus();
    const sample = every(bytes, Math.ceil(bundles / SAMPLE));
    const figures: Figure[] = [];
    if (measure === 'speed') console.log(`decode: ${bundles} bundles from ${sources}`);
    for (const [name, fn] of CASES) {
      if (measure === 'speed') {
        const speed = throughput(() => fn(bytes), bundles, () => fn(sample));
        figures.push({ name: `${name}: speed`, value: speed, unit: 'bundles/s' });
      } else {
        const alloc = await allocationPerUnit(() => fn(sample), sample.length >> 4);
        if (alloc !== null) figures.push({ name: `${name}: heap allocated`, value: alloc, unit: 'bytes/bundle' });
      }
    }
    return figures;
  },
};
