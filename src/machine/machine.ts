// A whole platform: one CPU, the physical address space built from a
// MachineConfig, firmware ROM, and the firmware-call mechanism.

import { Cpu, CpuFault } from '../cpu/cpu.js';
import { Interruption } from '../cpu/interruption.js';
import { AddressSpace } from './address-space.js';
import { MachineConfig } from './config.js';
import { FirmwareCalls } from './firmware-calls.js';
import { Rom, SparseMemory } from './ram.js';

export class Machine {
  readonly space: AddressSpace;
  readonly cpu: Cpu;
  readonly ram: SparseMemory[];
  readonly rom: Rom;
  readonly firmware = new FirmwareCalls();

  constructor(readonly config: MachineConfig) {
    this.space = new AddressSpace(1n << BigInt(config.paBits));
    this.ram = config.ram.map((r, k) => new SparseMemory(`ram${k}`, r.base, r.size));
    for (const r of this.ram) this.space.add(r);
    this.rom = new Rom('firmware-rom', config.rom.base, config.rom.size);
    this.space.add(this.rom);
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
