// Numbers from the EFI 1.10 / UEFI 2.0 specifications that the firmware
// and its callers share: status codes, memory types and attributes, table
// signatures, and the runtime services in table order.

const ERR = 1n << 63n;

export const EfiStatus = {
  SUCCESS: 0n,
  LOAD_ERROR: ERR | 1n,
  INVALID_PARAMETER: ERR | 2n,
  UNSUPPORTED: ERR | 3n,
  BAD_BUFFER_SIZE: ERR | 4n,
  BUFFER_TOO_SMALL: ERR | 5n,
  NOT_READY: ERR | 6n,
  DEVICE_ERROR: ERR | 7n,
  WRITE_PROTECTED: ERR | 8n,
  OUT_OF_RESOURCES: ERR | 9n,
  NOT_FOUND: ERR | 14n,
  ACCESS_DENIED: ERR | 15n,
  NO_MAPPING: ERR | 17n,
  TIMEOUT: ERR | 18n,
  ABORTED: ERR | 21n,
  SECURITY_VIOLATION: ERR | 26n,
} as const;

/** "EFI_UNSUPPORTED" for a known status, else hex. */
export function statusName(s: bigint): string {
  for (const [k, v] of Object.entries(EfiStatus)) if (v === s) return `EFI_${k}`;
  return `0x${s.toString(16)}`;
}

/** A status by its specification name, with or without the EFI_ prefix. */
export function statusByName(name: string): bigint | undefined {
  const key = name.replace(/^EFI_/, '');
  return Object.prototype.hasOwnProperty.call(EfiStatus, key) ? EfiStatus[key as keyof typeof EfiStatus] : undefined;
}

export const MemoryType = {
  Reserved: 0,
  LoaderCode: 1,
  LoaderData: 2,
  BootServicesCode: 3,
  BootServicesData: 4,
  RuntimeServicesCode: 5,
  RuntimeServicesData: 6,
  ConventionalMemory: 7,
  UnusableMemory: 8,
  ACPIReclaimMemory: 9,
  ACPIMemoryNVS: 10,
  MemoryMappedIO: 11,
  MemoryMappedIOPortSpace: 12,
  PalCode: 13,
} as const;

export type MemoryTypeName = keyof typeof MemoryType;

export const MemoryAttr = {
  UC: 0x1n,
  WC: 0x2n,
  WT: 0x4n,
  WB: 0x8n,
  UCE: 0x10n,
  RUNTIME: 1n << 63n,
} as const;

export const EFI_PAGE_SHIFT = 12n;
export const EFI_PAGE_SIZE = 1n << EFI_PAGE_SHIFT;
/** What GetMemoryMap reports on ia64: 40 bytes of fields padded to 48. */
export const MEMORY_DESCRIPTOR_SIZE = 48;
export const MEMORY_DESCRIPTOR_VERSION = 1;

/** Table signatures, as the 64-bit little-endian words of their ASCII names. */
export const SYSTEM_TABLE_SIGNATURE = 0x5453595320494249n; // "IBI SYST"
export const RUNTIME_SERVICES_SIGNATURE = 0x56524553544e5552n; // "RUNTSERV"
/** UEFI 2.0: (major << 16) | minor. */
export const EFI_REVISION = (2 << 16) | 0;

/** Runtime services in the order of their table slots (UEFI 2.0 added the last three). */
export const RUNTIME_SERVICES = [
  'GetTime',
  'SetTime',
  'GetWakeupTime',
  'SetWakeupTime',
  'SetVirtualAddressMap',
  'ConvertPointer',
  'GetVariable',
  'GetNextVariableName',
  'SetVariable',
  'GetNextHighMonotonicCount',
  'ResetSystem',
  'UpdateCapsule',
  'QueryCapsuleCapabilities',
  'QueryVariableInfo',
] as const;

export type ServiceName = (typeof RUNTIME_SERVICES)[number];

export function isServiceName(s: string): s is ServiceName {
  return (RUNTIME_SERVICES as readonly string[]).includes(s);
}

/** EFI_RESET_TYPE. */
export const RESET_TYPES = ['EfiResetCold', 'EfiResetWarm', 'EfiResetShutdown', 'EfiResetPlatformSpecific'] as const;

/** EFI_VARIABLE_* attributes. */
export const VariableAttr = {
  NON_VOLATILE: 1,
  BOOTSERVICE_ACCESS: 2,
  RUNTIME_ACCESS: 4,
} as const;

/** SAL_SYSTEM_TABLE_GUID (eb9d2d32-2d88-11d3-9a16-0090273fc14d), in memory order. */
export const SAL_SYSTEM_TABLE_GUID = guidBytes('eb9d2d32-2d88-11d3-9a16-0090273fc14d');

/** An EFI_GUID's 16 bytes: the first three groups are little-endian integers. */
export function guidBytes(text: string): Uint8Array {
  const m = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i.exec(text);
  if (!m) throw new Error(`not a GUID: ${text}`);
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, parseInt(m[1], 16), true);
  dv.setUint16(4, parseInt(m[2], 16), true);
  dv.setUint16(6, parseInt(m[3], 16), true);
  const tail = m[4] + m[5];
  for (let k = 0; k < 8; k++) out[8 + k] = parseInt(tail.slice(2 * k, 2 * k + 2), 16);
  return out;
}

/** The text form of a GUID's 16 bytes. */
export function guidText(b: Uint8Array): string {
  const dv = new DataView(b.buffer, b.byteOffset, 16);
  const h = (v: number, n: number) => v.toString(16).padStart(n, '0');
  const tail = Array.from(b.subarray(8, 16), (x) => h(x, 2)).join('');
  return `${h(dv.getUint32(0, true), 8)}-${h(dv.getUint16(4, true), 4)}-${h(dv.getUint16(6, true), 4)}-${tail.slice(0, 4)}-${tail.slice(4)}`;
}
