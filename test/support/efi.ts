// A machine with the mock firmware installed, and a caller in emulated code
// that reaches a runtime service the way C does on IA-64: load entry and gp
// from the function descriptor, br.call through b6, find the status in r8.

import { AR } from '../../src/cpu/state.js';
import { assemble } from '../../src/cpu/asm/assemble.js';
import { defaultConfig, MiB } from '../../src/machine/config.js';
import { Machine } from '../../src/machine/machine.js';
import { Firmware, installFirmware, InstallOptions } from '../../src/efi/firmware.js';
import { BUILTIN_PERSONALITIES, Personality } from '../../src/efi/personality.js';

/** Conventional memory well away from the firmware: caller code, its backing store, data for arguments. */
export const CALLER = 0x200000n;
export const BACKING_STORE = 0x300000n;
export const SCRATCH = 0x400000n;

export function firmwareMachine(personality: Personality | string = 'tiano', memory = 4096n * MiB, opts: Partial<InstallOptions> = {}): { m: Machine; fw: Firmware } {
  const m = new Machine(defaultConfig(memory));
  const p = typeof personality === 'string' ? BUILTIN_PERSONALITIES[personality] : personality;
  const fw = installFirmware(m, p, { commandLine: 'console=ttyS0 root=/dev/sda2', ...opts });
  return { m, fw };
}

/**
 * Call through the function descriptor at desc (its address as the caller
 * sees it) with up to eight arguments; base is the caller's code address
 * as fetched (virtual in virtual mode). Returns r8.
 */
export function callThroughDescriptor(m: Machine, desc: bigint, args: readonly bigint[], base = CALLER): bigint {
  const n = args.length;
  const hex = (v: bigint) => `0x${BigInt.asUintN(64, v).toString(16)}`;
  const { bytes, end } = assemble(
    [
      `alloc r32=ar.pfs,${4 + n},4,0`,
      `movl r14=${hex(desc)}`,
      'ld8 r15=[r14]',
      'adds r14=8,r14',
      'mov r33=r1',
      'ld8 r1=[r14]',
      'mov b6=r15',
      ...args.map((a, k) => `movl r${36 + k}=${hex(a)}`),
      'br.call.sptk.many b0=b6',
      'mov r1=r33',
    ],
    base,
  );
  m.writePhys(CALLER, bytes);
  const c = m.cpu;
  // writePhys is a loader's write: the CPU may still hold the previous caller decoded.
  c.invalidateAll();
  c.ip = base;
  c.r.ar[AR.BSP] = BACKING_STORE;
  c.r.ar[AR.BSPSTORE] = BACKING_STORE;
  for (let steps = 0; c.ip !== end && !c.halted; steps++) {
    if (steps > 10_000) throw new Error('the caller did not come back');
    c.run(1);
  }
  return c.gr(8);
}
