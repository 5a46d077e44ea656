// exec: the mapped segments, the initial stack (argc, argv, envp, auxv and
// the strings above them) and the registers at the first instruction, as
// Linux/ia64 leaves them; and the files that cannot be run.

import { describe, expect, it } from 'vitest';
import { AR } from '../src/cpu/state.js';
import { ExecError } from '../src/linux/errors.js';
import { AT, FPSR_DEFAULT, USER_PSR } from '../src/linux/exec.js';
import { PAGE_SIZE, RBS_BOTTOM, STACK_TOP } from '../src/linux/layout.js';
import { ElfError } from '../src/loader/elf.js';
import { CODE, DATA, executable, exitWith, finish, program, spawn, TEXT } from './support/linux.js';

const DATA_AT = DATA + 0x180n;
const P = program(exitWith(0), { bytes: new Uint8Array([1, 2, 3, 4]), memsz: 0x2000n, vaddr: DATA_AT });

function words(c: ReturnType<typeof spawn>, va: bigint, n: number): bigint[] {
  const b = c.process.space.copyIn(va, 8 * n)!;
  const dv = new DataView(b.buffer);
  return Array.from({ length: n }, (_, k) => dv.getBigUint64(8 * k, true));
}

function cstring(c: ReturnType<typeof spawn>, va: bigint): string {
  const bytes: number[] = [];
  for (let a = va; ; a++) {
    const b = c.process.space.copyIn(a, 1)![0];
    if (b === 0) return new TextDecoder().decode(new Uint8Array(bytes));
    bytes.push(b);
  }
}

/** The auxiliary vector of a process not yet run, in order. */
function auxv(c: ReturnType<typeof spawn>): [number, bigint][] {
  const sp = c.process.cpu.gr(12) + 16n;
  const table = words(c, sp, Number((STACK_TOP - sp) / 8n));
  let k = Number(table[0]) + 2;
  while (table[k] !== 0n) k++;
  const pairs: [number, bigint][] = [];
  for (k++; ; k += 2) {
    pairs.push([Number(table[k]), table[k + 1]]);
    if (table[k] === 0n) return pairs;
  }
}

describe('the initial stack', () => {
  const c = spawn(P.file, { argv: ['prog', 'a b', ''], env: ['X=1', 'EMPTY='] });
  const cpu = c.process.cpu;
  const sp = cpu.gr(12) + 16n;
  const table = words(c, sp, 8);

  it('puts argc 16 bytes above r12, 16-byte aligned, then argv and envp with their NULLs', () => {
    expect(sp % 16n).toBe(0n);
    expect(table[0]).toBe(3n);
    expect([1, 2, 3].map((k) => cstring(c, table[k]))).toEqual(['prog', 'a b', '']);
    expect(table[4]).toBe(0n);
    expect([5, 6].map((k) => cstring(c, table[k]))).toEqual(['X=1', 'EMPTY=']);
    expect(table[7]).toBe(0n);
  });

  const pairs = auxv(c);
  const aux = new Map(pairs);
  const types = pairs.map(([t]) => t);

  it('ends the auxiliary vector with AT_NULL and gives the values Linux gives', () => {
    expect(types.at(-1)).toBe(AT.NULL);
    expect(aux.get(AT.PAGESZ)).toBe(16384n);
    expect(aux.get(AT.PHENT)).toBe(56n);
    expect(aux.get(AT.PHNUM)).toBe(2n);
    expect(aux.get(AT.ENTRY)).toBe(CODE);
    expect(aux.get(AT.CLKTCK)).toBe(100n);
    for (const t of [AT.UID, AT.EUID, AT.GID, AT.EGID]) expect(aux.get(t)).toBe(1000n);
    expect([aux.get(AT.BASE), aux.get(AT.FLAGS), aux.get(AT.SECURE), aux.get(AT.HWCAP)]).toEqual([0n, 0n, 0n, 0n]);
    expect(cstring(c, aux.get(AT.EXECFN)!)).toBe('prog');
  });

  it('points AT_PHDR at the program headers as mapped with the text', () => {
    const phdr = aux.get(AT.PHDR)!;
    expect(phdr).toBe(TEXT + 64n);
    expect(c.process.space.copyIn(phdr, 112)).toEqual(P.file.subarray(64, 64 + 112));
  });

  it('gives 16 AT_RANDOM bytes on the stack, the same in every run', () => {
    const at = aux.get(AT.RANDOM)!;
    expect(at > sp && at < STACK_TOP).toBe(true);
    const again = spawn(P.file, { argv: ['other'] });
    const atAgain = new Map(auxv(again)).get(AT.RANDOM)!;
    expect(again.process.space.copyIn(atAgain, 16)).toEqual(c.process.space.copyIn(at, 16));
  });

  it('keeps the strings at the top, below a zero word', () => {
    expect(words(c, STACK_TOP - 8n, 1)).toEqual([0n]);
    expect(cstring(c, STACK_TOP - 9n - 4n)).toBe('prog');
    expect(table[1]).toBe(STACK_TOP - 8n - BigInt('prog a b  X=1 EMPTY= prog '.length));
  });

  it('sets the registers as start_thread does', () => {
    expect(cpu.ip).toBe(CODE);
    expect(cpu.psr).toBe(USER_PSR);
    expect(cpu.cpl).toBe(3);
    expect(cpu.r.cfmValue).toBe(0n);
    expect(cpu.r.ar[AR.RSC]).toBe(0xfn);
    expect([cpu.r.ar[AR.BSP], cpu.r.ar[AR.BSPSTORE], cpu.r.ar[AR.RNAT]]).toEqual([RBS_BOTTOM, RBS_BOTTOM, 0n]);
    expect(cpu.r.ar[AR.FPSR]).toBe(FPSR_DEFAULT);
    expect([cpu.gr(1), cpu.gr(8)]).toEqual([0n, 1n]);
  });
});

describe('the mapped areas', () => {
  const c = spawn(P.file);
  const areas = c.process.space.areas.all().map((a) => `${a.name} ${a.start.toString(16)}-${a.end.toString(16)} ${a.prot}${a.grows ?? ''}`);

  it('maps text r-x, data rw-, the NaT page, the stack growing down and the backing store growing up', () => {
    expect(areas).toEqual([
      'NaT page 0-4000 1',
      'text 4000000000000000-4000000000004000 5',
      'data 6000000000000000-6000000000004000 3',
      `backing store ${RBS_BOTTOM.toString(16)}-${(RBS_BOTTOM + PAGE_SIZE).toString(16)} 3up`,
      `stack ${(STACK_TOP - 0x20000n).toString(16)}-${STACK_TOP.toString(16)} 3down`,
    ]);
  });

  it('loads the data segment at its unaligned address with the rest of its memory zero', () => {
    expect(c.process.space.copyIn(DATA_AT, 8)).toEqual(new Uint8Array([1, 2, 3, 4, 0, 0, 0, 0]));
    expect(c.process.space.copyIn(DATA_AT + 0x1ff0n, 16)).toEqual(new Uint8Array(16));
    expect(c.process.brk).toBe(DATA + 0x4000n);
  });

  it('runs the program to its exit', () => {
    expect(finish(c)).toMatchObject({ kind: 'exit', status: 0 });
  });
});

describe('files that cannot run', () => {
  const text = { vaddr: TEXT, data: new Uint8Array(16), memsz: 16n, flags: 5 };
  const refuse = (file: Uint8Array) => () => spawn(file);

  it('takes only static ET_EXEC files for IA-64', () => {
    expect(refuse(executable(TEXT, [text], 3))).toThrow(ExecError);
    expect(refuse(executable(TEXT, [text], 3))).toThrow(/position-independent/);
    expect(refuse(executable(TEXT, [text], 1))).toThrow(/not an executable/);
    expect(refuse(new TextEncoder().encode('#!/bin/sh\n'))).toThrow(ElfError);
    const x86 = executable(TEXT, [text]);
    new DataView(x86.buffer).setUint16(18, 62, true);
    expect(refuse(x86)).toThrow(/not IA-64/);
  });

  it('refuses an interpreter and segments outside user space', () => {
    const interp = executable(TEXT, [text]);
    new DataView(interp.buffer).setUint32(64, 3, true);
    expect(refuse(interp)).toThrow(/dynamically linked/);
    expect(refuse(executable(0xe000000000000000n, [{ ...text, vaddr: 0xe000000000000000n }]))).toThrow(/outside the mappable part/);
    expect(refuse(executable(TEXT, [{ ...text, memsz: 8n }]))).toThrow(/exceeds memory size/);
  });

  it('refuses an argument list over a quarter of the stack limit', () => {
    expect(() => spawn(P.file, { argv: ['prog', 'x'.repeat(3 << 20)] })).toThrow(/argument list too long/);
  });
});
