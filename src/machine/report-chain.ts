// A short call chain for fault reports, recovered without unwind tables and
// therefore a heuristic: the IP, b0, then the stacked registers of the
// current frame and of older frames found by walking the register stack
// downwards from BSP. Each older frame's size of locals comes from a frame
// marker: ar.pfs for the caller of the current function, then the saved
// ar.pfs found in each frame. Compilers keep the saved b0 and ar.pfs next
// to each other among the locals (GCC: b0, then ar.pfs), so a value that
// looks like a frame marker beside a code pointer is taken for the saved
// ar.pfs. Values that point at code with a known symbol are listed.

import type { Cpu } from '../cpu/cpu.js';
import { seq, skipRegs } from '../cpu/rse.js';
import { AR, N_STACKED, unpackCfm } from '../cpu/state.js';

export interface SymbolRef {
  readonly name: string;
  readonly offset: bigint;
}

/** Nearest symbol at or below an address. */
export type SymbolLookup = (addr: bigint) => SymbolRef | undefined;

export interface ChainLink {
  readonly address: bigint;
  readonly symbol: string | null;
  /** Where the value was found: "ip", "b0", "r37", "frame 1 r35 @0x..." (its backing-store slot). */
  readonly source: string;
}

const MAX_FRAMES = 8;
/** A symbol further than this below a value is not taken as the function it points into. */
const MAX_FUNCTION_SIZE = 0x10000n;
/** PFS bits that are reserved: 51:38 and 61:58. */
const PFS_RESERVED = (((1n << 14n) - 1n) << 38n) | (0xfn << 58n);

/** "name+0x40" for a code address with a symbol close enough below it, else null. */
export function symbolText(symbolize: SymbolLookup | undefined, addr: bigint): string | null {
  const s = symbolize?.(addr);
  if (!s || s.offset >= MAX_FUNCTION_SIZE) return null;
  return s.offset === 0n ? s.name : `${s.name}+0x${s.offset.toString(16)}`;
}

/** A bundle address with a symbol. */
function isCode(symbolize: SymbolLookup, v: bigint): boolean {
  return v !== 0n && (v & 0xfn) === 0n && symbolText(symbolize, v) !== null;
}

/** A value that could be a saved ar.pfs: reserved bits clear and a consistent frame marker. */
function isFrameMarker(v: bigint): boolean {
  if (v & PFS_RESERVED) return false;
  const f = unpackCfm(v & ((1n << 38n) - 1n));
  return (
    f.sof > 0 && f.sof <= N_STACKED && f.sol <= f.sof && f.sor <= f.sof &&
    (f.rrbGr === 0 || f.rrbGr < f.sor) && f.rrbFr < 96 && f.rrbPr < 48
  );
}

interface Slot {
  readonly value: bigint;
  readonly where: string;
}

/** The saved ar.pfs among a frame's locals: a frame marker beside a code pointer, preferably after it. */
function savedPfs(symbolize: SymbolLookup, regs: readonly Slot[]): bigint | null {
  const marker = (i: number) => i >= 0 && i < regs.length && isFrameMarker(regs[i].value) && !isCode(symbolize, regs[i].value);
  for (const side of [1, -1]) {
    for (let i = 0; i < regs.length; i++) {
      if (isCode(symbolize, regs[i].value) && marker(i + side)) return regs[i + side].value;
    }
  }
  return null;
}

/** The stacked register whose backing-store slot is a: in the register file if not yet spilled, else in memory. */
function stackedAt(c: Cpu, a: bigint): bigint | null {
  if (a >= c.r.ar[AR.BSPSTORE]) {
    const d = Number(seq(a) - seq(c.r.ar[AR.BSP]));
    return c.r.gr[32 + ((((c.r.bof + d) % N_STACKED) + N_STACKED) % N_STACKED)];
  }
  try {
    return c.load(a, 8);
  } catch {
    return null;
  }
}

export function callChain(c: Cpu, symbolize?: SymbolLookup): ChainLink[] {
  const links: ChainLink[] = [{ address: c.ip, symbol: symbolText(symbolize, c.ip), source: 'ip' }];
  const b0 = c.r.br[0];
  if (b0 !== 0n) links.push({ address: b0, symbol: symbolText(symbolize, b0), source: 'b0' });
  if (!symbolize) return links;
  const list = (regs: readonly Slot[]) => {
    for (const r of regs) {
      if (isCode(symbolize, r.value) && r.value !== links[links.length - 1].address) {
        links.push({ address: r.value, symbol: symbolText(symbolize, r.value), source: r.where });
      }
    }
  };
  const current = Array.from({ length: c.r.cfm.sol }, (_, j) => ({ value: c.gr(32 + j), where: `r${32 + j}` }));
  list(current);
  let pfs = savedPfs(symbolize, current) ?? c.r.ar[AR.PFS];
  let bsp = c.r.ar[AR.BSP];
  for (let frame = 1; frame <= MAX_FRAMES; frame++) {
    const sol = Number((pfs >> 7n) & 0x7fn);
    if (sol === 0) break;
    const base = skipRegs(bsp, -sol);
    const regs: Slot[] = [];
    for (let j = 0; j < sol; j++) {
      const a = skipRegs(base, j);
      const value = stackedAt(c, a);
      if (value === null) break;
      regs.push({ value, where: `frame ${frame} r${32 + j} @0x${a.toString(16)}` });
    }
    list(regs);
    const next = regs.length === sol ? savedPfs(symbolize, regs) : null;
    if (next === null) break;
    pfs = next;
    bsp = base;
  }
  return links;
}
