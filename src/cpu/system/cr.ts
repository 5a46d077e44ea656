// Control registers (Vol. 2, 3.3): numbers, which are reserved, read-only
// or interruption registers, and each register's reserved and ignored
// fields. Values live in RegisterFile.cr; ignored fields are stored as zero
// so that reads return zero in them.

/** Control register numbers (Vol. 2, Table 3-3). */
export const CR = {
  DCR: 0, ITM: 1, IVA: 2, PTA: 8, IPSR: 16, ISR: 17, IIP: 19, IFA: 20, ITIR: 21, IIPA: 22,
  IFS: 23, IIM: 24, IHA: 25, LID: 64, IVR: 65, TPR: 66, EOI: 67, IRR0: 68, IRR1: 69, IRR2: 70,
  IRR3: 71, ITV: 72, PMV: 73, CMCV: 74, LRR0: 80, LRR1: 81,
} as const;

const M64 = (1n << 64n) - 1n;

/** Bits hi..lo set. */
export function bits(hi: number, lo: number): bigint {
  return ((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(lo);
}

interface CrRule {
  /** Fields that must be written as zero (Reserved Register/Field fault). */
  readonly reserved: bigint;
  /** Fields whose written value is dropped. */
  readonly ignored: bigint;
  readonly readOnly: boolean;
  /** CR16-CR25: accessible only while PSR.ic is 0. */
  readonly interruption: boolean;
}

function rule(reserved = 0n, ignored = 0n, readOnly = false, interruption = false): CrRule {
  return { reserved, ignored, readOnly, interruption };
}

/** External interrupt vector registers: vector 7:0, m 16. */
const VECTOR_REG = bits(15, 8) | bits(63, 17);

const RULES = new Map<number, CrRule>([
  // pp, be, lc and the speculative-load deferral bits dm..dd.
  [CR.DCR, rule(M64 & ~(bits(2, 0) | bits(14, 8)))],
  [CR.ITM, rule()],
  [CR.IVA, rule(0n, bits(14, 0))],
  [CR.PTA, rule(bits(1, 1) | bits(14, 9))],
  [CR.IPSR, rule(0n, 0n, false, true)],
  [CR.ISR, rule(0n, 0n, false, true)],
  [CR.IIP, rule(0n, 0n, false, true)],
  [CR.IFA, rule(0n, 0n, false, true)],
  [CR.ITIR, rule(bits(1, 0) | bits(63, 32), 0n, false, true)],
  [CR.IIPA, rule(0n, 0n, false, true)],
  [CR.IFS, rule(bits(62, 38), 0n, false, true)],
  [CR.IIM, rule(0n, 0n, false, true)],
  [CR.IHA, rule(0n, bits(2, 0), false, true)],
  [CR.LID, rule(bits(15, 0) | bits(63, 32))],
  [CR.IVR, rule(0n, 0n, true)],
  [CR.TPR, rule(bits(3, 0) | bits(15, 8) | bits(63, 17))],
  [CR.EOI, rule(0n, M64)],
  [CR.IRR0, rule(0n, 0n, true)],
  [CR.IRR1, rule(0n, 0n, true)],
  [CR.IRR2, rule(0n, 0n, true)],
  [CR.IRR3, rule(0n, 0n, true)],
  [CR.ITV, rule(VECTOR_REG)],
  [CR.PMV, rule(VECTOR_REG)],
  [CR.CMCV, rule(VECTOR_REG)],
  // vector, dm (10:8), ipp (13), tm (15), m (16).
  [CR.LRR0, rule(bits(12, 11) | bits(14, 14) | bits(63, 17))],
  [CR.LRR1, rule(bits(12, 11) | bits(14, 14) | bits(63, 17))],
]);

/** The rule of a control register, or undefined for a reserved one. */
export function crRule(n: number): CrRule | undefined {
  return RULES.get(n);
}

/** The spurious interrupt vector: what IVR reads with nothing pending. */
export const SPURIOUS_VECTOR = 15n;

/** Interrupt vector registers are masked (m = 1) at reset. */
const MASKED = 1n << 16n;

/** Reset values of the control registers that are not zero. */
export function resetControlRegisters(cr: BigUint64Array): void {
  cr.fill(0n);
  for (const n of [CR.ITV, CR.PMV, CR.CMCV, CR.LRR0, CR.LRR1]) cr[n] = MASKED;
  // PTA.size starts at the smallest legal table (2^15 bytes), walker off.
  cr[CR.PTA] = 15n << 2n;
}
