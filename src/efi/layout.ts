// Where the firmware keeps things. Everything it owns in RAM sits in one
// 16 MiB area at the top of the RAM below 2 GiB (0x7f000000 with 2 GiB or
// more), above the kernels' 64 MiB window and apart from the highest RAM,
// where kexec puts purgatory; its code is at the start of the ROM. See
// docs/firmware.md for the picture.

import { MachineConfig, MemoryRange, MiB, GiB } from '../machine/config.js';

export const AREA_SIZE = 16n * MiB;
/** The area must lie above the kernels' load window [64 MiB, 128 MiB). */
export const AREA_FLOOR = 128n * MiB;
/** Runtime code: the ROM stubs, in the first 64 KiB of the ROM; the rest of the ROM is flash (MMIO). */
export const STUB_AREA_SIZE = 0x10000n;
/** The legacy I/O port space is 64 MiB (Linux's IO_SPACE_SIZE per port space). */
export const IO_PORT_SPACE_SIZE = 64n * MiB;

/** Offsets in the area, each piece a memory type of its own. */
const PIECES = {
  bootServicesCode: [0x000000n, 0x500000n],
  bootServicesData: [0x500000n, 0x500000n],
  loaderCode: [0xa00000n, 0x100000n],
  loaderData: [0xb00000n, 0x100000n],
  runtimeData: [0xc00000n, 0x200000n],
  palCode: [0xe00000n, 0x200000n],
} as const;

/** Offsets in the runtime data piece. */
export const RUNTIME_DATA = {
  systemTable: 0x000n,
  runtimeServices: 0x100n,
  descriptors: 0x200n,
  firmwareVendor: 0x300n,
  configurationTable: 0x400n,
  salSystemTable: 0x500n,
} as const;
export const FIRMWARE_VENDOR_MAX = 0x100;

/** Offsets in the loader data piece: what the boot loader handed the old kernel. */
export const LOADER_DATA = {
  bootParam: 0x0000n,
  commandLine: 0x1000n,
  memoryMap: 0x2000n,
  end: 0x10000n,
} as const;
export const COMMAND_LINE_MAX = 0x1000;

export interface FirmwareLayout {
  /** The RAM range the area is carved from. */
  readonly ram: MemoryRange;
  readonly area: MemoryRange;
  readonly bootServicesCode: MemoryRange;
  readonly bootServicesData: MemoryRange;
  readonly loaderCode: MemoryRange;
  readonly loaderData: MemoryRange;
  readonly runtimeData: MemoryRange;
  readonly palCode: MemoryRange;
  /** ROM holding the firmware-call stubs (EfiRuntimeServicesCode). */
  readonly stubs: MemoryRange;
  /** The rest of the ROM (EfiMemoryMappedIO), or null when the ROM is just the stubs. */
  readonly flash: MemoryRange | null;
  readonly ioPorts: MemoryRange;
}

export class LayoutError extends Error {}

const hex = (v: bigint) => `0x${v.toString(16)}`;

/** The RAM range the area goes in: the highest one starting below 2 GiB. */
function lowRam(config: MachineConfig): MemoryRange {
  const below = config.ram.filter((r) => r.base < 2n * GiB).sort((a, b) => (a.base < b.base ? 1 : -1));
  if (!below.length) throw new LayoutError('the firmware needs RAM below 2 GiB');
  return below[0];
}

export function firmwareLayout(config: MachineConfig): FirmwareLayout {
  const ram = lowRam(config);
  let top = ram.base + ram.size;
  if (top > 2n * GiB) top = 2n * GiB;
  top &= ~(MiB - 1n);
  const base = top - AREA_SIZE;
  if (base < AREA_FLOOR || base < ram.base) {
    throw new LayoutError(
      `the firmware's 16 MiB must fit in RAM above ${hex(AREA_FLOOR)} and below 2 GiB; RAM [${hex(ram.base)}, ${hex(ram.base + ram.size)}) is too small`,
    );
  }
  if (config.rom.size < STUB_AREA_SIZE) throw new LayoutError(`the ROM (${hex(config.rom.size)} bytes) is smaller than the 64 KiB of firmware stubs`);
  const piece = ([off, size]: readonly [bigint, bigint]) => ({ base: base + off, size });
  const romRest = config.rom.size - STUB_AREA_SIZE;
  return {
    ram,
    area: { base, size: AREA_SIZE },
    bootServicesCode: piece(PIECES.bootServicesCode),
    bootServicesData: piece(PIECES.bootServicesData),
    loaderCode: piece(PIECES.loaderCode),
    loaderData: piece(PIECES.loaderData),
    runtimeData: piece(PIECES.runtimeData),
    palCode: piece(PIECES.palCode),
    stubs: { base: config.rom.base, size: STUB_AREA_SIZE },
    flash: romRest > 0n ? { base: config.rom.base + STUB_AREA_SIZE, size: romRest } : null,
    ioPorts: { base: config.ioPortBase, size: IO_PORT_SPACE_SIZE },
  };
}

/**
 * Where the old kernel's initrd goes: loader data just below the area,
 * 64 KiB aligned, still above the kernels' window.
 */
export function initrdRange(layout: FirmwareLayout, size: number): MemoryRange {
  const span = (BigInt(size) + 0xffffn) & ~0xffffn;
  const base = layout.area.base - span;
  if (base < AREA_FLOOR || base < layout.ram.base) throw new LayoutError(`an initrd of ${size} bytes does not fit between ${hex(AREA_FLOOR)} and the firmware area`);
  return { base, size: BigInt(size) };
}
