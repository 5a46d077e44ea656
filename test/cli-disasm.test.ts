// `purgatorio disasm` on good and bad input: listings go to stdout exactly as
// objdump prints them; a bad file gives one error line naming the problem
// (and, for ELF files, the offset) and exit status 1, never a stack trace.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { captureStderr, runCli, tempFiles } from './support/cli.js';

const FIXTURES = 'test/fixtures/disasm';
const { dir: tmp, file } = tempFiles('cli-disasm-');

captureStderr();
const run = runCli;

const object = readFileSync(join(FIXTURES, 'layout/symbols.o'));

/** A copy of the object with some bytes changed. */
function patched(edit: (b: Buffer) => void): Buffer {
  const b = Buffer.from(object);
  edit(b);
  return b;
}

const SHOFF = Number(object.readBigUInt64LE(40));
const SHNUM = object.readUInt16LE(60);
/** File offset of a field of section header i. */
const sh = (i: number, field: number) => SHOFF + 64 * i + field;
const SYMTAB = [...Array(SHNUM).keys()].find((i) => object.readUInt32LE(sh(i, 4)) === 2)!;

/** The run failed with exactly one error line, matching pattern. */
function expectOneError(r: { status: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^purgatorio: [^\n]*\n$/);
  expect(r.stderr).toMatch(pattern);
}

describe('purgatorio disasm', () => {
  it('prints an ELF listing exactly as objdump -d', async () => {
    const name = join(FIXTURES, 'layout/region2.elf');
    const r = await run('disasm', name);
    expect(r.status).toBe(0);
    const expected = gunzipSync(readFileSync(name + '.expected.gz')).toString();
    expect(r.stdout).toBe(expected.replace('layout/region2.elf', name));
  });

  it('prints raw bundles at a base address exactly as objdump -D -b binary', async () => {
    const name = join(FIXTURES, 'layout/wrap@fffffffffffffff0.bin');
    const r = await run('disasm', '--raw', '--base', '0xfffffffffffffff0', name);
    expect(r.status).toBe(0);
    const expected = gunzipSync(readFileSync(name + '.expected.gz')).toString();
    expect(r.stdout).toBe(expected.replace('layout/wrap@fffffffffffffff0.bin', name));
  });

  it('reports a missing file', async () => {
    expectOneError(await run('disasm', join(tmp, 'absent.o')), /cannot read .*absent\.o: no such file$/m);
  });

  it('reports a directory', async () => {
    expectOneError(await run('disasm', tmp), /cannot read .*: is a directory$/m);
  });

  it('reports an empty raw file', async () => {
    expectOneError(await run('disasm', '--raw', file('empty.bin', new Uint8Array(0))), /empty\.bin: empty file/);
  });

  it('reports a bad base address', async () => {
    const raw = file('one.bin', new Uint8Array(16));
    expectOneError(await run('disasm', '--raw', '--base', '0x1fffffffffffffffff', raw), /not a 64-bit address/);
    expectOneError(await run('disasm', '--raw', '--base', 'ten', raw), /not a 64-bit address: ten/);
  });

  it('reports a file that is not ELF, suggesting --raw', async () => {
    expectOneError(await run('disasm', file('text.o', Buffer.from('a text file, not an object\n'))), /bad magic number \(at offset 0x0\) \(use --raw/);
  });

  it('reports an ELF file for another machine', async () => {
    const x86 = file('x86.o', patched((b) => b.writeUInt16LE(62, 18)));
    expectOneError(await run('disasm', x86), /x86\.o: ELF file is for machine 62, not IA-64 .*\(at offset 0x12\)/);
  });

  it('reports ELF classes and byte orders it cannot read', async () => {
    expectOneError(await run('disasm', file('elf32.o', patched((b) => (b[4] = 1)))), /ELF class 1 .*\(at offset 0x4\)/);
    expectOneError(await run('disasm', file('msb.o', patched((b) => (b[5] = 2)))), /data encoding 2 .*\(at offset 0x5\)/);
  });

  it('reports a truncated ELF header', async () => {
    expectOneError(await run('disasm', file('hdr.o', object.subarray(0, 40))), /truncated ELF: the ELF header .*\(at offset 0x0\)/);
  });

  it('reports truncated section headers', async () => {
    const cut = file('cut.o', object.subarray(0, SHOFF + 64 * 3 + 10));
    expectOneError(await run('disasm', cut), new RegExp(`section header 3 .*\\(at offset 0x${(SHOFF + 192).toString(16)}\\)`));
  });

  it('reports section contents past the end of the file', async () => {
    const far = file('far.o', patched((b) => b.writeBigUInt64LE(BigInt(object.length), sh(1, 24))));
    expectOneError(await run('disasm', far), new RegExp(`contents of section 1 .*\\(at offset 0x${object.length.toString(16)}\\)`));
  });

  it('reports malformed tables', async () => {
    const names = file('names.o', patched((b) => b.writeUInt16LE(99, 62)));
    expectOneError(await run('disasm', names), /section name table index 99 .*\(at offset 0x3e\)/);
    const entsize = file('entsize.o', patched((b) => b.writeBigUInt64LE(16n, sh(SYMTAB, 56))));
    expectOneError(await run('disasm', entsize), /symbol table \.symtab has entry size 16.*\(at offset 0x/);
    const size = file('size.o', patched((b) => b.writeBigUInt64LE(b.readBigUInt64LE(sh(SYMTAB, 32)) - 5n, sh(SYMTAB, 32))));
    expectOneError(await run('disasm', size), /symbol table \.symtab has size \d+, not a multiple of 24/);
  });

  it('reports a section name table that claims to run past the file', async () => {
    // NOBITS, far beyond the file and huge: nothing checks its contents are in the file, so names must stop at its end.
    const huge = file('huge-names.o', patched((b) => {
      const shstrndx = b.readUInt16LE(62);
      b.writeUInt32LE(8, sh(shstrndx, 4));
      b.writeBigUInt64LE(1n << 32n, sh(shstrndx, 24));
      b.writeBigUInt64LE(1n << 40n, sh(shstrndx, 32));
    }));
    const r = await run('disasm', huge);
    expect([0, 1]).toContain(r.status);
    if (r.status === 1) expect(r.stderr).toMatch(/^purgatorio: [^\n]*\n$/);
  });

  it('fails cleanly on every truncation of an object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: object.length - 1 }), async (n) => {
        const r = await run('disasm', file('trunc.o', object.subarray(0, n)));
        expect(r.status).toBe(1);
        expect(r.stderr).toMatch(/^purgatorio: [^\n]*\(at offset 0x[0-9a-f]+\)[^\n]*\n$/);
      }),
      { numRuns: 60 },
    );
  });

  it('lists or rejects, never crashes, when header bytes are corrupted', async () => {
    const headerBytes = fc.oneof(fc.integer({ min: 0, max: 63 }), fc.integer({ min: SHOFF, max: object.length - 1 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(headerBytes, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), async (edits) => {
        const r = await run('disasm', file('bent.o', patched((b) => edits.forEach(([at, v]) => (b[at] = v)))));
        expect([0, 1]).toContain(r.status);
        if (r.status === 1) expect(r.stderr).toMatch(/^purgatorio: [^\n]*\n$/);
      }),
      { numRuns: 150 },
    );
  });
});
