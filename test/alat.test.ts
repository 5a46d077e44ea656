// The ALAT on its own: register tags, byte ranges, capacity, and the stack
// position that keeps a stacked register's entry from matching a later
// owner of the same physical register.

import { describe, expect, it } from 'vitest';
import { Alat, AlatRegType } from '../src/cpu/alat.js';
import { UNCACHED_BIT } from '../src/cpu/memory.js';
import { AR, N_STACKED, RegisterFile } from '../src/cpu/state.js';

const GR = AlatRegType.General;
const FR = AlatRegType.Float;

function table() {
  const r = new RegisterFile();
  r.ar[AR.BSP] = 0x800000n;
  r.cfm.sof = 96;
  r.remapAll();
  return { r, alat: new Alat(r) };
}

describe('Alat', () => {
  it('keeps GR and FR tags apart', () => {
    const { alat } = table();
    alat.write(GR, 5, 0x1000n, 8);
    expect(alat.cmp(GR, 5)).toBe(true);
    expect(alat.cmp(FR, 5)).toBe(false);
    alat.write(FR, 5, 0x2000n, 8);
    alat.invalSingle(GR, 5);
    expect([alat.cmp(GR, 5), alat.cmp(FR, 5)]).toEqual([false, true]);
  });

  it('replaces the entry of a register that loads again', () => {
    const { alat } = table();
    alat.write(GR, 5, 0x1000n, 8);
    alat.write(GR, 5, 0x2000n, 4);
    expect(alat.size).toBe(1);
    alat.invalMultiple(0x1000n, 8);
    expect(alat.cmp(GR, 5)).toBe(true);
    alat.invalMultiple(0x2003n, 1);
    expect(alat.cmp(GR, 5)).toBe(false);
  });

  it('removes exactly the entries whose bytes overlap a write', () => {
    const { alat } = table();
    alat.write(GR, 4, 0x1000n, 8);
    alat.write(GR, 5, 0x1008n, 8);
    alat.write(FR, 6, 0x1010n, 16);
    alat.invalMultiple(0x1007n, 2);
    expect([alat.cmp(GR, 4), alat.cmp(GR, 5), alat.cmp(FR, 6)]).toEqual([false, false, true]);
    alat.invalMultiple(0x1020n, 8);
    expect(alat.cmp(FR, 6)).toBe(true);
    alat.invalMultiple(0x101fn | UNCACHED_BIT, 1);
    expect(alat.cmp(FR, 6)).toBe(false);
  });

  it('makes no entry for uncacheable memory', () => {
    const { alat } = table();
    alat.write(GR, 4, 0x1000n | UNCACHED_BIT, 8);
    expect(alat.cmp(GR, 4)).toBe(false);
  });

  it('holds 32 entries and overwrites the oldest first', () => {
    const { alat } = table();
    for (let n = 1; n <= 33; n++) alat.write(GR, n, BigInt(n) << 4n, 8);
    expect(alat.size).toBe(32);
    expect(alat.cmp(GR, 1)).toBe(false);
    expect(alat.cmp(GR, 2)).toBe(true);
    expect(alat.cmp(GR, 33)).toBe(true);
    alat.inval();
    expect(alat.cmp(GR, 33)).toBe(false);
  });

  it('does not match a physical register that a deeper frame owns', () => {
    const { r, alat } = table();
    alat.write(GR, 32, 0x1000n, 8);
    const phys = r.grMap[32];
    // The register stack wraps: a frame 96 registers deeper gets the same physical register.
    r.ar[AR.BSP] += BigInt(N_STACKED) * 8n + 8n; // one RNAT slot crossed on the way
    expect(r.grMap[32]).toBe(phys);
    expect(alat.cmp(GR, 32)).toBe(false);
    alat.write(GR, 32, 0x2000n, 8);
    r.ar[AR.BSP] -= BigInt(N_STACKED) * 8n + 8n;
    expect(alat.cmp(GR, 32)).toBe(true);
    alat.invalMultiple(0x1000n, 8);
    expect(alat.cmp(GR, 32)).toBe(false);
  });

  it('follows a stacked register through rotation and frame moves that keep its stack slot', () => {
    const { r, alat } = table();
    alat.write(GR, 40, 0x1000n, 8);
    // cover: the frame's registers become the caller's; BSP and bof advance by sof together.
    r.ar[AR.BSP] += 8n * 8n;
    r.bof = 8;
    r.remapGr();
    expect(alat.cmp(GR, 32)).toBe(true);
    expect(alat.cmp(GR, 40)).toBe(false);
  });
});
