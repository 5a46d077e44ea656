// Deferral of faults raised by speculative loads (Vol. 2, 5.5.5).
//
// A deferred fault is not raised: the load writes a NaT (NaTVal) and a
// later chk.s branches to recovery code. The processor defers
//   - every fault while PSR.ic is 0 (the interrupted state could not be
//     collected anyway),
//   - every fault while PSR.ed is 1: a handler set IPSR.ed to have the
//     load it returns to defer; the deferral consumes the bit,
//   - references to NaTPage memory and to unimplemented addresses always,
//   - a fault whose class is enabled in DCR (dm: TLB misses, dp: page not
//     present, dk: key miss, dx: key permission, dr: access rights, da:
//     access bit, dd: debug), provided the code has recovery code: in
//     virtual mode the code page's ITLB.ed must be 1; in physical mode
//     there is no ITLB entry to ask and DCR alone decides.
// Anything else (unaligned references, for instance) is raised.

import type { Cpu } from '../cpu.js';
import { GeneralExceptionCode, Interruption, Vector } from '../interruption.js';
import { PSR, psrGet, psrSet } from '../psr.js';
import { CR } from './cr.js';
import { systemOf } from './system.js';

/** The DCR bit enabling deferral of an interruption's class, or -1. */
function dcrBit(intr: Interruption): number {
  switch (intr.vector) {
    case Vector.ALT_DATA_TLB:
    case Vector.DATA_TLB:
    case Vector.VHPT_TRANSLATION:
    case Vector.DATA_NESTED_TLB:
      return 8;
    case Vector.PAGE_NOT_PRESENT:
      return 9;
    case Vector.DATA_KEY_MISS:
      return 10;
    case Vector.KEY_PERMISSION:
      return 11;
    case Vector.DATA_ACCESS_RIGHTS:
      return 12;
    case Vector.DATA_ACCESS_BIT:
      return 13;
    case Vector.DEBUG:
      return 14;
    default:
      return -1;
  }
}

function alwaysDeferred(intr: Interruption): boolean {
  if (intr.vector === Vector.NAT_CONSUMPTION) return true;
  // Unimplemented Data Address: the General Exception vector's Reserved Register/Field code with an address.
  const code = Number(((intr.info.isr ?? 0n) >> 4n) & 0xfn) << 4;
  return intr.vector === Vector.GENERAL_EXCEPTION && code === GeneralExceptionCode.RESERVED_REGISTER_FIELD && intr.info.ifa !== undefined;
}

/** Is the fault intr of a speculative load deferred (true) or raised (false)? */
export function deferSpeculativeFault(c: Cpu, intr: Interruption): boolean {
  if (!((c.psr >> BigInt(PSR.ic)) & 1n)) return true;
  if (psrGet(c.psr, 'ed')) {
    c.psr = psrSet(c.psr, 'ed', 0);
    return true;
  }
  if (alwaysDeferred(intr)) return true;
  const bit = dcrBit(intr);
  if (bit < 0 || !((c.r.cr[CR.DCR] >> BigInt(bit)) & 1n)) return false;
  if (!((c.psr >> BigInt(PSR.it)) & 1n)) return true;
  const t = systemOf(c).translator;
  const e = t.itlb.find(Number((t.rr[Number(c.ip >> 61n)] >> 8n) & 0xffffffn), c.ip);
  return e !== null && e.ed === 1;
}
