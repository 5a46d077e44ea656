// Semaphores (Vol. 3, "cmpxchg", "xchg", "fetchadd"): results, the memory
// they leave, natural alignment regardless of PSR.ac, write-back memory
// only, and NaT operands.

import { describe, expect, it } from 'vitest';
import { Cpu } from '../src/cpu/cpu.js';
import { ISR, Vector } from '../src/cpu/interruption.js';
import { UNCACHED_BIT } from '../src/cpu/memory.js';
import { AR } from '../src/cpu/state.js';
import { runToFault } from './support/fault.js';
import { DATA, run } from './support/machine.js';

const M64 = (1n << 64n) - 1n;
const peek = (c: Cpu, a: bigint, size = 8) => c.mem.read(a, size);
const poke = (c: Cpu, a: bigint, v: bigint, size = 8) => c.mem.write(a, size, v);
const SIZES = [1, 2, 4, 8] as const;
const mask = (size: number) => (1n << BigInt(8 * size)) - 1n;

describe('cmpxchg', () => {
  for (const size of SIZES) {
    it(`cmpxchg${size} stores r2 when memory equals ar.ccv and returns the old value`, () => {
      const { cpu } = run([`cmpxchg${size}.acq r4=[r2],r3,ar.ccv`], (c) => {
        poke(c, DATA, 0x8877665544332211n);
        c.r.ar[AR.CCV] = 0x8877665544332211n & mask(size);
        c.setGr(2, DATA);
        c.setGr(3, M64);
        c.setGr(4, 0n, 1);
      });
      expect([cpu.gr(4), cpu.nat(4)]).toEqual([0x8877665544332211n & mask(size), 0]);
      expect(peek(cpu, DATA)).toBe((0x8877665544332211n & ~mask(size)) | mask(size));
    });

    it(`cmpxchg${size} leaves memory alone when it differs from ar.ccv`, () => {
      const { cpu } = run([`cmpxchg${size}.rel.nta r4=[r2],r3,ar.ccv`], (c) => {
        poke(c, DATA, 0x80n);
        c.r.ar[AR.CCV] = 0x81n;
        c.setGr(2, DATA);
        c.setGr(3, 0x55n);
      });
      expect([cpu.gr(4), peek(cpu, DATA)]).toEqual([0x80n, 0x80n]);
    });
  }

  it('compares the zero-extended value with all 64 bits of ar.ccv', () => {
    const { cpu } = run(['cmpxchg1.acq r4=[r2],r3,ar.ccv'], (c) => {
      poke(c, DATA, 0xffn, 1);
      c.r.ar[AR.CCV] = M64; // sign-extended -1 never matches a byte
      c.setGr(2, DATA);
      c.setGr(3, 0n);
    });
    expect([cpu.gr(4), peek(cpu, DATA, 1)]).toEqual([0xffn, 0xffn]);
  });

  it('needs natural alignment even with PSR.ac clear', () => {
    const { cpu, fault } = runToFault(['cmpxchg4.acq r4=[r2],r3,ar.ccv'], (c) => {
      c.setGr(2, DATA + 2n);
      c.setGr(4, 9n);
    });
    expect(fault.interruption.vector).toBe(Vector.UNALIGNED_REFERENCE);
    expect(fault.interruption.info.ifa).toBe(DATA + 2n);
    expect(cpu.gr(4)).toBe(9n);
  });

  it('faults on a NaT address or value', () => {
    for (const natReg of [2, 3]) {
      const { fault } = runToFault(['cmpxchg8.acq r4=[r2],r3,ar.ccv'], (c) => {
        c.setGr(2, DATA);
        c.setGr(natReg, c.gr(natReg), 1);
      });
      expect(fault.interruption.vector).toBe(Vector.NAT_CONSUMPTION);
      expect(fault.interruption.info.isr! & (ISR.R | ISR.W)).toBe(ISR.R | ISR.W);
    }
  });

  it('is an Unsupported Data Reference on uncacheable memory', () => {
    const { fault } = runToFault(['cmpxchg8.acq r4=[r2],r3,ar.ccv'], (c) => c.setGr(2, DATA | UNCACHED_BIT));
    expect(fault.interruption.vector).toBe(Vector.UNSUPPORTED_DATA_REFERENCE);
  });
});

describe('cmp8xchg16', () => {
  it('compares 8 bytes at r3 and stores r2 and ar.csd at r3 with bit 3 cleared', () => {
    const { cpu } = run(['cmp8xchg16.acq r4=[r2],r3,ar.csd,ar.ccv'], (c) => {
      poke(c, DATA + 8n, 0x77n);
      c.r.ar[AR.CCV] = 0x77n;
      c.r.ar[AR.CSD] = 0xcccn;
      c.setGr(2, DATA + 8n);
      c.setGr(3, 0xaaan);
    });
    expect(cpu.gr(4)).toBe(0x77n);
    expect([peek(cpu, DATA), peek(cpu, DATA + 8n)]).toEqual([0xaaan, 0xcccn]);
  });

  it('stores nothing on a mismatch', () => {
    const { cpu } = run(['cmp8xchg16.rel r4=[r2],r3,ar.csd,ar.ccv'], (c) => {
      poke(c, DATA, 0x76n);
      c.r.ar[AR.CCV] = 0x77n;
      c.setGr(2, DATA);
      c.setGr(3, 0xaaan);
    });
    expect([cpu.gr(4), peek(cpu, DATA), peek(cpu, DATA + 8n)]).toEqual([0x76n, 0x76n, 0n]);
  });

  it('needs 8-byte alignment', () => {
    const { fault } = runToFault(['cmp8xchg16.acq r4=[r2],r3,ar.csd,ar.ccv'], (c) => c.setGr(2, DATA + 4n));
    expect(fault.interruption.vector).toBe(Vector.UNALIGNED_REFERENCE);
  });
});

describe('xchg', () => {
  for (const size of SIZES) {
    it(`xchg${size} swaps the low ${size} bytes`, () => {
      const { cpu } = run([`xchg${size} r4=[r2],r3`], (c) => {
        poke(c, DATA, 0x8877665544332211n);
        c.setGr(2, DATA);
        c.setGr(3, M64);
      });
      expect(cpu.gr(4)).toBe(0x8877665544332211n & mask(size));
      expect(peek(cpu, DATA)).toBe((0x8877665544332211n & ~mask(size)) | mask(size));
    });
  }

  it('may exchange with its own value register', () => {
    const { cpu } = run(['xchg8 r3=[r2],r3'], (c) => {
      poke(c, DATA, 1n);
      c.setGr(2, DATA);
      c.setGr(3, 2n);
    });
    expect([cpu.gr(3), peek(cpu, DATA)]).toEqual([1n, 2n]);
  });

  it('needs natural alignment', () => {
    const { fault } = runToFault(['xchg2 r4=[r2],r3'], (c) => c.setGr(2, DATA + 1n));
    expect(fault.interruption.vector).toBe(Vector.UNALIGNED_REFERENCE);
  });
});

describe('fetchadd', () => {
  for (const inc of [-16n, -8n, -4n, -1n, 1n, 4n, 8n, 16n]) {
    it(`adds ${inc} modulo the size and returns the old value`, () => {
      const { cpu } = run([`fetchadd4.acq r4=[r2],${inc}`, `fetchadd8.rel r5=[r3],${inc}`], (c) => {
        poke(c, DATA, 5n, 4);
        poke(c, DATA + 4n, 0x99n, 4);
        poke(c, DATA + 8n, 5n);
        c.setGr(2, DATA);
        c.setGr(3, DATA + 8n);
      });
      expect([cpu.gr(4), cpu.gr(5)]).toEqual([5n, 5n]);
      expect(peek(cpu, DATA, 4)).toBe(BigInt.asUintN(32, 5n + inc));
      expect(peek(cpu, DATA + 4n, 4)).toBe(0x99n);
      expect(peek(cpu, DATA + 8n)).toBe(BigInt.asUintN(64, 5n + inc));
    });
  }

  it('needs natural alignment', () => {
    const { fault } = runToFault(['fetchadd8.acq r4=[r2],1'], (c) => c.setGr(2, DATA + 4n));
    expect(fault.interruption.vector).toBe(Vector.UNALIGNED_REFERENCE);
  });

  it('faults on a NaT address', () => {
    const { fault } = runToFault(['fetchadd4.acq r4=[r2],1'], (c) => c.setGr(2, DATA, 1));
    expect(fault.interruption.vector).toBe(Vector.NAT_CONSUMPTION);
  });
});
