// The boot state a Linux/ia64 kernel expects when purgatory jumps to its
// entry (arch/ia64/kernel/head.S _start, efi.c efi_init,
// efi_enter_virtual_mode): physical mode, r28 pointing at an
// ia64_boot_param that describes the new EFI memory map, command line and
// initrd, and the EFI SetVirtualAddressMap descriptor redirected to a
// function that returns EFI_SUCCESS, so the kernel's second call is harmless.

import { decodeBundle } from '../cpu/decode/decoder.js';
import { psrGet } from '../cpu/psr.js';
import { decodeMemoryMap, descriptorEnd } from '../efi/memmap.js';
import { MEMORY_DESCRIPTOR_SIZE, MEMORY_DESCRIPTOR_VERSION } from '../efi/spec.js';
import { BOOT_PARAM, decodeBootParam, runtimeSlot, SYSTAB } from '../efi/tables.js';
import type { Firmware } from '../efi/firmware.js';
import type { LoadPlan } from '../loader/plan.js';
import type { Machine } from '../machine/machine.js';

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

const hex = (v: bigint) => `0x${v.toString(16)}`;
/** Region bits of a pointer: the kernel masks them off in physical mode. */
const physical = (v: bigint) => v & 0x0fffffffffffffffn;

function segmentAt(plan: LoadPlan, what: string): { paddr: bigint; bytes: Uint8Array; memsz: bigint } | undefined {
  return plan.segments.find((s) => s.what === what);
}

/** Whether the one or two bundles at pa put 0 in r8 and return through b0. */
function returnsSuccess(m: Machine, pa: bigint): boolean {
  let zeroR8 = false;
  for (let k = 0n; k < 2n; k++) {
    let bundle;
    try {
      bundle = decodeBundle(m.readPhys(pa + 16n * k, 16));
    } catch {
      return false;
    }
    for (const i of bundle.insns) {
      const d = i.def;
      if (!d) continue;
      if (/^mov$|^adds$|^addl$/.test(d.name) && i.ops[0] === 8 && (d.name === 'mov' ? i.ops[1] === 0 : i.ops[1] === 0 && i.ops[2] === 0)) zeroR8 = true;
      if (d.name.startsWith('br.ret') && i.ops[0] === 0) return zeroR8;
    }
  }
  return false;
}

/** Check the state at the new kernel's entry; every check is reported, passed or not. */
export function kernelEntryChecks(m: Machine, fw: Firmware, plan: LoadPlan, commandLine: string | undefined, initrd: Uint8Array | undefined): Check[] {
  const c = m.cpu;
  const out: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => out.push({ name, ok, detail });

  const it = psrGet(c.psr, 'it');
  const dt = psrGet(c.psr, 'dt');
  const rt = psrGet(c.psr, 'rt');
  check('physical mode', !it && !dt && !rt, `PSR.it=${it} dt=${dt} rt=${rt}`);
  check('interrupts off', !psrGet(c.psr, 'i'), `PSR.i=${psrGet(c.psr, 'i')}`);

  const bpSeg = segmentAt(plan, 'boot-param');
  const r28 = c.gr(28);
  check('r28 points at the new boot_param', bpSeg !== undefined && r28 === bpSeg.paddr, `r28=${hex(r28)}, kexec's boot_param buffer at ${bpSeg ? hex(bpSeg.paddr) : 'none'}`);
  let bp;
  try {
    bp = decodeBootParam(m.readPhys(r28, BOOT_PARAM.size));
  } catch {
    check('boot_param readable', false, `nothing at ${hex(r28)}`);
    return out;
  }

  check('EFI system table', bp.efiSystab === fw.addresses.systemTable, `efi_systab=${hex(bp.efiSystab)}, firmware's at ${hex(fw.addresses.systemTable)}`);

  const mmSeg = segmentAt(plan, 'efi-memmap');
  check('EFI memory map in kexec\'s buffer', mmSeg !== undefined && bp.efiMemmap === mmSeg.paddr, `efi_memmap=${hex(bp.efiMemmap)}, buffer at ${mmSeg ? hex(mmSeg.paddr) : 'none'}`);
  check('EFI memory descriptor format', bp.efiMemdescSize === BigInt(MEMORY_DESCRIPTOR_SIZE) && bp.efiMemdescVersion === MEMORY_DESCRIPTOR_VERSION, `size ${bp.efiMemdescSize}, version ${bp.efiMemdescVersion}`);
  const mapOk = (() => {
    if (bp.efiMemmapSize === 0n || bp.efiMemmapSize % bp.efiMemdescSize !== 0n) return `size ${bp.efiMemmapSize} is not a whole number of descriptors`;
    if (mmSeg && bp.efiMemmapSize > mmSeg.memsz) return `size ${bp.efiMemmapSize} overflows the ${mmSeg.memsz}-byte buffer`;
    const map = decodeMemoryMap(m.readPhys(bp.efiMemmap, Number(bp.efiMemmapSize)), Number(bp.efiMemdescSize));
    let end = 0n;
    for (const d of [...map].sort((a, b) => (a.physicalStart < b.physicalStart ? -1 : 1))) {
      if (d.physicalStart & 0xfffn) return `descriptor at ${hex(d.physicalStart)} is not page-aligned`;
      if (d.numberOfPages === 0n) return `empty descriptor at ${hex(d.physicalStart)}`;
      if (d.physicalStart < end) return `descriptors overlap at ${hex(d.physicalStart)}`;
      end = descriptorEnd(d);
    }
    const kernel = plan.segments.filter((s) => s.what === 'kernel');
    for (const s of kernel) {
      if (!map.some((d) => d.physicalStart <= s.paddr && descriptorEnd(d) >= s.paddr + s.memsz)) return `the kernel at ${hex(s.paddr)} is in no descriptor`;
    }
    return `${map.length} descriptors`;
  })();
  check('EFI memory map is well formed', !/not|overlap|empty|overflow|no descriptor/.test(mapOk), mapOk);

  const clSeg = segmentAt(plan, 'command-line');
  if (commandLine !== undefined && clSeg) {
    const text = new TextDecoder().decode(m.readPhys(bp.commandLine, commandLine.length));
    check('command line', bp.commandLine === clSeg.paddr && text === commandLine, `command_line=${hex(bp.commandLine)}: "${text}"`);
  } else {
    check('command line', bp.commandLine === 0n, `command_line=${hex(bp.commandLine)} (none given)`);
  }

  const rdSeg = segmentAt(plan, 'initrd');
  if (initrd?.length && rdSeg) {
    check('initrd', bp.initrdStart === rdSeg.paddr && bp.initrdSize === BigInt(initrd.length), `initrd_start=${hex(bp.initrdStart)} size=${bp.initrdSize}`);
  } else {
    check('initrd', bp.initrdStart === 0n && bp.initrdSize === 0n, `initrd_start=${hex(bp.initrdStart)} size=${bp.initrdSize} (none given)`);
  }

  // The redirected SetVirtualAddressMap: follow the pointers as the kernel's
  // efi_call_phys does, with the region bits masked off.
  const runtime = physical(m.read64(physical(bp.efiSystab) + BigInt(SYSTAB.runtimeServices)));
  const desc = physical(m.read64(runtime + BigInt(runtimeSlot('SetVirtualAddressMap'))));
  const entry = physical(m.read64(desc));
  const original = fw.addresses.entryPoints.SetVirtualAddressMap;
  const redirected = entry !== physical(original) && returnsSuccess(m, entry);
  check('SetVirtualAddressMap redirected to a dummy', redirected, `descriptor at ${hex(desc)}: entry ${hex(entry)}${entry === physical(original) ? ' (still the firmware\'s)' : redirected ? ' returns EFI_SUCCESS' : ' does not return EFI_SUCCESS'}`);
  return out;
}
