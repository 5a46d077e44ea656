// Firmware entry points as code: each is one bundle that breaks into the
// TypeScript handler registered for its immediate and returns to the
// caller. Procedures called with br.call (EFI services, SAL_PROC) return
// with br.ret; PAL_PROC's static convention enters with a plain branch and
// a return address in b0, so its stub returns with a plain branch.

import { assembleBundle } from '../cpu/asm/assemble.js';

export const STUB_SIZE = 16n;

export type StubReturn = 'br.ret' | 'br';

export function stubBundle(imm: number, ret: StubReturn, addr: bigint): Uint8Array {
  // br.many is objdump's name for an unpredicated br.cond.sptk.many.
  const branch = ret === 'br.ret' ? 'br.ret.sptk.many b0' : 'br.many b0';
  return assembleBundle('MIB', [`break.m 0x${imm.toString(16)}`, 'nop.i 0', branch], addr);
}
