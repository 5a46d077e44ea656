// FP loads and stores (Vol. 3, "ldf", "ldfp", "stf"; formats M6-M12): the
// single, double, double-extended, integer and spill/fill forms with their
// conversions to and from the register format, the speculative (.s),
// advanced (.a, .sa) and check (.c.clr, .c.nc) loads through the ALAT, and
// base update by register, immediate or the pair's size.

import { AlatRegType } from '../alat.js';
import type { Cpu } from '../cpu.js';
import type { Insn } from '../decode/decoder.js';
import type { InsnDef } from '../decode/table.js';
import { FReg, NATVAL, ZERO, isNatVal } from '../fp/format.js';
import {
  fromDouble, fromExtended, fromInteger, fromSingle, fromSpill, toDouble, toExtendedSe, toSingle, toSpillHigh,
} from '../fp/memory.js';
import { illegalOperation, ISR } from '../interruption.js';
import { Access, UNCACHED_BIT } from '../memory.js';
import { checkEnabled, checkFrTarget, readFr, writeFr } from './fp-common.js';
import { M64, natFault, postIncrement, PSR_ED, readData, translateAligned, translateSpeculative, writeData } from './mem-access.js';
import { ExecFn, registerSemantics } from './registry.js';

const FR = AlatRegType.Float;
const HINT = '(?:\\.(?:nt1|nta|d[1-7]))?';
const LOAD = new RegExp(`^ldf(p?)(s|d|e|8|\\.fill)(?:\\.(s|a|sa|c\\.clr|c\\.nc))?${HINT}$`);
const STORE = new RegExp(`^stf(s|d|e|8|\\.spill)${HINT}$`);

/** A memory format: its size in bytes, the alignment it needs whatever PSR.ac says, and its conversions. */
interface MemFormat {
  size: number;
  /** Alignment checked when PSR.ac is set (the translation's size). */
  acSize: number;
  /** Alignment required even with PSR.ac clear (spill and fill). */
  forced: number;
  /** The register value of all-zero bytes. */
  zero: FReg;
  read(c: Cpu, pa: bigint): FReg;
  write(c: Cpu, pa: bigint, r: FReg): void;
}

const FORMATS: Record<string, MemFormat> = {
  s: {
    size: 4,
    acSize: 4,
    forced: 1,
    zero: ZERO,
    read: (c, pa) => fromSingle(Number(readData(c, pa, 4))),
    write: (c, pa, r) => writeData(c, pa, 4, BigInt(toSingle(r))),
  },
  d: {
    size: 8,
    acSize: 8,
    forced: 1,
    zero: ZERO,
    read: (c, pa) => fromDouble(readData(c, pa, 8)),
    write: (c, pa, r) => writeData(c, pa, 8, toDouble(r)),
  },
  '8': {
    size: 8,
    acSize: 8,
    forced: 1,
    zero: fromInteger(0n),
    read: (c, pa) => fromInteger(readData(c, pa, 8)),
    write: (c, pa, r) => writeData(c, pa, 8, r.sig),
  },
  // Double-extended: the significand in the low 8 bytes, sign and exponent in the next 2.
  e: {
    size: 10,
    acSize: 16,
    forced: 1,
    zero: ZERO,
    read: (c, pa) => fromExtended(Number(c.mem.read(pa + 8n, 2)), c.mem.read(pa, 8)),
    write: (c, pa, r) => {
      c.mem.write(pa, 8, r.sig);
      c.mem.write(pa + 8n, 2, BigInt(toExtendedSe(r)));
    },
  },
  // Spill/fill: the significand, then exponent and sign in bits 64-81; the rest is written as zero.
  '.fill': {
    size: 16,
    acSize: 16,
    forced: 16,
    zero: ZERO,
    read: (c, pa) => fromSpill(c.mem.read(pa, 8), Number(c.mem.read(pa + 8n, 4))),
    write: (c, pa, r) => {
      c.mem.write(pa, 8, r.sig);
      c.mem.write(pa + 8n, 8, BigInt(toSpillHigh(r)));
    },
  },
};

/** Base update of a format: by GR r2 (M7), by an immediate (M8, M10), by the pair's size (M12). */
const enum Update {
  None,
  Register,
  Immediate,
  PairSize,
}

function updateOf(format: string): Update {
  switch (format) {
    case 'M7':
      return Update.Register;
    case 'M8':
    case 'M10':
      return Update.Immediate;
    case 'M12':
      return Update.PairSize;
    default:
      return Update.None;
  }
}

/** Where a load's operands are and how its base moves. */
interface LoadShape {
  pair: boolean;
  fmt: MemFormat;
  update: Update;
  /** Bytes read: the format's size, twice for a pair. */
  bytes: number;
}

/** Translate a non-speculative load's address; pairs must be aligned to their size. */
function translateLoad(c: Cpu, va: bigint, s: LoadShape): bigint {
  if (s.pair) return translateAligned(c, va, s.bytes, s.bytes, Access.Read, ISR.R);
  if (s.fmt.forced > 1) return translateAligned(c, va, s.fmt.acSize, s.fmt.forced, Access.Read, ISR.R);
  return c.translateData(va, s.fmt.acSize, Access.Read);
}

/** Read the value(s) at pa into f1 (and f2). */
function readInto(c: Cpu, pa: bigint, s: LoadShape, f1: number, f2: number): void {
  const first = s.fmt.read(c, pa);
  if (s.pair) {
    const second = s.fmt.read(c, pa + BigInt(s.fmt.size));
    writeFr(c, f1, first);
    writeFr(c, f2, second);
  } else {
    writeFr(c, f1, first);
  }
}

type LoadKind = 'plain' | 'speculative' | 'advanced' | 'speculative-advanced' | 'check-clear' | 'check-keep';

function kindOf(completer: string | undefined): LoadKind {
  switch (completer) {
    case 's':
      return 'speculative';
    case 'a':
      return 'advanced';
    case 'sa':
      return 'speculative-advanced';
    case 'c.clr':
      return 'check-clear';
    case 'c.nc':
      return 'check-keep';
    default:
      return 'plain';
  }
}

function load(def: InsnDef): ExecFn | undefined {
  const m = LOAD.exec(def.name);
  if (!m) return undefined;
  const pair = m[1] === 'p';
  const fmt = FORMATS[m[2]];
  const shape: LoadShape = { pair, fmt, update: updateOf(def.format), bytes: pair ? 2 * fmt.size : fmt.size };
  const kind = kindOf(m[3]);
  // Operands: f1 [, f2] = [r3] [, r2 | imm9 | size].
  const base = pair ? 2 : 1;
  const pairInc = BigInt(shape.bytes);
  return (c, i) => {
    const ops = i.ops;
    const f1 = ops[0];
    const f2 = pair ? ops[1] : 0;
    const r3 = ops[base];
    if (shape.update !== Update.None) c.checkTarget(r3);
    checkFrTarget(f1);
    if (pair) {
      checkFrTarget(f2);
      // The two targets must be one odd and one even register.
      if ((f1 & 1) === (f2 & 1)) throw illegalOperation('ldfp targets of the same parity');
    }
    checkEnabled(c, f1, f2, 0, 0, ISR.R);
    const inc = incrementOf(c, i, shape.update, base, pairInc);
    const incNat = shape.update === Update.Register ? c.nat(ops[base + 1]) : 0;
    performLoad(c, kind, shape, f1, f2, r3);
    if (shape.update !== Update.None) postIncrement(c, r3, inc, incNat);
  };
}

function incrementOf(c: Cpu, i: Insn, update: Update, base: number, pairInc: bigint): bigint {
  switch (update) {
    case Update.Register:
      return c.gr(i.ops[base + 1]);
    case Update.Immediate:
      return i.imm;
    case Update.PairSize:
      return pairInc;
    default:
      return 0n;
  }
}

function performLoad(c: Cpu, kind: LoadKind, s: LoadShape, f1: number, f2: number, r3: number): void {
  switch (kind) {
    case 'speculative':
    case 'speculative-advanced': {
      // A NaT base, PSR.ed or a deferred fault leave NaTVal in the targets and no ALAT entry.
      const advanced = kind === 'speculative-advanced';
      const pa = c.nat(r3) || c.psr & PSR_ED ? null : translateSpeculative(c, c.gr(r3), s.bytes);
      if (advanced) c.alat.invalSingle(FR, f1);
      if (pa === null) {
        writeFr(c, f1, NATVAL);
        if (s.pair) writeFr(c, f2, NATVAL);
        return;
      }
      readInto(c, pa, s, f1, f2);
      if (advanced) c.alat.write(FR, f1, pa, s.bytes);
      return;
    }
    case 'advanced': {
      if (c.nat(r3)) throw natFault(ISR.R);
      const pa = translateLoad(c, c.gr(r3), s);
      c.alat.invalSingle(FR, f1);
      // Uncacheable memory is not read ahead: the targets get zero.
      if (pa & UNCACHED_BIT) {
        writeFr(c, f1, s.fmt.zero);
        if (s.pair) writeFr(c, f2, s.fmt.zero);
        return;
      }
      readInto(c, pa, s, f1, f2);
      c.alat.write(FR, f1, pa, s.bytes);
      return;
    }
    case 'check-clear':
    case 'check-keep': {
      if (c.nat(r3)) throw natFault(ISR.R);
      if (c.alat.cmp(FR, f1)) {
        if (kind === 'check-clear') c.alat.invalSingle(FR, f1);
        return;
      }
      const pa = translateLoad(c, c.gr(r3), s);
      readInto(c, pa, s, f1, f2);
      if (kind === 'check-keep') c.alat.write(FR, f1, pa, s.bytes);
      return;
    }
    default: {
      if (c.nat(r3)) throw natFault(ISR.R);
      readInto(c, translateLoad(c, c.gr(r3), s), s, f1, f2);
    }
  }
}

/** stf: a NaT base faults, and so does a NaTVal except in the spill, which stores the register as it is. */
function store(def: InsnDef): ExecFn | undefined {
  const m = STORE.exec(def.name);
  if (!m) return undefined;
  const spill = m[1] === '.spill';
  const fmt = FORMATS[spill ? '.fill' : m[1]];
  const update = def.format === 'M10';
  return (c, i) => {
    const ops = i.ops;
    const r3 = ops[0];
    const f2 = ops[1];
    if (update) c.checkTarget(r3);
    checkEnabled(c, f2, 0, 0, 0, ISR.W);
    if (c.nat(r3)) throw natFault(ISR.W);
    const v = readFr(c, f2);
    if (!spill && isNatVal(v)) throw natFault(ISR.W);
    const va = c.gr(r3);
    const pa =
      fmt.forced > 1 ? translateAligned(c, va, fmt.acSize, fmt.forced, Access.Write, ISR.W) : c.translateData(va, fmt.acSize, Access.Write);
    fmt.write(c, pa, v);
    c.alat.invalMultiple(pa, fmt.size);
    if (update) c.setGr(r3, (va + i.imm) & M64, 0);
  };
}

registerSemantics(
  { formats: ['M6', 'M7', 'M8', 'M11', 'M12'], make: load },
  { formats: ['M9', 'M10'], make: store },
);
