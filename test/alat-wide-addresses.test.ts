// ALAT ranges at physical addresses beyond 2^53, as a user address space
// that maps virtual addresses to equal physical ones produces (the stack
// sits near 0x6000100000000000): overlap must still be decided to the byte.

import { describe, expect, it } from 'vitest';
import { Alat, AlatRegType } from '../src/cpu/alat.js';
import { AR, RegisterFile } from '../src/cpu/state.js';

const GR = AlatRegType.General;

function table(): Alat {
  const r = new RegisterFile();
  r.ar[AR.BSP] = 0x800000n;
  r.cfm.sof = 96;
  r.remapAll();
  return new Alat(r);
}

describe('Alat at wide physical addresses', () => {
  const base = 0x60000fffffffc010n;

  it('drops an entry a store overlaps by a single byte', () => {
    const alat = table();
    alat.write(GR, 40, base + 8n, 8);
    alat.invalMultiple(base, 10);
    expect(alat.cmp(GR, 40)).toBe(false);
  });

  it('keeps an entry that a store only touches the edge of', () => {
    const alat = table();
    alat.write(GR, 40, base + 8n, 8);
    alat.invalMultiple(base, 8);
    alat.invalMultiple(base + 16n, 8);
    expect(alat.cmp(GR, 40)).toBe(true);
  });

  it('tells apart addresses that differ only above bit 53', () => {
    const alat = table();
    alat.write(GR, 40, base, 8);
    alat.invalMultiple(base ^ (1n << 60n), 8);
    expect(alat.cmp(GR, 40)).toBe(true);
  });
});
