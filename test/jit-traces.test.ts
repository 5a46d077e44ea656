// Traces against the interpreter: random programs of the instructions traces
// inline (and some they call), with random registers, NaTs, predicates and
// memory, run once interpreted and once compiled into traces from their
// first entry. Every register, NaT bit, predicate, byte of data, the
// retired count and where the run stopped (the fault, its IP and slot)
// must agree. A loop around the program makes traces branch back into
// themselves.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cpu, CpuFault } from '../src/cpu/cpu.js';
import { PSR_ED } from '../src/cpu/exec/mem-access.js';
import { AR } from '../src/cpu/state.js';
import { AddressSpace } from '../src/machine/address-space.js';
import { SparseMemory } from '../src/machine/ram.js';
import { assembleBundle } from './support/asm.js';

const CODE = 0x10000n;
const DATA = 0x200000n;
const DATA_BYTES = 4096;

/** Registers random instructions write: not the bases r2/r3, the increment r4, sp or tp. */
const TARGETS = [1, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 20, 24, 31, 32, 33, 34, 35, 36, 37, 38, 39];
const SOURCES = [0, 1, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 20, 24, 31, 32, 33, 34, 35, 36, 37, 38, 39];
const PREDS = [0, 1, 6, 7, 8, 9, 16, 17, 18, 40, 63];

const gr = fc.constantFrom(...SOURCES).map((n) => `r${n}`);
const target = fc.constantFrom(...TARGETS).map((n) => `r${n}`);
const pred = fc.constantFrom(...PREDS.filter((p) => p !== 0));
const imm = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });

/** One M- or A-unit instruction (slot 0 of MII/MMI, slot 1 of MMI). */
const mInsn: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('add', 'sub', 'and', 'or', 'xor', 'andcm'), target, gr, gr).map(([o, d, a, b]) => `${o} ${d}=${a},${b}`),
  fc.tuple(fc.constantFrom('add', 'sub'), target, gr, gr).map(([o, d, a, b]) => `${o} ${d}=${a},${b},1`),
  fc.tuple(fc.constantFrom('sub', 'and', 'or', 'xor', 'andcm'), target, imm(-128, 127), gr).map(([o, d, i, b]) => `${o} ${d}=${i},${b}`),
  fc.tuple(target, imm(-8192, 8191), gr).map(([d, i, b]) => `adds ${d}=${i},${b}`),
  fc.tuple(target, imm(-2097152, 2097151), fc.constantFrom('r0', 'r1', 'r3')).map(([d, i, b]) => `addl ${d}=${i},${b}`),
  fc.tuple(target, gr).map(([d, a]) => `mov ${d}=${a}`),
  fc.tuple(target, gr, imm(1, 4), gr).map(([d, a, n, b]) => `shladd ${d}=${a},${n},${b}`),
  fc
    .tuple(fc.constantFrom('cmp', 'cmp4'), fc.constantFrom('eq', 'lt', 'ltu'), pred, pred, gr, gr)
    .filter(([, , p, q]) => p !== q)
    .map(([w, r, p, q, a, b]) => `${w}.${r} p${p},p${q}=${a},${b}`),
  fc
    .tuple(fc.constantFrom('cmp', 'cmp4'), fc.constantFrom('eq', 'lt', 'ltu'), pred, pred, imm(-128, 127), gr)
    .filter(([, , p, q]) => p !== q)
    .map(([w, r, p, q, i, b]) => `${w}.${r} p${p},p${q}=${i},${b}`),
  fc
    .tuple(fc.constantFrom('cmp.eq.unc', 'cmp4.lt.unc', 'cmp.eq.and', 'cmp.ne.or', 'cmp.ne.or.andcm'), pred, pred, gr, gr)
    .filter(([, p, q]) => p !== q)
    .map(([o, p, q, a, b]) => `${o} p${p},p${q}=${a},${b}`),
  fc.tuple(fc.constantFrom('1', '2', '4', '8'), target, fc.constantFrom('r2', 'r3')).map(([s, d, b]) => `ld${s} ${d}=[${b}]`),
  fc.tuple(fc.constantFrom('1', '2', '4', '8'), target, fc.constantFrom(-16, -8, 8, 16)).map(([s, d, i]) => `ld${s} ${d}=[r3],${i}`),
  fc.tuple(fc.constantFrom('4', '8'), target).map(([s, d]) => `ld${s} ${d}=[r2],r4`),
  fc.tuple(fc.constantFrom('ld8.s', 'ld4.s', 'ld4.a', 'ld8.acq'), target).map(([o, d]) => `${o} ${d}=[r2]`),
  fc.tuple(fc.constantFrom('ld8.s', 'ld1.s'), target, fc.constantFrom(-8, 8)).map(([o, d, i]) => `${o} ${d}=[r3],${i}`),
  fc.tuple(fc.constantFrom('1', '2', '4', '8'), fc.constantFrom('r2', 'r3'), gr).map(([s, b, v]) => `st${s} [${b}]=${v}`),
  fc.tuple(fc.constantFrom('1', '2', '4', '8'), gr, fc.constantFrom(-16, -8, 8, 16)).map(([s, v, i]) => `st${s} [r3]=${v},${i}`),
  fc.constant('nop.m 0'),
);

/** One I-unit instruction (slot 1 of MII, slot 2 of MII/MMI). */
const iInsn: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(target, gr, imm(1, 63)).map(([d, a, n]) => `shr.u ${d}=${a},${n}`),
  fc.tuple(target, gr, imm(1, 63)).map(([d, a, n]) => `shr ${d}=${a},${n}`),
  fc.tuple(target, gr, imm(0, 63)).map(([d, a, n]) => `shl ${d}=${a},${n}`),
  fc.tuple(target, gr, imm(0, 63), imm(1, 64)).map(([d, a, p, l]) => `extr.u ${d}=${a},${p},${l}`),
  fc.tuple(target, gr, imm(0, 63), imm(1, 64)).map(([d, a, p, l]) => `extr ${d}=${a},${p},${l}`),
  fc.tuple(target, gr, imm(0, 63), imm(1, 64)).map(([d, a, p, l]) => `dep.z ${d}=${a},${p},${l}`),
  fc.tuple(fc.constantFrom('zxt1', 'zxt2', 'zxt4', 'sxt1', 'sxt2', 'sxt4', 'popcnt'), target, gr).map(([o, d, a]) => `${o} ${d}=${a}`),
  fc.tuple(fc.constantFrom('mix4.r', 'mix4.l', 'mix1.r'), target, gr, gr).map(([o, d, a, b]) => `${o} ${d}=${a},${b}`),
  fc.tuple(target, gr, gr, imm(0, 63)).map(([d, a, b, n]) => `shrp ${d}=${a},${b},${n}`),
  fc.tuple(target, gr, gr).map(([d, a, b]) => `shr.u ${d}=${a},${b}`),
  fc.tuple(pred, pred, gr, imm(0, 63)).filter(([p, q]) => p !== q).map(([p, q, a, n]) => `tbit.z p${p},p${q}=${a},${n}`),
  fc.tuple(fc.integer({ min: 1, max: 7 }), gr).map(([b, a]) => `mov b${b}=${a}`),
  fc.tuple(target, fc.integer({ min: 0, max: 7 })).map(([d, b]) => `mov ${d}=b${b}`),
  fc.constant('nop.i 0'),
);

/** A qualifying predicate for some instructions. */
const qualify = (insn: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom(...PREDS, 0, 0, 0), insn).map(([p, i]) => (p && !/\.unc |^nop/.test(i) ? `(p${p}) ${i}` : i));

type BundleSpec = { template: string; slots: [string, string, string] };

const bundle: fc.Arbitrary<BundleSpec> = fc.oneof(
  fc.tuple(qualify(mInsn), qualify(iInsn), qualify(iInsn)).map(([a, b, c]) => ({ template: 'MII', slots: [a, b, c] as [string, string, string] })),
  fc.tuple(qualify(mInsn), qualify(mInsn), qualify(iInsn)).map(([a, b, c]) => ({ template: 'MMI', slots: [a, b, c] as [string, string, string] })),
  fc
    .tuple(qualify(mInsn), target, fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }))
    .map(([a, d, v]) => ({ template: 'MLX', slots: [a, `movl ${d}=0x${v.toString(16)}`, ''] as [string, string, string] })),
);

/** The program: bundles, then `br.cloop` back to the start (so traces run their loop), then a stop. */
function program(specs: readonly BundleSpec[], skip: { from: number; pred: number } | null): Uint8Array {
  const n = specs.length;
  const out = new Uint8Array((n + 2) * 16);
  specs.forEach((s, k) => {
    const at = CODE + BigInt(k * 16);
    let slots = s.slots;
    // A forward conditional branch over part of the program, in place of the last slot of an MII bundle.
    if (skip && k === skip.from && s.template === 'MII') {
      slots = [slots[0], slots[1], 'nop.b 0'];
      out.set(assembleBundle('MIB', [slots[0], slots[1], `(p${skip.pred}) br.cond.sptk.few 32`], at), k * 16);
      return;
    }
    out.set(assembleBundle(s.template, slots, at), k * 16);
  });
  const loop = CODE + BigInt(n * 16);
  out.set(assembleBundle('MIB', ['nop.m 0', 'nop.i 0', `br.cloop.sptk.few ${-n * 16}`], loop), n * 16);
  out.set(assembleBundle('MII', ['break.m 0x1234', 'nop.i 0', 'nop.i 0'], loop + 16n), (n + 1) * 16);
  return out;
}

interface Start {
  seeds: bigint[];
  nats: number[];
  preds: number[];
  data: Uint8Array;
  r2: number;
  r3: number;
  /** PSR.ed: speculative loads defer. */
  ed: boolean;
}

interface Outcome {
  gr: bigint[];
  nat: number[];
  pr: number[];
  br: bigint[];
  lc: bigint;
  data: number[];
  insns: number;
  stop: string;
}

function runOnce(code: Uint8Array, start: Start, threshold: number): Outcome {
  const ram = new SparseMemory('ram', 0n, 16n << 20n);
  const cpu = new Cpu(new AddressSpace().add(ram));
  cpu.traceThreshold = threshold;
  ram.load(CODE, code);
  ram.load(DATA, start.data);
  cpu.ip = CODE;
  cpu.r.setCfm(12n);
  SOURCES.forEach((n, k) => n && cpu.setGr(n, start.seeds[k % start.seeds.length], start.nats.includes(n) ? 1 : 0));
  cpu.setGr(2, DATA + BigInt(start.r2 * 8));
  cpu.setGr(3, DATA + 64n + BigInt(start.r3 * 8));
  cpu.setGr(4, 8n, start.nats.includes(4) ? 1 : 0);
  for (const p of start.preds) cpu.setPr(p, 1);
  cpu.r.ar[AR.LC] = 3n;
  if (start.ed) cpu.psr |= PSR_ED;
  let stop = '';
  try {
    cpu.run(100_000);
    stop = `limit at 0x${cpu.ip.toString(16)}`;
  } catch (e) {
    if (!(e instanceof CpuFault)) throw e;
    stop = `${e.interruption.kind} at 0x${e.ip.toString(16)} slot ${e.slot}`;
  }
  const data = new Uint8Array(DATA_BYTES);
  ram.readBlock(DATA, data);
  return {
    gr: [...cpu.r.gr],
    nat: [...cpu.r.nat],
    pr: Array.from({ length: 64 }, (_, p) => cpu.pr(p)),
    br: [...cpu.r.br],
    lc: cpu.r.ar[AR.LC],
    data: [...data],
    insns: cpu.insnCount,
    stop,
  };
}

const start: fc.Arbitrary<Start> = fc.record({
  seeds: fc.array(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), { minLength: 4, maxLength: 8 }),
  nats: fc.array(fc.constantFrom(...SOURCES.filter((n) => n !== 0)), { maxLength: 2 }),
  preds: fc.array(fc.constantFrom(...PREDS.filter((p) => p !== 0)), { maxLength: 6 }),
  data: fc.uint8Array({ minLength: DATA_BYTES, maxLength: DATA_BYTES }),
  r2: fc.integer({ min: 0, max: 7 }),
  r3: fc.integer({ min: 0, max: 400 }),
  ed: fc.boolean(),
});

describe('traces agree with the interpreter', () => {
  it('on random programs of inlined and called instructions', () => {
    fc.assert(
      fc.property(
        fc.array(bundle, { minLength: 1, maxLength: 12 }),
        fc.option(fc.record({ from: fc.integer({ min: 0, max: 10 }), pred: fc.constantFrom(0, 6, 7, 16) })),
        start,
        (specs, skip, s) => {
          const code = program(specs, skip);
          const interpreted = runOnce(code, s, 0);
          const traced = runOnce(code, s, 1);
          expect(traced).toEqual(interpreted);
        },
      ),
      { numRuns: 300, seed: 20261125 },
    );
  });

  it('leaves IP, slot and count at the store when a store in a trace takes a machine check', () => {
    // The first pass stores to RAM; the second to an address nothing answers.
    const code = program(
      [
        { template: 'MII', slots: ['st8 [r5]=r6', 'nop.i 0', 'nop.i 0'] },
        { template: 'MLX', slots: ['nop.m 0', 'movl r5=0x40000000', ''] },
      ],
      null,
    );
    const stops = [0, 1].map((threshold) => {
      const ram = new SparseMemory('ram', 0n, 16n << 20n);
      const cpu = new Cpu(new AddressSpace().add(ram));
      cpu.traceThreshold = threshold;
      ram.load(CODE, code);
      cpu.ip = CODE;
      cpu.setGr(5, DATA);
      cpu.r.ar[AR.LC] = 3n;
      const e = (() => {
        try {
          cpu.run(100_000);
        } catch (err) {
          return err;
        }
      })();
      return { error: (e as Error).name, ip: cpu.ip, slot: cpu.slot, insns: cpu.insnCount };
    });
    expect(stops[0]).toEqual({ error: 'MachineCheck', ip: CODE, slot: 0, insns: 9 });
    expect(stops[1]).toEqual(stops[0]);
  });

  it('stops a trace at a fault with the interpreter IP, slot and count', () => {
    // r2 is NaT in the second pass of the loop: the load faults inside the trace.
    const code = program(
      [
        { template: 'MII', slots: ['ld8 r5=[r2]', 'add r6=r5,r6', 'nop.i 0'] },
        { template: 'MMI', slots: ['nop.m 0', 'ld8.s r2=[r9]', 'nop.i 0'] },
      ],
      null,
    );
    const s: Start = { seeds: [1n, 2n, 3n, 4n], nats: [9], preds: [], data: new Uint8Array(DATA_BYTES).fill(7), r2: 0, r3: 0, ed: false };
    const interpreted = runOnce(code, s, 0);
    const traced = runOnce(code, s, 1);
    expect(interpreted.stop).toMatch(/NaT Consumption.* at 0x10000 slot 0/);
    expect(traced).toEqual(interpreted);
  });
});
