// The legacy I/O port space (Vol. 2, 10.7): 64 MiB of physical addresses
// in which each group of four ports has a 4 KiB page of its own, so that an
// operating system can map ports page by page. Software forms a port's
// address as base | (port{15:2} << 12) | port{11:0}; the platform decodes
// the port from address bits {25:12} and {1:0}, as the chipsets do. Bus
// transactions carry 1, 2 or 4 bytes, naturally aligned; a 2- or 4-byte
// access reaches consecutive ports, the lowest byte at the lowest port (a
// word written to an index port sets the index and its data register at
// once). Ports no device claims read as all ones and ignore writes, as an
// ISA bus with nothing answering does.

import { BusError, MemoryMapError, Region } from './address-space.js';
import { MiB } from './config.js';

export const PORT_SPACE_SIZE = 64n * MiB;
export const PORT_COUNT = 0x10000;

/** A device on the port bus; it is handed every byte access to the ports it claims. */
export interface PortDevice {
  readonly name: string;
  inb(port: number): number;
  outb(port: number, value: number): void;
}

/** The offset of a port in the space, as software computes it (Linux's IO_SPACE_SPARSE_ENCODING). */
export function portOffset(port: number): bigint {
  return (BigInt(port >> 2) << 12n) | BigInt(port & 0xfff);
}

/** The port an offset in the space addresses: bits {25:12} and {1:0}. */
export function portAt(off: bigint): number {
  return Number(((off >> 12n) << 2n) | (off & 3n)) & 0xffff;
}

const hex = (n: number) => '0x' + n.toString(16);

export class PortSpace implements Region {
  readonly name = 'io-ports';
  readonly kind = 'device';
  readonly size = PORT_SPACE_SIZE;
  private readonly devices: (PortDevice | undefined)[] = new Array(PORT_COUNT);

  constructor(readonly base: bigint) {
    if (base % PORT_SPACE_SIZE !== 0n) {
      throw new MemoryMapError(`the I/O port space base 0x${base.toString(16)} is not aligned to its 64 MiB size`);
    }
  }

  /** Give ports [first, first + count) to a device. */
  claim(first: number, count: number, device: PortDevice): this {
    if (!Number.isInteger(first) || first < 0 || count <= 0 || first + count > PORT_COUNT) {
      throw new MemoryMapError(`${device.name}: ports [${hex(first)}, ${hex(first + count)}) lie outside the 64 Ki ports`);
    }
    for (let p = first; p < first + count; p++) {
      const other = this.devices[p];
      if (other) throw new MemoryMapError(`${device.name}: port ${hex(p)} already belongs to ${other.name}`);
    }
    this.devices.fill(device, first, first + count);
    return this;
  }

  /** The device answering a port, if any. */
  deviceAt(port: number): PortDevice | undefined {
    return this.devices[port];
  }

  inb(port: number): number {
    return this.devices[port]?.inb(port) ?? 0xff;
  }

  outb(port: number, value: number): void {
    this.devices[port]?.outb(port, value & 0xff);
  }

  private check(off: bigint, size: number): number {
    if (size !== 1 && size !== 2 && size !== 4) {
      throw new BusError(`the I/O port space carries 1-, 2- and 4-byte transactions, not ${size}-byte ones`);
    }
    if (off % BigInt(size) !== 0n) throw new BusError(`a ${size}-byte I/O port transaction must be aligned to ${size} bytes`);
    return portAt(off);
  }

  read(off: bigint, size: number): bigint {
    const port = this.check(off, size);
    let v = 0;
    for (let i = 0; i < size; i++) v += this.inb(port + i) * 2 ** (8 * i);
    return BigInt(v);
  }

  write(off: bigint, size: number, value: bigint): void {
    const port = this.check(off, size);
    for (let i = 0; i < size; i++) this.outb(port + i, Number((value >> BigInt(8 * i)) & 0xffn));
  }

  readBlock(off: bigint, out: Uint8Array): void {
    const v = this.read(off, out.length);
    for (let i = 0; i < out.length; i++) out[i] = Number((v >> BigInt(8 * i)) & 0xffn);
  }

  writeBlock(off: bigint, data: Uint8Array): void {
    let v = 0n;
    for (let i = data.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(data[i]);
    this.write(off, data.length, v);
  }
}
