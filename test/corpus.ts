// Shared access to the disassembly corpus in test/fixtures/disasm.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { disasmElf, disasmRaw } from '../src/cli/disasm.js';

export const CORPUS_DIR = 'test/fixtures/disasm';

export interface CorpusCase {
  /** Path relative to the corpus directory, as objdump was given it. */
  name: string;
  raw: boolean;
  /** Load address of raw bundles (objdump --adjust-vma), from a name ending in "@HEX.bin". */
  base?: bigint;
}

/** Subdirectories of ELF inputs, and the endings of their files. */
const ELF_DIRS: ReadonlyArray<[string, RegExp]> = [
  ['asm', /\.o$/],
  ['gcc', /\.o$/],
  ['layout', /\.(o|elf)$/],
];

function files(sub: string, pattern: RegExp): string[] {
  const dir = join(CORPUS_DIR, sub);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .map((f) => (sub ? `${sub}/${f}` : f));
}

function rawCase(name: string): CorpusCase {
  const at = /@([0-9a-f]+)\.bin$/.exec(name);
  return at ? { name, raw: true, base: BigInt('0x' + at[1]) } : { name, raw: true };
}

export function corpusCases(): CorpusCase[] {
  const cases: CorpusCase[] = [...files('', /\.bin$/), ...files('layout', /\.bin$/)].map(rawCase);
  for (const [sub, pattern] of ELF_DIRS) for (const name of files(sub, pattern)) cases.push({ name, raw: false });
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

export function expectedLines(c: CorpusCase): string[] {
  return gunzipSync(readFileSync(join(CORPUS_DIR, c.name + '.expected.gz'))).toString().split('\n');
}

export function actualLines(c: CorpusCase): string[] {
  const bytes = readFileSync(join(CORPUS_DIR, c.name));
  return (c.raw ? disasmRaw(bytes, c.name, c.base) : disasmElf(bytes, c.name)).split('\n');
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

/** An instruction line: address, up to 6 bytes, template mark (or blanks), then the instruction text. */
const INSN_LINE = /^( *[0-9a-f]+:\t(?:[0-9a-f]{2} ){1,6} *\t(?:\[[^\]]{3}\] | {6}))(.*)$/;

/** The parts of an instruction line: everything around the text, and the text. */
export function splitInsnLine(line: string): { frame: string; text: string } | null {
  const m = INSN_LINE.exec(line);
  return m ? { frame: m[1], text: m[2] } : null;
}

/** The mnemonic objdump printed on an instruction line (after any predicate). */
export function mnemonicOf(line: string): string | null {
  const parts = splitInsnLine(line);
  if (!parts) return null;
  return /^(?:\(p\d\d\) | {6})(\S+)/.exec(parts.text)?.[1] ?? null;
}

/**
 * What a difference is about: the objdump mnemonic when both lines are
 * instruction lines with the same frame (address, bytes, template mark), else
 * '<layout>'.
 */
export function classify(m: Mismatch): string {
  const e = splitInsnLine(m.expected);
  const a = splitInsnLine(m.actual);
  if (!e || !a || e.frame !== a.frame) return '<layout>';
  return mnemonicOf(m.expected) ?? '<layout>';
}
