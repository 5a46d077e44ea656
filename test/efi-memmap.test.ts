// The EFI memory map the firmware reports, for the default machine and
// for small and large ones.

import { describe, expect, it } from 'vitest';
import { firmwareLayout, LayoutError } from '../src/efi/layout.js';
import { buildMemoryMap, decodeMemoryMap, descriptorEnd, encodeMemoryMap, formatMemoryMap, MemoryDescriptor } from '../src/efi/memmap.js';
import { MemoryType } from '../src/efi/spec.js';
import { defaultConfig, GiB, MachineConfig, MiB } from '../src/machine/config.js';

function mapFor(config: MachineConfig): MemoryDescriptor[] {
  return buildMemoryMap(config, firmwareLayout(config));
}

describe('the memory map of the default 4 GiB machine', () => {
  it('is exactly this', () => {
    expect(formatMemoryMap(mapFor(defaultConfig()))).toEqual([
      'ConventionalMemory       [0x0000000000000000-0x00000000000a0000) attr 0x0000000000000008',
      'ConventionalMemory       [0x0000000000100000-0x000000007f000000) attr 0x0000000000000008',
      'BootServicesCode         [0x000000007f000000-0x000000007f500000) attr 0x0000000000000008',
      'BootServicesData         [0x000000007f500000-0x000000007fa00000) attr 0x0000000000000008',
      'LoaderCode               [0x000000007fa00000-0x000000007fb00000) attr 0x0000000000000008',
      'LoaderData               [0x000000007fb00000-0x000000007fc00000) attr 0x0000000000000008',
      'RuntimeServicesData      [0x000000007fc00000-0x000000007fe00000) attr 0x8000000000000008',
      'PalCode                  [0x000000007fe00000-0x0000000080000000) attr 0x8000000000000008',
      'RuntimeServicesCode      [0x00000000ff000000-0x00000000ff010000) attr 0x8000000000000008',
      'MemoryMappedIO           [0x00000000ff010000-0x0000000100000000) attr 0x8000000000000001',
      'ConventionalMemory       [0x0000000100000000-0x0000000180000000) attr 0x0000000000000008',
      'MemoryMappedIOPortSpace  [0x00000ffffc000000-0x0000100000000000) attr 0x8000000000000001',
    ]);
  });
});

describe('the memory map of a 512 MiB machine', () => {
  it('moves the firmware to the top of its RAM and has nothing above 4 GiB', () => {
    const config = defaultConfig(512n * MiB);
    const map = mapFor(config);
    expect(firmwareLayout(config).area).toEqual({ base: 0x1f000000n, size: 16n * MiB });
    expect(formatMemoryMap(map)).toEqual([
      'ConventionalMemory       [0x0000000000000000-0x00000000000a0000) attr 0x0000000000000008',
      'ConventionalMemory       [0x0000000000100000-0x000000001f000000) attr 0x0000000000000008',
      'BootServicesCode         [0x000000001f000000-0x000000001f500000) attr 0x0000000000000008',
      'BootServicesData         [0x000000001f500000-0x000000001fa00000) attr 0x0000000000000008',
      'LoaderCode               [0x000000001fa00000-0x000000001fb00000) attr 0x0000000000000008',
      'LoaderData               [0x000000001fb00000-0x000000001fc00000) attr 0x0000000000000008',
      'RuntimeServicesData      [0x000000001fc00000-0x000000001fe00000) attr 0x8000000000000008',
      'PalCode                  [0x000000001fe00000-0x0000000020000000) attr 0x8000000000000008',
      'RuntimeServicesCode      [0x00000000ff000000-0x00000000ff010000) attr 0x8000000000000008',
      'MemoryMappedIO           [0x00000000ff010000-0x0000000100000000) attr 0x8000000000000001',
      'MemoryMappedIOPortSpace  [0x00000ffffc000000-0x0000100000000000) attr 0x8000000000000001',
    ]);
  });

  it('cannot be built with the firmware inside the kernels\' 64 MiB window', () => {
    expect(() => firmwareLayout(defaultConfig(128n * MiB))).toThrow(LayoutError);
    expect(() => firmwareLayout(defaultConfig(144n * MiB))).not.toThrow();
  });
});

describe('every memory map', () => {
  const RAM_TYPES: number[] = [
    MemoryType.ConventionalMemory, MemoryType.LoaderCode, MemoryType.LoaderData, MemoryType.BootServicesCode,
    MemoryType.BootServicesData, MemoryType.RuntimeServicesData, MemoryType.PalCode,
  ];
  for (const size of [144n * MiB, 256n * MiB, 2n * GiB, 3n * GiB, 4n * GiB, 64n * GiB]) {
    it(`passes the kernel's checks and covers all RAM once (${size >> 20n} MiB)`, () => {
      const config = defaultConfig(size);
      const map = mapFor(config);
      map.forEach((d, k) => {
        expect(d.type).toBeLessThan(15);
        expect(d.numberOfPages).toBeGreaterThan(0n);
        expect(d.physicalStart & 0xfffn).toBe(0n);
        if (k) expect(map[k - 1].physicalStart + (map[k - 1].numberOfPages << 12n)).toBeLessThanOrEqual(d.physicalStart);
      });
      const ram = map.filter((d) => RAM_TYPES.includes(d.type));
      const ramBytes = ram.reduce((s, d) => s + (d.numberOfPages << 12n), 0n);
      expect(ramBytes).toBe(config.ram.reduce((s, r) => s + r.size, 0n));
      for (const d of ram) expect(config.ram.some((r) => r.base <= d.physicalStart && descriptorEnd(d) <= r.base + r.size)).toBe(true);
      const ports = map.filter((d) => d.type === MemoryType.MemoryMappedIOPortSpace);
      expect(ports).toEqual([{ type: 12, physicalStart: config.ioPortBase, virtualStart: 0n, numberOfPages: 0x4000n, attribute: (1n << 63n) | 1n }]);
    });
  }
});

describe('memory map encoding', () => {
  it('lays descriptors 48 bytes apart with zero padding, and reads them back', () => {
    const map = mapFor(defaultConfig());
    const bytes = encodeMemoryMap(map);
    expect(bytes.length).toBe(48 * map.length);
    for (let k = 0; k < map.length; k++) expect([...bytes.subarray(48 * k + 40, 48 * k + 48)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...bytes.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    expect(decodeMemoryMap(bytes)).toEqual(map);
    expect(decodeMemoryMap(encodeMemoryMap(map, 56), 56)).toEqual(map);
  });
});
