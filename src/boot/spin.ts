// Recognising a CPU that spins forever: purgatory's "for (;;)" after a
// digest mismatch, or a kernel's panic loop. Starting at IP, the static path
// is followed through at most a few bundles; if it returns to IP and every
// instruction on the way has no effect (nop, hint, branch predict, an
// unpredicated branch), the machine can never leave the loop.

import type { Cpu } from '../cpu/cpu.js';

const MAX_BUNDLES = 4;

const INERT = /^(nop|hint)(\.[mifbx])?$|^brp/;
/** Unconditional IP-relative branches as objdump names them ("br.few", "br.cond.sptk.many"...). */
const BRANCH = /^br(\.cond)?(\.(sptk|spnt|dptk|dpnt))?\.(few|many)(\.clr)?$/;

/** Whether the CPU sits in an inescapable loop of no-effect instructions. */
export function isSpinning(c: Cpu): boolean {
  const start = c.ip;
  let ip = start;
  for (let n = 0; n < MAX_BUNDLES; n++) {
    let b;
    try {
      b = c.fetch(ip);
    } catch {
      return false;
    }
    let next = ip + 16n;
    for (let s = 0; s < 3; s++) {
      if (b.fns[s] === null) continue;
      const i = b.insns[s];
      const name = i.def?.name ?? '';
      if (INERT.test(name)) continue;
      if (BRANCH.test(name) && i.def!.format === 'B1' && i.qp === 0) {
        next = (ip + i.imm) & ((1n << 64n) - 1n);
        break;
      }
      return false;
    }
    if (next === start) return true;
    ip = next;
  }
  return false;
}
