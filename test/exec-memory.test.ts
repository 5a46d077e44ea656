// Integer loads and stores (Vol. 3, "ld", "st"): sizes and zero extension,
// base update, spill and fill through ar.unat, the 16-byte forms, byte
// order, alignment and the NaT rules; and a semantic for every M-unit
// integer memory row.

import { describe, expect, it } from 'vitest';
import { Cpu } from '../src/cpu/cpu.js';
import { allRows } from '../src/cpu/decode/table.js';
import { semanticFor } from '../src/cpu/exec/registry.js';
import { Vector } from '../src/cpu/interruption.js';
import { PSR } from '../src/cpu/psr.js';
import { AR } from '../src/cpu/state.js';
import { runToFault } from './support/fault.js';
import { DATA, run } from './support/machine.js';

const PATTERN = 0xf1f2f3f4f5f6f7f8n;
const M64 = (1n << 64n) - 1n;
const bit = (f: keyof typeof PSR) => 1n << BigInt(PSR[f]);
const peek = (c: Cpu, a: bigint, size = 8) => c.mem.read(a, size);
const poke = (c: Cpu, a: bigint, v: bigint, size = 8) => c.mem.write(a, size, v);

describe('ld', () => {
  it('zero-extends every size and clears the target NaT', () => {
    const { cpu } = run(['ld1 r4=[r2]', 'ld2 r5=[r2]', 'ld4 r6=[r2]', 'ld8 r7=[r2]'], (c) => {
      poke(c, DATA, PATTERN);
      c.setGr(2, DATA);
      for (const r of [4, 5, 6, 7]) c.setGr(r, 0x55n, 1);
    });
    expect([4, 5, 6, 7].map((r) => cpu.gr(r))).toEqual([0xf8n, 0xf7f8n, 0xf5f6f7f8n, PATTERN]);
    expect([4, 5, 6, 7].map((r) => cpu.nat(r))).toEqual([0, 0, 0, 0]);
  });

  it('reads as plain loads with .bias, .acq and every hint', () => {
    const { cpu } = run(['ld4.bias r4=[r2]', 'ld8.acq.nta r5=[r2]', 'ld2.d7 r6=[r2]', 'ld1.nt1 r7=[r2],1'], (c) => {
      poke(c, DATA, PATTERN);
      c.setGr(2, DATA);
    });
    expect([cpu.gr(4), cpu.gr(5), cpu.gr(6), cpu.gr(7)]).toEqual([0xf5f6f7f8n, PATTERN, 0xf7f8n, 0xf8n]);
  });

  it('post-increments by a register, wrapping modulo 2^64, after the access', () => {
    const { cpu } = run(['ld8 r4=[r2],r3', 'ld8 r5=[r2],r3'], (c) => {
      poke(c, DATA, 1n);
      poke(c, DATA - 8n, 2n);
      c.setGr(2, DATA);
      c.setGr(3, M64 - 7n); // -8
    });
    expect([cpu.gr(4), cpu.gr(5), cpu.gr(2)]).toEqual([1n, 2n, DATA - 16n]);
  });

  it('post-increments by the imm9 extremes 255 and -256', () => {
    const { cpu } = run(['ld1 r4=[r2],255', 'ld1 r5=[r2],-256'], (c) => {
      poke(c, DATA, 7n, 1);
      poke(c, DATA + 255n, 9n, 1);
      c.setGr(2, DATA);
    });
    expect([cpu.gr(4), cpu.gr(5), cpu.gr(2)]).toEqual([7n, 9n, DATA - 1n]);
  });

  it('may use the increment register as its target: the increment is read first', () => {
    const { cpu } = run(['ld8 r3=[r2],r3'], (c) => {
      poke(c, DATA, 0x99n);
      c.setGr(2, DATA);
      c.setGr(3, 16n);
    });
    expect([cpu.gr(3), cpu.gr(2)]).toEqual([0x99n, DATA + 16n]);
  });

  it('passes a NaT increment register to the base without a fault', () => {
    const { cpu } = run(['ld8 r4=[r2],r3'], (c) => {
      poke(c, DATA, 5n);
      c.setGr(2, DATA);
      c.setGr(3, 8n, 1);
    });
    expect([cpu.gr(4), cpu.nat(4), cpu.gr(2), cpu.nat(2)]).toEqual([5n, 0, DATA + 8n, 1]);
  });

  it('faults on a NaT base before changing anything', () => {
    const { cpu, fault } = runToFault(['ld8 r4=[r2],8'], (c) => {
      c.setGr(2, DATA, 1);
      c.setGr(4, 3n);
    });
    expect(fault.interruption.vector).toBe(Vector.NAT_CONSUMPTION);
    expect([cpu.gr(4), cpu.gr(2), cpu.nat(2)]).toEqual([3n, DATA, 1]);
  });

  it('is an Illegal Operation when the target is the updated base, or the base is r0', () => {
    for (const line of ['ld8 r2=[r2],8', 'ld8 r4=[r0],8', 'ld8 r4=[r0],r3']) {
      const { fault } = runToFault([line], (c) => c.setGr(2, DATA));
      expect(fault.interruption.vector).toBe(Vector.GENERAL_EXCEPTION);
      expect(fault.interruption.kind).toMatch(/Illegal Operation/);
    }
  });

  it('faults writing r0', () => {
    const { fault } = runToFault(['ld8 r0=[r2]'], (c) => c.setGr(2, DATA));
    expect(fault.interruption.kind).toMatch(/Illegal Operation/);
  });

  it('reads unaligned data unless PSR.ac is set', () => {
    const { cpu } = run(['ld8 r4=[r2]'], (c) => {
      poke(c, DATA, PATTERN);
      poke(c, DATA + 8n, 0xaan);
      c.setGr(2, DATA + 1n);
    });
    expect(cpu.gr(4)).toBe(0xaaf1f2f3f4f5f6f7n);
    const { fault } = runToFault(['ld4 r4=[r2]'], (c) => {
      c.psr |= bit('ac');
      c.setGr(2, DATA + 2n);
    });
    expect(fault.interruption.vector).toBe(Vector.UNALIGNED_REFERENCE);
  });

  it('reads big-endian when PSR.be is set', () => {
    const { cpu } = run(['ld1 r4=[r2]', 'ld2 r5=[r2]', 'ld4 r6=[r2]', 'ld8 r7=[r2]'], (c) => {
      c.psr |= bit('be');
      poke(c, DATA, 0x0807060504030201n);
      c.setGr(2, DATA);
    });
    expect([cpu.gr(4), cpu.gr(5), cpu.gr(6), cpu.gr(7)]).toEqual([1n, 0x0102n, 0x01020304n, 0x0102030405060708n]);
  });
});

describe('st', () => {
  it('writes the low bytes of every size', () => {
    const { cpu } = run(['st1 [r2]=r3', 'st2 [r4]=r3', 'st4 [r5]=r3', 'st8.rel [r6]=r3'], (c) => {
      for (let k = 0n; k < 4n; k++) poke(c, DATA + 16n * k, M64);
      c.setGr(2, DATA);
      c.setGr(4, DATA + 16n);
      c.setGr(5, DATA + 32n);
      c.setGr(6, DATA + 48n);
      c.setGr(3, 0x1122334455667788n);
    });
    expect([0n, 16n, 32n, 48n].map((o) => peek(cpu, DATA + o))).toEqual([
      0xffffffffffffff88n, 0xffffffffffff7788n, 0xffffffff55667788n, 0x1122334455667788n,
    ]);
  });

  it('post-increments by imm9 after the store and stores the old base when it is also the value', () => {
    const { cpu } = run(['st8 [r2]=r2,-256', 'st4.nta [r2]=r3,255'], (c) => {
      c.setGr(2, DATA + 0x100n);
      c.setGr(3, 0xabcdn);
    });
    expect(peek(cpu, DATA + 0x100n)).toBe(DATA + 0x100n);
    expect(peek(cpu, DATA, 4)).toBe(0xabcdn);
    expect(cpu.gr(2)).toBe(DATA + 255n);
  });

  it('stores through r0 to address 0', () => {
    const { cpu } = run(['st8 [r0]=r3'], (c) => c.setGr(3, 0x42n));
    expect(peek(cpu, 0n)).toBe(0x42n);
  });

  it('is an Illegal Operation when the updated base is r0', () => {
    const { cpu, fault } = runToFault(['st8 [r0]=r3,8'], (c) => c.setGr(3, 0x42n));
    expect(fault.interruption.kind).toMatch(/Illegal Operation/);
    expect(peek(cpu, 0n)).toBe(0n);
  });

  it('faults on a NaT value or base without writing memory', () => {
    for (const [natReg, line] of [[3, 'st8 [r2]=r3'], [2, 'st1 [r2]=r3,1']] as const) {
      const { cpu, fault } = runToFault([line], (c) => {
        c.setGr(2, DATA);
        c.setGr(3, 7n);
        c.setGr(natReg, c.gr(natReg), 1);
      });
      expect(fault.interruption.vector).toBe(Vector.NAT_CONSUMPTION);
      expect(fault.interruption.info.isr! & (1n << 33n)).not.toBe(0n);
      expect(peek(cpu, DATA)).toBe(0n);
      expect(cpu.gr(2)).toBe(DATA);
    }
  });

  it('writes big-endian when PSR.be is set', () => {
    const { cpu } = run(['st2 [r2]=r3', 'st8 [r4]=r3'], (c) => {
      c.psr |= bit('be');
      c.setGr(2, DATA);
      c.setGr(4, DATA + 8n);
      c.setGr(3, 0x0102030405060708n);
    });
    expect(peek(cpu, DATA, 2)).toBe(0x0807n);
    expect(peek(cpu, DATA + 8n)).toBe(0x0807060504030201n);
  });
});

describe('st8.spill and ld8.fill', () => {
  it('round-trip a NaT through the ar.unat bit selected by address bits 8:3', () => {
    const { cpu } = run(
      ['st8.spill [r2]=r4,8', 'st8.spill [r2]=r5', 'ld8.fill r6=[r3],8', 'ld8.fill r7=[r3],r8'],
      (c) => {
        c.setGr(2, DATA + 0x1f0n); // bits 8:3 = 62, then 63
        c.setGr(3, DATA + 0x1f0n);
        c.setGr(4, 0x1234n, 1);
        c.setGr(5, 0x5678n);
        c.setGr(8, 8n);
        c.r.ar[AR.UNAT] = 1n << 63n;
      },
    );
    expect(cpu.r.ar[AR.UNAT]).toBe(1n << 62n);
    expect(peek(cpu, DATA + 0x1f0n)).toBe(0x1234n);
    expect([cpu.gr(6), cpu.nat(6), cpu.gr(7), cpu.nat(7)]).toEqual([0x1234n, 1, 0x5678n, 0]);
    expect([cpu.gr(2), cpu.gr(3)]).toEqual([DATA + 0x1f8n, DATA + 0x200n]);
  });

  it('spill clears the ar.unat bit of a register without NaT and leaves the others', () => {
    const { cpu } = run(['st8.spill.nta [r2]=r5'], (c) => {
      c.setGr(2, DATA + 0x208n); // bits 8:3 = 1
      c.setGr(5, 1n);
      c.r.ar[AR.UNAT] = 0b111n;
    });
    expect(cpu.r.ar[AR.UNAT]).toBe(0b101n);
  });
});

describe('ld16 and st16', () => {
  it('move 16 bytes through r1/r2 and ar.csd, lower address in the register', () => {
    const { cpu } = run(['st16 [r2]=r3,ar.csd', 'ld16 r4,ar.csd=[r5]'], (c) => {
      c.setGr(2, DATA);
      c.setGr(3, 0x1111n);
      c.r.ar[AR.CSD] = 0x2222n;
      c.setGr(5, DATA + 0x10n);
      poke(c, DATA + 0x10n, 0x3333n);
      poke(c, DATA + 0x18n, 0x4444n, 8);
    });
    expect([peek(cpu, DATA), peek(cpu, DATA + 8n)]).toEqual([0x1111n, 0x2222n]);
    expect([cpu.gr(4), cpu.r.ar[AR.CSD]]).toEqual([0x3333n, 0x4444n]);
  });

  it('byte-swap each half when PSR.be is set', () => {
    const { cpu } = run(['ld16.acq r4,ar.csd=[r5]'], (c) => {
      c.psr |= bit('be');
      c.setGr(5, DATA);
      poke(c, DATA, 0x0807060504030201n);
      poke(c, DATA + 8n, 0x100f0e0d0c0b0a09n);
    });
    expect([cpu.gr(4), cpu.r.ar[AR.CSD]]).toEqual([0x0102030405060708n, 0x090a0b0c0d0e0f10n]);
  });

  it('must be 16-byte aligned even with PSR.ac clear', () => {
    for (const line of ['ld16 r4,ar.csd=[r5]', 'st16.rel [r5]=r4,ar.csd']) {
      const { cpu, fault } = runToFault([line], (c) => c.setGr(5, DATA + 8n));
      expect(fault.interruption.vector).toBe(Vector.UNALIGNED_REFERENCE);
      expect(fault.interruption.info.ifa).toBe(DATA + 8n);
      expect(peek(cpu, DATA + 8n)).toBe(0n);
    }
  });

  it('fault on a NaT value', () => {
    const { fault } = runToFault(['st16 [r5]=r4,ar.csd'], (c) => {
      c.setGr(5, DATA);
      c.setGr(4, 0n, 1);
    });
    expect(fault.interruption.vector).toBe(Vector.NAT_CONSUMPTION);
  });
});

describe('M-unit integer memory rows', () => {
  it('all have a semantic', () => {
    const formats = new Set(['M1', 'M2', 'M3', 'M4', 'M5', 'M13', 'M14', 'M15', 'M16', 'M17', 'M20', 'M22', 'M26', 'M27']);
    const m24 = new Set(['invala', 'fwb', 'mf', 'mf.a']);
    const rows = allRows().filter((d) => d.type === 'M' && (formats.has(d.format) || (d.format === 'M24' && m24.has(d.name))));
    expect(rows.length).toBeGreaterThan(400);
    const missing = rows.filter((d) => !semanticFor(d)).map((d) => `${d.name} (${d.format})`);
    expect(missing, `rows without a semantic: ${missing.join(', ')}`).toEqual([]);
  });
});
