// Small Linux/ia64 executables for the user-mode tests: assembled code as
// an r-x text segment at 0x4000000000000000 (entry at its first bundle)
// and an optional rw- data segment at 0x6000000000000000, run as a
// process whose output is collected.

import { LinuxProcess, ProcessOptions } from '../../src/linux/process.js';
import { RunOptions, runProcess, RunResult } from '../../src/linux/runner.js';
import { assemble } from './asm.js';

export const TEXT = 0x4000000000000000n;
/** Where assembled code starts: after the file's headers, which the text segment maps too. */
export const CODE = TEXT + 0x100n;
export const DATA = 0x6000000000000000n;

const PF_X = 1;
const PF_W = 2;
const PF_R = 4;

export interface Segment {
  vaddr: bigint;
  data: Uint8Array;
  memsz: bigint;
  flags: number;
  /** File offset; by default the next one congruent to vaddr modulo 16 KiB. */
  offset?: number;
}

/** An ET_EXEC file: the segments' bytes, then the ELF header and program headers written over offset 0. */
export function executable(entry: bigint, segments: readonly Segment[], type = 2): Uint8Array {
  const phoff = 64;
  let at = phoff + 56 * segments.length;
  const offsets = segments.map((s) => {
    const o = s.offset ?? at + Number((s.vaddr - BigInt(at)) & 0x3fffn);
    at = Math.max(at, o + s.data.length);
    return o;
  });
  const out = new Uint8Array(at);
  segments.forEach((s, i) => out.set(s.data, offsets[i]));
  const dv = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  dv.setUint16(16, type, true);
  dv.setUint16(18, 50, true);
  dv.setUint32(20, 1, true);
  dv.setBigUint64(24, entry, true);
  dv.setBigUint64(32, BigInt(phoff), true);
  dv.setUint32(48, 0x10, true);
  dv.setUint16(52, 64, true);
  dv.setUint16(54, 56, true);
  dv.setUint16(56, segments.length, true);
  dv.setUint16(58, 64, true);
  segments.forEach((s, i) => {
    const p = phoff + 56 * i;
    dv.setUint32(p, 1, true);
    dv.setUint32(p + 4, s.flags, true);
    dv.setBigUint64(p + 8, BigInt(offsets[i]), true);
    dv.setBigUint64(p + 16, s.vaddr, true);
    dv.setBigUint64(p + 24, s.vaddr, true);
    dv.setBigUint64(p + 32, BigInt(s.data.length), true);
    dv.setBigUint64(p + 40, s.memsz, true);
    dv.setBigUint64(p + 48, 0x10000n, true);
  });
  return out;
}

export interface Program {
  readonly file: Uint8Array;
  readonly labels: Map<string, bigint>;
}

/**
 * Lines assembled at CODE (one instruction per bundle; the entry) in a
 * text segment that maps the file from offset 0 at TEXT, as linkers lay
 * out executables; data bytes at DATA or vaddr (memsz may be larger).
 */
export function program(lines: readonly string[], data?: { bytes: Uint8Array; memsz?: bigint; vaddr?: bigint }): Program {
  const { bytes, labels } = assemble(lines, CODE);
  const text = new Uint8Array(Number(CODE - TEXT) + bytes.length);
  text.set(bytes, Number(CODE - TEXT));
  const segments: Segment[] = [{ vaddr: TEXT, data: text, memsz: BigInt(text.length), flags: PF_R | PF_X, offset: 0 }];
  if (data) {
    segments.push({ vaddr: data.vaddr ?? DATA, data: data.bytes, memsz: data.memsz ?? BigInt(data.bytes.length), flags: PF_R | PF_W });
  }
  return { file: executable(CODE, segments), labels };
}

/** Lines that exit_group(status) in a fresh frame. */
export function exitWith(status: number): string[] {
  return ['alloc r2=ar.pfs,1,0,0', `mov r32=${status}`, 'mov r15=1236', 'break.i 0x100000'];
}

export interface Captured {
  readonly process: LinuxProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly warnings: string[];
}

/** A process over file whose output is collected; stdin serves the given text. */
export function spawn(file: Uint8Array, opts: Partial<ProcessOptions> & { stdin?: string } = {}): Captured {
  const out: number[] = [];
  const err: number[] = [];
  const warnings: string[] = [];
  const input = new TextEncoder().encode(opts.stdin ?? '');
  let pos = 0;
  const process = new LinuxProcess(file, {
    argv: ['prog'],
    ...opts,
    io: {
      write: (fd, b) => (fd === 1 ? out : err).push(...b),
      read: (buf) => {
        const n = Math.min(buf.length, input.length - pos);
        buf.set(input.subarray(pos, pos + n));
        pos += n;
        return n;
      },
    },
    warn: (l) => warnings.push(l),
  });
  const text = (b: number[]) => () => new TextDecoder().decode(new Uint8Array(b));
  return { process, stdout: text(out), stderr: text(err), warnings };
}

/** Run a captured process to its end (bounded). */
export function finish(c: Captured, opts: RunOptions = { maxInsns: 10_000_000 }): RunResult {
  return runProcess(c.process, opts);
}
