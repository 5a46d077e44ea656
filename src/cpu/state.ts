// Architectural register state (Vol. 1, chapter 3; Vol. 2, chapter 3).
//
// General registers are kept by physical number: GR0-31 are static and the
// 96 stacked registers form a ring addressed through CFM.bof. The logical to
// physical maps (grMap, frMap, prMap) are recomputed only when CFM changes
// (alloc, calls, returns, rotation), so an access is one table lookup.

/** Number of physical stacked general registers (as on Itanium 2). */
export const N_STACKED = 96;
/** Physical general registers: 32 static + the stacked ring. */
export const N_GR_PHYS = 32 + N_STACKED;
/**
 * Physical home of bank 0 of GR16-31 (Vol. 2, 3.3.8): after the stacked
 * ring. Bank 1 is physical 16-31; PSR.bn selects which one GR16-31 name.
 */
export const BANK0_BASE = N_GR_PHYS;

/** Application register numbers (Vol. 1, Table 3-3). */
export const AR = {
  KR0: 0, RSC: 16, BSP: 17, BSPSTORE: 18, RNAT: 19, FCR: 21, EFLAG: 24, CSD: 25, SSD: 26,
  CFLG: 27, FSR: 28, FIR: 29, FDR: 30, CCV: 32, UNAT: 36, FPSR: 40, ITC: 44, RUC: 45,
  PFS: 64, LC: 65, EC: 66,
} as const;

/** The current frame marker, unpacked (Vol. 1, Figure 3-8). */
export interface FrameMarker {
  sof: number;
  sol: number;
  /** Size of the rotating region in registers (CFM.sor * 8). */
  sor: number;
  rrbGr: number;
  rrbFr: number;
  rrbPr: number;
}

/** CFM.sof..rrb.fr occupy bits 0-31; rrb.pr is bits 32-37. */
const CFM_LOW = 2 ** 32;

/**
 * CFM as a 38-bit number. A double holds it exactly, so packing and
 * unpacking on calls and returns need no BigInt arithmetic.
 */
export function cfmBits(f: FrameMarker): number {
  const low = (f.sof | (f.sol << 7) | ((f.sor >> 3) << 14) | (f.rrbGr << 18) | (f.rrbFr << 25)) >>> 0;
  return f.rrbPr * CFM_LOW + low;
}

/** Write the fields of the 38-bit marker m into f (no allocation). */
export function unpackCfmInto(m: number, f: FrameMarker): void {
  const low = m >>> 0; // ToUint32 keeps bits 0-31 of an integer below 2^53
  f.sof = low & 0x7f;
  f.sol = (low >>> 7) & 0x7f;
  f.sor = ((low >>> 14) & 0xf) * 8;
  f.rrbGr = (low >>> 18) & 0x7f;
  f.rrbFr = (low >>> 25) & 0x7f;
  f.rrbPr = ((m - low) / CFM_LOW) & 0x3f;
}

const CFM_MASK = (1n << 38n) - 1n;

/** The CFM bits (37:0) of a register value such as PFS or IFS, as a number. */
export function cfmOf(v: bigint): number {
  return Number(v & CFM_MASK);
}

export function packCfm(f: FrameMarker): bigint {
  return BigInt(cfmBits(f));
}

export function unpackCfm(v: bigint): FrameMarker {
  const f: FrameMarker = { sof: 0, sol: 0, sor: 0, rrbGr: 0, rrbFr: 0, rrbPr: 0 };
  unpackCfmInto(cfmOf(v), f);
  return f;
}

/**
 * RING_FROM[bof] lists the physical numbers of logical GR32-127 without
 * rotation: a call or return then remaps by one block copy.
 */
const RING = Int32Array.from({ length: 2 * N_STACKED }, (_, j) => 32 + (j % N_STACKED));
const RING_FROM = Array.from({ length: N_STACKED }, (_, bof) => RING.subarray(bof, bof + N_STACKED));

export class RegisterFile {
  /** GR values by physical number. */
  readonly gr = new BigUint64Array(N_GR_PHYS + 16);
  /** GR NaT bits by physical number. */
  readonly nat = new Uint8Array(N_GR_PHYS + 16);
  /** Logical GR number -> physical number for the current frame. */
  readonly grMap = new Int32Array(128);

  /** FR in the 82-bit register format: sign, 17-bit biased exponent, 64-bit significand. */
  readonly frSign = new Uint8Array(128);
  readonly frExp = new Uint32Array(128);
  readonly frSig = new BigUint64Array(128);
  readonly frMap = new Int32Array(128);

  /** Predicates by physical number (PR0 is always 1). */
  readonly pr = new Uint8Array(64);
  readonly prMap = new Int32Array(64);

  readonly br = new BigUint64Array(8);
  /** Application registers by number. BSP is derived (see Rse). */
  readonly ar = new BigUint64Array(128);
  /** Control registers by number. */
  readonly cr = new BigUint64Array(128);

  /** CFM, unpacked. */
  readonly cfm: FrameMarker = { sof: 0, sol: 0, sor: 0, rrbGr: 0, rrbFr: 0, rrbPr: 0 };
  /** Physical slot (0..95) in the stacked ring of logical GR32. */
  bof = 0;
  /** The GR16-31 bank in use (PSR.bn); bank 0 at reset. */
  bank = 0;

  constructor() {
    this.pr[0] = 1;
    // f0 = +0.0, f1 = +1.0 (exponent bias 0xffff, explicit integer bit).
    this.frExp[1] = 0xffff;
    this.frSig[1] = 1n << 63n;
    for (let i = 0; i < 32; i++) this.grMap[i] = i;
    this.selectBank(0);
    for (let i = 0; i < 16; i++) this.prMap[i] = i;
    for (let i = 0; i < 32; i++) this.frMap[i] = i;
    this.remapAll();
  }

  /** Make GR16-31 name bank b (bsw, interruptions, rfi). */
  selectBank(b: number): void {
    this.bank = b;
    for (let i = 0; i < 16; i++) this.grMap[16 + i] = b ? 16 + i : BANK0_BASE + i;
  }

  /** Recompute every logical->physical map from CFM and bof. */
  remapAll(): void {
    this.remapGr();
    this.remapFr();
    this.remapPr();
  }

  // The maps were last computed for these values; calls, returns and
  // rotations often leave some of them unchanged.
  private mappedBof = -1;
  private mappedSor = -1;
  private mappedRrbGr = -1;
  private mappedRrbFr = -1;
  private mappedRrbPr = -1;

  remapGr(): void {
    const { sor, rrbGr } = this.cfm;
    const bof = this.bof;
    if (bof === this.mappedBof && sor === this.mappedSor && rrbGr === this.mappedRrbGr) return;
    this.mappedBof = bof;
    this.mappedSor = sor;
    this.mappedRrbGr = rrbGr;
    const map = this.grMap;
    map.set(RING_FROM[bof], 32);
    const rrb = sor ? rrbGr % sor : 0;
    for (let i = 0; i < sor && i < N_STACKED; i++) {
      let rot = i + rrb;
      if (rot >= sor) rot -= sor;
      let p = bof + rot;
      if (p >= N_STACKED) p -= N_STACKED;
      map[32 + i] = 32 + p;
    }
  }

  remapFr(): void {
    const rrb = this.cfm.rrbFr;
    if (rrb === this.mappedRrbFr) return;
    this.mappedRrbFr = rrb;
    for (let i = 0; i < 96; i++) {
      const p = i + (rrb % 96);
      this.frMap[32 + i] = 32 + (p >= 96 ? p - 96 : p);
    }
  }

  remapPr(): void {
    const rrb = this.cfm.rrbPr;
    if (rrb === this.mappedRrbPr) return;
    this.mappedRrbPr = rrb;
    for (let i = 0; i < 48; i++) {
      const p = i + (rrb % 48);
      this.prMap[16 + i] = 16 + (p >= 48 ? p - 48 : p);
    }
  }

  /** CFM as a 38-bit value. */
  get cfmValue(): bigint {
    return packCfm(this.cfm);
  }

  /** Set CFM from a 38-bit value (br.ret, rfi) and remap. */
  setCfm(v: bigint): void {
    this.setCfmBits(cfmOf(v));
  }

  /** setCfm for a marker already in number form (see cfmBits). */
  setCfmBits(m: number): void {
    unpackCfmInto(m, this.cfm);
    this.remapAll();
  }

  /** All 64 predicates as a 64-bit value (logical numbering). */
  predicates(): bigint {
    let v = 0n;
    for (let i = 63; i >= 0; i--) v = (v << 1n) | BigInt(this.pr[this.prMap[i]]);
    return v;
  }

  /** Write predicates selected by mask (logical numbering); PR0 stays 1. */
  setPredicates(v: bigint, mask: bigint): void {
    for (let i = 1; i < 64; i++) {
      if ((mask >> BigInt(i)) & 1n) this.pr[this.prMap[i]] = Number((v >> BigInt(i)) & 1n);
    }
  }
}
