// Processor Status Register fields (Vol. 2, Table 3-2): bit positions.

export const PSR = {
  be: 1, up: 2, ac: 3, mfl: 4, mfh: 5, ic: 13, i: 14, pk: 15, dt: 17, dfl: 18, dfh: 19,
  sp: 20, pp: 21, di: 22, si: 23, db: 24, lp: 25, tb: 26, rt: 27, cpl: 32, is: 34, mc: 35,
  it: 36, id: 37, da: 38, dd: 39, ss: 40, ri: 41, ed: 43, bn: 44, ia: 45, vm: 46,
} as const;

export type PsrField = keyof typeof PSR;

/** Width of multi-bit fields; every other field is one bit. */
const WIDTH: Partial<Record<PsrField, number>> = { cpl: 2, ri: 2 };

export function psrGet(psr: bigint, f: PsrField): number {
  const w = BigInt(WIDTH[f] ?? 1);
  return Number((psr >> BigInt(PSR[f])) & ((1n << w) - 1n));
}

export function psrSet(psr: bigint, f: PsrField, v: number): bigint {
  const w = BigInt(WIDTH[f] ?? 1);
  const m = ((1n << w) - 1n) << BigInt(PSR[f]);
  return (psr & ~m) | ((BigInt(v) << BigInt(PSR[f])) & m);
}

/** PSR.um: the user mask, bits 0-5 (be, up, ac, mfl, mfh). */
export const PSR_UM_MASK = 0x3fn;
/** PSR.l: the lower 32 bits, written by mov psr.l. */
export const PSR_L_MASK = 0xffffffffn;
/** Bits that are reserved (must be zero) in the PSR. */
export const PSR_RESERVED =
  (1n << 0n) | (0x7fn << 6n) | (1n << 16n) | (0xfn << 28n) | (~((1n << 47n) - 1n) & ((1n << 64n) - 1n));

/** One field's mask in place (multi-bit fields whole). */
export function psrMask(f: PsrField): bigint {
  return ((1n << BigInt(WIDTH[f] ?? 1)) - 1n) << BigInt(PSR[f]);
}

/** PSR.sm: the system mask, bits 0-23, written by ssm and rsm. */
export const PSR_SM_MASK = 0xffffffn;
/** What mov r1=psr reads: PSR{36:35} and PSR{31:0}; every other bit reads as zero. */
export const PSR_READ_MASK = PSR_L_MASK | (3n << 35n);

/**
 * PSR after an interruption (Vol. 2, Table 3-2): be and pp come from DCR,
 * up, mfl, mfh, dt, rt, it and mc are kept, every other field is cleared
 * (ic, i, bn, cpl, ri, ...).
 */
export const PSR_KEPT_ON_INTERRUPTION =
  psrMask('up') | psrMask('mfl') | psrMask('mfh') | psrMask('dt') | psrMask('rt') | psrMask('it') | psrMask('mc');
