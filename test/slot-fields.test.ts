// Properties of the slot layer: format fields and operands extract and
// re-insert losslessly, bundles split and join losslessly, and decoding (and
// printing) accepts any 128 bits without throwing.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBundle, decodeSlot } from '../src/cpu/decode/decoder.js';
import { insertOperand, insertWide } from '../src/cpu/decode/encode.js';
import { extractOperand, OperandKind, OPERANDS } from '../src/cpu/decode/operands.js';
import { field, insertField, joinBundle, slotHi, slotLo, splitBundle, splitBundleBig } from '../src/cpu/decode/slot.js';
import { allRows, formatLayouts } from '../src/cpu/decode/table.js';
import { Unit } from '../src/cpu/decode/templates.js';
import { formatInsn, stopAfter } from '../src/cpu/disasm/format.js';

const slot41 = fc.bigInt({ min: 0n, max: (1n << 41n) - 1n }).map(Number);
const bundle128 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });
/** Bits 37-40 hold the major opcode; format fields lie below them. */
const OPCODE_POS = 37;

/** Every bit a list of [position, length] fields covers; fails on overlap. */
function bitsOf(fields: ReadonlyArray<readonly [number, number]>): Set<number> {
  const bits = new Set<number>();
  for (const [pos, len] of fields) {
    for (let b = pos; b < pos + len; b++) {
      expect(bits.has(b), `bit ${b} is in two fields`).toBe(false);
      bits.add(b);
    }
  }
  return bits;
}

/** Every value an operand can hold, as extractOperand returns it. */
function values(o: OperandKind): fc.Arbitrary<number> {
  const w = o.fields.reduce((n, [len]) => n + len, 0);
  const scaled = (a: fc.Arbitrary<number>) => a.map((v) => v * 2 ** o.scale);
  const uint = fc.integer({ min: 0, max: 2 ** w - 1 });
  const sint = fc.integer({ min: -(2 ** (w - 1)), max: 2 ** (w - 1) - 1 });
  switch (o.xform) {
    case 'u':
    case 'c':
      return scaled(uint);
    case 's':
      return scaled(sint);
    case 'minus1':
      return scaled(sint.map((v) => v + 1));
    case 'plus1':
      return scaled(uint.map((v) => v + 1));
    case 'plus32':
      return scaled(uint.map((v) => v + 32));
    case 'inc3':
      return scaled(fc.constantFrom(1, 4, 8, 16, -1, -4, -8, -16));
    case 'cnt2c':
      return scaled(fc.constantFrom(0, 7, 15, 16));
    case 'wide':
      throw new Error(`${o.name} spans two slots`);
  }
}

const kinds = [...OPERANDS.values()];
const fieldKinds = kinds.filter((o) => o.cls !== 'cst' && o.xform !== 'wide');
const wideKinds = kinds.filter((o) => o.xform === 'wide');

describe('format fields', () => {
  const formats = [...formatLayouts()].flatMap(([type, layouts]) =>
    Object.entries(layouts).map(([name, fields]) => ({ name: `${type} ${name}`, fields: Object.entries(fields) })),
  );

  it('are defined for every instruction type', () => {
    expect([...formatLayouts().keys()].sort()).toEqual(['A', 'B', 'F', 'I', 'M', 'X']);
  });

  for (const { name, fields } of formats) {
    it(`${name}: fields lie below the opcode, apart, and round-trip`, () => {
      for (const [key, [pos, len]] of fields) {
        expect(pos >= 0 && len >= 1 && pos + len <= OPCODE_POS, `${key} at [${pos}, ${len}]`).toBe(true);
      }
      bitsOf(fields.map(([, f]) => f));
      fc.assert(
        fc.property(slot41, fc.nat(), (slot, seed) => {
          for (const [, [pos, len]] of fields) {
            const v = seed % 2 ** len;
            const s = insertField(slot, pos, len, v);
            expect(field(s, pos, len)).toBe(v);
            expect(insertField(s, pos, len, field(slot, pos, len))).toBe(slot);
            expect(insertField(slot, pos, len, field(slot, pos, len))).toBe(slot);
          }
        }),
        { numRuns: 50 },
      );
    });
  }
});

describe('operands', () => {
  for (const o of fieldKinds) {
    it(`${o.name}: extract then insert gives back the slot; insert then extract the value`, () => {
      const own = bitsOf(o.fields.map(([len, pos]) => [pos, len] as const));
      for (const b of own) expect(b).toBeLessThan(OPCODE_POS);
      fc.assert(
        fc.property(slot41, values(o), (slot, v) => {
          expect(insertOperand(o, slot, extractOperand(o, slot))).toBe(slot);
          const s = insertOperand(o, slot, v);
          expect(extractOperand(o, s)).toBe(v);
          // No bit outside the operand's fields changes.
          for (let b = 0; b < 41; b++) if (!own.has(b)) expect(field(s, b, 1)).toBe(field(slot, b, 1));
        }),
        { numRuns: 200 },
      );
    });
  }

  it('refuse values they cannot hold', () => {
    for (const o of fieldKinds) {
      const w = o.fields.reduce((n, [len]) => n + len, 0);
      expect(() => insertOperand(o, 0, 2 ** (w + 6) * 2 ** o.scale), o.name).toThrow(RangeError);
      if (o.scale > 0) expect(() => insertOperand(o, 0, 1), o.name).toThrow(RangeError);
    }
  });

  it('constants hold only their extracted value', () => {
    for (const o of kinds.filter((k) => k.cls === 'cst')) {
      expect(insertOperand(o, 12345, extractOperand(o, 12345))).toBe(12345);
      expect(() => insertOperand(o, 0, 1)).toThrow(RangeError);
    }
  });

  for (const o of wideKinds) {
    it(`${o.name}: a two-slot value decodes back from an X slot and its L slot`, () => {
      const row = allRows().find((r) => r.type === 'X' && r.operands.some((p) => p.name === o.name));
      expect(row, `an X row with ${o.name}`).toBeDefined();
      const def = row!;
      const value =
        o.name === 'TGT64'
          ? fc.bigInt({ min: 0n, max: (1n << 60n) - 1n }).map((v) => v << 4n)
          : fc.bigInt({ min: 0n, max: (1n << (o.name === 'IMMU62' ? 62n : 64n)) - 1n });
      let decoded = 0;
      fc.assert(
        fc.property(slot41, slot41, value, (r, l, v) => {
          // A slot carrying the row's fixed bits, the rest random.
          const lo = ((slotLo(r) & ~def.maskLo) | def.bitsLo) >>> 0;
          const hi = (slotHi(r) & ~def.maskHi) | def.bitsHi;
          const [x, l2] = insertWide(o.name, lo + hi * 2 ** 32, l, v);
          const insn = decodeSlot('X', x, l2);
          if (insn.def !== def) return; // an earlier row (a pseudo-op) claimed the encoding
          decoded++;
          expect(insn.imm).toBe(v);
        }),
        { numRuns: 300 },
      );
      expect(decoded).toBeGreaterThan(100);
    });
  }
});

describe('bundles', () => {
  it('split and join losslessly', () => {
    fc.assert(
      fc.property(bundle128, (b) => {
        const [t, s0, s1, s2] = splitBundleBig(b);
        expect(joinBundle(t, s0, s1, s2)).toBe(b);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 31 }), slot41, slot41, slot41, (t, s0, s1, s2) => {
        expect(splitBundleBig(joinBundle(t, s0, s1, s2))).toEqual([t, s0, s1, s2]);
      }),
      { numRuns: 2000 },
    );
  });

  it('split the same from words as from a BigInt', () => {
    fc.assert(
      fc.property(bundle128, (b) => {
        const w = (i: number) => Number((b >> BigInt(32 * i)) & 0xffffffffn);
        expect(splitBundle(w(0), w(1), w(2), w(3))).toEqual(splitBundleBig(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('decode and print from any 128 bits without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.bigInt({ min: 0n, max: (1n << 64n) - 16n }), (bytes, addr) => {
        const bundle = decodeBundle(bytes);
        for (let i = 0; i < 3; i++) {
          expect(typeof formatInsn(bundle.insns[i], addr & ~0xfn)).toBe('string');
          expect(typeof stopAfter(bundle, i)).toBe('boolean');
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('decode any slot on any unit without throwing', () => {
    const units: Unit[] = ['M', 'I', 'F', 'B', 'L', 'X'];
    fc.assert(
      fc.property(fc.constantFrom(...units), slot41, slot41, (unit, slot, l) => {
        const insn = decodeSlot(unit, slot, l);
        expect(insn.slot).toBe(slot);
      }),
      { numRuns: 20_000 },
    );
  });
});
