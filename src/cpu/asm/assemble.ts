// A small assembler in objdump's syntax, encoded from the decoder's own
// tables: assemble() gives each instruction its own bundle and instruction
// group, so branch targets are bundle addresses; assembleBundle() packs
// three instructions into one bundle of a given template (firmware stubs).
//
//   assemble(['mov r2=5', 'loop:', '(p6) br.cond.sptk.few loop'], 0x10000n)
//   assembleBundle('MIB', ['break.m 0x1a0000', 'nop.i 0', 'br.ret.sptk.many b0'])

import { allRows, Flag, InsnDef } from '../decode/table.js';
import { extractOperand, OperandKind } from '../decode/operands.js';
import { insertField, joinBundle } from '../decode/slot.js';
import { arName } from '../disasm/format.js';
import '../decode/decoder.js';

type Value = { kind: 'reg'; prefix: string; n: number } | { kind: 'ind'; file: string; n: number } | { kind: 'num'; v: bigint } | { kind: 'text'; s: string } | { kind: 'label'; name: string };

const AR_BY_NAME = new Map<string, number>();
for (let n = 0; n < 128; n++) AR_BY_NAME.set(arName(n), n);

function parseToken(t: string): Value {
  t = t.trim();
  let m = /^(r|f|p|b|cr|ar)(\d+)$/.exec(t);
  if (m) return { kind: 'reg', prefix: m[1], n: Number(m[2]) };
  if (AR_BY_NAME.has(t) && t.startsWith('ar.k')) return { kind: 'reg', prefix: 'ar', n: AR_BY_NAME.get(t)! };
  m = /^([a-z]*)\[r(\d+)\]$/.exec(t);
  if (m) return { kind: 'ind', file: m[1], n: Number(m[2]) };
  if (/^-?(0x[0-9a-f]+|\d+)$/i.test(t)) return { kind: 'num', v: t.startsWith('-') ? -BigInt(t.slice(1)) : BigInt(t) };
  if (/^[A-Za-z_.][\w.]*$/.test(t) && !t.includes('.') && !['pr', 'ip', 'psr'].includes(t)) return { kind: 'label', name: t };
  return { kind: 'text', s: t };
}

function fits(o: OperandKind, v: Value): boolean {
  switch (o.cls) {
    case 'cst':
      return (v.kind === 'text' && v.s === o.str) || (v.kind === 'reg' && `${v.prefix}${v.n}` === o.str) || (v.kind === 'num' && String(v.v) === o.str);
    case 'reg':
      if (o.str === 'ar') return (v.kind === 'reg' && v.prefix === 'ar') || (v.kind === 'text' && AR_BY_NAME.has(v.s));
      return v.kind === 'reg' && v.prefix === o.str;
    case 'ind':
      return v.kind === 'ind' && v.file === o.str;
    case 'abs':
      return v.kind === 'num' || (v.kind === 'text' && v.s.startsWith('@'));
    case 'rel':
      return v.kind === 'label' || v.kind === 'num';
  }
}

const MBTYPE: Record<string, number> = { '@brcst': 0, '@mix': 8, '@shuf': 9, '@alt': 10, '@rev': 11 };

/** Insert an operand value; verified by extracting it again. */
function insert(o: OperandKind, slot: number, v: bigint): number {
  let width = 0;
  for (const [len] of o.fields) width += len;
  let raw: bigint;
  const x = v >> BigInt(o.scale);
  switch (o.xform) {
    case 'c':
      raw = (1n << BigInt(width)) - 1n - x;
      break;
    case 'plus1':
    case 'minus1':
      raw = x - 1n;
      break;
    case 'plus32':
      raw = x - 32n;
      break;
    case 'inc3': {
      const mag = x < 0n ? -x : x;
      raw = BigInt([16n, 8n, 4n, 1n].indexOf(mag)) | (x < 0n ? 4n : 0n);
      break;
    }
    case 'cnt2c':
      raw = BigInt([0n, 7n, 15n, 16n].indexOf(x));
      break;
    default:
      raw = x;
  }
  raw = BigInt.asUintN(width, raw);
  let s = slot;
  let shift = 0n;
  for (const [len, pos] of o.fields) {
    const part = Number((raw >> shift) & ((1n << BigInt(len)) - 1n));
    s += (part - (Math.floor(s / 2 ** pos) % 2 ** len)) * 2 ** pos;
    shift += BigInt(len);
  }
  if (BigInt(extractOperand(o, s)) !== v) throw new Error(`operand ${o.name} cannot hold ${v}`);
  return s;
}

function baseSlot(d: InsnDef): number {
  return d.bitsLo + d.bitsHi * 2 ** 32;
}

interface Encoded {
  def: InsnDef;
  slot: number;
  /** The L slot for X-unit instructions. */
  lslot?: number;
}

function encode(def: InsnDef, qp: number, vals: Value[], addr: bigint, labels: Map<string, bigint>): Encoded {
  let slot = baseSlot(def) + qp;
  let lslot: number | undefined;
  def.operands.forEach((o, k) => {
    const v = vals[k];
    if (o.cls === 'cst') return;
    let n: bigint;
    if (v.kind === 'reg' || v.kind === 'ind') n = BigInt(v.n);
    else if (v.kind === 'num') n = v.v;
    else if (v.kind === 'label') {
      const t = labels.get(v.name);
      if (t === undefined) throw new Error(`undefined label ${v.name}`);
      n = t - addr;
    } else if (v.kind === 'text' && MBTYPE[v.s] !== undefined) n = BigInt(MBTYPE[v.s]);
    else if (v.kind === 'text') n = BigInt(AR_BY_NAME.get(v.s) ?? NaN);
    else throw new Error('bad operand');
    if (o.xform === 'wide') {
      const w = wide(o.name, n);
      slot += w.x;
      lslot = w.l;
    } else {
      slot = insert(o, slot, n);
    }
  });
  // shl/shr pseudo-ops of dep.z/extr: the length field is 64 - count, implied by the count.
  if (def.flags & Flag.LenEq64MCnt) slot = insertField(slot, 27, 6, 63 - extractOperand(def.operands[2], slot));
  return { def, slot, lslot };
}

/** Split a 64-bit movl immediate, 62-bit break.x immediate or 64-bit brl displacement. */
function wide(name: string, v: bigint): { x: number; l: number } {
  const u = BigInt.asUintN(64, v);
  const bits = (pos: number, len: number) => (u >> BigInt(pos)) & ((1n << BigInt(len)) - 1n);
  let x: bigint;
  let l: bigint;
  if (name === 'IMMU64') {
    x = (bits(0, 7) << 13n) | (bits(7, 9) << 27n) | (bits(16, 5) << 22n) | (bits(21, 1) << 21n) | (bits(63, 1) << 36n);
    l = bits(22, 41);
  } else if (name === 'IMMU62') {
    x = (bits(0, 20) << 6n) | (bits(20, 1) << 36n);
    l = bits(21, 41);
  } else {
    const d = u >> 4n;
    x = ((d & 0xfffffn) << 13n) | (((d >> 59n) & 1n) << 36n);
    l = ((d >> 20n) & ((1n << 39n) - 1n)) << 2n;
  }
  return { x: Number(x), l: Number(l) };
}

function findDef(mnemonic: string, vals: Value[]): InsnDef {
  const cands = allRows().filter((d) => d.name === mnemonic);
  if (!cands.length) throw new Error(`unknown mnemonic ${mnemonic}`);
  for (const d of cands) {
    if (d.operands.length === vals.length && d.operands.every((o, k) => fits(o, vals[k]))) return d;
  }
  throw new Error(`no form of ${mnemonic} takes these operands`);
}

/** One instruction's text, with an optional qualifying predicate, encoded for address addr. */
function encodeLine(text: string, addr: bigint, labels: Map<string, bigint>): Encoded {
  const m = /^(?:\(p(\d+)\)\s*)?(\S+)\s*(.*)$/.exec(text.trim());
  if (!m) throw new Error(`cannot parse instruction: ${text}`);
  const qp = m[1] ? Number(m[1]) : 0;
  const ops = m[3] ? m[3].split(/[,=]/).map(parseToken) : [];
  const def = findDef(m[2], ops);
  if (qp && def.flags & Flag.NoPred) throw new Error(`${m[2]} cannot be predicated`);
  return encode(def, qp, ops, addr, labels);
}

function bundleBytes(template: number, slots: readonly [number, number, number]): Uint8Array {
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  const b = joinBundle(template, ...slots);
  dv.setBigUint64(0, b & ((1n << 64n) - 1n), true);
  dv.setBigUint64(8, b >> 64n, true);
  return out;
}

const NOP: Record<string, string> = { M: 'nop.m 0', I: 'nop.i 0', F: 'nop.f 0', B: 'nop.b 0' };

/** Assemble lines into bundles at base; also returns label addresses. */
export function assemble(lines: readonly string[], base: bigint): { bytes: Uint8Array; labels: Map<string, bigint>; end: bigint } {
  const insns: { text: string; addr: bigint }[] = [];
  const labels = new Map<string, bigint>();
  let addr = base;
  for (const raw of lines) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    const lm = /^([A-Za-z_]\w*):$/.exec(line);
    if (lm) {
      labels.set(lm[1], addr);
      continue;
    }
    insns.push({ text: line, addr });
    addr += 16n;
  }
  const bytes = new Uint8Array(insns.length * 16);
  insns.forEach(({ text, addr: a }, k) => {
    const e = encodeLine(text, a, labels);
    const nop = (u: string) => encodeLine(NOP[u], a, labels).slot;
    let t: number;
    let s: [number, number, number];
    switch (e.def.type) {
      case 'M':
      case 'A':
        [t, s] = [0x01, [e.slot, nop('I'), nop('I')]];
        break;
      case 'I':
        [t, s] = [0x01, [nop('M'), e.slot, nop('I')]];
        break;
      case 'F':
        [t, s] = [0x0d, [nop('M'), e.slot, nop('I')]];
        break;
      case 'B':
        [t, s] = [0x11, [nop('M'), nop('I'), e.slot]];
        break;
      case 'X':
        [t, s] = [0x05, [nop('M'), e.lslot ?? 0, e.slot]];
        break;
    }
    bytes.set(bundleBytes(t, s), k * 16);
  });
  return { bytes, labels, end: addr };
}

/** Templates by objdump's name, each with a stop after slot 2. */
const TEMPLATE_BY_NAME: Record<string, number> = { MII: 0x01, MLX: 0x05, MMI: 0x09, MFI: 0x0d, MMF: 0x0f, MIB: 0x11, MBB: 0x13, BBB: 0x17, MMB: 0x19, MFB: 0x1d };
const UNITS_OF: Record<string, readonly string[]> = { M: ['M', 'A'], I: ['I', 'A'], F: ['F'], B: ['B'] };

/**
 * One bundle of the named template (ending an instruction group) holding
 * the three instructions given for its slots, at address addr (for
 * IP-relative operands). MLX takes one X-unit instruction for slots 1-2:
 * pass it as the second and an empty string as the third.
 */
export function assembleBundle(template: string, insns: readonly [string, string, string], addr = 0n): Uint8Array {
  const t = TEMPLATE_BY_NAME[template];
  if (t === undefined) throw new Error(`unknown template ${template}`);
  const labels = new Map<string, bigint>();
  const slots: [number, number, number] = [0, 0, 0];
  const units = template.split('');
  if (template === 'MLX') {
    const m = encodeLine(insns[0], addr, labels);
    const x = encodeLine(insns[1], addr, labels);
    if (!UNITS_OF.M.includes(m.def.type) || x.def.type !== 'X' || insns[2].trim()) throw new Error('MLX takes an M-unit and an X-unit instruction');
    return bundleBytes(t, [m.slot, x.lslot ?? 0, x.slot]);
  }
  for (let k = 0; k < 3; k++) {
    const e = encodeLine(insns[k], addr, labels);
    if (!UNITS_OF[units[k]].includes(e.def.type)) throw new Error(`slot ${k} of ${template} is ${units[k]}-unit; ${insns[k]} is not`);
    slots[k] = e.slot;
  }
  return bundleBytes(t, slots);
}
