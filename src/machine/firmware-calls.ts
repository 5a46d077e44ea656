// Calls from emulated code into TypeScript: firmware entry points are ROM
// stubs that execute `break.m IMM` with an immediate in a reserved range,
// so EFI runtime services, SAL and PAL procedures are ordinary function
// descriptors to the code that calls them. The handler runs with the
// caller's frame current (arguments in in0-in7 = r32-r39, return in r8-r11)
// and execution resumes after the break, where the stub returns through b0.

import type { Cpu } from '../cpu/cpu.js';

/** First break immediate reserved for firmware calls (Linux system calls use 0x100000). */
export const FW_BREAK_BASE = 0x1a0000;
export const FW_BREAK_COUNT = 0x1000;

export type FirmwareCall = (c: Cpu) => void;

export class FirmwareCalls {
  private readonly handlers: (FirmwareCall | undefined)[] = [];
  private readonly names: string[] = [];

  /** Register a handler; returns the break immediate its stub must use. */
  register(name: string, fn: FirmwareCall): number {
    const n = this.handlers.length;
    if (n >= FW_BREAK_COUNT) throw new Error('too many firmware calls');
    this.handlers.push(fn);
    this.names.push(name);
    return FW_BREAK_BASE + n;
  }

  /** The handler for a break immediate, if it is a firmware call. */
  lookup(imm: number): FirmwareCall | undefined {
    return imm >= FW_BREAK_BASE && imm < FW_BREAK_BASE + FW_BREAK_COUNT ? this.handlers[imm - FW_BREAK_BASE] : undefined;
  }

  nameOf(imm: number): string | undefined {
    return this.names[imm - FW_BREAK_BASE];
  }
}

/** Argument n (0-7) of a firmware call: the caller's out registers are the callee's r32+. */
export function fwArg(c: Cpu, n: number): bigint {
  return c.gr(32 + n);
}
