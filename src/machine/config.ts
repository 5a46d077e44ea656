// The platform's configuration: memory map, implemented physical address
// width and device placement. Defaults follow a typical ia64 server: RAM
// below 2 GiB less the legacy VGA hole, RAM above 4 GiB for the rest,
// firmware ROM just below 4 GiB, and the legacy I/O port space high in the
// physical address space (where HP's zx1/sx1000 chipsets decode it).

import { MemoryMapError } from './address-space.js';

export interface MemoryRange {
  readonly base: bigint;
  readonly size: bigint;
}

export interface MachineConfig {
  /** Implemented physical address bits (bit 63 is the uncacheable attribute, not an address bit). */
  readonly paBits: number;
  /** Usable RAM ranges. */
  readonly ram: readonly MemoryRange[];
  /** Firmware ROM (code of the mock firmware). */
  readonly rom: MemoryRange;
  /** Base of the 64 MiB legacy I/O port space (EFI_MEMORY_MAPPED_IO_PORT_SPACE). */
  readonly ioPortBase: bigint;
  /** Legacy port of the 16550 serial console, or null for none. */
  readonly serialPort: number | null;
}

export const GiB = 1n << 30n;
export const MiB = 1n << 20n;

/** The legacy VGA window [0xa0000, 0x100000) is not RAM. */
export const LEGACY_HOLE: MemoryRange = { base: 0xa0000n, size: 0x60000n };

/** RAM ranges for a machine with `total` bytes of memory. */
export function ramLayout(total: bigint): MemoryRange[] {
  const low = total < 2n * GiB ? total : 2n * GiB;
  const out: MemoryRange[] = [{ base: 0n, size: LEGACY_HOLE.base }];
  if (low > LEGACY_HOLE.base + LEGACY_HOLE.size) {
    out.push({ base: LEGACY_HOLE.base + LEGACY_HOLE.size, size: low - (LEGACY_HOLE.base + LEGACY_HOLE.size) });
  }
  if (total > low) out.push({ base: 4n * GiB, size: total - low });
  return out;
}

export function defaultConfig(memory: bigint = 4n * GiB, paBits = 63): MachineConfig {
  return {
    paBits,
    ram: ramLayout(memory),
    rom: { base: 4n * GiB - 16n * MiB, size: 16n * MiB },
    ioPortBase: 0xffffc000000n,
    serialPort: 0x3f8,
  };
}

/** The end of the implemented physical address space; the architecture allows 32 to 63 address bits. */
export function physicalLimit(config: MachineConfig): bigint {
  const n = config.paBits;
  if (!Number.isInteger(n) || n < 32 || n > 63) {
    throw new MemoryMapError(`${n} implemented physical address bits: the architecture allows 32 to 63`);
  }
  return 1n << BigInt(n);
}

/** Parse a size such as "4G", "512M", "2147483648". */
export function parseSize(s: string): bigint {
  const m = /^(\d+)\s*([kmgt]?)i?b?$/i.exec(s.trim());
  if (!m) throw new Error(`not a memory size: ${s}`);
  const shift = { '': 0n, k: 10n, m: 20n, g: 30n, t: 40n }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return BigInt(m[1]) << shift;
}
