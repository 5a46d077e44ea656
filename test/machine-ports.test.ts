// The I/O port space's encoding, its transaction sizes and the unclaimed
// ports, through a default Machine's physical address space.

import { describe, expect, it } from 'vitest';
import { Access } from '../src/cpu/memory.js';
import { MachineCheck } from '../src/machine/address-space.js';
import { defaultConfig } from '../src/machine/config.js';
import { Machine } from '../src/machine/machine.js';
import { PORT_COUNT, PortDevice, portAt, portOffset, PortSpace } from '../src/machine/port-space.js';
import { portProgram, runMachine } from './support/machine-run.js';

const UC = 1n << 63n;

/** A device that records every byte access to the ports it claims. */
class Recorder implements PortDevice {
  readonly name = 'recorder';
  readonly log: string[] = [];
  inb(port: number): number {
    this.log.push(`in ${port.toString(16)}`);
    return port & 0xff;
  }
  outb(port: number, v: number): void {
    this.log.push(`out ${port.toString(16)} ${v.toString(16)}`);
  }
}

function machineWithRecorder(first: number, count: number): { m: Machine; rec: Recorder; at: (port: number) => bigint } {
  const m = new Machine(defaultConfig());
  const rec = new Recorder();
  m.ports.claim(first, count, rec);
  return { m, rec, at: (port) => UC | (m.config.ioPortBase + portOffset(port)) };
}

function machineCheck(f: () => unknown): MachineCheck {
  try {
    f();
  } catch (e) {
    if (e instanceof MachineCheck) return e;
    throw e;
  }
  throw new Error('no machine check');
}

describe('port encoding', () => {
  it('puts four ports on each 4 KiB page and decodes every port back', () => {
    expect(portOffset(0x3f8)).toBe(0xfe3f8n);
    expect(portOffset(0xcfc)).toBe(0x33fcfcn);
    expect(portOffset(0xffff)).toBe(0x3ffffffn);
    for (let p = 0; p < PORT_COUNT; p++) if (portAt(portOffset(p)) !== p) throw new Error(`port 0x${p.toString(16)}`);
  });

  it('a port space base must be aligned to 64 MiB', () => {
    expect(() => new PortSpace(0xffffc100000n)).toThrow(/not aligned to its 64 MiB size/);
  });
});

describe('transactions', () => {
  it('a 2- or 4-byte access reaches consecutive ports, the low byte at the lowest', () => {
    const { m, rec, at } = machineWithRecorder(0x100, 8);
    m.space.write(at(0x100), 4, 0x44332211n);
    m.space.write(at(0x106), 2, 0xbbaan);
    expect(m.space.read(at(0x104), 4)).toBe(0x07060504n);
    expect(rec.log).toEqual([
      'out 100 11', 'out 101 22', 'out 102 33', 'out 103 44', 'out 106 aa', 'out 107 bb',
      'in 104', 'in 105', 'in 106', 'in 107',
    ]);
  });

  it('unclaimed ports read as all ones and ignore writes', () => {
    const { m, at } = machineWithRecorder(0x100, 2);
    m.space.write(at(0x80), 1, 0x12n);
    expect(m.space.read(at(0x80), 1)).toBe(0xffn);
    expect(m.space.read(at(0x200), 4)).toBe(0xffffffffn);
    // Across claimed and unclaimed ports each byte answers for itself.
    expect(m.space.read(at(0x100), 4)).toBe(0xffff0100n);
  });

  it('an 8-byte or misaligned access is a machine check naming the rule', () => {
    const { m, rec, at } = machineWithRecorder(0x100, 8);
    const wide = machineCheck(() => m.space.read(at(0x100), 8));
    expect(wide).toMatchObject({ address: at(0x100) & ~UC, size: 8, uncached: true });
    expect(wide.reason).toMatch(/1-, 2- and 4-byte transactions/);
    const odd = machineCheck(() => m.space.write(at(0x101), 2, 0n));
    expect(odd.message).toMatch(/store of 2 bytes at physical address 0xffffc040101 \(uncached\): a 2-byte I\/O port transaction must be aligned/);
    expect(rec.log).toEqual([]);
  });

  it('code fetched from the port space is a machine check: a bundle is 16 bytes', () => {
    const base = defaultConfig().ioPortBase;
    const run = runMachine([`movl r8=${UC | base}`, 'mov b6=r8', 'br.cond.sptk.few b6']);
    expect(run.stop).toBeInstanceOf(MachineCheck);
    expect(run.stop).toMatchObject({ address: base, size: 16, access: Access.Execute });
    expect((run.stop as MachineCheck).reason).toMatch(/not 16-byte ones/);
  });

  it('ia64 code reads an unclaimed port through ar.k0 as 0xff', () => {
    const run = runMachine(portProgram([['outb', 0x80, 0x42], ['inb', 0x80]]));
    expect(run.stop).toBeNull();
    expect(run.m.cpu.gr(8)).toBe(0xffn);
  });
});
