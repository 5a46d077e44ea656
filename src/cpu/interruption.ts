// Interruptions (Vol. 2, chapter 5): every fault, trap and abort the CPU can
// raise, with the vector offset in the interruption vector table (IVT) and
// the values an interruption collects (ISR, IFA, IIM, ITIR, IHA).

/** IVT offsets (Vol. 2, Table 5-7). */
export const Vector = {
  VHPT_TRANSLATION: 0x0000,
  INSTRUCTION_TLB: 0x0400,
  DATA_TLB: 0x0800,
  ALT_INSTRUCTION_TLB: 0x0c00,
  ALT_DATA_TLB: 0x1000,
  DATA_NESTED_TLB: 0x1400,
  INSTRUCTION_KEY_MISS: 0x1800,
  DATA_KEY_MISS: 0x1c00,
  DIRTY_BIT: 0x2000,
  INSTRUCTION_ACCESS_BIT: 0x2400,
  DATA_ACCESS_BIT: 0x2800,
  BREAK_INSTRUCTION: 0x2c00,
  EXTERNAL_INTERRUPT: 0x3000,
  PAGE_NOT_PRESENT: 0x5000,
  KEY_PERMISSION: 0x5100,
  INSTRUCTION_ACCESS_RIGHTS: 0x5200,
  DATA_ACCESS_RIGHTS: 0x5300,
  GENERAL_EXCEPTION: 0x5400,
  DISABLED_FP_REGISTER: 0x5500,
  NAT_CONSUMPTION: 0x5600,
  SPECULATION: 0x5700,
  DEBUG: 0x5900,
  UNALIGNED_REFERENCE: 0x5a00,
  UNSUPPORTED_DATA_REFERENCE: 0x5b00,
  FLOATING_POINT_FAULT: 0x5c00,
  FLOATING_POINT_TRAP: 0x5d00,
  LOWER_PRIVILEGE_TRANSFER_TRAP: 0x5e00,
  TAKEN_BRANCH_TRAP: 0x5f00,
  SINGLE_STEP_TRAP: 0x6000,
  IA32_EXCEPTION: 0x6900,
  IA32_INTERCEPT: 0x6a00,
  IA32_INTERRUPT: 0x6b00,
} as const;

export type VectorOffset = (typeof Vector)[keyof typeof Vector];

/** ISR.code values for the General Exception vector (Vol. 2, Table 5-9). */
export const GeneralExceptionCode = {
  ILLEGAL_OPERATION: 0x00,
  PRIVILEGED_OPERATION: 0x10,
  PRIVILEGED_REGISTER: 0x20,
  RESERVED_REGISTER_FIELD: 0x30,
  DISABLED_ISA_TRANSITION: 0x40,
  ILLEGAL_DEPENDENCY: 0x80,
} as const;

/** ISR bits (Vol. 2, Figure 3-13). */
export const ISR = {
  X: 1n << 32n, // instruction fetch
  W: 1n << 33n, // write
  R: 1n << 34n, // read
  NA: 1n << 35n, // non-access (probe, tpa, fc, lfetch...)
  SP: 1n << 36n, // speculative load
  RS: 1n << 37n, // register stack
  IR: 1n << 38n, // incomplete register frame
  NI: 1n << 39n, // nested interruption
  SO: 1n << 40n, // IA-32 supervisor override
  EI_SHIFT: 41n, // excepting instruction slot
  ED: 1n << 43n, // exception deferral
} as const;

export interface InterruptionInfo {
  isr?: bigint;
  ifa?: bigint;
  iim?: bigint;
  itir?: bigint;
  iha?: bigint;
}

/**
 * An interruption raised while executing an instruction. It carries what
 * the hardware would collect; the CPU delivers it through the IVT or, when
 * no handler can take it, stops and reports it.
 */
export class Interruption extends Error {
  constructor(
    readonly vector: VectorOffset,
    /** The manual's name of the fault or trap, e.g. "Illegal Operation fault". */
    readonly kind: string,
    readonly info: InterruptionInfo = {},
    /** Traps complete the instruction; faults leave state unchanged. */
    readonly isTrap = false,
  ) {
    super(kind);
    this.name = 'Interruption';
  }
}

export function illegalOperation(why?: string): Interruption {
  return new Interruption(Vector.GENERAL_EXCEPTION, why ? `Illegal Operation fault (${why})` : 'Illegal Operation fault', {
    isr: BigInt(GeneralExceptionCode.ILLEGAL_OPERATION),
  });
}

export function privilegedOperation(): Interruption {
  return new Interruption(Vector.GENERAL_EXCEPTION, 'Privileged Operation fault', {
    isr: BigInt(GeneralExceptionCode.PRIVILEGED_OPERATION),
  });
}

export function privilegedRegister(): Interruption {
  return new Interruption(Vector.GENERAL_EXCEPTION, 'Privileged Register fault', {
    isr: BigInt(GeneralExceptionCode.PRIVILEGED_REGISTER),
  });
}

export function reservedRegisterField(why?: string): Interruption {
  return new Interruption(
    Vector.GENERAL_EXCEPTION,
    why ? `Reserved Register/Field fault (${why})` : 'Reserved Register/Field fault',
    { isr: BigInt(GeneralExceptionCode.RESERVED_REGISTER_FIELD) },
  );
}

/**
 * Unimplemented Data Address fault: a data reference to an address with
 * unimplemented bits set. It is delivered on the General Exception vector
 * with the Reserved Register/Field code; isr carries the access bits.
 */
export function unimplementedDataAddress(va: bigint, isr: bigint): Interruption {
  return new Interruption(Vector.GENERAL_EXCEPTION, `Unimplemented Data Address fault (0x${va.toString(16)})`, {
    isr: isr | BigInt(GeneralExceptionCode.RESERVED_REGISTER_FIELD),
    ifa: va,
  });
}

export function natConsumption(isr: bigint = 0n, ifa?: bigint): Interruption {
  return new Interruption(Vector.NAT_CONSUMPTION, 'Register NaT Consumption fault', { isr, ifa });
}

/**
 * Not an architectural interruption: the machine itself stops (a Machine
 * Check Abort from the platform, a firmware request to end the run, ...).
 * The CPU propagates it to whoever runs it.
 */
export class MachineStop extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MachineStop';
  }
}
