// I-unit moves (formats I20-I28): branch registers with and without hints,
// predicates as if CFM.rrb.pr were zero, IP, the I-unit application
// registers, and the integer speculation check.

import { describe, expect, it } from 'vitest';
import type { Cpu } from '../src/cpu/cpu.js';
import { Vector } from '../src/cpu/interruption.js';
import { AR } from '../src/cpu/state.js';
import { CODE, machine, run } from './support/machine.js';

const M64 = (1n << 64n) - 1n;

describe('mov to and from BR', () => {
  it('copies GR r2 to BR b1 and back, the hinted forms alike', () => {
    const { cpu } = run(['mov b6=r2', 'mov r1=b6', 'mov.ret.dptk.imp b7=r3,t', 't:'], (c) => {
      c.setGr(2, 0x1234_5670n);
      c.setGr(3, 0xabcd_ef00n);
    });
    expect(cpu.gr(1)).toBe(0x1234_5670n);
    expect(cpu.r.br[7]).toBe(0xabcd_ef00n);
  });

  it('a NaT r2 is a Register NaT Consumption fault and leaves BR unchanged', () => {
    const { cpu } = machine(['mov.sptk b6=r2,t', 't:']);
    cpu.r.br[6] = 99n;
    cpu.setGr(2, 5n, 1);
    expect(() => cpu.run(1)).toThrow(
      expect.objectContaining({ interruption: expect.objectContaining({ vector: Vector.NAT_CONSUMPTION, info: { isr: 0x10n, ifa: undefined } }) }),
    );
    expect(cpu.r.br[6]).toBe(99n);
  });

  it('mov r1=b2 clears r1\'s NaT', () => {
    const { cpu } = run(['mov r1=b0'], (c) => c.setGr(1, 0n, 1));
    expect(cpu.nat(1)).toBe(0);
  });
});

describe('mov to and from predicates', () => {
  it('mov pr=r2,mask17 writes only the masked predicates', () => {
    const { cpu } = run(['mov pr=r2,0x3e'], (c) => {
      c.setGr(2, M64);
      c.setPr(6, 0);
    });
    expect([1, 2, 3, 4, 5].map((k) => cpu.pr(k))).toEqual([1, 1, 1, 1, 1]);
    expect(cpu.pr(6)).toBe(0);
    expect(cpu.pr(16)).toBe(0);
  });

  it('the sign bit of mask17 covers all 48 rotating predicates', () => {
    const { cpu } = run(['mov pr=r2,-65536'], (c) => {
      c.setGr(2, 0xaaaa_aaaa_aaaa_0000n);
      c.setPr(1, 1);
    });
    for (let k = 16; k < 64; k++) expect(cpu.pr(k)).toBe(k & 1);
    expect(cpu.pr(1)).toBe(1);
  });

  it('bit 0 and p0 are left alone; a NaT r2 faults', () => {
    const { cpu } = run(['mov pr=r0,-2']);
    expect(cpu.pr(0)).toBe(1);
    expect(() => run(['mov pr=r2,-2'], (c) => c.setGr(2, 0n, 1))).toThrow(/NaT Consumption/);
  });

  it('mov r1=pr reads all 64 predicates with p0 as bit 0', () => {
    const { cpu } = run(['mov r1=pr'], (c) => {
      c.setPr(1, 1);
      c.setPr(15, 1);
      c.setPr(63, 1);
    });
    expect(cpu.gr(1)).toBe(1n | 2n | (1n << 15n) | (1n << 63n));
  });

  it('mov pr.rot=imm44 writes p16-p63 from bits 16-63 of the sign-extended immediate', () => {
    const { cpu } = run(['mov pr.rot=0x30000'], (c) => {
      c.setPr(3, 1);
      for (let k = 16; k < 64; k++) c.setPr(k, 1);
    });
    expect([16, 17, 18, 63].map((k) => cpu.pr(k))).toEqual([1, 1, 0, 0]);
    expect(cpu.pr(3)).toBe(1);
    const neg = run(['mov pr.rot=-0x10000']).cpu;
    for (let k = 16; k < 64; k++) expect(neg.pr(k)).toBe(1);
  });

  it('work as if CFM.rrb.pr were zero', () => {
    const rotate = (c: Cpu) => {
      c.r.cfm.rrbPr = 1;
      c.r.remapPr();
    };
    // Physical p16 is logical p63 when rrb.pr is 1.
    const to = run(['mov pr=r2,-65536'], (c) => {
      rotate(c);
      c.setGr(2, 1n << 16n);
    }).cpu;
    expect(to.pr(63)).toBe(1);
    expect(to.pr(16)).toBe(0);
    const from = run(['mov r1=pr'], (c) => {
      rotate(c);
      c.setPr(63, 1);
    }).cpu;
    expect(from.gr(1)).toBe(1n | (1n << 16n));
  });
});

describe('mov r1=ip', () => {
  it('reads the address of the bundle', () => {
    const { cpu } = run(['mov r2=0', 'mov r1=ip']);
    expect(cpu.gr(1)).toBe(CODE + 16n);
  });
});

describe('I-unit application registers (mov.i)', () => {
  it('reach LC, EC and PFS', () => {
    const { cpu } = run(['mov.i ar.lc=r2', 'mov.i ar.ec=5', 'mov.i r1=ar.lc'], (c) => c.setGr(2, 77n));
    expect(cpu.gr(1)).toBe(77n);
    expect(cpu.r.ar[AR.EC]).toBe(5n);
  });

  it('fault on an M-unit application register', () => {
    expect(() => run(['mov.i ar.rsc=r2'])).toThrow(/Illegal Operation/);
  });
});

describe('chk.s.i', () => {
  const lines = ['chk.s.i r2,recover', 'mov r1=1', 'br.cond.sptk.few done', 'recover:', 'mov r1=2', 'done:'];

  it('falls through when r2 is not NaT', () => {
    expect(run(lines, (c) => c.setGr(2, 0n)).cpu.gr(1)).toBe(1n);
  });

  it('branches to the recovery code when r2 is NaT', () => {
    expect(run(lines, (c) => c.setGr(2, 0n, 1)).cpu.gr(1)).toBe(2n);
  });
});
