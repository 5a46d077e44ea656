// The firmware's tables in memory, in their 64-bit layouts: the EFI System
// Table, the Runtime Services Table with one IA-64 function descriptor
// (entry, gp) per service, the configuration table with the SAL system
// table, and the ia64_boot_param a boot loader hands Linux.

import type { Machine } from '../machine/machine.js';
import { crc32 } from './crc32.js';
import { ucs2Bytes } from './guest.js';
import {
  EFI_REVISION,
  RUNTIME_SERVICES,
  RUNTIME_SERVICES_SIGNATURE,
  SAL_SYSTEM_TABLE_GUID,
  ServiceName,
  SYSTEM_TABLE_SIGNATURE,
} from './spec.js';

/** EFI_TABLE_HEADER field offsets. */
export const HEADER = { signature: 0, revision: 8, headerSize: 12, crc32: 16, reserved: 20, size: 24 } as const;

/** EFI_SYSTEM_TABLE field offsets (64-bit). */
export const SYSTAB = {
  firmwareVendor: 24,
  firmwareRevision: 32,
  conInHandle: 40,
  conIn: 48,
  conOutHandle: 56,
  conOut: 64,
  stdErrHandle: 72,
  stdErr: 80,
  runtimeServices: 88,
  bootServices: 96,
  numberOfTableEntries: 104,
  configurationTable: 112,
  size: 120,
} as const;

/** Offset of a service's pointer in the runtime services table. */
export function runtimeSlot(s: ServiceName): number {
  return HEADER.size + 8 * RUNTIME_SERVICES.indexOf(s);
}
export const RUNTIME_TABLE_SIZE = HEADER.size + 8 * RUNTIME_SERVICES.length;

/** EFI_CONFIGURATION_TABLE entry: a GUID and a pointer. */
export const CONFIG_ENTRY = { guid: 0, vendorTable: 16, size: 24 } as const;

/** SAL system table (SAL 3.2): a 96-byte header and one 48-byte entry point descriptor. */
export const SAL = { header: 96, entryPoint: 48, palProc: 96 + 8, salProc: 96 + 16, gp: 96 + 24 } as const;

/** ia64_boot_param (Linux arch/ia64/include/uapi/asm/setup.h) field offsets. */
export const BOOT_PARAM = {
  commandLine: 0,
  efiSystab: 8,
  efiMemmap: 16,
  efiMemmapSize: 24,
  efiMemdescSize: 32,
  efiMemdescVersion: 40,
  consoleCols: 44,
  consoleRows: 46,
  consoleOrigX: 48,
  consoleOrigY: 50,
  fpswa: 56,
  initrdStart: 64,
  initrdSize: 72,
  size: 80,
} as const;

export const FIRMWARE_REVISION = 0x00010000;

/** Recompute a table header's CRC32: over HeaderSize bytes with the CRC field zero. */
export function updateHeaderCrc(m: Machine, table: bigint): number {
  const size = Number(new DataView(m.readPhys(table + BigInt(HEADER.headerSize), 4).buffer).getUint32(0, true));
  const bytes = m.readPhys(table, size);
  bytes.fill(0, HEADER.crc32, HEADER.crc32 + 4);
  const crc = crc32(bytes);
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, crc, true);
  m.writePhys(table + BigInt(HEADER.crc32), b);
  return crc;
}

function header(dv: DataView, signature: bigint, size: number): void {
  dv.setBigUint64(HEADER.signature, signature, true);
  dv.setUint32(HEADER.revision, EFI_REVISION, true);
  dv.setUint32(HEADER.headerSize, size, true);
}

export interface TableAddresses {
  readonly systemTable: bigint;
  readonly runtimeServices: bigint;
  readonly descriptors: Readonly<Record<ServiceName, bigint>>;
  readonly firmwareVendor: bigint;
  readonly configurationTable: bigint;
  readonly salSystemTable: bigint;
  /** The firmware's gp: the start of its runtime data. */
  readonly gp: bigint;
}

export interface EntryPoints {
  readonly services: Readonly<Record<ServiceName, bigint>>;
  readonly salProc: bigint;
  readonly palProc: bigint;
}

/** Where the tables go: TableAddresses with the first of the consecutive descriptors. */
export type TableSites = Omit<TableAddresses, 'descriptors'> & { readonly descriptorBase: bigint };

/** Write every table at its address; handles (ConIn, ConOut, StdErr) and BootServices are null after ExitBootServices. */
export function writeTables(m: Machine, sites: TableSites, entries: EntryPoints, vendor: string): TableAddresses {
  const { descriptorBase, ...at } = sites;
  const descriptors = Object.fromEntries(RUNTIME_SERVICES.map((s, k) => [s, descriptorBase + 16n * BigInt(k)])) as Record<ServiceName, bigint>;
  for (const s of RUNTIME_SERVICES) {
    m.write64(descriptors[s], entries.services[s]);
    m.write64(descriptors[s] + 8n, at.gp);
  }

  const rt = new Uint8Array(RUNTIME_TABLE_SIZE);
  const rtv = new DataView(rt.buffer);
  header(rtv, RUNTIME_SERVICES_SIGNATURE, RUNTIME_TABLE_SIZE);
  for (const s of RUNTIME_SERVICES) rtv.setBigUint64(runtimeSlot(s), descriptors[s], true);
  m.writePhys(at.runtimeServices, rt);
  updateHeaderCrc(m, at.runtimeServices);

  m.writePhys(at.firmwareVendor, ucs2Bytes(vendor));

  const sal = new Uint8Array(SAL.header + SAL.entryPoint);
  const sv = new DataView(sal.buffer);
  sal.set([0x53, 0x53, 0x54, 0x5f]); // "SST_"
  sv.setUint32(4, sal.length, true);
  sal[8] = 0x20; // SAL revision 3.20 (minor, major)
  sal[9] = 0x03;
  sv.setUint16(10, 1, true); // entry count
  sal[20] = 0x00; // SAL_A revision 1.00 (minor, major)
  sal[21] = 0x01;
  sal[22] = 0x00; // SAL_B revision 1.00
  sal[23] = 0x01;
  sal.set(new TextEncoder().encode('Purgatorio'), 24);
  sal.set(new TextEncoder().encode('mock IA-64 firmware'), 56);
  sal[SAL.header] = 0; // entry point descriptor
  sv.setBigUint64(SAL.palProc, entries.palProc, true);
  sv.setBigUint64(SAL.salProc, entries.salProc, true);
  sv.setBigUint64(SAL.gp, at.gp, true);
  sal[12] = (256 - (sal.reduce((a, b) => a + b, 0) % 256)) % 256; // checksum: all bytes sum to 0
  m.writePhys(at.salSystemTable, sal);

  const cfg = new Uint8Array(CONFIG_ENTRY.size);
  cfg.set(SAL_SYSTEM_TABLE_GUID, CONFIG_ENTRY.guid);
  new DataView(cfg.buffer).setBigUint64(CONFIG_ENTRY.vendorTable, at.salSystemTable, true);
  m.writePhys(at.configurationTable, cfg);

  const st = new Uint8Array(SYSTAB.size);
  const stv = new DataView(st.buffer);
  header(stv, SYSTEM_TABLE_SIGNATURE, SYSTAB.size);
  stv.setBigUint64(SYSTAB.firmwareVendor, at.firmwareVendor, true);
  stv.setUint32(SYSTAB.firmwareRevision, FIRMWARE_REVISION, true);
  stv.setBigUint64(SYSTAB.runtimeServices, at.runtimeServices, true);
  stv.setBigUint64(SYSTAB.numberOfTableEntries, 1n, true);
  stv.setBigUint64(SYSTAB.configurationTable, at.configurationTable, true);
  m.writePhys(at.systemTable, st);
  updateHeaderCrc(m, at.systemTable);

  return { ...at, descriptors };
}

export interface BootParam {
  readonly commandLine: bigint;
  readonly efiSystab: bigint;
  readonly efiMemmap: bigint;
  readonly efiMemmapSize: bigint;
  readonly efiMemdescSize: bigint;
  readonly efiMemdescVersion: number;
  readonly console: { readonly cols: number; readonly rows: number; readonly origX: number; readonly origY: number };
  readonly fpswa: bigint;
  readonly initrdStart: bigint;
  readonly initrdSize: bigint;
}

export function encodeBootParam(bp: BootParam): Uint8Array {
  const out = new Uint8Array(BOOT_PARAM.size);
  const dv = new DataView(out.buffer);
  dv.setBigUint64(BOOT_PARAM.commandLine, bp.commandLine, true);
  dv.setBigUint64(BOOT_PARAM.efiSystab, bp.efiSystab, true);
  dv.setBigUint64(BOOT_PARAM.efiMemmap, bp.efiMemmap, true);
  dv.setBigUint64(BOOT_PARAM.efiMemmapSize, bp.efiMemmapSize, true);
  dv.setBigUint64(BOOT_PARAM.efiMemdescSize, bp.efiMemdescSize, true);
  dv.setUint32(BOOT_PARAM.efiMemdescVersion, bp.efiMemdescVersion, true);
  dv.setUint16(BOOT_PARAM.consoleCols, bp.console.cols, true);
  dv.setUint16(BOOT_PARAM.consoleRows, bp.console.rows, true);
  dv.setUint16(BOOT_PARAM.consoleOrigX, bp.console.origX, true);
  dv.setUint16(BOOT_PARAM.consoleOrigY, bp.console.origY, true);
  dv.setBigUint64(BOOT_PARAM.fpswa, bp.fpswa, true);
  dv.setBigUint64(BOOT_PARAM.initrdStart, bp.initrdStart, true);
  dv.setBigUint64(BOOT_PARAM.initrdSize, bp.initrdSize, true);
  return out;
}

export function decodeBootParam(b: Uint8Array): BootParam {
  const dv = new DataView(b.buffer, b.byteOffset, BOOT_PARAM.size);
  return {
    commandLine: dv.getBigUint64(BOOT_PARAM.commandLine, true),
    efiSystab: dv.getBigUint64(BOOT_PARAM.efiSystab, true),
    efiMemmap: dv.getBigUint64(BOOT_PARAM.efiMemmap, true),
    efiMemmapSize: dv.getBigUint64(BOOT_PARAM.efiMemmapSize, true),
    efiMemdescSize: dv.getBigUint64(BOOT_PARAM.efiMemdescSize, true),
    efiMemdescVersion: dv.getUint32(BOOT_PARAM.efiMemdescVersion, true),
    console: {
      cols: dv.getUint16(BOOT_PARAM.consoleCols, true),
      rows: dv.getUint16(BOOT_PARAM.consoleRows, true),
      origX: dv.getUint16(BOOT_PARAM.consoleOrigX, true),
      origY: dv.getUint16(BOOT_PARAM.consoleOrigY, true),
    },
    fpswa: dv.getBigUint64(BOOT_PARAM.fpswa, true),
    initrdStart: dv.getBigUint64(BOOT_PARAM.initrdStart, true),
    initrdSize: dv.getBigUint64(BOOT_PARAM.initrdSize, true),
  };
}
