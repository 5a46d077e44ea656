// A whole platform: one CPU, the physical address space built from a
// MachineConfig (RAM, firmware ROM, the VGA window and the I/O port space
// with the VGA registers and a serial port), and the firmware-call
// mechanism. Every region goes through AddressSpace.add, so a map with
// overlaps or beyond the implemented address bits is refused.

import { Cpu, CpuFault } from '../cpu/cpu.js';
import { Interruption } from '../cpu/interruption.js';
import { AddressSpace } from './address-space.js';
import { MachineConfig, physicalLimit } from './config.js';
import { FirmwareCalls } from './firmware-calls.js';
import { PortSpace } from './port-space.js';
import { Rom, SparseMemory } from './ram.js';
import { Uart16550 } from './uart.js';
import { Vga } from './vga.js';
import { VGA_PORTS } from './vga-registers.js';

export class Machine {
  readonly space: AddressSpace;
  readonly cpu: Cpu;
  readonly ram: SparseMemory[];
  readonly rom: Rom;
  readonly vga = new Vga();
  readonly ports: PortSpace;
  /** The 16550 at config.serialPort, or null. */
  readonly serial: Uart16550 | null;
  readonly firmware = new FirmwareCalls();

  constructor(readonly config: MachineConfig) {
    this.space = new AddressSpace(physicalLimit(config));
    this.ram = config.ram.map((r, k) => new SparseMemory(`ram${k}`, r.base, r.size));
    for (const r of this.ram) this.space.add(r);
    this.rom = new Rom('firmware-rom', config.rom.base, config.rom.size);
    this.space.add(this.rom);
    this.space.add(this.vga);
    this.ports = new PortSpace(config.ioPortBase).claim(VGA_PORTS.first, VGA_PORTS.count, this.vga.registers);
    this.serial = config.serialPort === null ? null : new Uart16550(config.serialPort);
    if (this.serial) this.ports.claim(this.serial.base, 8, this.serial);
    this.space.add(this.ports);
    this.cpu = new Cpu(this.space);
    this.cpu.onBreak = (c, imm, slot) => {
      const call = this.firmware.lookup(imm);
      if (!call) return false;
      const ip = c.ip;
      try {
        call(c);
      } catch (e) {
        // A fault in the handler (a TLB miss on a pointer argument) is the
        // break's own: delivered, the OS resumes at the break and the call runs again.
        if (!(e instanceof Interruption)) throw e;
        if (c.onInterruption?.(c, e, slot)) return true;
        throw new CpuFault(e, ip, slot);
      }
      if (!c.halted) c.resumeAfter(ip, slot);
      return true;
    };
  }

  /** Copy bytes into physical memory (RAM or ROM), as a loader or firmware does. */
  writePhys(pa: bigint, bytes: Uint8Array): void {
    const r = this.space.find(pa, bytes.length);
    if (!r || !(r instanceof SparseMemory)) {
      throw new Error(`no RAM or ROM holds [0x${pa.toString(16)}, 0x${(pa + BigInt(bytes.length)).toString(16)})`);
    }
    r.load(pa - r.base, bytes);
  }

  readPhys(pa: bigint, n: number): Uint8Array {
    const out = new Uint8Array(n);
    this.space.readBlock(pa, out);
    return out;
  }

  write64(pa: bigint, v: bigint): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
    this.writePhys(pa, b);
  }

  read64(pa: bigint): bigint {
    return new DataView(this.readPhys(pa, 8).buffer).getBigUint64(0, true);
  }
}
