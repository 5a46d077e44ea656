// A Linux/ia64 process: a CPU in user mode over a UserSpace, with the
// kernel's side of it (system calls, the heap break, descriptors, signal
// bookkeeping) answered here.
//
// System calls arrive as `break 0x100000`: the number in r15, the
// arguments in out0-out5 (GR 32 + CFM.sol + k), the result returned in r8
// with r10 = 0, or the error number in r8 with r10 = -1. Any other break,
// and every fault the kernel would turn into a signal, ends the run.

import { Cpu, CpuFault } from '../cpu/cpu.js';
import { ISR } from '../cpu/interruption.js';
import { PSR } from '../cpu/psr.js';
import { ElfFile } from '../loader/elf.js';
import { SymbolMap } from '../loader/symbols.js';
import { Clocks } from './clock.js';
import { ENOSYS } from './errno.js';
import { buildStack, LoadedImage, loadExecutable, mapFixedAreas, startThread } from './exec.js';
import { DEFAULT_STACK_LIMIT } from './layout.js';
import { syscallName } from './syscall-names.js';
import { SYSCALLS } from './syscalls.js';
import { UserSpace } from './user-space.js';

/** The break immediate of a system call. */
export const SYSCALL_BREAK = 0x100000;

/** ISR.code of a fault raised by lfetch.fault. */
const LFETCH_CODE = 4n;
const PSR_ED = 1n << BigInt(PSR.ed);
const M64 = (1n << 64n) - 1n;

export interface ProcessIo {
  /** Bytes the program wrote to fd 1 or 2. */
  write(fd: number, bytes: Uint8Array): void;
  /** Fill buf from standard input: the count, 0 at its end. */
  read(buf: Uint8Array): number;
}

export interface ProcessOptions {
  /** The program's arguments, argv[0] included. */
  readonly argv: readonly string[];
  readonly env?: readonly string[];
  readonly io: ProcessIo;
  /** Clocks follow the host instead of the instruction count. */
  readonly realTime?: boolean;
  /** Compile hot code into traces (default); false interprets every instruction. */
  readonly jit?: boolean;
  /** How far the memory stack and the register backing store may grow. */
  readonly stackLimit?: bigint;
  /** One-line notes for the user (an unimplemented system call). */
  readonly warn?: (line: string) => void;
}

/** Where a run stands: the program exited, faulted, or used up its instructions. */
export type Outcome = { kind: 'exit'; status: number } | { kind: 'fault'; fault: CpuFault } | { kind: 'running' };

export class LinuxProcess {
  readonly cpu: Cpu;
  readonly space = new UserSpace();
  readonly image: LoadedImage;
  readonly symbols: SymbolMap;
  readonly clocks: Clocks;
  readonly io: ProcessIo;
  readonly fds = new Set([0, 1, 2]);
  readonly sigactions = new Map<number, Uint8Array>();
  sigmask = 0n;
  readonly brkStart: bigint;
  brk: bigint;
  exitStatus: number | null = null;
  private readonly warn: (line: string) => void;
  private readonly warned = new Set<number>();

  constructor(file: Uint8Array, opts: ProcessOptions) {
    const elf = new ElfFile(file);
    this.io = opts.io;
    this.warn = opts.warn ?? (() => {});
    const stackLimit = opts.stackLimit ?? DEFAULT_STACK_LIMIT;
    this.cpu = new Cpu(this.space.memory);
    this.cpu.translator = this.space;
    if (opts.jit === false) this.cpu.traceThreshold = 0;
    this.space.onDiscard = () => this.cpu.invalidateAll();
    this.image = loadExecutable(this.space, elf);
    this.brkStart = this.brk = this.image.brk;
    mapFixedAreas(this.space, stackLimit);
    const sp = buildStack(this.space, this.image, opts.argv, opts.env ?? [], opts.argv[0] ?? '', stackLimit);
    startThread(this.cpu, this.image.entry, sp);
    this.symbols = new SymbolMap(
      elf
        .symbols()
        .filter((s) => s.name !== '' && s.shndx !== 0 && (s.type === 1 || s.type === 2))
        .map((s) => [s.name, s.value] as const),
    );
    this.clocks = new Clocks(opts.realTime ?? false, () => this.cpu.insnCount);
    this.cpu.onBreak = (c, imm, slot) => {
      if (imm !== SYSCALL_BREAK) return false;
      const ip = c.ip;
      this.syscall();
      if (this.exitStatus === null) c.resumeAfter(ip, slot);
      else c.halted = true;
      return true;
    };
    this.cpu.onInterruption = (c, intr, slot) => {
      const isr = intr.info.isr ?? 0n;
      if (!(isr & ISR.NA) || (isr & 0xfn) !== LFETCH_CODE) return false;
      // The kernel sets PSR.ed and restarts a faulting lfetch.fault, which
      // then only updates its base; ed clears when the instruction completes.
      const ip = c.ip;
      const b = c.fetch(ip);
      const fn = b.fns[slot];
      // Other non-access references (fc, probe.fault) carry the same ISR code from a plain translator.
      if (!fn || !b.insns[slot].def?.name.startsWith('lfetch')) return false;
      c.psr |= PSR_ED;
      try {
        fn(c, b.insns[slot]);
      } finally {
        c.psr &= ~PSR_ED;
      }
      c.resumeAfter(ip, slot);
      return true;
    };
  }

  /** Run up to n more instruction slots (a bundle is never split, so a few more may retire). */
  run(n: number): Outcome {
    if (this.exitStatus !== null) return { kind: 'exit', status: this.exitStatus };
    try {
      this.cpu.run(n);
    } catch (e) {
      if (e instanceof CpuFault) return { kind: 'fault', fault: e };
      throw e;
    }
    return this.exitStatus === null ? { kind: 'running' } : { kind: 'exit', status: this.exitStatus };
  }

  exit(status: number): void {
    this.exitStatus = status;
  }

  private syscall(): void {
    const c = this.cpu;
    const nr = c.nat(15) ? -1 : Number(BigInt.asIntN(32, c.gr(15)));
    const base = 32 + c.r.cfm.sol;
    // The kernel hands a NaT argument to the call as -1.
    const args = [0, 1, 2, 3, 4, 5].map((k) => (c.nat(base + k) ? M64 : c.gr(base + k)));
    const call = SYSCALLS.get(nr);
    let result: bigint;
    if (call) {
      result = call(this, args);
    } else {
      if (!this.warned.has(nr)) {
        this.warned.add(nr);
        this.warn(`unimplemented system call ${syscallName(nr) ?? 'unknown'} (${nr}) returns ENOSYS`);
      }
      result = BigInt(-ENOSYS);
    }
    if (result < 0n && result >= -4095n) {
      c.setGr(8, -result);
      c.setGr(10, M64);
    } else {
      c.setGr(8, BigInt.asUintN(64, result));
      c.setGr(10, 0n);
    }
  }
}
