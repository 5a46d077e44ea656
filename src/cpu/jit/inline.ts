// Inline code for the commonest instructions in a trace: JavaScript source
// that does what the instruction's semantic function does (exec/*.ts), with
// its operands as constants. Anything not listed here is called as its
// semantic function, and so is every case an inline form does not cover
// (a NaT address, a target outside the frame, a page not in the data
// cache): the code then runs `slow`, which calls the semantic function
// exactly as the interpreter would.
//
// The source is written for V8's 64-bit lowering: values stay in
// BigUint64Array reads wrapped in BigInt.asUintN/asIntN(64, ...), and
// comparisons are made between asIntN(64) values (unsigned ones with the
// sign bit flipped), which V8 compiles to machine words; plain BigInt
// comparisons, variable shifts and Number() conversions would allocate.
//
// In the source: g = GR values, nt = GR NaTs, gm = logical->physical GR
// map, pr/pm likewise for predicates, cf = CFM, c = the CPU, D = the data
// cache, DR/DW its load and store ways, S64/S32 its scratch word. The
// temporaries v, t, p, va, lo, hi, k, e, q are the trace function's: one
// set for all instructions keeps its frame small.

import { ENTRIES } from '../data-cache.js';
import type { Insn } from '../decode/decoder.js';

const SIGN = 1n << 63n;

/** Physical index of GR n: GR0-15 are never renamed. */
function gr(n: number): string {
  return n < 16 ? `${n}` : `gm[${n}]`;
}

function pred(n: number): string {
  return n < 16 ? `${n}` : `pm[${n}]`;
}

function lit(v: bigint): string {
  return v < 0n ? `(-0x${(-v).toString(16)}n)` : `0x${v.toString(16)}n`;
}

/** The condition under which writing GR n faults (r0, or beyond the frame): null when it never does. */
function targetFaults(n: number): string | null {
  if (n === 0) return 'true';
  return n >= 32 ? `cf.sof <= ${n - 32}` : null;
}

/**
 * Write a value and NaT expression to GR n, after the slow-path test for
 * its target. The value is stored before the NaT is computed, which reads
 * only NaTs, so a source that is also the target is read before it changes.
 */
function write(n: number, value: string, nat: string, slow: string): string {
  const faults = targetFaults(n);
  const body = n < 16 ? `g[${n}] = ${value}; nt[${n}] = ${nat};` : `p = gm[${n}]; g[p] = ${value}; nt[p] = ${nat};`;
  return faults === null ? body : `if (${faults}) ${slow} else { ${body} }`;
}

const reg = (n: number) => `g[${gr(n)}]`;
const nat = (n: number) => `nt[${gr(n)}]`;
const u64 = (e: string) => `BigInt.asUintN(64, ${e})`;

/** A1: r1 = r2 op r3 [+/- 1]. */
function a1(name: string, o: readonly number[], slow: string): string | null {
  const [r1, r2, r3] = o;
  const a = reg(r2);
  const b = reg(r3);
  const one = o.length === 4;
  const natOf = `${nat(r2)} | ${nat(r3)}`;
  switch (name) {
    case 'add':
      return write(r1, u64(`${a} + ${b}${one ? ' + 1n' : ''}`), natOf, slow);
    case 'sub':
      return write(r1, u64(`${a} - ${b}${one ? ' - 1n' : ''}`), natOf, slow);
    case 'and':
      return write(r1, u64(`${a} & ${b}`), natOf, slow);
    case 'or':
      return write(r1, u64(`${a} | ${b}`), natOf, slow);
    case 'xor':
      return write(r1, u64(`${a} ^ ${b}`), natOf, slow);
    case 'andcm':
      return write(r1, u64(`${a} & ~${b}`), natOf, slow);
  }
  return null;
}

/** A3/A4/A5: r1 = imm op r3. */
function immediate(name: string, o: readonly number[], imm: bigint, slow: string): string | null {
  const r1 = o[0];
  const r3 = o[2];
  const b = reg(r3);
  switch (name) {
    case 'adds':
    case 'addl':
      return write(r1, u64(`${lit(imm)} + ${b}`), nat(r3), slow);
    case 'sub':
      return write(r1, u64(`${lit(imm)} - ${b}`), nat(r3), slow);
    case 'and':
      return write(r1, u64(`${lit(imm)} & ${b}`), nat(r3), slow);
    case 'or':
      return write(r1, u64(`${lit(imm)} | ${b}`), nat(r3), slow);
    case 'xor':
      return write(r1, u64(`${lit(imm)} ^ ${b}`), nat(r3), slow);
    case 'andcm':
      return write(r1, u64(`${lit(imm)} & ~${b}`), nat(r3), slow);
  }
  return null;
}

/** Relation source for cmp/cmp4 between a (source 2) and b (GR r3), either a register or an immediate. */
function relation(width: string, rel: string, a: string | bigint, b: string): string | null {
  const signed = rel === 'lt' || rel === 'le' || rel === 'gt' || rel === 'ge';
  const ops: Readonly<Record<string, string>> = { eq: '===', ne: '!==', lt: '<', le: '<=', gt: '>', ge: '>=', ltu: '<' };
  const op = ops[rel];
  if (!op) return null;
  // Both sides as int64: signed relations directly, unsigned ones with the sign bit flipped.
  let side: (x: string) => string;
  let constant: (x: bigint) => bigint;
  if (width === 'cmp') {
    side = signed || rel === 'eq' || rel === 'ne' ? (x) => `BigInt.asIntN(64, ${x})` : (x) => `BigInt.asIntN(64, ${x} ^ ${lit(SIGN)})`;
    constant = signed || rel === 'eq' || rel === 'ne' ? (x) => BigInt.asIntN(64, x) : (x) => BigInt.asIntN(64, x ^ SIGN);
  } else {
    side = signed ? (x) => `BigInt.asIntN(32, ${x})` : (x) => `BigInt.asIntN(64, BigInt.asUintN(32, ${x}))`;
    constant = signed ? (x) => BigInt.asIntN(32, x) : (x) => BigInt.asUintN(32, x);
  }
  const left = typeof a === 'bigint' ? lit(constant(a)) : side(a);
  return `${left} ${op} ${side(b)}`;
}

/** cmp/cmp4 of the normal type (A6, A8): a NaT source clears both targets. */
function compare(name: string, format: string, o: readonly number[], imm: bigint): string | null {
  const m = /^(cmp4?)\.(eq|ne|ltu|lt|le|gt|ge)$/.exec(name);
  if (!m || (format !== 'A6' && format !== 'A8')) return null;
  const [p1, p2, , r3] = o;
  if (p1 === p2) return null;
  const rel = relation(m[1], m[2], format === 'A8' ? imm : reg(o[2]), reg(r3));
  if (rel === null) return null;
  const natOf = format === 'A8' ? nat(r3) : `${nat(o[2])} | ${nat(r3)}`;
  const set = (v1: number, v2: number) => (p1 ? `pr[${pred(p1)}] = ${v1};` : '') + (p2 ? ` pr[${pred(p2)}] = ${v2};` : '');
  return `if (${natOf}) { ${set(0, 0)} } else if (${rel}) { ${set(1, 0)} } else { ${set(0, 1)} }`;
}

const MASK = (len: number) => (1n << BigInt(len)) - 1n;

/** I11, I12, I29, A2, I2: shifts and fields with constant counts, extensions, shladd, mix4. */
function fields(name: string, format: string, o: readonly number[], slow: string): string | null {
  const [r1, r2] = o;
  const a = reg(r2);
  switch (`${format} ${name}`) {
    case 'I11 shr.u':
      return write(r1, `${a} >> ${o[2]}n`, nat(r2), slow);
    case 'I11 shr':
      return write(r1, u64(`BigInt.asIntN(64, ${a}) >> ${o[2]}n`), nat(r2), slow);
    case 'I11 extr.u':
      return write(r1, `(${a} >> ${o[2]}n) & ${lit(MASK(o[3]))}`, nat(r2), slow);
    case 'I11 extr': {
      const len = o[2] + o[3] > 64 ? 64 - o[2] : o[3];
      return write(r1, u64(`BigInt.asIntN(${len}, ${a} >> ${o[2]}n)`), nat(r2), slow);
    }
    case 'I12 shl':
      return write(r1, u64(`${a} << ${o[2]}n`), nat(r2), slow);
    case 'I12 dep.z':
      return write(r1, u64(`(${a} & ${lit(MASK(o[3]))}) << ${o[2]}n`), nat(r2), slow);
    case 'A2 shladd':
      return write(r1, u64(`(${a} << ${o[2]}n) + ${reg(o[3])}`), `${nat(r2)} | ${nat(o[3])}`, slow);
    case 'I2 mix4.r':
      return write(r1, u64(`(${a} << 32n) | (${reg(o[2])} & 0xffffffffn)`), `${nat(r2)} | ${nat(o[2])}`, slow);
    case 'I2 mix4.l':
      return write(r1, `(${a} & 0xffffffff00000000n) | (${reg(o[2])} >> 32n)`, `${nat(r2)} | ${nat(o[2])}`, slow);
  }
  const m = /^I29 (zxt|sxt)([124])$/.exec(`${format} ${name}`);
  if (!m) return null;
  const bits = 8 * Number(m[2]);
  return write(r1, m[1] === 'zxt' ? `${a} & ${lit(MASK(bits))}` : u64(`BigInt.asIntN(${bits}, ${a})`), nat(r2), slow);
}

const VIEW: Readonly<Record<number, [string, number]>> = { 1: ['u8', 0], 2: ['u16', 1], 4: ['u32', 2], 8: ['u64', 3] };

/**
 * Split the address in `va` for the data cache: its page's entry e, and
 * whether ways `w` holds it for an aligned access of size bytes.
 */
function lookup(w: string, size: number): string {
  return (
    `S64[0] = va; lo = S32[0]; hi = S32[1]; k = (lo >>> 12) | (hi << 20); e = k & ${ENTRIES - 1};` +
    ` if ((lo & ${size - 1}) === 0 && ${w}.keyLo[e] === k && ${w}.keyHi[e] === hi >>> 12)`
  );
}

/**
 * Plain integer loads (M1-M3): ld1-ld8 with .acq, .bias and hints; and ld.s
 * when it reads a page the data cache holds (it cannot defer then), with
 * PSR.ed clear.
 */
function load(name: string, format: string, o: readonly number[], imm: bigint, slow: string): string | null {
  const m = /^ld([1248])(\.s|\.bias|\.acq)?(\.nt1|\.nta)?$/.exec(name);
  if (!m) return null;
  const speculative = m[2] === '.s';
  const size = Number(m[1]);
  const [r1, r3] = o;
  const update = format === 'M2' ? 'reg' : format === 'M3' ? 'imm' : null;
  if (r1 === 0 || (update && (r1 === r3 || r3 === 0))) return null;
  const faults = [`${nat(r3)} !== 0`];
  if (speculative) faults.push('D.deferAll !== 0');
  for (const n of update ? [r1, r3] : [r1]) if (n >= 32) faults.push(`cf.sof <= ${n - 32}`);
  const [view, shift] = VIEW[size];
  const fast = size === 8 ? `DR.u64[e][(lo & 0xfff) >> 3]` : `BigInt(DR.${view}[e][(lo & 0xfff) >> ${shift}])`;
  const inc = update === 'reg' ? `${reg(o[2])}` : update === 'imm' ? lit(imm) : null;
  const incNat = update === 'reg' ? ` | ${nat(o[2])}` : '';
  // The base update comes before r1 is written (r1 may be the increment register).
  const base = inc === null ? '' : ` q = ${gr(r3)}; g[q] = BigInt.asUintN(64, va + ${inc}); nt[q] = nt[q]${incNat};`;
  const finish = (value: string) => `{ v = ${value};${base} p = ${gr(r1)}; g[p] = v; nt[p] = 0; }`;
  return (
    `if (${faults.join(' || ')}) ${slow} else { va = ${reg(r3)}; ${lookup('DR', size)}` +
    ` ${finish(fast)} else ${speculative ? slow : finish(`D.load(va, ${size})`)} }`
  );
}

/** Plain integer stores (M4, M5): st1-st8 with .rel and hints. */
function store(name: string, format: string, o: readonly number[], imm: bigint, slow: string): string | null {
  const m = /^st([1248])(\.rel)?(\.nta)?$/.exec(name);
  if (!m) return null;
  const size = Number(m[1]);
  const [r3, r2] = o;
  const update = format === 'M5';
  if (update && r3 === 0) return null;
  const faults = [`(${nat(r3)} | ${nat(r2)}) !== 0`];
  if (update && r3 >= 32) faults.push(`cf.sof <= ${r3 - 32}`);
  const [view, shift] = VIEW[size];
  const put =
    size === 8
      ? `DW.u64[e][(lo & 0xfff) >> 3] = ${reg(r2)};`
      : `k = (lo & 0xfff) >> ${shift}; S64[0] = ${reg(r2)}; DW.${view}[e][k] = S32[0];`;
  const base = update ? ` q = ${gr(r3)}; g[q] = BigInt.asUintN(64, va + ${lit(imm)}); nt[q] = 0;` : '';
  return (
    `if (${faults.join(' || ')}) ${slow} else { va = ${reg(r3)}; ${lookup('DW', size)}` +
    ` { ${put} if (c.alat.size !== 0) c.alat.invalMultipleAt(DW.paHi[e], DW.paLo[e] + (lo & 0xfff), ${size}); }` +
    ` else D.store(va, ${size}, ${reg(r2)});${base} }`
  );
}

/** Source for insn with a true qualifying predicate, or null to call its semantic function. */
export function inlineCode(insn: Insn, slow: string): string | null {
  const d = insn.def;
  if (!d) return null;
  const o = insn.ops;
  const name = d.name;
  if (/^(nop|hint)(\.[mibfx])?$/.test(name)) return '';
  switch (d.format) {
    case 'A1':
      return a1(name, o, slow);
    case 'A4':
    case 'A5':
      if (name === 'mov') return d.format === 'A4' ? write(o[0], reg(o[1]), nat(o[1]), slow) : write(o[0], lit(insn.imm), '0', slow);
      return immediate(name, o, insn.imm, slow);
    case 'A3':
      return immediate(name, o, insn.imm, slow);
    case 'X2':
      return name === 'movl' ? write(o[0], lit(insn.imm), '0', slow) : null;
    case 'A6':
    case 'A8':
      return compare(name, d.format, o, insn.imm);
    case 'M1':
    case 'M2':
    case 'M3':
      return load(name, d.format, o, insn.imm, slow);
    case 'M4':
    case 'M5':
      return store(name, d.format, o, insn.imm, slow);
    case 'I21':
      // mov b1 = r2 (hints only guide prediction); a NaT source faults in the slow path.
      return `if (${nat(o[1])} !== 0) ${slow} else r.br[${o[0]}] = ${reg(o[1])};`;
    case 'I22':
      return write(o[0], `r.br[${o[1]}]`, '0', slow);
  }
  return fields(name, d.format, o, slow);
}

/** Whether inline code for insn stores to memory (the trace then checks for code changes). */
export function inlineStores(insn: Insn): boolean {
  return insn.def !== null && (insn.def.format === 'M4' || insn.def.format === 'M5');
}
