// Traces: runs of bundles compiled into one JavaScript function.
//
// A trace starts at a bundle the run loop has entered often and follows the
// fall-through path within its 4 KiB page. Each slot becomes inline code
// (inline.ts) or a direct call of its semantic function, behind an inline
// test of its qualifying predicate, so the per-slot dispatch of the
// interpreter disappears and V8 sees register numbers and immediates as
// constants. A taken branch to a bundle of the trace continues there; any
// other leaves the trace.
//
// A trace keeps the interpreter's observable state: IP is the bundle's
// address whenever a semantic function runs, the retired-slot count is
// exact before every call and at every exit, and a fault leaves IP, the
// slot and the count where the interpreter would (the run loop recovers
// them from Cpu.traceBase and Cpu.traceInsn). It also leaves after a
// bundle that changed the code or the translations it was built under.

import type { Cpu, ExecBundle } from '../cpu.js';
import type { ExecFn } from '../exec/registry.js';
import type { Insn } from '../decode/decoder.js';
import { S32, S64 } from '../data-cache.js';
import { AR } from '../state.js';
import { inlineCode, inlineStores } from './inline.js';

/**
 * Runs the trace from its bundle `at` (0 is the first), retiring at most up
 * to `limit` when it loops; returns the last bundle executed.
 */
export type TraceFn = (c: Cpu, limit: number, at: number) => ExecBundle;

export interface Trace {
  /**
   * The virtual address of the first bundle as 32-bit halves (the same page
   * may be mapped elsewhere), and the trace's length in bytes.
   */
  readonly ipLo: number;
  readonly ipHi: number;
  readonly bytes: number;
  readonly run: TraceFn;
  /** Bundle address and slot of each instruction, by its index in the trace. */
  readonly ipOf: readonly bigint[];
  readonly slotOf: readonly number[];
}

/** Longest trace, in bundles. */
const MAX_BUNDLES = 32;
/** Most slots a trace retires in one straight pass. */
export const MAX_TRACE_INSNS = MAX_BUNDLES * 3;

function hex(v: bigint): string {
  return `0x${v.toString(16)}n`;
}

/** Whether a bundle ends every fall-through path: an unconditional branch or rfi in it. */
function endsPath(b: ExecBundle): boolean {
  for (let s = 0; s < 3; s++) {
    const i = b.insns[s];
    const d = i.def;
    if (!d || b.fns[s] === null || i.qp !== 0) continue;
    if (d.name === 'rfi' || /^br(l)?(\.(cond|few|many|sptk|spnt|dptk|dpnt|clr))*$/.test(d.name) || d.name.startsWith('br.ret') || d.name.startsWith('br.ia')) return true;
  }
  return false;
}

/**
 * The bundles a trace starting at `first` covers: `first` and the bundles
 * after it in the same page, up to MAX_BUNDLES, a bundle that always
 * leaves, or one another trace covers already (each bundle is compiled
 * once, and the run loop enters a trace at any of its bundles).
 */
export function traceBundles(first: ExecBundle, ip: bigint, next: (ip: bigint) => ExecBundle | null): ExecBundle[] {
  const out = [first];
  let b = first;
  let at = ip;
  while (out.length < MAX_BUNDLES && !endsPath(b)) {
    at += 16n;
    if ((at & 0xfffn) === 0n) break;
    const n = next(at);
    if (!n || n.trace !== null) break;
    out.push(n);
    b = n;
  }
  return out;
}

/**
 * Whether a semantic function may change the PSR or the translations, after
 * which the data cache must be checked again: system instructions (M-unit
 * formats from M19 on: moves to CRs, PSR, RRs, TLB inserts and purges),
 * returns (which may lower the privilege level), rfi, epc and bsw.
 */
function mayChangeTranslation(insn: Insn): boolean {
  const d = insn.def;
  if (!d) return false;
  if (d.type === 'M') return Number(d.format.slice(1)) >= 19;
  return d.name.startsWith('br.ret') || d.name === 'rfi' || d.name === 'epc' || d.name.startsWith('bsw');
}

/**
 * IP-relative branches the trace does itself (B1 br.cond, and br.cloop in
 * slot 2, where it is legal), or null.
 */
function directBranch(insn: Insn, slot: number): 'cond' | 'cloop' | null {
  const d = insn.def;
  if (d === null || d.format !== 'B1') return null;
  const m = /^br(\.cond|\.cloop)?(\.(sptk|spnt|dptk|dpnt))?(\.(few|many))?(\.clr)?$/.exec(d.name);
  if (!m) return null;
  if (m[1] !== '.cloop') return 'cond';
  return slot === 2 ? 'cloop' : null;
}

/** Branches whose target the trace may reach without leaving (their semantic function set it). */
function genericBranch(insn: Insn): boolean {
  const d = insn.def;
  return d !== null && (d.type === 'B' || d.type === 'X') && /^brl?\./.test(d.name);
}

/**
 * Compile the bundles at ip, ip+16, ... into a trace. The body is a loop
 * around a switch with one case per bundle, falling through from each to
 * the next, so that a branch to a bundle of the trace continues there.
 * `base` is the retired count before instruction 0 of the current pass:
 * after instruction x the count is base + x + 1.
 */
export function compileTrace(bundles: readonly ExecBundle[], ip: bigint): Trace {
  const fns: ExecFn[] = [];
  const insns: Insn[] = [];
  const ipOf: bigint[] = [];
  const slotOf: number[] = [];
  const first: number[] = [];
  const body: string[] = [];
  const length = bundles.length;
  const end = ip + BigInt(length * 16);
  let maxInsns = 0;
  for (const b of bundles) {
    first.push(maxInsns);
    for (let s = 0; s < 3; s++) if (b.fns[s] !== null) maxInsns++;
  }
  const ipLo = Number(ip & 0xffffffffn);
  const ipHi = Number(ip >> 32n);
  /** Whether any branch continues inside the trace (which then needs a loop around its switch). */
  let loops = false;

  for (let k = 0; k < length; k++) {
    const b = bundles[k];
    const at = ip + BigInt(k * 16);
    const lines: string[] = [];
    let calls = false;
    let stores = false;
    const changed = () => `c.chainEpoch !== e0 || c.translator.generation !== g0`;
    /** Leave with the taken branch to `target` (an expression) after instruction x. */
    const leave = (x: number, target: string) =>
      `{ c.insnCount = base + ${x + 1}; c.branchTarget = ${target}; c.branched = true; c.ip = c.branchTarget; return B[${k}]; }`;
    /** Continue at bundle j (an expression) after instruction x, when the budget allows. */
    const jump = (x: number, j: string, target: string) => {
      loops = true;
      const guard = `base + ${x + 1} + ${maxInsns} <= limit${calls || stores ? ` && !(${changed()})` : ''}`;
      return `{ const j = ${j}; if (${guard}) { base += ${x + 1} - FIRST[j]; c.traceBase = base; pc = j; c.branched = false; continue; } ${leave(x, target)} }`;
    };
    for (let s = 0; s < 3; s++) {
      const fn = b.fns[s];
      if (fn === null) continue;
      const insn = b.insns[s];
      const x = fns.length;
      fns.push(fn);
      insns.push(insn);
      ipOf.push(at);
      slotOf.push(s);
      const guard = b.always[s] || insn.qp === 0 ? '' : `if (pr[${insn.qp < 16 ? insn.qp : `pm[${insn.qp}]`}] === 1) `;
      const direct = directBranch(insn, s);
      if (direct !== null) {
        const target = BigInt.asUintN(64, at + insn.imm) & ~0xfn;
        const inside = target >= ip && target < end;
        const go = inside ? jump(x, `${Number((target - ip) >> 4n)}`, hex(target)) : leave(x, hex(target));
        // br.cloop: taken while LC is not zero, counting it down.
        const taken = direct === 'cloop' ? `if (BigInt.asIntN(64, ar[${AR.LC}]) !== 0n) { ar[${AR.LC}] = BigInt.asUintN(64, ar[${AR.LC}] - 1n); ${go} }` : go;
        lines.push(`${guard}{ ${taken} }`);
        continue;
      }
      const slow = `X(c, base + ${x + 1}, ${x});`;
      const inline = b.always[s] ? null : inlineCode(insn, slow);
      if (inline !== null) {
        // Only code with a slow path can fault (every inline memory access has one).
        if (inline.includes(slow)) lines.push(`c.traceInsn = ${x};`);
        if (inline !== '') lines.push(`${guard}{ ${inline} }`);
        if (inlineStores(insn)) stores = true;
        continue;
      }
      lines.push(`c.traceInsn = ${x};`);
      const call = `c.insnCount = base + ${x + 1}; c.slot = ${s}; F[${x}](c, I[${x}]);`;
      calls = true;
      const sync = mayChangeTranslation(insn) ? ' D.sync();' : '';
      // A branch back into the trace continues in it; its target is split into 32-bit halves to find the bundle.
      const internal = genericBranch(insn)
        ? ` S64[0] = c.branchTarget; const o = (S32[0] - ${ipLo}) >>> 0; if (S32[1] === ${ipHi} && o < ${length * 16}) ${jump(x, 'o >>> 4', 'c.branchTarget')}`
        : '';
      lines.push(`${guard}{ ${call}${sync} if (c.branched) {${internal} c.ip = c.branchTarget; return B[${k}]; } }`);
    }
    // Semantic functions read IP; inline code never does.
    if (calls) lines.unshift(`c.ip = ${hex(at)};`);
    const last = k + 1 < length ? first[k + 1] : maxInsns;
    const exit = `{ c.insnCount = base + ${last}; c.branched = false; c.ip = ${hex(at + 16n)}; return B[${k}]; }`;
    if (k === length - 1) lines.push(exit);
    else if (calls || stores) lines.push(`if (${changed()}) ${exit}`);
    body.push(`case ${k}: // 0x${at.toString(16)}`, ...lines);
  }

  const joined = body.join('\n');
  const source = [
    // The semantic function of instruction x, called as the interpreter calls it.
    'const X = (c, n, x) => { c.insnCount = n; c.ip = IP[x]; c.slot = SLOT[x]; F[x](c, I[x]); };',
    'return function trace(c, limit, at) {',
    'const r = c.r, g = r.gr, nt = r.nat, gm = r.grMap, pr = r.pr, pm = r.prMap, cf = r.cfm, ar = r.ar;',
    // Only what the body uses: the data cache (checked first) and the code and translation epochs.
    ...(/\bD[RW]?\./.test(joined) ? ['const D = c.data, DR = D.r, DW = D.w;', 'D.sync();'] : []),
    ...(joined.includes('e0') ? ['const e0 = c.chainEpoch, g0 = c.translator.generation;'] : []),
    'let base = c.insnCount - FIRST[at], pc = at;',
    'c.traceBase = base;',
    'let v = 0n, va = 0n, p = 0, q = 0, lo = 0, hi = 0, k = 0, e = 0;',
    'c.branched = false;',
    // Branches into the trace need the loop; others only enter at `at`.
    ...(loops ? ['for (;;) {'] : []),
    'switch (pc) {',
    joined,
    '}',
    ...(loops ? ['}'] : []),
    '};',
  ].join('\n');
  const make = new Function('F', 'I', 'B', 'IP', 'SLOT', 'FIRST', 'S64', 'S32', source) as (
    f: ExecFn[],
    i: Insn[],
    b: readonly ExecBundle[],
    ip: bigint[],
    slot: number[],
    first: number[],
    s64: BigUint64Array,
    s32: Uint32Array,
  ) => TraceFn;
  const run = make(fns, insns, bundles, ipOf, slotOf, first, S64, S32);
  const trace: Trace = { ipLo, ipHi, bytes: length * 16, run, ipOf, slotOf };
  bundles.forEach((b, k) => {
    b.trace = trace;
    b.traceAt = k;
  });
  return trace;
}
