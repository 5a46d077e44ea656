// The EFI memory map as the firmware reports it after ExitBootServices:
// every RAM page it does not own is conventional memory; its own pieces
// keep their types; ROM, flash and the I/O port space are described so
// that the OS can map them for runtime calls.

import type { MachineConfig, MemoryRange } from '../machine/config.js';
import type { FirmwareLayout } from './layout.js';
import { EFI_PAGE_SHIFT, EFI_PAGE_SIZE, MEMORY_DESCRIPTOR_SIZE, MemoryAttr, MemoryType, MemoryTypeName } from './spec.js';

export interface MemoryDescriptor {
  readonly type: number;
  readonly physicalStart: bigint;
  readonly virtualStart: bigint;
  readonly numberOfPages: bigint;
  readonly attribute: bigint;
}

const { WB, UC, RUNTIME } = MemoryAttr;

export function descriptorEnd(d: MemoryDescriptor): bigint {
  return d.physicalStart + (d.numberOfPages << EFI_PAGE_SHIFT);
}

export function memoryTypeName(t: number): string {
  const e = Object.entries(MemoryType).find(([, v]) => v === t);
  return e ? e[0] : `type ${t}`;
}

function desc(type: MemoryTypeName, r: MemoryRange, attribute: bigint): MemoryDescriptor {
  return { type: MemoryType[type], physicalStart: r.base, virtualStart: 0n, numberOfPages: r.size >> EFI_PAGE_SHIFT, attribute };
}

/** The map for a machine and the firmware's layout; initrd is the old kernel's, in loader data. */
export function buildMemoryMap(config: MachineConfig, layout: FirmwareLayout, initrd?: MemoryRange): MemoryDescriptor[] {
  const owned: MemoryDescriptor[] = [
    desc('BootServicesCode', layout.bootServicesCode, WB),
    desc('BootServicesData', layout.bootServicesData, WB),
    desc('LoaderCode', layout.loaderCode, WB),
    desc('LoaderData', layout.loaderData, WB),
    desc('RuntimeServicesData', layout.runtimeData, WB | RUNTIME),
    desc('PalCode', layout.palCode, WB | RUNTIME),
  ];
  if (initrd && initrd.size > 0n) {
    const pages = (initrd.size + EFI_PAGE_SIZE - 1n) & ~(EFI_PAGE_SIZE - 1n);
    owned.push(desc('LoaderData', { base: initrd.base, size: pages }, WB));
  }
  const out: MemoryDescriptor[] = [...owned];
  for (const r of config.ram) {
    let cur = (r.base + EFI_PAGE_SIZE - 1n) & ~(EFI_PAGE_SIZE - 1n);
    const end = (r.base + r.size) & ~(EFI_PAGE_SIZE - 1n);
    const inside = owned.filter((d) => d.physicalStart < end && descriptorEnd(d) > cur).sort((a, b) => (a.physicalStart < b.physicalStart ? -1 : 1));
    for (const d of inside) {
      if (d.physicalStart > cur) out.push(desc('ConventionalMemory', { base: cur, size: d.physicalStart - cur }, WB));
      cur = descriptorEnd(d);
    }
    if (end > cur) out.push(desc('ConventionalMemory', { base: cur, size: end - cur }, WB));
  }
  out.push(desc('RuntimeServicesCode', layout.stubs, WB | RUNTIME));
  if (layout.flash) out.push(desc('MemoryMappedIO', layout.flash, UC | RUNTIME));
  out.push(desc('MemoryMappedIOPortSpace', layout.ioPorts, UC | RUNTIME));
  return out.sort((a, b) => (a.physicalStart < b.physicalStart ? -1 : 1));
}

/** Descriptors laid out descSize bytes apart (bytes past the 40 defined ones are zero). */
export function encodeMemoryMap(map: readonly MemoryDescriptor[], descSize = MEMORY_DESCRIPTOR_SIZE): Uint8Array {
  const out = new Uint8Array(map.length * descSize);
  const dv = new DataView(out.buffer);
  map.forEach((d, k) => {
    const o = k * descSize;
    dv.setUint32(o, d.type, true);
    dv.setBigUint64(o + 8, d.physicalStart, true);
    dv.setBigUint64(o + 16, d.virtualStart, true);
    dv.setBigUint64(o + 24, d.numberOfPages, true);
    dv.setBigUint64(o + 32, d.attribute, true);
  });
  return out;
}

export function decodeDescriptor(bytes: Uint8Array, offset = 0): MemoryDescriptor {
  const dv = new DataView(bytes.buffer, bytes.byteOffset + offset, 40);
  return {
    type: dv.getUint32(0, true),
    physicalStart: dv.getBigUint64(8, true),
    virtualStart: dv.getBigUint64(16, true),
    numberOfPages: dv.getBigUint64(24, true),
    attribute: dv.getBigUint64(32, true),
  };
}

export function decodeMemoryMap(bytes: Uint8Array, descSize = MEMORY_DESCRIPTOR_SIZE): MemoryDescriptor[] {
  const out: MemoryDescriptor[] = [];
  for (let o = 0; o + descSize <= bytes.length; o += descSize) out.push(decodeDescriptor(bytes, o));
  return out;
}

/** One line per descriptor, as Linux prints the map at boot. */
export function formatMemoryMap(map: readonly MemoryDescriptor[]): string[] {
  const h = (v: bigint, n = 16) => `0x${v.toString(16).padStart(n, '0')}`;
  return map.map((d) => `${memoryTypeName(d.type).padEnd(24)} [${h(d.physicalStart)}-${h(descriptorEnd(d))}) attr ${h(d.attribute)}`);
}
