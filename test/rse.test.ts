// The register stack engine keeps every frame's registers and NaT bits
// across calls far deeper than the 96 physical stacked registers.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addrOfSeq, isRnatSlot, Rse, seq, skipRegs } from '../src/cpu/rse.js';
import { AR, packCfm, RegisterFile, unpackCfm } from '../src/cpu/state.js';

function setup() {
  const r = new RegisterFile();
  const mem = new Map<bigint, bigint>();
  const rse = new Rse(r, {
    load8: (a) => mem.get(a) ?? 0xdeadn,
    store8: (a, v) => void mem.set(a, v),
  });
  // Start the backing store just below an RNAT slot boundary to cross it early.
  const base = 0x10000n + 0x1c0n;
  r.ar[AR.BSP] = base;
  r.ar[AR.BSPSTORE] = base;
  return { r, mem, rse };
}

/** alloc as the instruction does it, without the target write. */
function alloc(r: RegisterFile, rse: Rse, sof: number, sol: number) {
  rse.ensureRoom(sof);
  r.cfm.sof = sof;
  r.cfm.sol = sol;
  r.remapGr();
}

const gr = (r: RegisterFile, n: number) => r.gr[r.grMap[n]];
const setGr = (r: RegisterFile, n: number, v: bigint, nat = 0) => {
  r.gr[r.grMap[n]] = v;
  r.nat[r.grMap[n]] = nat;
};

describe('backing store address arithmetic', () => {
  it('skips the RNAT collection slot of each 64-slot block', () => {
    expect(isRnatSlot(0x1f8n)).toBe(true);
    expect(skipRegs(0x1f0n, 1)).toBe(0x200n);
    expect(skipRegs(0x200n, -1)).toBe(0x1f0n);
    expect(skipRegs(0x0n, 63)).toBe(0x200n);
    for (const s of [0n, 62n, 63n, 126n, 1000n]) expect(seq(addrOfSeq(s))).toBe(s);
  });

  const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
  const low = fc.bigInt({ min: 0n, max: 0xfffn });

  it('skipRegs moves n register slots, RNAT slots not counted', () => {
    fc.assert(
      fc.property(fc.oneof(u64, low), fc.integer({ min: -130, max: 130 }), (a, n) => {
        expect(skipRegs(a, n)).toBe(addrOfSeq(seq(a) + BigInt(n)));
      }),
    );
  });

  it('counts the dirty registers between BSPSTORE and BSP', () => {
    const { r, rse } = setup();
    const near = fc.bigInt({ min: -5000n, max: 5000n });
    fc.assert(
      fc.property(u64, fc.oneof(u64, near), (bspstore, d) => {
        r.ar[AR.BSPSTORE] = bspstore;
        r.ar[AR.BSP] = BigInt.asUintN(64, bspstore + d);
        expect(rse.ndirty()).toBe(Number(seq(r.ar[AR.BSP]) - seq(bspstore)));
      }),
    );
  });
});

describe('the frame marker', () => {
  it('unpacks the fields of Vol. 1, Figure 3-8 and packs them back', () => {
    const bits = (v: bigint, pos: number, len: number) => Number((v >> BigInt(pos)) & ((1n << BigInt(len)) - 1n));
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (v) => {
        const f = unpackCfm(v);
        expect(f).toEqual({
          sof: bits(v, 0, 7), sol: bits(v, 7, 7), sor: bits(v, 14, 4) * 8,
          rrbGr: bits(v, 18, 7), rrbFr: bits(v, 25, 7), rrbPr: bits(v, 32, 6),
        });
        expect(packCfm(f)).toBe(v & ((1n << 38n) - 1n));
      }),
    );
  });
});

describe('calls deeper than the physical register file', () => {
  it('spills and fills every frame with its NaT bits', () => {
    const { r, mem, rse } = setup();
    const depth = 200;
    const frame = 12;
    const stack: bigint[] = [];
    for (let d = 0; d < depth; d++) {
      alloc(r, rse, frame, frame - 2);
      for (let k = 0; k < frame; k++) setGr(r, 32 + k, BigInt(d * 1000 + k), (d + k) % 7 === 0 ? 1 : 0);
      // br.call: outputs r42, r43 become the callee's r32, r33.
      const pfs = r.cfmValue;
      rse.call();
      expect(r.cfm.sof).toBe(2);
      // Remember the caller's marker the way PFS would.
      stack.push(pfs);
    }
    expect(mem.size).toBeGreaterThan(depth * 10 - 96);
    for (let d = depth - 1; d >= 0; d--) {
      rse.ret(stack.pop()!);
      for (let k = 0; k < frame - 2; k++) {
        expect(gr(r, 32 + k)).toBe(BigInt(d * 1000 + k));
        expect(r.nat[r.grMap[32 + k]]).toBe((d + k) % 7 === 0 ? 1 : 0);
      }
    }
    expect(r.ar[AR.BSP]).toBe(0x10000n + 0x1c0n);
  });

  it('flushrs writes every dirty register and leaves BSPSTORE at BSP', () => {
    const { r, mem, rse } = setup();
    alloc(r, rse, 8, 8);
    for (let k = 0; k < 8; k++) setGr(r, 32 + k, BigInt(k + 1));
    rse.call();
    rse.flush();
    expect(r.ar[AR.BSPSTORE]).toBe(r.ar[AR.BSP]);
    const first = 0x10000n + 0x1c0n;
    for (let k = 0; k < 8; k++) expect(mem.get(skipRegs(first, k))).toBe(BigInt(k + 1));
  });
});
