// Faults a Linux/ia64 process takes: the architectural fault the address
// space raises, the signal it stands for and the report, and the faults
// the kernel absorbs (stack growth, lfetch.fault, speculative loads).

import { describe, expect, it } from 'vitest';
import { Vector } from '../src/cpu/interruption.js';
import { faultReport } from '../src/linux/fault-report.js';
import { STACK_TOP } from '../src/linux/layout.js';
import { DATA, exitWith, finish, program, spawn } from './support/linux.js';

/** Run lines (then exit 0) and return the outcome with the report, if any. */
function run(lines: readonly string[]) {
  const c = spawn(program([...lines, ...exitWith(0)], { bytes: new Uint8Array(8) }).file);
  const r = finish(c);
  const report = r.kind === 'fault' ? faultReport(c.process.cpu, r.fault, c.process.space, c.process.symbols) : '';
  return { c, r, report, vector: r.kind === 'fault' ? r.fault.interruption.vector : null };
}

describe('segmentation faults', () => {
  it('a store into the text: Data Access Rights, with the area in the report', () => {
    const { r, report, vector } = run(['movl r14=0x4000000000000100', 'st8 [r14]=r0']);
    expect(r.kind).toBe('fault');
    expect(vector).toBe(Vector.DATA_ACCESS_RIGHTS);
    expect(report).toMatch(/^segmentation fault \(SIGSEGV\)\n/);
    expect(report).toContain('Data Access Rights fault (0x4000000000000100)');
    expect(report).toContain('text [0x4000000000000000, 0x4000000000004000) r-x');
    expect(report).toMatch(/st8 \[r14\]=r0\s+<-- slot/);
  });

  it('a load from an unmapped address: Data TLB fault', () => {
    const { report, vector } = run(['movl r14=0x1000000', 'ld8 r15=[r14]']);
    expect(vector).toBe(Vector.DATA_TLB);
    expect(report).toContain('Data TLB fault (0x1000000)');
    expect(report).toContain('no translation known');
  });

  it('a load from page zero: NaT Page Consumption; a speculative one gets a NaT', () => {
    expect(run(['ld8 r15=[r0]']).vector).toBe(Vector.NAT_CONSUMPTION);
    expect(run(['lfetch.fault [r0]', 'ld8 r15=[r0]']).vector).toBe(Vector.NAT_CONSUMPTION);
    const { r, c } = run(['ld8.s r16=[r0]', 'tnat.z p6,p7=r16', '(p7) br.cond.sptk.few done', 'break.m 0x80009', 'done:']);
    expect(r).toMatchObject({ kind: 'exit', status: 0 });
    expect(c.process.cpu.nat(16)).toBe(1);
  });

  it('a jump to an unmapped address or into data: instruction faults', () => {
    expect(run(['movl r14=0x4000000000100000', 'mov b6=r14', 'br.few b6']).vector).toBe(Vector.INSTRUCTION_TLB);
    expect(run([`movl r14=0x${DATA.toString(16)}`, 'mov b6=r14', 'br.few b6']).vector).toBe(Vector.INSTRUCTION_ACCESS_RIGHTS);
  });
});

describe('stack growth', () => {
  it('grows the memory stack down to the 8 MiB limit and no further', () => {
    const { r, c } = run(['movl r14=-0x7f0000', 'add r14=r12,r14', 'st8 [r14]=r12']);
    expect(r.kind).toBe('exit');
    const stack = c.process.space.areas.find(STACK_TOP - 1n)!;
    expect(stack.start).toBeLessThanOrEqual(c.process.cpu.gr(12) - 0x7f0000n);
    expect(run(['movl r14=-0x900000', 'add r14=r12,r14', 'st8 [r14]=r12']).vector).toBe(Vector.DATA_TLB);
  });

  it('grows the register backing store as frames spill', () => {
    // 2000 frames of 90 registers each: about 1.4 MiB of backing store.
    const { r, c } = run([
      'mov r16=2000',
      'br.call.sptk.many b0=deep',
      'br.cond.sptk.few out',
      'deep:',
      'alloc r32=ar.pfs,90,90,0',
      'mov r33=b0',
      'adds r16=-1,r16',
      'cmp.eq p6,p7=0,r16',
      '(p7) br.call.sptk.many b0=deep',
      'mov b0=r33',
      'mov.i ar.pfs=r32',
      'br.ret.sptk.many b0',
      'out:',
    ]);
    expect(r.kind).toBe('exit');
    const rbs = c.process.space.areas.all().find((a) => a.name === 'backing store')!;
    expect(rbs.end - rbs.start).toBeGreaterThan(1n << 20n);
  });
});

describe('what the kernel absorbs or signals', () => {
  it('skips a faulting lfetch.fault but still updates its base', () => {
    const { r, c } = run(['movl r14=0x1000000', 'lfetch.fault [r14],16']);
    expect(r.kind).toBe('exit');
    expect(c.process.cpu.gr(14)).toBe(0x1000010n);
  });

  it('still reports a flush of an unmapped line', () => {
    const { vector, report } = run(['movl r14=0x1000000', 'fc r14']);
    expect(vector).toBe(Vector.DATA_TLB);
    expect(report).toMatch(/^segmentation fault \(SIGSEGV\)/);
  });

  it('names the signal of other break immediates', () => {
    expect(run(['break.m 0x1']).report).toMatch(/^integer divide by zero \(SIGFPE\)/);
    expect(run(['break.m 0x0']).report).toMatch(/^break 0 \(abort\) \(SIGILL\)/);
    expect(run(['break.m 0x80000']).report).toMatch(/^breakpoint \(SIGTRAP\)/);
  });

  it('reports a privileged instruction as SIGILL', () => {
    const { vector, report } = run(['rsm 0x4000']);
    expect(vector).toBe(Vector.GENERAL_EXCEPTION);
    expect(report).toMatch(/^privileged instruction \(SIGILL\)/);
  });
});
