// `purgatorio run`: output and exit status pass through, a fault gives its
// report and status 3, --max-insns status 4, --trace and --stats their
// lines, and the command line's arguments reach the program.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../src/cli/errors.js';
import { Host, RunArgs, runCommand } from '../src/cli/run.js';
import { captureStderr, runCli } from './support/cli.js';
import { DATA, exitWith, program } from './support/linux.js';

const tmp = mkdtempSync(join(tmpdir(), 'linux-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes "hi\n" to stdout and "oops\n" to stderr, then exits with status 7. */
const CHATTY = program(
  [
    'alloc r2=ar.pfs,3,0,0',
    'mov r32=1',
    `movl r33=0x${DATA.toString(16)}`,
    'mov r34=3',
    'mov r15=1027',
    'break.i 0x100000',
    'mov r32=2',
    'adds r33=3,r33',
    'mov r34=5',
    'mov r15=1027',
    'break.i 0x100000',
    ...exitWith(7),
  ],
  { bytes: new TextEncoder().encode('hi\noops\n') },
);

/** Exits with argc as its status. */
const ARGC = program(['alloc r2=ar.pfs,1,0,0', 'adds r14=16,r12', 'ld8 r32=[r14]', 'mov r15=1236', 'break.i 0x100000']);

const LOOP = program(['top:', 'br.cond.sptk.few top']);
const SEGV = program(['ld8 r14=[r0]']);

function host() {
  const out: number[] = [];
  const err: number[] = [];
  const h: Host = { stdout: (b) => out.push(...b), stderr: (b) => err.push(...b), stdin: () => 0, stderrIsTty: false, stdoutIsTty: false };
  const text = (b: number[]) => new TextDecoder().decode(new Uint8Array(b));
  return { h, stdout: () => text(out), stderr: () => text(err) };
}

function args(bytes: Uint8Array, more: Partial<RunArgs> = {}): RunArgs {
  return { file: 'prog', bytes, args: [], env: [], trace: false, stats: false, realTime: false, ...more };
}

describe('runCommand', () => {
  it('streams the program output and returns its exit status', () => {
    const io = host();
    expect(runCommand(args(CHATTY.file), io.h)).toBe(7);
    expect(io.stdout()).toBe('hi\n');
    expect(io.stderr()).toBe('oops\n');
  });

  it('ends a faulting program with status 3 and the report', () => {
    const io = host();
    expect(runCommand(args(SEGV.file), io.h)).toBe(3);
    expect(io.stderr()).toMatch(/^purgatorio: segmentation fault \(SIGSEGV\)\nData NaT Page Consumption fault \(0x0\)/);
  });

  it('stops at --max-insns with status 4 and a note', () => {
    const io = host();
    expect(runCommand(args(LOOP.file, { maxInsns: 3000 }), io.h)).toBe(4);
    expect(io.stderr()).toMatch(/^purgatorio: stopped after 3,00[0-2] instructions \(--max-insns 3000\)\n$/);
  });

  it('traces each instruction with its address and slot, and prints statistics', () => {
    const io = host();
    expect(runCommand(args(ARGC.file, { trace: true, stats: true }), io.h)).toBe(1);
    const lines = io.stderr().trimEnd().split('\n');
    expect(lines[0]).toBe('0x4000000000000100 0  alloc r2=ar.pfs,1,0,0');
    expect(lines).toContain('0x4000000000000120 0  ld8 r32=[r14]');
    expect(lines.at(-2)).toMatch(/^0x4000000000000140 \d  break\.i 0x100000$/);
    expect(lines.at(-1)).toMatch(/^purgatorio: stats: \d+ instructions in \d+\.\d\d s, \d+\.\d\d MIPS, peak RSS \d+ MiB$/);
  });

  it('runs the same with traces and with --no-jit: output, status and instruction count', () => {
    const bytes = readFileSync('roms/tests/bin/bits-O3');
    const runs = [true, false].map((jit) => {
      const io = host();
      const status = runCommand(args(bytes, { stats: true, jit }), io.h);
      return { status, stdout: io.stdout(), count: /stats: (\d+) instructions/.exec(io.stderr())?.[1] };
    });
    expect(runs[0].stdout).toBe(readFileSync('roms/tests/expected/bits.out', 'utf8'));
    expect(runs[0].count).toMatch(/^\d+$/);
    expect(runs[1]).toEqual(runs[0]);
  });

  it('turns files that cannot run into usage errors naming the file', () => {
    expect(() => runCommand(args(new TextEncoder().encode('text')), host().h)).toThrow(UsageError);
    expect(() => runCommand(args(new TextEncoder().encode('text')), host().h)).toThrow(/^prog: not an ELF file/);
  });
});

describe('purgatorio run', () => {
  captureStderr();
  const argcFile = join(tmp, 'argc');
  writeFileSync(argcFile, ARGC.file);

  it('passes the arguments after FILE, and those after --, to the program', async () => {
    expect((await runCli('run', argcFile)).status).toBe(1);
    expect((await runCli('run', argcFile, 'a', '0x10', '--', '-x', '--trace')).status).toBe(5);
  });

  it('refuses a bad instruction count and a missing file in one line', async () => {
    expect(await runCli('run', '--max-insns', '0', argcFile)).toEqual({ status: 1, stdout: '', stderr: 'purgatorio: not an instruction count: 0\n' });
    const missing = await runCli('run', join(tmp, 'none'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^purgatorio: cannot read .*none: no such file\n$/);
  });

  it('runs a compiled program in a process of its own with its output on fd 1', () => {
    const entry = "import { main } from './src/cli/main.ts'; process.exitCode = await main(process.argv.slice(1));";
    const cli = (...argv: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', entry, ...argv], { encoding: 'utf8' });
    const hello = cli('run', 'roms/tests/bin/hello-O2');
    expect([hello.status, hello.stderr]).toEqual([0, '']);
    expect(hello.stdout).toBe(readFileSync('roms/tests/expected/hello.out', 'utf8'));
    const segv = join(tmp, 'segv');
    writeFileSync(segv, SEGV.file);
    const fault = cli('run', segv);
    expect(fault.status).toBe(3);
    expect(fault.stderr).toMatch(/^purgatorio: segmentation fault/);
  });
});
