// Shifts, shift right pair, extract and deposit (formats I5, I7, I10-I15):
// counts of 64 and beyond, fields that run past bit 63, sign sources and
// NaT propagation, and the shl/shr/shr.u pseudo-ops of dep.z and extr.

import { describe, expect, it } from 'vitest';
import type { Cpu } from '../src/cpu/cpu.js';
import { CODE, run } from './support/machine.js';

const M64 = (1n << 64n) - 1n;
const s64 = (v: bigint) => BigInt.asUintN(64, v);

function exec(line: string, r2: bigint, r3: bigint, nat2 = 0, nat3 = 0): Cpu {
  return run([line], (c) => {
    c.setGr(2, r2, nat2);
    c.setGr(3, r3, nat3);
  }).cpu;
}

const result = (line: string, r2: bigint, r3: bigint) => exec(line, r2, r3).gr(1);

describe('shl, shr, shr.u by a register', () => {
  it('shl shifts r2 left by r3; a count above 63 gives 0', () => {
    expect(result('shl r1=r2,r3', 0x8000_0000_0000_0001n, 1n)).toBe(2n);
    expect(result('shl r1=r2,r3', 1n, 63n)).toBe(1n << 63n);
    expect(result('shl r1=r2,r3', 1n, 64n)).toBe(0n);
    expect(result('shl r1=r2,r3', 1n, 1n << 63n)).toBe(0n);
  });

  it('shr r1=r3,r2 is arithmetic: a count above 63 leaves only the sign', () => {
    expect(result('shr r1=r3,r2', 4n, 0x8000_0000_0000_0000n)).toBe(0xf800_0000_0000_0000n);
    expect(result('shr r1=r3,r2', 64n, 0x8000_0000_0000_0000n)).toBe(M64);
    expect(result('shr r1=r3,r2', M64, 0x7fff_ffff_ffff_ffffn)).toBe(0n);
  });

  it('shr.u is logical: a count above 63 gives 0', () => {
    expect(result('shr.u r1=r3,r2', 63n, M64)).toBe(1n);
    expect(result('shr.u r1=r3,r2', 64n, M64)).toBe(0n);
  });

  it('the count register\'s NaT propagates', () => {
    expect(exec('shl r1=r2,r3', 1n, 1n, 0, 1).nat(1)).toBe(1);
    expect(exec('shr.u r1=r3,r2', 1n, 1n, 1, 0).nat(1)).toBe(1);
  });
});

describe('shrp', () => {
  it('shifts the pair r2:r3 right and keeps the low 64 bits', () => {
    expect(result('shrp r1=r2,r3,0', 0x1111n, 0x2222n)).toBe(0x2222n);
    expect(result('shrp r1=r2,r3,4', 0xan, 0x1234_5678_9abc_def0n)).toBe(0xa123_4567_89ab_cdefn);
    expect(result('shrp r1=r2,r3,63', M64, 1n << 63n)).toBe(M64);
  });

  it('rotates when r2 == r3', () => {
    const v = 0x0123_4567_89ab_cdefn;
    expect(result('shrp r1=r2,r2,8', v, 0n)).toBe(0xef01_2345_6789_abcdn);
  });
});

describe('extr and extr.u', () => {
  it('extract a field and zero- or sign-extend it', () => {
    const v = 0x0000_0000_00f0_0000n;
    expect(result('extr.u r1=r3,20,4', 0n, v)).toBe(0xfn);
    expect(result('extr r1=r3,20,4', 0n, v)).toBe(M64);
    expect(result('extr r1=r3,20,5', 0n, v)).toBe(0xfn);
    expect(result('extr r1=r3,0,64', 0n, v)).toBe(v);
  });

  it('a field past bit 63 is cut there; extr takes the sign from bit 63', () => {
    expect(result('extr.u r1=r3,60,8', 0n, 0xa000_0000_0000_0000n)).toBe(0xan);
    expect(result('extr r1=r3,60,8', 0n, 0xa000_0000_0000_0000n)).toBe(s64(-6n));
    expect(result('extr r1=r3,60,8', 0n, 0x7000_0000_0000_0000n)).toBe(7n);
    expect(result('extr r1=r3,63,64', 0n, 1n << 63n)).toBe(M64);
    expect(result('extr.u r1=r3,63,1', 0n, 1n << 63n)).toBe(1n);
  });

  it('propagate r3\'s NaT', () => {
    expect(exec('extr.u r1=r3,0,8', 0n, 1n, 0, 1).nat(1)).toBe(1);
  });
});

describe('dep.z', () => {
  it('deposits the low len bits of r2 at pos and clears the rest', () => {
    expect(result('dep.z r1=r2,8,4', 0xffn, 0n)).toBe(0xf00n);
    expect(result('dep.z r1=r2,0,64', M64, 0n)).toBe(M64);
  });

  it('drops the bits that would land past bit 63', () => {
    expect(result('dep.z r1=r2,60,8', 0xabn, 0n)).toBe(0xb000_0000_0000_0000n);
  });

  it('the immediate form deposits the sign-extended imm8 and has no NaT', () => {
    const c = run(['dep.z r1=-1,8,12'], (c) => c.setGr(1, 0n, 1)).cpu;
    expect(c.gr(1)).toBe(0xfff00n);
    expect(c.nat(1)).toBe(0);
    expect(run(['dep.z r1=5,62,4']).cpu.gr(1)).toBe(1n << 62n);
  });
});

describe('dep', () => {
  it('merges a field of r2 into r3 (len 1-16)', () => {
    expect(result('dep r1=r2,r3,8,8', 0xabn, M64)).toBe(0xffff_ffff_ffff_abffn);
    expect(result('dep r1=r2,r3,0,16', 0x1234_5678n, 0n)).toBe(0x5678n);
    expect(result('dep r1=r2,r3,56,16', 0xffffn, 0n)).toBe(0xff00_0000_0000_0000n);
  });

  it('the imm1 form fills the field with ones or zeros', () => {
    expect(result('dep r1=-1,r3,4,8', 0n, 0n)).toBe(0xff0n);
    expect(result('dep r1=0,r3,60,8', 0n, M64)).toBe(0x0fff_ffff_ffff_ffffn);
    expect(result('dep r1=0,r3,0,64', 0n, M64)).toBe(0n);
  });

  it('NaT comes from r2 and r3 (register form) or r3 (imm1 form)', () => {
    expect(exec('dep r1=r2,r3,0,4', 0n, 0n, 1, 0).nat(1)).toBe(1);
    expect(exec('dep r1=-1,r3,0,4', 0n, 0n, 0, 1).nat(1)).toBe(1);
  });
});

describe('the immediate shift pseudo-ops', () => {
  // The test assembler puts an I-unit instruction in slot 1.
  const decoded = (line: string) => run([line]).cpu.fetch(CODE).insns[1].def?.name;

  it('dep.z with len = 64 - pos is shl', () => {
    expect(decoded('dep.z r1=r2,4,60')).toBe('shl');
    expect(result('dep.z r1=r2,4,60', 0xf000_0000_0000_0001n, 0n)).toBe(0x10n);
    expect(result('dep.z r1=r2,63,1', 1n, 0n)).toBe(1n << 63n);
  });

  it('extr with len = 64 - pos is shr; extr.u is shr.u', () => {
    expect(decoded('extr r1=r3,4,60')).toBe('shr');
    expect(decoded('extr.u r1=r3,4,60')).toBe('shr.u');
    expect(result('extr r1=r3,4,60', 0n, 0x8000_0000_0000_0010n)).toBe(0xf800_0000_0000_0001n);
    expect(result('extr.u r1=r3,4,60', 0n, 0x8000_0000_0000_0010n)).toBe(0x0800_0000_0000_0001n);
    expect(result('extr r1=r3,63,1', 0n, 1n << 63n)).toBe(M64);
  });
});

describe('the shift pseudo-ops of dep.z and extr through the test assembler', () => {
  it('encode the length as 64 minus the count', () => {
    const { cpu } = run(['shr.u r9=r20,2', 'shl r10=r20,12', 'shr r11=r21,4'], (c) => {
      c.setGr(20, 0x100n);
      c.setGr(21, 0x8000000000000000n);
    });
    expect(cpu.gr(9)).toBe(0x40n);
    expect(cpu.gr(10)).toBe(0x100000n);
    expect(cpu.gr(11)).toBe(0xf800000000000000n);
  });
});
