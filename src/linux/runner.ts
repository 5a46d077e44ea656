// Driving a process to its end: in large chunks normally, one bundle at a
// time when tracing, within an optional instruction budget, with a
// progress callback for long runs.

import { CpuFault, ExecBundle } from '../cpu/cpu.js';
import { formatInsn } from '../cpu/disasm/format.js';
import { LinuxProcess } from './process.js';

export interface RunOptions {
  /** Stop after this many instruction slots. */
  readonly maxInsns?: number;
  /** Receives a line for every instruction executed: IP, slot, disassembly. */
  readonly trace?: (line: string) => void;
  /** Called now and then during long runs. */
  readonly progress?: (instructions: number, seconds: number) => void;
  /** When progress may first be called; a second by default, so short runs show none. */
  readonly progressAfterMs?: number;
}

export type RunResult = (
  | { kind: 'exit'; status: number }
  | { kind: 'fault'; fault: CpuFault }
  | { kind: 'limit' }
) & { readonly instructions: number; readonly seconds: number };

/** Instruction slots per chunk between checks of the clock and the budget. */
const CHUNK = 1 << 20;
const PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 250;

export function runProcess(p: LinuxProcess, opts: RunOptions = {}): RunResult {
  const cpu = p.cpu;
  const start = performance.now();
  const first = cpu.insnCount;
  const budget = opts.maxInsns ?? Infinity;
  let nextProgress = start + (opts.progressAfterMs ?? PROGRESS_AFTER_MS);
  const done = () => ({ instructions: cpu.insnCount - first, seconds: (performance.now() - start) / 1000 });
  for (;;) {
    const left = budget - (cpu.insnCount - first);
    if (left <= 0) return { kind: 'limit', ...done() };
    const out = opts.trace ? traceBundle(p, opts.trace) : p.run(Math.min(CHUNK, left));
    if (out.kind !== 'running') return { ...out, ...done() };
    if (opts.progress && !opts.trace) {
      const now = performance.now();
      if (now >= nextProgress) {
        opts.progress(cpu.insnCount - first, (now - start) / 1000);
        nextProgress = now + PROGRESS_EVERY_MS;
      }
    }
  }
}

/** Run one bundle and trace the slots it retired. */
function traceBundle(p: LinuxProcess, trace: (line: string) => void) {
  const cpu = p.cpu;
  const ip = cpu.ip;
  let slot = cpu.startSlot;
  const before = cpu.insnCount;
  let bundle: ExecBundle | null = null;
  try {
    bundle = cpu.fetch(ip);
  } catch {
    // The fetch faults again inside run(), which reports it.
  }
  const out = p.run(1);
  if (bundle) {
    const at = '0x' + ip.toString(16).padStart(16, '0');
    for (let n = cpu.insnCount - before; n > 0 && slot < 3; slot++) {
      if (bundle.fns[slot] === null) continue;
      trace(`${at} ${slot}  ${formatInsn(bundle.insns[slot], ip).trimStart()}`);
      n--;
    }
  }
  return out;
}
