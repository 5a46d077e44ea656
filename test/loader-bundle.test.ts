// The immediate-field helpers the relocator patches code with, checked
// against the decoder: a value inserted into an instruction must come back
// both from extractImmediate and as the decoded instruction's operand.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBundle } from '../src/cpu/decode/decoder.js';
import { ImmForm, extractImmediate, fitsImmediate, insertImmediate, relaxLd8ToMove } from '../src/loader/bundle.js';
import { LoaderError } from '../src/loader/errors.js';
import { assemble } from './support/asm.js';

interface Case {
  form: ImmForm;
  /** One instruction holding the form, assembled alone in its bundle. */
  insn: string;
  mnemonic: string;
  /** Its slot in that bundle, and the operand index of the immediate. */
  slot: number;
  operand: number;
  /** Bits of the value the form keeps, and the low zero bits it drops. */
  bits: number;
  shift: number;
  /** Whether the form spans the L and X slots. */
  long?: boolean;
  /** The pseudo-op objdump prints for an immediate of 0. */
  zeroAlias?: string;
}

const CASES: Case[] = [
  { form: 'imm14', insn: 'adds r14=1,r3', mnemonic: 'adds', slot: 0, operand: 1, bits: 14, shift: 0, zeroAlias: 'mov' },
  { form: 'imm22', insn: 'addl r15=0,r2', mnemonic: 'addl', slot: 0, operand: 1, bits: 22, shift: 0 },
  { form: 'imm64', insn: 'movl r16=0', mnemonic: 'movl', slot: 2, operand: 1, bits: 64, shift: 0, long: true },
  { form: 'tgt25b', insn: 'chk.s.m r2,0', mnemonic: 'chk.s.m', slot: 0, operand: 1, bits: 21, shift: 4 },
  { form: 'tgt25b', insn: 'chk.s.i r3,0', mnemonic: 'chk.s.i', slot: 1, operand: 1, bits: 21, shift: 4 },
  { form: 'tgt25', insn: 'fchkf.s0 0', mnemonic: 'fchkf.s0', slot: 1, operand: 0, bits: 21, shift: 4 },
  { form: 'tgt25c', insn: 'br.cond.sptk.few 0', mnemonic: 'br.few', slot: 2, operand: 0, bits: 21, shift: 4 },
  { form: 'tgt25c', insn: 'chk.a.nc r4,0', mnemonic: 'chk.a.nc', slot: 0, operand: 1, bits: 21, shift: 4 },
  { form: 'tgt64', insn: 'brl.cond.sptk.many 0', mnemonic: 'brl.many', slot: 2, operand: 0, bits: 60, shift: 4, long: true },
];

function bundleOf(insn: string): Uint8Array {
  return assemble([insn], 0n).bytes;
}

/** The decoded instruction at a slot: its name, immediate operand and the other operands. */
function decoded(buf: Uint8Array, c: Case): { name: string; imm: bigint; ops: readonly number[] } {
  const insn = decodeBundle(buf, 0).insns[c.slot];
  if (!insn.def) throw new Error(`slot ${c.slot} does not decode`);
  return { name: insn.def.name, imm: insn.imm, ops: insn.ops.filter((_, i) => i !== c.operand) };
}

function edgeValues(bits: number, shift: number): bigint[] {
  const max = (1n << BigInt(bits + shift - 1)) - (1n << BigInt(shift));
  const min = -(1n << BigInt(bits + shift - 1));
  const one = 1n << BigInt(shift);
  return [0n, one, -one, max, min, max - one, min + one, 0x5555n << BigInt(shift), -(0x2aaan << BigInt(shift))].filter((v) => v >= min && v <= max);
}

describe.each(CASES)('$form in $mnemonic', (c) => {
  const check = (v: bigint): void => {
    const buf = bundleOf(c.insn);
    const before = decoded(buf, c);
    insertImmediate(buf, 0, c.slot, c.form, v);
    expect(extractImmediate(buf, 0, c.slot, c.form)).toBe(v);
    const after = decoded(buf, c);
    expect(after.name).toBe(v === 0n && c.zeroAlias ? c.zeroAlias : c.mnemonic);
    expect(after.imm).toBe(BigInt.asUintN(64, v));
    // Nothing but the immediate changed.
    if (v !== 0n || !c.zeroAlias) expect(after.ops).toEqual(before.ops);
    for (const other of [0, 1, 2].filter((s) => s !== c.slot && !(c.long && s === 1))) {
      expect(decodeBundle(buf, 0).insns[other].slot).toBe(decodeBundle(bundleOf(c.insn), 0).insns[other].slot);
    }
  };

  it('holds its extreme and patterned values', () => {
    for (const v of edgeValues(c.bits, c.shift)) check(v);
  });

  it('round-trips random values through the decoder', () => {
    const half = 1n << BigInt(c.bits - 1);
    fc.assert(
      fc.property(fc.bigInt({ min: -half, max: half - 1n }), (raw) => check(raw << BigInt(c.shift))),
      { numRuns: 200 },
    );
  });

  it('refuses values the field cannot hold', () => {
    const buf = bundleOf(c.insn);
    if (c.shift) {
      expect(fitsImmediate(c.form, 8n)).toBe(false);
      expect(() => insertImmediate(buf, 0, c.slot, c.form, 8n)).toThrow(/does not fit/);
    }
    if (c.long) {
      expect(fitsImmediate(c.form, -(1n << 63n))).toBe(true);
      expect(fitsImmediate(c.form, (1n << 63n) - 16n)).toBe(true);
    } else {
      const over = 1n << BigInt(c.bits + c.shift - 1);
      expect(fitsImmediate(c.form, over)).toBe(false);
      expect(fitsImmediate(c.form, -over)).toBe(true);
      expect(() => insertImmediate(buf, 0, c.slot, c.form, over)).toThrow(LoaderError);
    }
  });
});

describe('long forms', () => {
  it('accept the MLX pair addressed at slot 1 or slot 2', () => {
    const a = bundleOf('movl r16=0');
    const b = bundleOf('movl r16=0');
    insertImmediate(a, 0, 1, 'imm64', -0x123456789abcdefn);
    insertImmediate(b, 0, 2, 'imm64', -0x123456789abcdefn);
    expect(a).toEqual(b);
    expect(decodeBundle(a, 0).insns[2].imm).toBe(BigInt.asUintN(64, -0x123456789abcdefn));
  });

  it('refuse a bundle that is not MLX, and slot 0', () => {
    expect(() => insertImmediate(bundleOf('adds r14=0,r3'), 0, 2, 'imm64', 1n)).toThrow(/needs an MLX bundle/);
    expect(() => insertImmediate(bundleOf('movl r16=0'), 0, 0, 'tgt64', 16n)).toThrow(/slots 1 and 2/);
  });
});

describe('slot addressing', () => {
  it('patches the bundle at the given offset and refuses slot 3', () => {
    const two = assemble(['adds r14=5,r3', 'adds r15=5,r3'], 0n).bytes;
    insertImmediate(two, 16, 0, 'imm14', -77n);
    expect(decodeBundle(two, 0).insns[0].ops[1]).toBe(5);
    expect(decodeBundle(two, 16).insns[0].ops[1]).toBe(-77);
    expect(() => insertImmediate(two, 0, 3, 'imm14', 1n)).toThrow(/slot 3/);
    expect(() => insertImmediate(two, 32, 0, 'imm14', 1n)).toThrow(/outside/);
  });
});

describe('the LDXMOV relaxation', () => {
  it('turns ld8 rX=[rY] into add rX=r0,rY, keeping the predicate', () => {
    const buf = assemble(['(p6) ld8 r14=[r15]'], 0n).bytes;
    relaxLd8ToMove(buf, 0, 0);
    const insn = decodeBundle(buf, 0).insns[0];
    expect(insn.def?.name).toBe('add');
    expect(insn.ops).toEqual([14, 0, 15]);
    expect(insn.qp).toBe(6);
  });

  it('refuses an instruction that is not a plain ld8', () => {
    expect(() => relaxLd8ToMove(assemble(['ld4 r14=[r15]'], 0n).bytes, 0, 0)).toThrow(/not the ld8/);
    expect(() => relaxLd8ToMove(assemble(['adds r14=0,r3'], 0n).bytes, 0, 0)).toThrow(LoaderError);
  });
});
