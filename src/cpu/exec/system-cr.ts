// Moves to and from control registers and the indirect register files
// (Vol. 3, "mov cr", "mov indirect"): region registers, protection keys,
// breakpoint registers, performance monitors, CPUID, model-specific
// registers and the data access hints.
//
// No external interrupt is ever pending on this machine: IVR reads the
// spurious vector 15, IRR0-3 read zero and an EOI has nothing to end.
// Breakpoint registers and performance monitors hold their values but
// never match or count.

import type { Cpu } from '../cpu.js';
import { illegalOperation, natConsumption, privilegedOperation, reservedRegisterField } from '../interruption.js';
import { PSR } from '../psr.js';
import { bits, CR, crRule, SPURIOUS_VECTOR } from '../system/cr.js';
import { N_PKR, PKR_RESERVED } from '../system/rights.js';
import { CPUID, N_BREAKPOINT_REGS, System, systemOf } from '../system/system.js';
import { PAGE_SIZES } from '../system/translator.js';
import { unpackPta } from '../system/vhpt.js';
import { ExecFn, registerSemantics } from './registry.js';
import { requirePl0 } from './system-psr.js';

function icOn(c: Cpu): boolean {
  return ((c.psr >> BigInt(PSR.ic)) & 1n) !== 0n;
}

const movToCr: ExecFn = (c, i) => {
  const n = i.ops[0];
  const r2 = i.ops[1];
  const rule = crRule(n);
  if (!rule || rule.readOnly || (rule.interruption && icOn(c))) throw illegalOperation(`mov to cr${n}`);
  requirePl0(c);
  if (c.nat(r2)) throw natConsumption();
  const v = c.gr(r2);
  if (v & rule.reserved) throw reservedRegisterField(`cr${n}`);
  if (n === CR.PTA) {
    const pta = unpackPta(v);
    if (pta.ve && (pta.size < 15 || pta.size > 61)) throw reservedRegisterField(`PTA.size ${pta.size}`);
  }
  c.r.cr[n] = v & ~rule.ignored;
};

const movFromCr: ExecFn = (c, i) => {
  const r1 = i.ops[0];
  const n = i.ops[1];
  const rule = crRule(n);
  if (!rule || (rule.interruption && icOn(c))) throw illegalOperation(`mov from cr${n}`);
  c.checkTarget(r1);
  requirePl0(c);
  c.setGr(r1, n === CR.IVR ? SPURIOUS_VECTOR : c.r.cr[n]);
};

/** Region register fields: ve (0), ps (7:2), rid (31:8). */
const RR_RESERVED = bits(1, 1) | bits(63, 32);

/** One indirect register file: how GR[r3] selects a register, and its read and write rules. */
interface IndirectFile {
  readonly privRead: boolean;
  index(r3: bigint): number;
  read(s: System, idx: number, c: Cpu): bigint;
  write?(s: System, idx: number, v: bigint): void;
}

function checkedIndex(v: bigint, mask: bigint, count: number, what: string): number {
  const idx = Number(v & mask);
  if (idx >= count) throw reservedRegisterField(`${what}[${idx}]`);
  return idx;
}

const FILES: Record<string, IndirectFile> = {
  RR_R3: {
    privRead: true,
    index: (v) => Number(v >> 61n),
    read: (s, idx) => s.translator.rr[idx],
    write: (s, idx, v) => {
      if (v & RR_RESERVED || !PAGE_SIZES.has(Number((v >> 2n) & 0x3fn))) throw reservedRegisterField('rr');
      s.translator.rr[idx] = v;
      s.translator.changed();
    },
  },
  PKR_R3: {
    privRead: true,
    index: (v) => checkedIndex(v, 0xffn, N_PKR, 'pkr'),
    read: (s, idx) => s.translator.pkr[idx],
    write: (s, idx, v) => {
      if (v & PKR_RESERVED) throw reservedRegisterField('pkr');
      s.translator.pkr[idx] = v;
      s.translator.changed();
    },
  },
  DBR_R3: {
    privRead: true,
    index: (v) => checkedIndex(v, 0xffn, N_BREAKPOINT_REGS, 'dbr'),
    read: (s, idx) => s.dbr[idx],
    write: (s, idx, v) => void (s.dbr[idx] = v),
  },
  IBR_R3: {
    privRead: true,
    index: (v) => checkedIndex(v, 0xffn, N_BREAKPOINT_REGS, 'ibr'),
    read: (s, idx) => s.ibr[idx],
    write: (s, idx, v) => void (s.ibr[idx] = v),
  },
  // Unimplemented monitors read as zero and ignore writes.
  PMC_R3: {
    privRead: true,
    index: (v) => Number(v & 0xffn),
    read: (s, idx) => (idx < s.pmc.length ? s.pmc[idx] : 0n),
    write: (s, idx, v) => void (idx < s.pmc.length && (s.pmc[idx] = v)),
  },
  // User reads of the data registers are allowed unless PSR.sp secures them.
  PMD_R3: {
    privRead: false,
    index: (v) => Number(v & 0xffn),
    read: (s, idx, c) => (idx >= s.pmd.length || (c.cpl !== 0 && (c.psr >> BigInt(PSR.sp)) & 1n) ? 0n : s.pmd[idx]),
    write: (s, idx, v) => void (idx < s.pmd.length && (s.pmd[idx] = v)),
  },
  MSR_R3: {
    privRead: true,
    index: (v) => Number(v & 0xffn),
    read: (s, idx) => s.msr[idx],
    write: (s, idx, v) => void (s.msr[idx] = v),
  },
  CPUID_R3: {
    privRead: false,
    index: (v) => checkedIndex(v, 0xffn, CPUID.length, 'cpuid'),
    read: (_s, idx) => CPUID[idx],
  },
  DAHR_R3: {
    privRead: false,
    index: (v) => Number(v & 7n),
    read: (s, idx) => s.dahr[idx],
  },
};

function movToIndirect(f: IndirectFile): ExecFn {
  const write = f.write!;
  return (c, i) => {
    requirePl0(c);
    const r3 = i.ops[0];
    const r2 = i.ops[1];
    if (c.nat(r3) || c.nat(r2)) throw natConsumption();
    const s = systemOf(c);
    write(s, f.index(c.gr(r3)), c.gr(r2));
  };
}

function movFromIndirect(f: IndirectFile): ExecFn {
  return (c, i) => {
    const r1 = i.ops[0];
    const r3 = i.ops[1];
    c.checkTarget(r1);
    if (f.privRead && c.cpl !== 0) throw privilegedOperation();
    if (c.nat(r3)) throw natConsumption();
    const s = systemOf(c);
    c.setGr(r1, f.read(s, f.index(c.gr(r3)), c));
  };
}

registerSemantics(
  { formats: ['M32'], make: (d) => (d.name === 'mov' ? movToCr : undefined) },
  { formats: ['M33'], make: (d) => (d.name === 'mov' ? movFromCr : undefined) },
  {
    formats: ['M42'],
    make: (d) => {
      const f = d.name === 'mov' ? FILES[d.operands[0].name] : undefined;
      return f?.write ? movToIndirect(f) : undefined;
    },
  },
  {
    formats: ['M43'],
    make: (d) => {
      const f = d.name === 'mov' ? FILES[d.operands[1].name] : undefined;
      return f ? movFromIndirect(f) : undefined;
    },
  },
  // mov dahr3=imm16 (Itanium 9500): hints only, kept for reading back.
  {
    formats: ['M48'],
    make: (d) =>
      d.name === 'mov' && d.operands[0].name === 'DAHR3'
        ? (c, i) => void (systemOf(c).dahr[i.ops[0]] = BigInt(i.ops[1]))
        : undefined,
  },
);
