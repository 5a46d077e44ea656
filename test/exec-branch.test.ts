// Branches: counted loops, calls and returns through the register stack,
// and software-pipelined loop branches with register rotation.

import { describe, expect, it } from 'vitest';
import { AR } from '../src/cpu/state.js';
import { CODE, run } from './support/machine.js';

describe('br.cloop', () => {
  it('branches LC times and leaves LC at zero', () => {
    const m = run(['loop:', 'br.cloop.sptk.few loop'], (c) => {
      c.r.ar[AR.LC] = 5n;
    });
    expect(m.cpu.r.ar[AR.LC]).toBe(0n);
    expect(m.cpu.insnCount).toBe(6 * 3);
  });
});

describe('br.call and br.ret', () => {
  it('save the frame in PFS, return to the link and restore CFM', () => {
    const m = run(
      [
        'alloc r34=ar.pfs,6,5,0',
        'br.call.sptk.many b0=callee',
        'br.cond.sptk.few done',
        'callee:',
        'alloc r33=ar.pfs,3,3,0',
        'br.ret.sptk.many b0',
        'done:',
      ],
    );
    const { cpu } = m;
    expect(cpu.r.cfm).toMatchObject({ sof: 6, sol: 5, sor: 0 });
    expect(cpu.r.br[0]).toBe(CODE + 32n);
  });
});

describe('br.ctop', () => {
  it('rotates registers and predicates through prolog, kernel and epilog', () => {
    const m = run(['alloc r32=ar.pfs,8,8,8', 'loop:', 'br.ctop.sptk.few loop'], (c) => {
      c.r.ar[AR.LC] = 3n;
      c.r.ar[AR.EC] = 2n;
    });
    const { cpu } = m;
    // LC counts 3 iterations with p63=1, then EC drains 2 more with p63=0.
    expect(cpu.r.ar[AR.LC]).toBe(0n);
    expect(cpu.r.ar[AR.EC]).toBe(0n);
    // Five rotations: the ones written into p63 now sit in p19..p21.
    const p = (n: number) => cpu.pr(n);
    expect([p(16), p(17), p(18), p(19), p(20), p(21)]).toEqual([0, 0, 1, 1, 1, 0]);
    expect(cpu.r.cfm.rrbPr).toBe(48 - 5);
    expect(cpu.r.cfm.rrbGr).toBe(8 - 5);
  });
});
