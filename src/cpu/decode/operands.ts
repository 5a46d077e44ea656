// Operand kinds: where each operand lives in a slot and how it is printed.
// Field positions follow the instruction format diagrams of Vol. 3, Part I,
// chapter 4; the printing conventions are those of GNU objdump.

import { field } from './slot.js';

export type OperandClass =
  | 'cst' // a fixed register or constant, printed as its name
  | 'reg' // a register number, printed as prefix + number
  | 'ind' // an indirect register file, printed as file[rN]
  | 'abs' // an immediate value
  | 'rel'; // an IP-relative branch target or tag

/** How an immediate's raw field bits become its value. */
export type Transform =
  | 'u' // unsigned
  | 's' // sign-extended
  | 'c' // complement: (2^len - 1) - raw (pos/count fields stored inverted)
  | 'plus1' // raw + 1 (lengths and counts)
  | 'plus32' // raw + 32
  | 'minus1' // sign-extended raw + 1 (cmp pseudo-ops with imm - 1)
  | 'inc3' // +/- 1, 4, 8, 16
  | 'cnt2c' // 0, 7, 15, 16
  | 'wide'; // built from two slots by the decoder (imm62, imm64, tgt64)

export type Format = 'sdec' | 'udec' | 'hex';

export interface OperandKind {
  readonly name: string;
  readonly cls: OperandClass;
  /** cst: the text; reg: register prefix ("r", "f", ...); ind: file name ("" for memory). */
  readonly str: string;
  /** Bit fields, least significant first: [length, position]. */
  readonly fields: ReadonlyArray<readonly [number, number]>;
  readonly xform: Transform;
  /** Left shift applied after extraction (branch targets are in bundles). */
  readonly scale: number;
  readonly fmt: Format;
  /** Total bits of the fields. */
  readonly width: number;
}

function k(
  name: string,
  cls: OperandClass,
  str: string,
  fields: ReadonlyArray<readonly [number, number]> = [],
  xform: Transform = 'u',
  fmt: Format = 'hex',
  scale = 0,
): OperandKind {
  const width = fields.reduce((n, [len]) => n + len, 0);
  return { name, cls, str, fields, xform, scale, fmt, width };
}

const KINDS: OperandKind[] = [
  // Constants.
  k('AR_CSD', 'cst', 'ar.csd'),
  k('AR_CCV', 'cst', 'ar.ccv'),
  k('AR_PFS', 'cst', 'ar.pfs'),
  k('C1', 'cst', '1'),
  k('C8', 'cst', '8'),
  k('C16', 'cst', '16'),
  k('GR0', 'cst', 'r0'),
  k('IP', 'cst', 'ip'),
  k('PR', 'cst', 'pr'),
  k('PR_ROT', 'cst', 'pr.rot'),
  k('PSR', 'cst', 'psr'),
  k('PSR_L', 'cst', 'psr.l'),
  k('PSR_UM', 'cst', 'psr.um'),
  // Registers.
  k('AR3', 'reg', 'ar', [[7, 20]]),
  k('B1', 'reg', 'b', [[3, 6]]),
  k('B2', 'reg', 'b', [[3, 13]]),
  k('CR3', 'reg', 'cr', [[7, 20]]),
  k('F1', 'reg', 'f', [[7, 6]]),
  k('F2', 'reg', 'f', [[7, 13]]),
  k('F3', 'reg', 'f', [[7, 20]]),
  k('F4', 'reg', 'f', [[7, 27]]),
  k('P1', 'reg', 'p', [[6, 6]]),
  k('P2', 'reg', 'p', [[6, 27]]),
  k('R1', 'reg', 'r', [[7, 6]]),
  k('R2', 'reg', 'r', [[7, 13]]),
  k('R3', 'reg', 'r', [[7, 20]]),
  k('R3_2', 'reg', 'r', [[2, 20]]),
  k('DAHR3', 'reg', 'dahr', [[3, 23]]),
  // Memory and indirect register files.
  k('MR3', 'ind', '', [[7, 20]]),
  k('CPUID_R3', 'ind', 'cpuid', [[7, 20]]),
  k('DBR_R3', 'ind', 'dbr', [[7, 20]]),
  k('DTR_R3', 'ind', 'dtr', [[7, 20]]),
  k('ITR_R3', 'ind', 'itr', [[7, 20]]),
  k('IBR_R3', 'ind', 'ibr', [[7, 20]]),
  k('MSR_R3', 'ind', 'msr', [[7, 20]]),
  k('PKR_R3', 'ind', 'pkr', [[7, 20]]),
  k('PMC_R3', 'ind', 'pmc', [[7, 20]]),
  k('PMD_R3', 'ind', 'pmd', [[7, 20]]),
  k('DAHR_R3', 'ind', 'dahr', [[7, 20]]),
  k('RR_R3', 'ind', 'rr', [[7, 20]]),
  // Immediates.
  k('CCNT5', 'abs', '', [[5, 20]], 'c', 'udec'),
  k('CNT2a', 'abs', '', [[2, 27]], 'plus1', 'udec'),
  k('CNT2b', 'abs', '', [[2, 27]], 'plus1', 'udec'),
  k('CNT2c', 'abs', '', [[2, 30]], 'cnt2c', 'udec'),
  k('CNT5', 'abs', '', [[5, 14]], 'u', 'udec'),
  k('CNT6', 'abs', '', [[6, 27]], 'u', 'udec'),
  k('CPOS6a', 'abs', '', [[6, 20]], 'c', 'udec'),
  k('CPOS6b', 'abs', '', [[6, 14]], 'c', 'udec'),
  k('CPOS6c', 'abs', '', [[6, 31]], 'c', 'udec'),
  k('IMM1', 'abs', '', [[1, 36]], 's', 'sdec'),
  k('IMMU2', 'abs', '', [[2, 13]], 'u', 'udec'),
  k('IMMU5b', 'abs', '', [[5, 14]], 'plus32', 'udec'),
  k('IMMU7a', 'abs', '', [[7, 13]]),
  k('IMMU7b', 'abs', '', [[7, 20]]),
  k('SOF', 'abs', '', [[7, 13]], 'u', 'udec'),
  k('SOL', 'abs', '', [[7, 20]], 'u', 'udec'),
  k('SOR', 'abs', '', [[4, 27]], 'u', 'udec', 3),
  k('IMM8', 'abs', '', [[7, 13], [1, 36]], 's', 'sdec'),
  k('IMM8U4', 'abs', '', [[7, 13], [1, 36]], 's', 'sdec'),
  k('IMM8M1', 'abs', '', [[7, 13], [1, 36]], 'minus1', 'sdec'),
  k('IMM8M1U4', 'abs', '', [[7, 13], [1, 36]], 'minus1', 'sdec'),
  k('IMM8M1U8', 'abs', '', [[7, 13], [1, 36]], 'minus1', 'sdec'),
  // fclass9: fc2 holds the low two bits, fclass7c the upper seven.
  k('IMMU9', 'abs', '', [[2, 33], [7, 20]]),
  k('IMM9a', 'abs', '', [[7, 6], [1, 27], [1, 36]], 's', 'sdec'),
  k('IMM9b', 'abs', '', [[7, 13], [1, 27], [1, 36]], 's', 'sdec'),
  k('IMM14', 'abs', '', [[7, 13], [6, 27], [1, 36]], 's', 'sdec'),
  k('IMMU16', 'abs', '', [[4, 6], [11, 12], [1, 36]], 'u', 'udec'),
  k('IMM17', 'abs', '', [[7, 6], [8, 24], [1, 36]], 's', 'hex', 1),
  k('IMMU19', 'abs', '', [[4, 6], [14, 12], [1, 36]], 'u', 'udec'),
  k('IMMU21', 'abs', '', [[20, 6], [1, 36]]),
  k('IMM22', 'abs', '', [[7, 13], [9, 27], [5, 22], [1, 36]], 's', 'sdec'),
  k('IMMU24', 'abs', '', [[21, 6], [2, 31], [1, 36]]),
  k('IMM44', 'abs', '', [[27, 6], [1, 36]], 's', 'hex', 16),
  k('IMMU62', 'abs', '', [], 'wide'),
  k('IMMU64', 'abs', '', [], 'wide'),
  k('INC3', 'abs', '', [[3, 13]], 'inc3', 'sdec'),
  k('LEN4', 'abs', '', [[4, 27]], 'plus1', 'udec'),
  k('LEN6', 'abs', '', [[6, 27]], 'plus1', 'udec'),
  k('MBTYPE4', 'abs', '', [[4, 20]]),
  k('MHTYPE8', 'abs', '', [[8, 20]]),
  k('POS6', 'abs', '', [[6, 14]], 'u', 'udec'),
  k('TAG13', 'rel', '', [[7, 6], [2, 33]], 's', 'hex', 4),
  k('TAG13b', 'rel', '', [[9, 24]], 's', 'hex', 4),
  k('TGT25', 'rel', '', [[20, 6], [1, 36]], 's', 'hex', 4),
  k('TGT25b', 'rel', '', [[7, 6], [13, 20], [1, 36]], 's', 'hex', 4),
  k('TGT25c', 'rel', '', [[20, 13], [1, 36]], 's', 'hex', 4),
  k('TGT64', 'rel', '', [], 'wide'),
  // lfetch.count: the count is stored minus one, the stride in 64-byte lines.
  k('CNT6a', 'abs', '', [[6, 6]], 'plus1', 'udec'),
  k('STRD5b', 'abs', '', [[5, 13]], 's', 'sdec', 6),
];

/** Operand kinds by name. */
export const OPERANDS: ReadonlyMap<string, OperandKind> = new Map(KINDS.map((o) => [o.name, o]));

export function operandKind(name: string): OperandKind {
  const o = OPERANDS.get(name);
  if (!o) throw new Error(`unknown operand kind ${name}`);
  return o;
}

/** Raw concatenated field bits of an operand (all operands but the wide ones fit in 32 bits... or 44). */
/** Concatenated field bits of an operand, least significant field first. */
function rawBits(o: OperandKind, slot: number): number {
  let raw = 0;
  let width = 0;
  const fields = o.fields;
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k];
    raw += field(slot, f[1], f[0]) * 2 ** width;
    width += f[0];
  }
  return raw;
}

const INC3 = [16, 8, 4, 1];
const CNT2C = [0, 7, 15, 16];

/**
 * The value of a (non-wide) operand in a slot, as a JS number. Every such
 * operand fits: the widest is IMM44 (a signed 28-bit field scaled by 2^16).
 */
export function extractOperand(o: OperandKind, slot: number): number {
  if (o.cls === 'cst') return 0;
  const raw = rawBits(o, slot);
  const width = o.width;
  let v: number;
  switch (o.xform) {
    case 'u':
      v = raw;
      break;
    case 's':
      v = raw >= 2 ** (width - 1) ? raw - 2 ** width : raw;
      break;
    case 'minus1':
      v = (raw >= 2 ** (width - 1) ? raw - 2 ** width : raw) + 1;
      break;
    case 'c':
      v = 2 ** width - 1 - raw;
      break;
    case 'plus1':
      v = raw + 1;
      break;
    case 'plus32':
      v = raw + 32;
      break;
    case 'inc3': {
      const mag = INC3[raw & 3];
      v = raw & 4 ? -mag : mag;
      break;
    }
    case 'cnt2c':
      v = CNT2C[raw];
      break;
    case 'wide':
      throw new Error(`operand ${o.name} spans two slots`);
  }
  return v * 2 ** o.scale;
}
