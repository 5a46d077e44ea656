// Differential test against the host's IEEE arithmetic: test/fixtures/fp/
// vectors.txt holds fma, multiply, add and subtract in single, double and
// double-extended precision in all four rounding modes, computed by
// gen-vectors.c beside it. The core must give the same bits and flags
// (the host reports no denormal-operand flag, so D is not compared).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maddDefault, maddExact, MaddForm } from '../src/cpu/fp/arith.js';
import { FReg, ONE, ZERO } from '../src/cpu/fp/format.js';
import { fromDouble, fromExtended, fromSingle, toDouble, toExtendedSe, toSingle } from '../src/cpu/fp/memory.js';
import { round } from '../src/cpu/fp/round.js';
import { D, FpEnv, Precision } from '../src/cpu/fp/status.js';

interface Codec {
  pc: Precision;
  /** FPSR.sf0.pc for the dynamic precision (double-extended). */
  pcBits: number;
  decode(hex: string): FReg;
  encode(r: FReg): string;
}

const CODECS: Record<string, Codec> = {
  s: {
    pc: Precision.Single,
    pcBits: 0,
    decode: (h) => fromSingle(parseInt(h, 16)),
    encode: (r) => toSingle(r).toString(16).padStart(8, '0'),
  },
  d: {
    pc: Precision.Double,
    pcBits: 2,
    decode: (h) => fromDouble(BigInt('0x' + h)),
    encode: (r) => toDouble(r).toString(16).padStart(16, '0'),
  },
  e: {
    pc: Precision.Dynamic,
    pcBits: 3,
    decode: (h) => fromExtended(parseInt(h.slice(0, 4), 16), BigInt('0x' + h.slice(4))),
    encode: (r) => toExtendedSe(r).toString(16).padStart(4, '0') + r.sig.toString(16).padStart(16, '0'),
  },
};

const ADD: MaddForm = { negateProduct: false, negateAddend: false };
const SUB: MaddForm = { negateProduct: false, negateAddend: true };

/** FPSR with every trap disabled and sf0 set to rounding rc and precision control pc. */
function fpsr(rc: number, pc: number): bigint {
  return 0x3fn | (BigInt((rc << 4) | (pc << 2)) << 6n);
}

/** The instruction each host operation is: fma f1=a,b,c; fmpy f1=a,b (f2 = f0); fadd/fsub f1=a,c (f4 = f1). */
function compute(codec: Codec, rc: number, op: string, a: FReg, b: FReg, c: FReg): { r: FReg; flags: number } {
  const e = new FpEnv(fpsr(rc, codec.pcBits), 0, codec.pc);
  const f4 = op === 'fma' || op === 'mul' ? b : ONE;
  const f2 = op === 'mul' ? ZERO : c;
  const form = op === 'sub' ? SUB : ADD;
  const special = maddDefault(a, f4, f2, form, e);
  const r = special ?? round(maddExact(a, f4, f2, op !== 'mul', form, e.rc), e);
  return { r, flags: e.flags & ~D };
}

const lines = readFileSync(new URL('./fixtures/fp/vectors.txt', import.meta.url), 'utf8').trim().split('\n');

describe('FP core against host arithmetic', () => {
  for (const prec of ['s', 'd', 'e']) {
    for (let rc = 0; rc < 4; rc++) {
      it(`${prec} precision, rounding ${rc}`, () => {
        const codec = CODECS[prec];
        const mine = lines.filter((l) => l.startsWith(`${prec} ${rc} `));
        expect(mine.length).toBeGreaterThan(100);
        const bad: string[] = [];
        for (const line of mine) {
          const [, , op, a, b, c, want, wantFlags] = line.split(' ');
          const { r, flags } = compute(codec, rc, op, codec.decode(a), codec.decode(b), codec.decode(c));
          const got = codec.encode(r);
          if (got !== want || flags !== parseInt(wantFlags, 16)) bad.push(`${line} -> ${got} ${flags.toString(16)}`);
        }
        expect(bad.slice(0, 10)).toEqual([]);
      });
    }
  }
});
