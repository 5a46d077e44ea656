// The floating-point status register (Vol. 1, 5.2.2, Figure 5-5): six trap
// disable bits, then four 13-bit status fields sf0-sf3 at bits 6, 19, 32 and
// 45, each with controls (ftz, wre, pc, rc, td) and flags (v, d, z, o, u, i).
// An FpEnv is one instruction's view of its status field: the rounding it
// asks for and the flags, faults and traps it raises.

import { Interruption, Vector } from '../interruption.js';

/** Flag bits, in FPSR order (also the trap-disable order vd..id). */
export const V = 1;
export const D = 2;
export const Z = 4;
export const O = 8;
export const U = 16;
export const I = 32;
/** Software assistance required: a fault cause that has no flag. */
export const SWA = 64;

export const enum Rounding {
  Nearest = 0,
  Down = 1,
  Up = 2,
  Zero = 3,
}

/** Where the result precision comes from. */
export const enum Precision {
  /** No completer: FPSR.sf.pc, with the 15-bit (or, with wre, 17-bit) exponent. */
  Dynamic,
  /** .s: 24 bits, 8-bit exponent (17 with wre). */
  Single,
  /** .d: 53 bits, 11-bit exponent (17 with wre). */
  Double,
  /** Conversions and integer forms: 64 bits, 17-bit exponent. */
  Full,
  /** Parallel singles: 24 bits, 8-bit exponent; wre is ignored. */
  Parallel,
}

export const FIELD_SHIFT = [6, 19, 32, 45];
const CONTROL_FTZ = 1;
const CONTROL_WRE = 2;
const CONTROL_TD = 0x40;

/** The 13 bits of status field sf. */
export function statusField(fpsr: bigint, sf: number): number {
  return Number((fpsr >> BigInt(FIELD_SHIFT[sf])) & 0x1fffn);
}

/** FPSR with flags ORed into status field sf. */
export function withFlags(fpsr: bigint, sf: number, flags: number): bigint {
  return flags === 0 ? fpsr : fpsr | (BigInt(flags & 0x3f) << BigInt(FIELD_SHIFT[sf] + 7));
}

/** Unbiased exponent range and significand bits of each precision/range pair. */
const EMAX = { 8: 127, 11: 1023, 15: 16383, 17: 65535 } as const;

export class FpEnv {
  rc: Rounding;
  /** Significand bits of the result: 24, 53 or 64. */
  precision: number;
  /** Exponent bits of the result range: 8, 11, 15 or 17. */
  range: 8 | 11 | 15 | 17;
  emax: number;
  emin: number;
  /** Flush tiny results to zero (sf.ftz, only while underflow traps are disabled). */
  ftz: boolean;
  /** Trap disable bits (V..I); all set when the field's td is. */
  disabled: number;
  flags = 0;
  /** Causes of a Floating-point Exception fault (V, D, Z, SWA). */
  faults = 0;
  /** Causes of a Floating-point Exception trap (O, U, I). */
  traps = 0;
  /** Trap details for ISR: the result was rounded up (fpa); the exponent needs bias correction (ebc). */
  fpa = false;
  ebc = false;

  constructor(fpsr: bigint, sf: number, pc: Precision) {
    const field = statusField(fpsr, sf);
    const controls = field & 0x7f;
    this.disabled = controls & CONTROL_TD ? 0x3f : Number(fpsr & 0x3fn);
    this.rc = (controls >> 4) & 3;
    const wre = (controls & CONTROL_WRE) !== 0 && pc !== Precision.Parallel;
    switch (pc) {
      case Precision.Single:
      case Precision.Parallel:
        this.precision = 24;
        this.range = wre ? 17 : 8;
        break;
      case Precision.Double:
        this.precision = 53;
        this.range = wre ? 17 : 11;
        break;
      case Precision.Full:
        this.precision = 64;
        this.range = 17;
        break;
      default: {
        const p = (controls >> 2) & 3;
        this.precision = p === 0 ? 24 : p === 2 ? 53 : 64;
        this.range = wre ? 17 : 15;
      }
    }
    this.emax = EMAX[this.range];
    this.emin = 1 - this.emax;
    this.ftz = (controls & CONTROL_FTZ) !== 0 && (this.disabled & U) !== 0;
  }

  /** A copy for the other half of a parallel operation, or for a rounding whose flags are discarded. */
  clone(): FpEnv {
    const e = Object.create(FpEnv.prototype) as FpEnv;
    Object.assign(e, this);
    e.flags = 0;
    e.faults = 0;
    e.traps = 0;
    e.fpa = false;
    e.ebc = false;
    return e;
  }

  /** Record an exception that faults when its trap is enabled (V, D or Z). */
  raise(flag: number): void {
    this.flags |= flag;
    if (!(this.disabled & flag)) this.faults |= flag;
  }
}

/** ISR.code of a Floating-point Exception fault: one cause, software assistance first. */
export function faultCode(faults: number): number {
  if (faults & SWA) return 8;
  if (faults & V) return 1;
  if (faults & Z) return 4;
  if (faults & D) return 2;
  return 0;
}

/** ISR.code of a Floating-point Exception trap (non-parallel form). */
export function trapCode(e: FpEnv): number {
  return (
    (e.ebc ? 1 << 15 : 0) | (e.fpa ? 1 << 14 : 0) | (e.traps & I ? 1 << 13 : 0) | (e.traps & U ? 1 << 12 : 0) |
    (e.traps & O ? 1 << 11 : 0)
  );
}

/** ISR.code of a parallel trap: the high half in bits 11-14, the low half in bits 7-10. */
export function pairTrapCode(hi: FpEnv, lo: FpEnv): number {
  const half = (e: FpEnv, shift: number) =>
    e.traps
      ? ((e.fpa ? 8 : 0) | (e.traps & I || e.flags & I ? 4 : 0) | (e.traps & U ? 2 : 0) | (e.traps & O ? 1 : 0)) << shift
      : 0;
  return half(hi, 11) | half(lo, 7);
}

export function fpFault(code: number): Interruption {
  return new Interruption(Vector.FLOATING_POINT_FAULT, 'Floating-point Exception fault', { isr: BigInt(code) });
}

export function fpTrap(code: number): Interruption {
  return new Interruption(Vector.FLOATING_POINT_TRAP, 'Floating-point Exception trap', { isr: BigInt(code) }, true);
}
