// Control and data speculation (Vol. 1, 4.4.4-4.4.5; Vol. 3, "ld", "chk",
// "invala", "lfetch"): deferral of speculative loads to a NaT, advanced and
// check loads against the ALAT with intervening stores and semaphores, the
// checks' branches to recovery code, and prefetches.

import { describe, expect, it } from 'vitest';
import { Cpu } from '../src/cpu/cpu.js';
import { Interruption, ISR, Vector } from '../src/cpu/interruption.js';
import { AddressTranslator, UNCACHED_BIT } from '../src/cpu/memory.js';
import { PSR } from '../src/cpu/psr.js';
import { AR } from '../src/cpu/state.js';
import { runToFault } from './support/fault.js';
import { DATA, machine, run } from './support/machine.js';

const peek = (c: Cpu, a: bigint, size = 8) => c.mem.read(a, size);
const poke = (c: Cpu, a: bigint, v: bigint, size = 8) => c.mem.write(a, size, v);
const PSR_ED = 1n << BigInt(PSR.ed);

/** Virtual addresses whose translation faults: a page with no mapping. */
const HOLE = 0x4000000n;
const holey: AddressTranslator = {
  generation: 0,
  translate(va) {
    if (va >= HOLE && va < HOLE + 0x1000n) throw new Interruption(Vector.DATA_TLB, 'Data TLB fault', { ifa: va, isr: ISR.R });
    return va;
  },
};

/** Code to run one bundle at a time, with memory changed between bundles behind the ALAT's back. */
function stepper(lines: readonly string[], setup: (c: Cpu) => void) {
  const m = machine(lines);
  setup(m.cpu);
  return {
    cpu: m.cpu,
    label: (name: string) => m.labels.get(name)!,
    step(n = 1) {
      for (let k = 0; k < n; k++) m.cpu.run(1);
    },
  };
}

/** Where a check's fall-through path leaves its mark. */
const MARK = DATA + 0x800n;

/**
 * Run lines ending in a check whose recovery target is "recover": did some
 * check branch there, skipping the store that marks the fall-through path?
 */
function branches(lines: readonly string[], setup: (c: Cpu) => void): boolean {
  const { cpu } = run([...lines, 'st8 [r9]=r9', 'recover:'], (c) => {
    setup(c);
    c.setGr(9, MARK);
  });
  return peek(cpu, MARK) === 0n;
}

describe('speculative loads (ld.s)', () => {
  it('load normally when nothing faults', () => {
    const { cpu } = run(['ld8.s r4=[r2]'], (c) => {
      poke(c, DATA, 0x1234n);
      c.setGr(2, DATA);
    });
    expect([cpu.gr(4), cpu.nat(4)]).toEqual([0x1234n, 0]);
  });

  it('defer a NaT base to a NaT target and still update the base, keeping its NaT', () => {
    const { cpu } = run(['ld8.s r4=[r2],8'], (c) => {
      c.setGr(2, DATA, 1);
      c.setGr(4, 7n);
    });
    expect([cpu.gr(4), cpu.nat(4), cpu.gr(2), cpu.nat(2)]).toEqual([0n, 1, DATA + 8n, 1]);
  });

  it('defer everything while PSR.ed is set', () => {
    const { cpu } = run(['ld4.s r4=[r2]'], (c) => {
      poke(c, DATA, 0x1234n);
      c.setGr(2, DATA);
      c.psr |= PSR_ED;
    });
    expect([cpu.gr(4), cpu.nat(4)]).toEqual([0n, 1]);
  });

  it('defer a translation fault when no speculation policy is installed', () => {
    const { cpu } = run(['ld8.s r4=[r2],r3'], (c) => {
      c.translator = holey;
      c.setGr(2, HOLE + 8n);
      c.setGr(3, 16n);
    });
    expect([cpu.gr(4), cpu.nat(4), cpu.gr(2), cpu.nat(2)]).toEqual([0n, 1, HOLE + 24n, 0]);
  });

  it('ask the speculation policy, which may raise the fault with ISR.sp set', () => {
    const seen: Interruption[] = [];
    const { cpu, fault } = runToFault(['ld8.s r4=[r2]'], (c) => {
      c.translator = holey;
      c.deferSpeculation = (_c, f) => {
        seen.push(f);
        return false;
      };
      c.setGr(2, HOLE);
      c.setGr(4, 5n);
    });
    expect(seen).toHaveLength(1);
    expect(fault.interruption.vector).toBe(Vector.DATA_TLB);
    expect(fault.interruption.info.isr! & ISR.SP).toBe(ISR.SP);
    expect([cpu.gr(4), cpu.nat(4)]).toEqual([5n, 0]);
  });

  it('defer when the policy says so', () => {
    const { cpu } = run(['ld8.s r4=[r2]'], (c) => {
      c.translator = holey;
      c.deferSpeculation = () => true;
      c.setGr(2, HOLE);
    });
    expect(cpu.nat(4)).toBe(1);
  });

  it('never read uncacheable memory', () => {
    const { cpu } = run(['ld8.s r4=[r2]'], (c) => {
      poke(c, DATA, 0x1234n);
      c.setGr(2, DATA | UNCACHED_BIT);
    });
    expect([cpu.gr(4), cpu.nat(4)]).toEqual([0n, 1]);
  });

  it('leave non-speculative loads faulting', () => {
    const { fault } = runToFault(['ld8 r4=[r2]'], (c) => {
      c.translator = holey;
      c.setGr(2, HOLE);
    });
    expect(fault.interruption.vector).toBe(Vector.DATA_TLB);
  });
});

describe('chk.s.m', () => {
  it('branches to the recovery code when the register is NaT', () => {
    expect(branches(['chk.s.m r4,recover'], (c) => c.setGr(4, 0n, 1))).toBe(true);
  });

  it('falls through when it is not', () => {
    expect(branches(['chk.s.m r4,recover'], (c) => c.setGr(4, 0n))).toBe(false);
  });
});

describe('advanced and check loads', () => {
  it('ld.c.nc hits without touching memory; ld.c.clr hits once, then reloads', () => {
    const s = stepper(['ld8.a r4=[r2]', 'ld8.c.nc r4=[r2]', 'ld8.c.clr r4=[r2]', 'ld8.c.clr r4=[r2]'], (c) => {
      poke(c, DATA, 1n);
      c.setGr(2, DATA);
    });
    s.step();
    poke(s.cpu, DATA, 2n); // unseen by the ALAT, as a non-coherent agent would be
    s.step(2);
    expect(s.cpu.gr(4)).toBe(1n);
    s.step();
    expect(s.cpu.gr(4)).toBe(2n);
  });

  it('ld.c.nc after a miss enters the load in the ALAT', () => {
    const s = stepper(['ld4.c.nc r4=[r2]', 'ld4.c.nc r4=[r2]'], (c) => {
      poke(c, DATA, 1n);
      c.setGr(2, DATA);
    });
    s.step();
    poke(s.cpu, DATA, 2n);
    s.step();
    expect(s.cpu.gr(4)).toBe(1n);
  });

  it('a store overlapping any byte of the entry forces the reload; adjacent ones do not', () => {
    const after = (store: string, addr: bigint) => {
      const s = stepper(['ld2.a r4=[r2]', store, 'ld2.c.clr r4=[r2]'], (c) => {
        poke(c, DATA, 0x1111n);
        c.setGr(2, DATA + 2n);
        c.setGr(3, addr);
        c.setGr(5, 0n);
      });
      s.step(2);
      poke(s.cpu, DATA + 2n, 0x2222n, 2);
      s.step();
      return s.cpu.gr(4);
    };
    expect(after('st1 [r3]=r5', DATA + 1n)).toBe(0n); // before the entry: hit keeps 0
    expect(after('st1 [r3]=r5', DATA + 4n)).toBe(0n); // after it
    expect(after('st1 [r3]=r5', DATA + 3n)).toBe(0x2222n); // its last byte
    expect(after('st2 [r3]=r5', DATA + 1n)).toBe(0x2222n); // straddling its first byte
    expect(after('st8 [r3]=r5', DATA)).toBe(0x2222n); // covering it
  });

  it('compares physical addresses: a store through the uncacheable alias invalidates', () => {
    const s = stepper(['ld8.a r4=[r2]', 'st1 [r3]=r5', 'ld8.c.clr r4=[r2]'], (c) => {
      c.setGr(2, DATA);
      c.setGr(3, DATA | UNCACHED_BIT);
      c.setGr(5, 0x77n);
    });
    s.step(3);
    expect(s.cpu.gr(4)).toBe(0x77n);
  });

  it('ld.a from uncacheable memory returns 0 without reading and makes no entry', () => {
    const setup = (c: Cpu) => {
      poke(c, DATA, 0x1234n);
      c.setGr(2, DATA | UNCACHED_BIT);
    };
    const { cpu } = run(['ld8.a r4=[r2]'], setup);
    expect([cpu.gr(4), cpu.nat(4)]).toEqual([0n, 0]);
    expect(branches(['ld8.a r4=[r2]', 'chk.a.nc r4,recover'], setup)).toBe(true);
  });

  it('ld.a and ld.c fault on a NaT base, even when the check would hit', () => {
    const { fault } = runToFault(['ld8.a r4=[r2]'], (c) => c.setGr(2, DATA, 1));
    expect(fault.interruption.vector).toBe(Vector.NAT_CONSUMPTION);
    const s = runToFault(['ld8.a r4=[r2]', 'ld8.c.clr r4=[r3]'], (c) => {
      c.setGr(2, DATA);
      c.setGr(3, DATA, 1);
    });
    expect(s.fault.interruption.vector).toBe(Vector.NAT_CONSUMPTION);
  });

  it('ld.a raises translation faults: only control speculation defers', () => {
    const { fault } = runToFault(['ld8.a r4=[r2]'], (c) => {
      c.translator = holey;
      c.setGr(2, HOLE);
    });
    expect(fault.interruption.vector).toBe(Vector.DATA_TLB);
  });

  it('ld.sa that defers removes the old entry and makes none', () => {
    expect(branches(['ld8.a r4=[r2]', 'ld8.sa r4=[r3]', 'chk.a.nc r4,recover'], (c) => {
      c.setGr(2, DATA);
      c.setGr(3, DATA, 1);
    })).toBe(true);
    expect(branches(['ld8.sa r4=[r2]', 'chk.a.nc r4,recover'], (c) => c.setGr(2, DATA))).toBe(false);
  });

  it('semaphores invalidate the bytes they write: a failed cmpxchg writes none', () => {
    const check = (sem: string, ccv: bigint) =>
      branches(['ld8.a r4=[r2]', sem, 'chk.a.nc r4,recover'], (c) => {
        c.setGr(2, DATA);
        c.setGr(3, DATA + 4n);
        c.r.ar[AR.CCV] = ccv;
      });
    expect(check('cmpxchg4.acq r5=[r3],r0,ar.ccv', 1n)).toBe(false);
    expect(check('cmpxchg4.acq r5=[r3],r0,ar.ccv', 0n)).toBe(true);
    expect(check('xchg4 r5=[r3],r0', 0n)).toBe(true);
    expect(check('fetchadd4.acq r5=[r3],1', 0n)).toBe(true);
  });
});

describe('chk.a', () => {
  const setup = (c: Cpu) => c.setGr(2, DATA);

  it('falls through while the entry is there', () => {
    expect(branches(['ld8.a r4=[r2]', 'chk.a.nc r4,recover'], setup)).toBe(false);
  });

  it('branches after an overlapping store', () => {
    expect(branches(['ld8.a r4=[r2]', 'st4 [r2]=r0', 'chk.a.nc r4,recover'], setup)).toBe(true);
  });

  it('.clr removes the entry it hits; .nc keeps it', () => {
    expect(branches(['ld8.a r4=[r2]', 'chk.a.nc r4,recover', 'chk.a.clr r4,recover'], setup)).toBe(false);
    expect(branches(['ld8.a r4=[r2]', 'chk.a.clr r4,recover', 'chk.a.nc r4,recover'], setup)).toBe(true);
  });

  it('always fails on r0', () => {
    expect(branches(['chk.a.nc r0,recover'], setup)).toBe(true);
  });

  it('follows a rotating register to its new name', () => {
    const rotate = ['alloc r55=ar.pfs,24,24,16', 'ld8.a r33=[r2]', 'br.ctop.sptk.few next', 'next:'];
    const setLc = (c: Cpu) => {
      setup(c);
      c.r.ar[AR.LC] = 1n;
    };
    expect(branches([...rotate, 'chk.a.nc r34,recover'], setLc)).toBe(false);
    expect(branches([...rotate, 'chk.a.nc r33,recover'], setLc)).toBe(true);
  });

  it('survives a call and return whose callee uses other stacked registers', () => {
    const lines = [
      'alloc r40=ar.pfs,10,8,0',
      'ld8.a r35=[r2]',
      'br.call.sptk.many b0=callee',
      'chk.a.nc r35,recover',
      'br.cond.sptk.few done',
      'callee:',
      'alloc r34=ar.pfs,4,4,0',
      'ld8.a r32=[r3]',
      'br.ret.sptk.many b0',
      'recover:',
      'st8 [r9]=r9',
      'done:',
    ];
    const { cpu } = run(lines, (c) => {
      setup(c);
      c.setGr(3, DATA + 8n);
      c.setGr(9, MARK);
    });
    expect(peek(cpu, MARK)).toBe(0n);
  });
});

describe('invala', () => {
  const setup = (c: Cpu) => {
    c.setGr(2, DATA);
    c.setGr(3, DATA + 8n);
  };

  it('invala.e removes one register entry', () => {
    const loads = ['ld8.a r4=[r2]', 'ld8.a r5=[r3]', 'invala.e r4'];
    expect(branches([...loads, 'chk.a.nc r4,recover'], setup)).toBe(true);
    expect(branches([...loads, 'chk.a.nc r5,recover'], setup)).toBe(false);
  });

  it('invala removes them all', () => {
    expect(branches(['ld8.a r4=[r2]', 'ld8.a r5=[r3]', 'invala', 'chk.a.nc r5,recover'], setup)).toBe(true);
  });

  it('invala.e on an FR leaves the GR of the same number alone', () => {
    expect(branches(['ld8.a r4=[r2]', 'invala.e f4', 'chk.a.nc r4,recover'], setup)).toBe(false);
  });
});

describe('lfetch', () => {
  it('never faults in its plain form and updates its base', () => {
    const { cpu } = run(['lfetch [r2],r3', 'lfetch.excl.nt1 [r2],-256', 'lfetch.nta [r4]'], (c) => {
      c.translator = holey;
      c.setGr(2, HOLE);
      c.setGr(3, 0x100n, 1);
      c.setGr(4, HOLE, 1);
    });
    expect([cpu.gr(2), cpu.nat(2)]).toEqual([HOLE, 1]);
  });

  it('.fault raises the translation fault as a non-access lfetch', () => {
    const { cpu, fault } = runToFault(['lfetch.fault [r2],8'], (c) => {
      c.translator = holey;
      c.setGr(2, HOLE);
    });
    expect(fault.interruption.vector).toBe(Vector.DATA_TLB);
    expect(fault.interruption.info.isr! & (ISR.NA | 0xfn)).toBe(ISR.NA | 4n);
    expect(cpu.gr(2)).toBe(HOLE);
  });

  it('.fault skips the reference for a NaT base or under PSR.ed, and still updates the base', () => {
    const { cpu } = run(['lfetch.fault.excl [r2],8', 'lfetch.fault [r3],r4'], (c) => {
      c.translator = holey;
      c.setGr(2, HOLE, 1);
      c.setGr(3, HOLE);
      c.setGr(4, 16n);
      c.psr |= PSR_ED;
    });
    expect([cpu.gr(2), cpu.nat(2), cpu.gr(3)]).toEqual([HOLE + 8n, 1, HOLE + 16n]);
  });

  it('is an Illegal Operation when its updated base is r0', () => {
    const { fault } = runToFault(['lfetch [r0],8'], () => {});
    expect(fault.interruption.kind).toMatch(/Illegal Operation/);
  });
});

describe('fences', () => {
  it('mf, mf.a and fwb complete with nothing to wait for', () => {
    const { cpu } = run(['mf', 'mf.a', 'fwb', 'st8 [r2]=r3'], (c) => {
      c.setGr(2, DATA);
      c.setGr(3, 5n);
    });
    expect(peek(cpu, DATA)).toBe(5n);
  });
});
