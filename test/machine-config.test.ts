// Machine configurations that cannot be built are refused with a
// MemoryMapError naming the regions or ports involved.

import { describe, expect, it } from 'vitest';
import { MemoryMapError } from '../src/machine/address-space.js';
import { defaultConfig, GiB, MachineConfig, MiB } from '../src/machine/config.js';
import { Machine } from '../src/machine/machine.js';

function refusal(changes: Partial<MachineConfig>): string {
  try {
    new Machine({ ...defaultConfig(), ...changes });
  } catch (e) {
    if (e instanceof MemoryMapError) return e.message;
    throw e;
  }
  throw new Error('the configuration was accepted');
}

describe('the default configuration', () => {
  it('builds, with every region in the address space', () => {
    const m = new Machine(defaultConfig());
    expect(m.space.list().map((r) => `${r.name} ${r.kind} 0x${r.base.toString(16)}+0x${r.size.toString(16)}`)).toEqual([
      'ram0 ram 0x0+0xa0000',
      'vga device 0xa0000+0x20000',
      'ram1 ram 0x100000+0x7ff00000',
      'firmware-rom rom 0xff000000+0x1000000',
      'ram2 ram 0x100000000+0x80000000',
      'io-ports device 0xffffc000000+0x4000000',
    ]);
    expect(m.serial?.base).toBe(0x3f8);
  });

  it('builds without a serial port', () => {
    const m = new Machine({ ...defaultConfig(), serialPort: null });
    expect(m.serial).toBeNull();
    expect(m.ports.deviceAt(0x3f8)).toBeUndefined();
  });
});

describe('refused configurations', () => {
  it('overlapping RAM ranges', () => {
    const ram = [{ base: 0n, size: 0xa0000n }, { base: 0x100000n, size: GiB }, { base: 0x200000n, size: MiB }];
    expect(refusal({ ram })).toBe('region ram2 [0x200000, 0x300000) overlaps region ram1 [0x100000, 0x40100000)');
  });

  it('RAM over the VGA window', () => {
    expect(refusal({ ram: [{ base: 0n, size: GiB }] })).toBe(
      'region vga [0xa0000, 0xc0000) overlaps region ram0 [0x0, 0x40000000)',
    );
  });

  it('the ROM over RAM', () => {
    expect(refusal({ rom: { base: GiB, size: 16n * MiB } })).toMatch(/^region firmware-rom \[0x40000000, 0x41000000\) overlaps region ram1/);
  });

  it('a port space that overlaps RAM', () => {
    expect(refusal({ ioPortBase: 4n * GiB })).toBe(
      'region io-ports [0x100000000, 0x104000000) overlaps region ram2 [0x100000000, 0x180000000)',
    );
  });

  it('RAM beyond the implemented physical address bits', () => {
    expect(refusal({ paBits: 32 })).toBe(
      'region ram2 [0x100000000, 0x180000000) lies beyond the implemented physical address space (0x100000000)',
    );
  });

  it('a port space beyond the implemented physical address bits', () => {
    expect(refusal({ paBits: 40 })).toBe(
      'region io-ports [0xffffc000000, 0x100000000000) lies beyond the implemented physical address space (0x10000000000)',
    );
  });

  it('a physical address width the architecture does not allow', () => {
    expect(refusal({ paBits: 64 })).toBe('64 implemented physical address bits: the architecture allows 32 to 63');
    expect(refusal({ paBits: 31 })).toMatch(/^31 implemented/);
  });

  it('a port space base not aligned to 64 MiB', () => {
    expect(refusal({ ioPortBase: 0xffffc100000n })).toBe('the I/O port space base 0xffffc100000 is not aligned to its 64 MiB size');
  });

  it('a serial port on the VGA registers or outside the port range', () => {
    expect(refusal({ serialPort: 0x3d0 })).toBe('serial: port 0x3d0 already belongs to vga');
    expect(refusal({ serialPort: 0xfffc })).toBe('serial: ports [0xfffc, 0x10004) lie outside the 64 Ki ports');
  });

  it('an empty RAM range', () => {
    expect(refusal({ ram: [{ base: 0n, size: 0n }] })).toBe('region ram0 is empty');
  });
});
