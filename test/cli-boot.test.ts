// `purgatorio boot` and `matrix` from the command line: the JSON report CI
// reads, and bad input as one error line with exit status 1.

import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureStderr, runCli, tempFiles } from './support/cli.js';
import { ElfFile, SHT_RELA } from '../src/loader/elf.js';
import { elfExec } from './support/elf-image.js';
import { kexecToolsUnavailable } from './support/kexec-tools.js';

const { dir: tmp, file } = tempFiles('cli-boot-');

captureStderr();
const run = runCli;

const PURGATORY = readFileSync('roms/purgatory/purgatory.ro');

/** A copy of the purgatory whose first relocation in .rela.text has another type. */
function withRelocationType(type: number): Uint8Array {
  const copy = Uint8Array.from(PURGATORY);
  const elf = new ElfFile(copy);
  const rela = elf.sections.find((s) => s.type === SHT_RELA && s.name === '.rela.text')!;
  new DataView(copy.buffer).setUint32(Number(rela.offset) + 8, type, true);
  return copy;
}

describe('purgatorio boot --json', () => {
  it('reports the MCA of the 2008 purgatory on Tiano firmware with its address, access, instruction and symbol', async () => {
    const r = await run('boot', '--purgatory', 'roms/purgatory/purgatory-2008.ro', '--firmware', 'tiano', '--json');
    expect(r.status).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.outcome).toBe('mca');
    expect(j.mca.address).toBe('0x200000007fc00240');
    expect(j.mca.access).toBe('store');
    expect(j.mca.symbol).toMatch(/^ia64_env_setup/);
    expect(j.console.vga.join('\n')).toContain("I'm in purgatory");
    expect(j.firmwareCalls[0].service).toBe('SetVirtualAddressMap');
    expect(typeof j.instructions).toBe('number');
  });
});

describe('bad input', () => {
  it('a truncated purgatory', async () => {
    const r = await run('boot', '--purgatory', file('short.ro', PURGATORY.subarray(0, 200)));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^purgatorio: .*truncated ELF.*offset 0x/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a purgatory with an unknown relocation', async () => {
    const r = await run('boot', '--purgatory', file('odd.ro', withRelocationType(0xff)));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^purgatorio: purgatory: unsupported relocation unknown \(0xff\) in section \.text at offset 0x[0-9a-f]+\n$/);
  });

  it('a kernel that does not fit in RAM', async () => {
    const big = elfExec(0x4000000n, [{ paddr: 0x4000000n, data: new Uint8Array(16), memsz: 6n << 30n }]);
    const r = await run('boot', '--kernel', file('big.elf', big), '--memory', '4G');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^purgatorio: kernel: .*not in RAM/);
  });

  it('a firmware profile that does not exist', async () => {
    const r = await run('boot', '--firmware', 'phoenix');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^purgatorio: .*phoenix/);
  });
});

describe("kexec-tools' own purgatory", () => {
  const why = kexecToolsUnavailable();

  it('gives the same matrix as ours: the 2008 build takes an MCA on tiano and spec only', async (ctx) => {
    ctx.skip(why !== null, `kexec-tools purgatory not built: ${why}`);
    const out = join(tmp, 'kexec');
    execFileSync('bash', ['tools/build-kexec-purgatory.sh', out], { stdio: 'pipe' });
    const r = await run('matrix', '--purgatory', join(out, 'kexec-purgatory.ro'), join(out, 'kexec-purgatory-2008.ro'), '--json');
    expect(r.status).toBe(0);
    const cells = JSON.parse(r.stdout).cells as { purgatory: string; firmware: string; outcome: string; summary: string }[];
    const table = Object.fromEntries(cells.map((c) => [`${c.purgatory.replace(/^.*\//, '')} ${c.firmware}`, c.outcome]));
    expect(table).toEqual({
      'kexec-purgatory.ro legacy': 'kernel-entry',
      'kexec-purgatory.ro tiano': 'kernel-entry',
      'kexec-purgatory.ro spec': 'kernel-entry',
      'kexec-purgatory-2008.ro legacy': 'kernel-entry',
      'kexec-purgatory-2008.ro tiano': 'mca',
      'kexec-purgatory-2008.ro spec': 'mca',
    });
    expect(cells.find((c) => c.firmware === 'tiano' && c.purgatory.includes('2008'))!.summary).toContain('ia64_env_setup');
  });
});
