// `purgatorio run FILE [ARGS...]`: run a static Linux/ia64 executable in
// user mode. The program's output streams to ours and its exit status
// becomes ours, except for the statuses the run itself gives:
//   3  the program took a fault (a signal under Linux); a report follows
//   4  --max-insns was reached
//   1  the file cannot be run (usage errors)

import { readSync, writeSync } from 'node:fs';
import { ElfError } from '../loader/elf.js';
import { ExecError } from '../linux/errors.js';
import { faultReport } from '../linux/fault-report.js';
import { LinuxProcess, ProcessIo } from '../linux/process.js';
import { runProcess } from '../linux/runner.js';
import { UsageError } from './errors.js';

export const EXIT_FAULT = 3;
export const EXIT_LIMIT = 4;
/** A write to a closed pipe: the status of a process killed by SIGPIPE. */
export const EXIT_SIGPIPE = 128 + 13;

export interface RunArgs {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** Arguments after FILE (argv[1]...). */
  readonly args: readonly string[];
  readonly env: readonly string[];
  readonly maxInsns?: number;
  readonly trace: boolean;
  readonly stats: boolean;
  readonly realTime: boolean;
  /** Compile hot code into traces (false: interpret only). */
  readonly jit?: boolean;
}

/** Where the run's bytes go and come from. */
export interface Host {
  stdout(bytes: Uint8Array): void;
  stderr(bytes: Uint8Array): void;
  stdin(buf: Uint8Array): number;
  /** Whether stderr is a terminal (progress lines are shown only there). */
  readonly stderrIsTty: boolean;
  /** Whether stdout is a terminal (which may be the same one). */
  readonly stdoutIsTty: boolean;
}

class BrokenPipe extends Error {}

function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') throw new BrokenPipe();
      if (code !== 'EAGAIN') throw e;
      pause();
    }
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function pause(): void {
  Atomics.wait(sleeper, 0, 0, 5);
}

function readStdin(buf: Uint8Array): number {
  for (;;) {
    try {
      return readSync(0, buf);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') pause();
      else if (code === 'EOF' || code === 'EBADF') return 0;
      else throw e;
    }
  }
}

export const nodeHost: Host = {
  stdout: (b) => writeAll(1, b),
  stderr: (b) => writeAll(2, b),
  stdin: readStdin,
  stderrIsTty: process.stderr.isTTY === true,
  stdoutIsTty: process.stdout.isTTY === true,
};

/** A decimal instruction count of at least 1. */
export function parseCount(s: string): number {
  if (!/^[1-9][0-9]*$/.test(s) || !Number.isSafeInteger(Number(s))) throw new UsageError(`not an instruction count: ${s}`);
  return Number(s);
}

const utf8 = new TextEncoder();

/** Run the program; resolves to the exit status. */
export function runCommand(a: RunArgs, host: Host = nodeHost): number {
  let progressShown = false;
  const note = (text: string) => {
    clearProgress();
    host.stderr(utf8.encode('purgatorio: ' + text));
  };
  const clearProgress = () => {
    if (progressShown) host.stderr(utf8.encode('\r\x1b[K'));
    progressShown = false;
  };
  const io: ProcessIo = {
    write: (fd, bytes) => {
      if (fd === 2 || host.stdoutIsTty) clearProgress();
      (fd === 1 ? host.stdout : host.stderr)(bytes);
    },
    read: (buf) => host.stdin(buf),
  };
  let p: LinuxProcess;
  try {
    p = new LinuxProcess(a.bytes, {
      argv: [a.file, ...a.args],
      env: a.env,
      io,
      realTime: a.realTime,
      jit: a.jit,
      warn: (line) => note(line + '\n'),
    });
  } catch (e) {
    if (e instanceof ExecError || e instanceof ElfError) throw new UsageError(`${a.file}: ${e.message}`);
    throw e;
  }
  const trace = a.trace ? (line: string) => host.stderr(utf8.encode(line + '\n')) : undefined;
  const progress = host.stderrIsTty
    ? (n: number, s: number) => {
        host.stderr(utf8.encode(`\rpurgatorio: ${n.toLocaleString('en-US')} instructions, ${(n / s / 1e6).toFixed(1)} MIPS`));
        progressShown = true;
      }
    : undefined;
  let result;
  try {
    result = runProcess(p, { maxInsns: a.maxInsns, trace, progress });
  } catch (e) {
    if (e instanceof BrokenPipe) return EXIT_SIGPIPE;
    throw e;
  } finally {
    clearProgress();
  }
  let status: number;
  switch (result.kind) {
    case 'exit':
      status = result.status;
      break;
    case 'fault':
      note(faultReport(p.cpu, result.fault, p.space, p.symbols));
      status = EXIT_FAULT;
      break;
    case 'limit':
      note(`stopped after ${result.instructions.toLocaleString('en-US')} instructions (--max-insns ${a.maxInsns})\n`);
      status = EXIT_LIMIT;
      break;
  }
  if (a.stats) {
    const mips = result.seconds > 0 ? result.instructions / result.seconds / 1e6 : 0;
    const rss = process.resourceUsage().maxRSS / 1024;
    note(`stats: ${result.instructions} instructions in ${result.seconds.toFixed(2)} s, ${mips.toFixed(2)} MIPS, peak RSS ${rss.toFixed(0)} MiB\n`);
  }
  return status;
}
