// The kernel ROM booted straight on the firmware, as if the boot loader had
// started it and it were the kernel kexec starts next: its checks of the
// tables pass, and its SetVirtualAddressMap call, the firmware's second,
// meets each personality's second-call behaviour unless the descriptor has
// been redirected the way purgatory does it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assemble } from '../src/cpu/asm/assemble.js';
import { attachSystem } from '../src/cpu/system/system.js';
import { formatCall } from '../src/efi/call.js';
import { EfiStatus } from '../src/efi/spec.js';
import { runtimeSlot, SYSTAB } from '../src/efi/tables.js';
import { ElfFile, PT_LOAD } from '../src/loader/elf.js';
import { MachineCheck } from '../src/machine/address-space.js';
import { firmwareMachine } from './support/efi.js';

const KERNEL = new ElfFile(readFileSync(fileURLToPath(new URL('../roms/kernel/kernel.elf', import.meta.url))));
/** The kernel's status for "SetVirtualAddressMap did not return EFI_SUCCESS". */
const SVAM_FAILED = 0xa000000000000012n;

function boot(personality: string, redirect: boolean) {
  const { m, fw } = firmwareMachine(personality);
  for (const ph of KERNEL.programHeaders) {
    if (ph.type === PT_LOAD) m.writePhys(ph.paddr, KERNEL.bytes.subarray(Number(ph.offset), Number(ph.offset + ph.filesz)));
  }
  expect(fw.enterVirtualMode()).toBe(EfiStatus.SUCCESS);
  if (redirect) {
    // Purgatory's patch with the fixed PA(): strip the region from both pointers.
    const pa = (x: bigint) => x & 0x0fffffffffffffffn;
    const dummy = 0x300000n;
    m.writePhys(dummy, assemble(['mov r8=r0', 'br.ret.sptk.many b0'], dummy).bytes);
    const rt = pa(m.read64(fw.addresses.systemTable + BigInt(SYSTAB.runtimeServices)));
    m.write64(pa(m.read64(rt + BigInt(runtimeSlot('SetVirtualAddressMap')))), dummy);
  }
  attachSystem(m.cpu);
  m.cpu.ip = KERNEL.header.entry;
  m.cpu.setGr(28, fw.addresses.bootParam);
  let stop: unknown = null;
  try {
    for (let k = 0; k < 50 && !m.cpu.halted; k++) m.cpu.run(100_000);
  } catch (e) {
    stop = e;
  }
  return { m, fw, stop, console: m.serial!.output, calls: fw.log.map((r) => `${r.service} ${r.status === null ? '-' : r.status.toString(16)}`) };
}

describe('the kernel ROM on the firmware', () => {
  it('passes every check under tiano, whose second call succeeds', () => {
    const r = boot('tiano', false);
    expect(r.console).toContain('kernel: EFI system table at 0x7fc00000, revision 2.00');
    expect(r.console).toContain('kernel: SetVirtualAddressMap descriptor at 0xe00000007fc00240: entry 0xff000040, gp 0x7fc00000');
    expect(r.console).toContain('kernel: all checks passed');
    expect(r.calls).toEqual(['SetVirtualAddressMap 0', 'SetVirtualAddressMap 0', 'ResetSystem -']);
    expect(r.fw.reset).toMatchObject({ typeName: 'EfiResetShutdown', status: 0n });
    expect(r.fw.log[2].mode).toBe('virtual');
  });

  it('shuts down with the kernel\'s failure status under spec', () => {
    const r = boot('spec', false);
    expect(r.console).toContain('kernel: SetVirtualAddressMap returned 0x8000000000000003');
    expect(r.fw.reset?.status).toBe(SVAM_FAILED);
  });

  it('takes a machine check under legacy', () => {
    const r = boot('legacy', false);
    expect(r.stop).toBeInstanceOf(MachineCheck);
    expect(r.console).toContain('entry 0xe0000000ff000040, gp 0xe00000007fc00000');
    expect(formatCall(r.fw.log[1])).toContain('second call: physical load from 0xe00000007fc00100');
  });

  for (const p of ['legacy', 'tiano', 'spec']) {
    it(`passes under ${p} once the descriptor is redirected`, () => {
      const r = boot(p, true);
      expect(r.stop).toBeNull();
      expect(r.calls).toEqual(['SetVirtualAddressMap 0', 'ResetSystem -']);
      expect(r.fw.reset?.status).toBe(0n);
    });
  }
});
