// Memory hierarchy control and ordering (Vol. 3, "lfetch", "mf", "fwb";
// formats M13-M15, M24). There are no caches or write buffers to steer and
// a single in-order CPU already sees its accesses in program order, so what
// remains architectural is lfetch's base update and the faults of
// lfetch.fault.

import { Interruption, ISR } from '../interruption.js';
import { Access } from '../memory.js';
import { postIncrement, PSR_ED, Update, updateOf } from './mem-access.js';
import { ExecFn, registerSemantics, sem } from './registry.js';

const LFETCH = /^lfetch(\.fault)?(?:\.excl)?(?:\.(?:nt1|nt2|nta|d[4-7]))?$/;
const LFETCH_COUNT = /^lfetch\.count(?:\.(?:nt1|nt2|nta|d[4-7]))?$/;

/** ISR.code{3:0} naming lfetch as the non-access instruction that faulted. */
const LFETCH_CODE = 4n;

/**
 * lfetch [r3] (, r2 | imm9): no reference is made when r3 is NaT, so nothing
 * faults; lfetch.fault raises the faults of a load's translation unless
 * PSR.ed asks to skip the prefetch. The base update happens in every case.
 */
function lfetch(fault: boolean, update: Update): ExecFn {
  return (c, i) => {
    const r3 = i.ops[0];
    if (update !== Update.None) c.checkTarget(r3);
    const inc = update === Update.Register ? c.gr(i.ops[1]) : i.imm;
    const incNat = update === Update.Register ? c.nat(i.ops[1]) : 0;
    if (fault && !c.nat(r3) && !(c.psr & PSR_ED)) {
      try {
        c.translateData(c.gr(r3), 1, Access.NonAccess);
      } catch (e) {
        if (e instanceof Interruption) e.info.isr = (e.info.isr ?? 0n) | ISR.NA | LFETCH_CODE;
        throw e;
      }
    }
    if (update !== Update.None) postIncrement(c, r3, inc, incNat);
  };
}

registerSemantics(
  {
    formats: ['M13', 'M14', 'M15'],
    make: (d) => {
      // lfetch.count prefetches a strided run of lines and never faults.
      if (LFETCH_COUNT.test(d.name)) return () => {};
      const m = LFETCH.exec(d.name);
      return m ? lfetch(m[1] !== undefined, updateOf(d.format)) : undefined;
    },
  },
  sem('M24', ['mf', 'mf.a', 'fwb'], () => {}),
);
