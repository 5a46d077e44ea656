// Driving a process: the instruction budget, progress calls, and tracing
// of every retired slot (nops too, not the L half of an MLX bundle, not
// what a taken branch skips).

import { describe, expect, it } from 'vitest';
import { runProcess } from '../src/linux/runner.js';
import { exitWith, program, spawn } from './support/linux.js';

const LOOP = program(['top:', 'br.cond.sptk.few top']);

describe('runProcess', () => {
  it('stops within a bundle of the budget', () => {
    const r = runProcess(spawn(LOOP.file).process, { maxInsns: 5_000_000 });
    expect(r.kind).toBe('limit');
    expect(r.instructions).toBeGreaterThanOrEqual(5_000_000);
    expect(r.instructions).toBeLessThan(5_000_003);
  });

  it('reports progress between chunks once the delay has passed', () => {
    const calls: number[] = [];
    runProcess(spawn(LOOP.file).process, { maxInsns: 3 << 20, progressAfterMs: 0, progress: (n) => calls.push(n) });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0] - (1 << 20)).toBeLessThan(3);
    expect(runProcess(spawn(LOOP.file).process, { maxInsns: 1000, progress: () => calls.push(-1) }).kind).toBe('limit');
    expect(calls).not.toContain(-1);
  });

  it('traces each retired slot once, with its bundle address and slot', () => {
    const p = program(['movl r14=0x10', 'br.cond.sptk.few skip', 'mov r14=1', 'skip:', ...exitWith(0)]);
    const lines: string[] = [];
    const r = runProcess(spawn(p.file).process, { trace: (l) => lines.push(l) });
    expect(r.kind).toBe('exit');
    expect(lines.slice(0, 2)).toEqual(['0x4000000000000100 0  nop.m 0x0', '0x4000000000000100 2  movl r14=0x10']);
    expect(lines).toContain('0x4000000000000110 2  br.few 0x4000000000000130');
    expect(lines.some((l) => l.includes('mov r14=1'))).toBe(false);
    expect(lines).toHaveLength(r.instructions);
  });
});
