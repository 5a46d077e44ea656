// Multimedia instructions (formats A9, A10, I1-I8): every saturation
// completer at its limits, the averaging roundings, element permutations,
// parallel shifts with counts at and beyond the element width, and NaT.

import { describe, expect, it } from 'vitest';
import type { Cpu } from '../src/cpu/cpu.js';
import { run } from './support/machine.js';

/** A 64-bit value from elements of `size` bytes, element 0 least significant. */
function join(size: number, elems: number[]): bigint {
  const bits = BigInt(8 * size);
  return elems.reduceRight((v, e) => (v << bits) | BigInt.asUintN(8 * size, BigInt(e)), 0n);
}

/** The elements of a 64-bit value, signed or unsigned. */
function split(size: number, v: bigint, signed = false): number[] {
  const bits = 8 * size;
  return Array.from({ length: 8 / size }, (_, k) => {
    const e = BigInt.asUintN(bits, v >> BigInt(bits * k));
    return Number(signed ? BigInt.asIntN(bits, e) : e);
  });
}

function exec(line: string, r2: bigint, r3: bigint, nat2 = 0, nat3 = 0): Cpu {
  return run([line], (c) => {
    c.setGr(2, r2, nat2);
    c.setGr(3, r3, nat3);
  }).cpu;
}

/** Elements of r1 after `line` with r2 and r3 given as elements. */
function lanesOf(line: string, size: number, x: number[], y: number[], signed = false): number[] {
  return split(size, exec(line, join(size, x), join(size, y)).gr(1), signed);
}

describe('padd', () => {
  it('modulo forms wrap each element', () => {
    expect(lanesOf('padd1 r1=r2,r3', 1, [0xff, 1, 2, 3, 4, 5, 6, 0x80], [1, 1, 1, 1, 1, 1, 1, 0x80])).toEqual([0, 2, 3, 4, 5, 6, 7, 0]);
    expect(lanesOf('padd2 r1=r2,r3', 2, [0xffff, 1, 2, 3], [1, 0xffff, 0, 0])).toEqual([0, 0, 2, 3]);
    expect(lanesOf('padd4 r1=r2,r3', 4, [0xffffffff, 7], [1, 8])).toEqual([0, 15]);
  });

  it('.sss clips to the signed limits', () => {
    expect(lanesOf('padd1.sss r1=r2,r3', 1, [127, -128, 100, -100, 0, 0, 0, 0], [1, -1, 27, -28, 0, 0, 0, 0], true)).toEqual([127, -128, 127, -128, 0, 0, 0, 0]);
    expect(lanesOf('padd2.sss r1=r2,r3', 2, [0x7fff, -0x8000, 5, -5], [1, -1, -10, 10], true)).toEqual([0x7fff, -0x8000, -5, 5]);
  });

  it('.uuu clips to the unsigned limits', () => {
    expect(lanesOf('padd1.uuu r1=r2,r3', 1, [0xff, 0xfe, 0, 0x80, 0, 0, 0, 0], [1, 1, 0, 0x80, 0, 0, 0, 0])).toEqual([0xff, 0xff, 0, 0xff, 0, 0, 0, 0]);
    expect(lanesOf('padd2.uuu r1=r2,r3', 2, [0xffff, 0x8000, 1, 0], [1, 0x7fff, 2, 0])).toEqual([0xffff, 0xffff, 3, 0]);
  });

  it('.uus adds a signed r3 to an unsigned r2, clipping to the unsigned limits', () => {
    expect(lanesOf('padd1.uus r1=r2,r3', 1, [0x10, 0xf0, 0x10, 0xff, 0, 0, 0, 0], [-0x20, 0x20, -5, 0x7f, 0, 0, 0, 0])).toEqual([0, 0xff, 0x0b, 0xff, 0, 0, 0, 0]);
    expect(lanesOf('padd2.uus r1=r2,r3', 2, [1, 0xfffe, 0x8000, 0], [-2, 1, -0x8000, 0x7fff])).toEqual([0, 0xffff, 0, 0x7fff]);
  });

  it('propagates NaT', () => {
    expect(exec('padd1 r1=r2,r3', 0n, 0n, 0, 1).nat(1)).toBe(1);
  });
});

describe('psub', () => {
  it('modulo forms wrap', () => {
    expect(lanesOf('psub1 r1=r2,r3', 1, [0, 5, 0, 0, 0, 0, 0, 0], [1, 3, 0, 0, 0, 0, 0, 0])).toEqual([0xff, 2, 0, 0, 0, 0, 0, 0]);
    expect(lanesOf('psub4 r1=r2,r3', 4, [0, 9], [1, 4])).toEqual([0xffffffff, 5]);
  });

  it('.sss, .uuu and .uus clip at the limits', () => {
    expect(lanesOf('psub1.sss r1=r2,r3', 1, [-128, 127, 0, 0, 0, 0, 0, 0], [1, -1, 0, 0, 0, 0, 0, 0], true)).toEqual([-128, 127, 0, 0, 0, 0, 0, 0]);
    expect(lanesOf('psub2.sss r1=r2,r3', 2, [-0x8000, 0x7fff, 3, 0], [1, -1, 5, 0], true)).toEqual([-0x8000, 0x7fff, -2, 0]);
    expect(lanesOf('psub1.uuu r1=r2,r3', 1, [0, 0xff, 5, 0, 0, 0, 0, 0], [1, 0, 3, 0, 0, 0, 0, 0])).toEqual([0, 0xff, 2, 0, 0, 0, 0, 0]);
    expect(lanesOf('psub2.uuu r1=r2,r3', 2, [0, 0xffff, 0, 0], [0xffff, 0, 0, 0])).toEqual([0, 0xffff, 0, 0]);
    expect(lanesOf('psub1.uus r1=r2,r3', 1, [0x10, 0xff, 0x10, 0, 0, 0, 0, 0], [-0x80, -1, 0x20, 0, 0, 0, 0, 0])).toEqual([0x90, 0xff, 0, 0, 0, 0, 0, 0]);
    expect(lanesOf('psub2.uus r1=r2,r3', 2, [0xffff, 0, 0x8000, 0], [-1, 1, -0x8000, 0])).toEqual([0xffff, 0, 0xffff, 0]);
  });
});

describe('pavg and pavgsub', () => {
  it('pavg sets the low bit when either of the sum\'s two low bits is set', () => {
    expect(lanesOf('pavg1 r1=r2,r3', 1, [1, 2, 2, 0xff, 0xff, 0, 0, 0], [2, 2, 3, 0xff, 0xfe, 0, 0, 1])).toEqual([1, 2, 3, 0xff, 0xff, 0, 0, 1]);
    expect(lanesOf('pavg2 r1=r2,r3', 2, [0xffff, 1, 6, 0], [0xffff, 2, 8, 1])).toEqual([0xffff, 1, 7, 1]);
  });

  it('.raz adds one before halving', () => {
    expect(lanesOf('pavg1.raz r1=r2,r3', 1, [1, 2, 0xff, 0, 0, 0, 0, 0], [2, 2, 0xfe, 1, 0, 0, 0, 0])).toEqual([2, 2, 0xff, 1, 0, 0, 0, 0]);
    expect(lanesOf('pavg2.raz r1=r2,r3', 2, [0xffff, 1, 0, 0], [0xfffe, 2, 0, 0])).toEqual([0xffff, 2, 0, 0]);
  });

  it('pavgsub halves the difference with the borrow as its top bit', () => {
    expect(lanesOf('pavgsub1 r1=r2,r3', 1, [5, 2, 0, 4, 0, 0, 0, 0], [2, 5, 0xff, 4, 0, 0, 0, 0])).toEqual([1, 0xff, 0x81, 0, 0, 0, 0, 0]);
    expect(lanesOf('pavgsub2 r1=r2,r3', 2, [0, 10, 0, 0], [1, 4, 0xffff, 0])).toEqual([0xffff, 3, 0x8001, 0]);
  });
});

describe('pcmp', () => {
  it('.eq and the signed .gt give all-ones elements', () => {
    expect(lanesOf('pcmp1.eq r1=r2,r3', 1, [1, 2, 0, 0, 0, 0, 0, 0], [1, 3, 0, 0, 0, 0, 0, 1])).toEqual([0xff, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0]);
    expect(lanesOf('pcmp1.gt r1=r2,r3', 1, [0x7f, 0x80, 1, 0, 0, 0, 0, 0], [0x80, 0x7f, 1, 0, 0, 0, 0, 0])).toEqual([0xff, 0, 0, 0, 0, 0, 0, 0]);
    expect(lanesOf('pcmp2.gt r1=r2,r3', 2, [0, 0x8000, 2, 2], [0xffff, 0, 1, 3])).toEqual([0xffff, 0, 0xffff, 0]);
    expect(lanesOf('pcmp4.eq r1=r2,r3', 4, [7, 8], [7, 9])).toEqual([0xffffffff, 0]);
    expect(lanesOf('pcmp4.gt r1=r2,r3', 4, [0, 0x80000000], [0xffffffff, 0])).toEqual([0xffffffff, 0]);
  });
});

describe('pshladd2 and pshradd2', () => {
  it('pshladd2 clips the shifted value, then the sum', () => {
    const x = [0x4000, 0x1000, -0x4000, 0x4000];
    const y = [1, 0x1000, 5, -0x1000];
    expect(lanesOf('pshladd2 r1=r2,2,r3', 2, x, y, true)).toEqual([0x7fff, 0x5000, -0x7ffb, 0x6fff]);
  });

  it('pshradd2 shifts arithmetically and clips the sum', () => {
    const x = [-0x8000, 0x7fff, -1, 8];
    const y = [-0x7fff, 0x7fff, 0, 1];
    expect(lanesOf('pshradd2 r1=r2,4,r3', 2, x, y, true)).toEqual([-0x8000, 0x7fff, -1, 1]);
    expect(exec('pshradd2 r1=r2,1,r3', 0n, 0n, 1, 0).nat(1)).toBe(1);
  });
});

describe('pmpyshr2 and pmpy2', () => {
  it('pmpyshr2 keeps bits count+15:count of each signed product', () => {
    expect(lanesOf('pmpyshr2 r1=r2,r3,0', 2, [-1, 3, 0x4000, -0x8000], [-1, -5, 0x4000, 2])).toEqual([1, 0xfff1, 0, 0]);
    expect(lanesOf('pmpyshr2 r1=r2,r3,16', 2, [-1, 3, 0x4000, -0x8000], [-1, -5, 0x4000, -0x8000])).toEqual([0, 0xffff, 0x1000, 0x4000]);
    expect(lanesOf('pmpyshr2 r1=r2,r3,15', 2, [-0x8000, 0, 0, 0], [-0x8000, 0, 0, 0])).toEqual([0x8000, 0, 0, 0]);
    expect(lanesOf('pmpyshr2 r1=r2,r3,7', 2, [0x100, 0, 0, 0], [-0x100, 0, 0, 0])).toEqual([0xfe00, 0, 0, 0]);
  });

  it('pmpyshr2.u multiplies unsigned', () => {
    expect(lanesOf('pmpyshr2.u r1=r2,r3,16', 2, [0xffff, 2, 0, 0], [0xffff, 0x8000, 0, 0])).toEqual([0xfffe, 1, 0, 0]);
  });

  it('pmpy2.r multiplies halfwords 0 and 2, pmpy2.l halfwords 1 and 3, into words', () => {
    const x = join(2, [2, -3, 4, -5]);
    const y = join(2, [-7, 11, 13, 17]);
    expect(split(4, exec('pmpy2.r r1=r2,r3', x, y).gr(1), true)).toEqual([-14, 52]);
    expect(split(4, exec('pmpy2.l r1=r2,r3', x, y).gr(1), true)).toEqual([-33, -85]);
    expect(split(4, exec('pmpy2.r r1=r2,r3', join(2, [-0x8000, 0, 0, 0]), join(2, [-0x8000, 0, 0, 0])).gr(1))).toEqual([0x40000000, 0]);
  });
});

describe('mix, unpack and pack', () => {
  // Element k of r2 is 0x10 + k (in each byte), of r3 0x20 + k.
  const x = 0x1716_1514_1312_1110n;
  const y = 0x2726_2524_2322_2120n;
  const result = (line: string) => exec(line, x, y).gr(1);

  it('mix.r interleaves the even elements, mix.l the odd ones, r2 on the left', () => {
    expect(result('mix1.r r1=r2,r3')).toBe(0x1626_1424_1222_1020n);
    expect(result('mix1.l r1=r2,r3')).toBe(0x1727_1525_1323_1121n);
    expect(result('mix2.r r1=r2,r3')).toBe(0x1514_2524_1110_2120n);
    expect(result('mix2.l r1=r2,r3')).toBe(0x1716_2726_1312_2322n);
    expect(result('mix4.r r1=r2,r3')).toBe(0x1312_1110_2322_2120n);
    expect(result('mix4.l r1=r2,r3')).toBe(0x1716_1514_2726_2524n);
  });

  it('unpack.h interleaves the high halves, unpack.l the low halves', () => {
    expect(result('unpack1.h r1=r2,r3')).toBe(0x1727_1626_1525_1424n);
    expect(result('unpack1.l r1=r2,r3')).toBe(0x1323_1222_1121_1020n);
    expect(result('unpack2.h r1=r2,r3')).toBe(0x1716_2726_1514_2524n);
    expect(result('unpack2.l r1=r2,r3')).toBe(0x1312_2322_1110_2120n);
    expect(result('unpack4.h r1=r2,r3')).toBe(0x1716_1514_2726_2524n);
    expect(result('unpack4.l r1=r2,r3')).toBe(0x1312_1110_2322_2120n);
  });

  it('pack2.sss narrows r2 into the low half and r3 into the high half, clipping signed', () => {
    const r = exec('pack2.sss r1=r2,r3', join(2, [0x7fff, -0x8000, 5, -5]), join(2, [200, -200, 0, 127])).gr(1);
    expect(split(1, r, true)).toEqual([127, -128, 5, -5, 127, -128, 0, 127]);
  });

  it('pack2.uss clips the signed halfwords to 0-255', () => {
    const r = exec('pack2.uss r1=r2,r3', join(2, [-1, 256, 255, 3]), join(2, [-0x8000, 0x7fff, 0, 128])).gr(1);
    expect(split(1, r)).toEqual([0, 255, 255, 3, 0, 255, 0, 128]);
  });

  it('pack4.sss clips words to the signed halfword range', () => {
    const r = exec('pack4.sss r1=r2,r3', join(4, [0x12345, -0x12345]), join(4, [-1, 0x7fff])).gr(1);
    expect(split(2, r, true)).toEqual([0x7fff, -0x8000, -1, 0x7fff]);
  });
});

describe('pmin, pmax and psad1', () => {
  it('pmin1.u and pmax1.u compare unsigned bytes', () => {
    expect(lanesOf('pmin1.u r1=r2,r3', 1, [0x80, 3, 0, 0, 0, 0, 0, 9], [0x7f, 4, 0, 0, 0, 0, 0, 0xff])).toEqual([0x7f, 3, 0, 0, 0, 0, 0, 9]);
    expect(lanesOf('pmax1.u r1=r2,r3', 1, [0x80, 3, 0, 0, 0, 0, 0, 9], [0x7f, 4, 0, 0, 0, 0, 0, 0xff])).toEqual([0x80, 4, 0, 0, 0, 0, 0, 0xff]);
  });

  it('pmin2 and pmax2 compare signed halfwords', () => {
    expect(lanesOf('pmin2 r1=r2,r3', 2, [0x8000, 5, 0, 0], [0x7fff, 6, 0, 0])).toEqual([0x8000, 5, 0, 0]);
    expect(lanesOf('pmax2 r1=r2,r3', 2, [0x8000, 5, 0, 0], [0x7fff, 6, 0, 0])).toEqual([0x7fff, 6, 0, 0]);
  });

  it('psad1 sums the absolute byte differences', () => {
    expect(exec('psad1 r1=r2,r3', (1n << 64n) - 1n, 0n).gr(1)).toBe(2040n);
    expect(exec('psad1 r1=r2,r3', join(1, [1, 10, 0, 0, 0, 0, 0, 0]), join(1, [4, 3, 0, 0, 0, 0, 0, 0])).gr(1)).toBe(10n);
  });
});

describe('mux1 and mux2', () => {
  const bytes = 0x0706_0504_0302_0100n;
  const mux = (line: string, v: bigint) => exec(line, v, 0n).gr(1);

  it('mux1 applies the five permutations', () => {
    expect(mux('mux1 r1=r2,@rev', bytes)).toBe(0x0001_0203_0405_0607n);
    expect(mux('mux1 r1=r2,@mix', bytes)).toBe(0x0703_0501_0602_0400n);
    expect(mux('mux1 r1=r2,@shuf', bytes)).toBe(0x0703_0602_0501_0400n);
    expect(mux('mux1 r1=r2,@alt', bytes)).toBe(0x0705_0301_0604_0200n);
    expect(mux('mux1 r1=r2,@brcst', 0x1234_5678_9abc_deabn)).toBe(0xabab_abab_abab_ababn);
  });

  it('mux1 with a reserved type is an Illegal Operation fault', () => {
    expect(() => mux('mux1 r1=r2,3', bytes)).toThrow(/Illegal Operation/);
  });

  it('mux2 selects each halfword by two bits of mhtype8', () => {
    const h = 0x1716_1514_1312_1110n;
    expect(mux('mux2 r1=r2,0x1b', h)).toBe(0x1110_1312_1514_1716n);
    expect(mux('mux2 r1=r2,0xe4', h)).toBe(h);
    expect(mux('mux2 r1=r2,0xaa', h)).toBe(0x1514_1514_1514_1514n);
    expect(exec('mux2 r1=r2,0', 0n, 0n, 1).nat(1)).toBe(1);
  });
});

describe('pshl and pshr', () => {
  it('pshl by a register: counts beyond the width give 0; the count\'s NaT propagates', () => {
    expect(lanesOf('pshl2 r1=r2,r3', 2, [0x8001, 1, 0xffff, 3], [1, 0, 0, 0])).toEqual([2, 2, 0xfffe, 6]);
    expect(exec('pshl2 r1=r2,r3', join(2, [1, 1, 1, 1]), 16n).gr(1)).toBe(0n);
    expect(exec('pshl4 r1=r2,r3', join(4, [1, 1]), 1n << 63n).gr(1)).toBe(0n);
    expect(exec('pshl4 r1=r2,r3', join(4, [1, 1]), 31n).gr(1)).toBe(join(4, [0x80000000, 0x80000000]));
    expect(exec('pshl2 r1=r2,r3', 1n, 1n, 0, 1).nat(1)).toBe(1);
  });

  it('pshl by a count', () => {
    expect(split(2, exec('pshl2 r1=r2,15', join(2, [1, 3, 0, 0]), 0n).gr(1))).toEqual([0x8000, 0x8000, 0, 0]);
    expect(split(4, exec('pshl4 r1=r2,31', join(4, [3, 2]), 0n).gr(1))).toEqual([0x80000000, 0]);
  });

  it('pshr by a register saturates signed counts to the sign, unsigned to 0', () => {
    const v = join(2, [0x8000, 0x7fff, 0xfff0, 0x0010]);
    expect(split(2, exec('pshr2 r1=r3,r2', 4n, v).gr(1), true)).toEqual([-0x800, 0x7ff, -1, 1]);
    expect(split(2, exec('pshr2 r1=r3,r2', 100n, v).gr(1), true)).toEqual([-1, 0, -1, 0]);
    expect(split(2, exec('pshr2.u r1=r3,r2', 4n, v).gr(1))).toEqual([0x800, 0x7ff, 0xfff, 1]);
    expect(exec('pshr2.u r1=r3,r2', 16n, v).gr(1)).toBe(0n);
    const w = join(4, [0x80000000, 0x40000000]);
    expect(split(4, exec('pshr4 r1=r3,r2', 32n, w).gr(1), true)).toEqual([-1, 0]);
    expect(split(4, exec('pshr4.u r1=r3,r2', 31n, w).gr(1))).toEqual([1, 0]);
    expect(exec('pshr4.u r1=r3,r2', 32n, w).gr(1)).toBe(0n);
  });

  it('pshr by a count', () => {
    const w = join(4, [0x80000000, 0x7fffffff]);
    expect(split(4, exec('pshr4 r1=r3,31', 0n, w).gr(1), true)).toEqual([-1, 0]);
    expect(split(4, exec('pshr4.u r1=r3,31', 0n, w).gr(1))).toEqual([1, 0]);
    expect(split(2, exec('pshr2 r1=r3,15', 0n, join(2, [0x8000, 1, 0, 0x4000])).gr(1), true)).toEqual([-1, 0, 0, 0]);
    expect(split(2, exec('pshr2.u r1=r3,1', 0n, join(2, [0x8000, 3, 0, 0])).gr(1))).toEqual([0x4000, 1, 0, 0]);
  });
});

describe('mpy4 and mpyshl4', () => {
  it('mpy4 multiplies the unsigned low words into 64 bits', () => {
    expect(exec('mpy4 r1=r2,r3', 0xdead_0000_ffff_ffffn, 0xbeef_0000_ffff_ffffn).gr(1)).toBe(0xffff_fffe_0000_0001n);
    expect(exec('mpy4 r1=r2,r3', 3n, 5n, 1, 0).nat(1)).toBe(1);
  });

  it('mpyshl4 shifts that product left 32 bits', () => {
    expect(exec('mpyshl4 r1=r2,r3', 0xdead_0000_0000_0003n, 5n).gr(1)).toBe(15n << 32n);
    expect(exec('mpyshl4 r1=r2,r3', 0xffff_ffffn, 0xffff_ffffn).gr(1)).toBe(1n << 32n);
  });
});
