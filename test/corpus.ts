// Shared access to the disassembly corpus in test/fixtures/disasm.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { disasmElf, disasmRaw } from '../src/cli/disasm.js';

export const CORPUS_DIR = 'test/fixtures/disasm';

export interface CorpusCase {
  /** Path relative to the corpus directory, as objdump was given it. */
  name: string;
  raw: boolean;
}

export function corpusCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const f of readdirSync(CORPUS_DIR)) if (f.endsWith('.bin')) cases.push({ name: f, raw: true });
  for (const f of readdirSync(join(CORPUS_DIR, 'asm'))) if (f.endsWith('.o')) cases.push({ name: `asm/${f}`, raw: false });
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

export function expectedLines(c: CorpusCase): string[] {
  return gunzipSync(readFileSync(join(CORPUS_DIR, c.name + '.expected.gz'))).toString().split('\n');
}

export function actualLines(c: CorpusCase): string[] {
  const bytes = readFileSync(join(CORPUS_DIR, c.name));
  return (c.raw ? disasmRaw(bytes, c.name) : disasmElf(bytes, c.name)).split('\n');
}

export interface Mismatch {
  line: number;
  expected: string;
  actual: string;
}

/** Line-by-line differences (both listings have the same layout when correct). */
export function compareLines(expected: string[], actual: string[]): Mismatch[] {
  const out: Mismatch[] = [];
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) out.push({ line: i + 1, expected: expected[i] ?? '<end>', actual: actual[i] ?? '<end>' });
  }
  return out;
}
