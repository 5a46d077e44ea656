// `purgatorio boot`: what kexec does on an ia64 machine, then purgatory run
// instruction by instruction, and how it ended.
//
// 1. A machine with the mock firmware; the old kernel's first
//    SetVirtualAddressMap call leaves the firmware tables in the state of the
//    chosen personality.
// 2. kexec -l: the kernel, purgatory and their buffers placed and relocated.
// 3. The CPU as the old kernel's relocate_new_kernel leaves it, at
//    purgatory's entry; the run stops at the new kernel's entry.

import { CpuFault } from '../cpu/cpu.js';
import { MachineStop } from '../cpu/interruption.js';
import { PSR } from '../cpu/psr.js';
import { AR } from '../cpu/state.js';
import { tlbLookup } from '../cpu/system/lookup.js';
import { attachSystem } from '../cpu/system/system.js';
import type { CallRecord } from '../efi/call.js';
import { Firmware, installFirmware } from '../efi/firmware.js';
import type { Personality } from '../efi/personality.js';
import type { ResetRecord } from '../efi/runtime.js';
import { EfiStatus, MemoryType } from '../efi/spec.js';
import { buildLoadPlan, LoadPlan, writeLoadPlan } from '../loader/plan.js';
import type { RamRange } from '../loader/placement.js';
import { MachineCheck } from '../machine/address-space.js';
import { defaultConfig, MiB } from '../machine/config.js';
import { Machine } from '../machine/machine.js';
import { faultReport, FaultReport } from '../machine/mca-report.js';
import { Check, kernelEntryChecks } from './checks.js';
import { isSpinning } from './spin.js';

export type Outcome = 'kernel-entry' | 'shutdown' | 'mca' | 'digest-mismatch' | 'fault' | 'hang' | 'limit';

/** Exit status of `purgatorio boot` for each outcome (1 is bad input). */
export const EXIT_STATUS: Record<Outcome, number> = {
  'kernel-entry': 0,
  shutdown: 0,
  mca: 2,
  fault: 3,
  'digest-mismatch': 3,
  hang: 4,
  limit: 4,
};

export interface BootInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface BootOptions {
  readonly purgatory: BootInput;
  readonly kernel: BootInput;
  readonly initrd?: BootInput;
  /** The new kernel's command line (kexec --command-line). */
  readonly commandLine?: string;
  /** The old kernel's command line, in the firmware's boot parameters. */
  readonly oldCommandLine?: string;
  readonly personality: Personality;
  readonly memory: bigint;
  readonly paBits: number;
  readonly maxInsns: number;
  /** Keep running the new kernel after the hand-off, until it shuts down. */
  readonly follow?: boolean;
  readonly noio?: boolean;
  readonly skipChecks?: boolean;
  /** Compile hot code into traces (default); false interprets every instruction. */
  readonly jit?: boolean;
  /** Called every chunk of instructions with the count so far. */
  readonly progress?: (instructions: number) => void;
  /** Called once everything is in memory, before purgatory runs (to corrupt a segment, say). */
  readonly afterLoad?: (m: Machine, plan: LoadPlan) => void;
}

export interface BootResult {
  readonly outcome: Outcome;
  readonly exitStatus: number;
  /** One line saying how the run ended. */
  readonly summary: string;
  readonly instructions: number;
  readonly purgatory: string;
  readonly kernel: string;
  readonly firmware: string;
  readonly plan: LoadPlan;
  readonly kernelEntry: bigint;
  readonly checks: readonly Check[];
  readonly fault: FaultReport | null;
  readonly console: { readonly vga: readonly string[]; readonly serial: string };
  readonly firmwareCalls: readonly CallRecord[];
  readonly reset: ResetRecord | null;
}

/** Where relocate_new_kernel's control page sits: its memory stack and RSE backing store. */
const CONTROL_PAGE = 0x80000n;
const CONTROL_PAGE_SIZE = 0x10000n;
/** kexec on ia64 leaves the first MiB alone (legacy BIOS and VGA areas). */
const LOW_MEMORY = 1n * MiB;

const CHUNK = 1_000_000;

/** EFI memory types kexec sees as System RAM once boot services have exited. */
const USABLE: ReadonlySet<number> = new Set([
  MemoryType.ConventionalMemory,
  MemoryType.BootServicesCode,
  MemoryType.BootServicesData,
  MemoryType.LoaderCode,
]);

function usableRam(fw: Firmware): RamRange[] {
  const out: RamRange[] = [];
  for (const d of fw.memoryMap) {
    if (!USABLE.has(d.type)) continue;
    let base = d.physicalStart;
    const end = base + (d.numberOfPages << 12n);
    if (end <= LOW_MEMORY) continue;
    if (base < LOW_MEMORY) base = LOW_MEMORY;
    const last = out[out.length - 1];
    if (last && last.base + last.size === base) out[out.length - 1] = { base: last.base, size: end - last.base };
    else out.push({ base, size: end - base });
  }
  return out;
}

/** The CPU as relocate_new_kernel hands it to purgatory (Linux arch/ia64/kernel/relocate_kernel.S). */
function enterPurgatory(m: Machine, fw: Firmware, plan: LoadPlan): void {
  const c = m.cpu;
  // rfi with IPSR = AC | BN | IC: physical mode, interrupts off.
  c.psr = (1n << BigInt(PSR.ac)) | (1n << BigInt(PSR.bn)) | (1n << BigInt(PSR.ic));
  c.r.ar[AR.RSC] = 0n;
  c.r.ar[AR.BSP] = CONTROL_PAGE;
  c.r.ar[AR.BSPSTORE] = CONTROL_PAGE;
  c.r.ar[AR.KR0] = m.config.ioPortBase;
  c.setGr(12, CONTROL_PAGE + CONTROL_PAGE_SIZE - 16n);
  c.setGr(28, fw.addresses.bootParam);
  c.ip = plan.purgatoryEntry;
  c.breakAt = plan.kernelEntry;
}

/**
 * Why the same store is an MCA with one physical address width and a fault
 * with another: with 63 implemented bits (as HP's Ski simulator has) an
 * address like 0x2000... reaches the platform, where nothing answers; with
 * 50 (an Itanium 2) its bits above 49 are unimplemented and the CPU faults
 * before the access leaves it.
 */
function paWidthNote(e: MachineCheck | CpuFault, paBits: number): string {
  if (e instanceof MachineCheck && e.address >= 1n << 50n) {
    return `. The address has bits above 49 set: on an Itanium 2 (--pa-bits 50) the CPU would raise Unimplemented Data Address instead of reaching the platform`;
  }
  if (e instanceof CpuFault && /Unimplemented (Data|Instruction) Address/.test(e.interruption.kind)) {
    return `. With ${paBits} implemented physical address bits the CPU refuses the address itself; with 63 (--pa-bits 63, the default, as in HP's Ski) it would reach the platform, find nothing there and take a Machine Check Abort`;
  }
  return '';
}

function digestMismatch(text: string): boolean {
  return /sha-?256|digest/i.test(text) && /mismatch|do not match|corrupt/i.test(text);
}

export function boot(o: BootOptions): BootResult {
  const m = new Machine(defaultConfig(o.memory, o.paBits));
  const fw = installFirmware(m, o.personality, { commandLine: o.oldCommandLine ?? 'root=/dev/sda2 console=ttyS0' });
  const svam = fw.enterVirtualMode();
  if (svam !== EfiStatus.SUCCESS) throw new Error(`the old kernel's SetVirtualAddressMap call failed with status 0x${svam.toString(16)}`);

  const ram = usableRam(fw).filter((r) => r.base + r.size > CONTROL_PAGE + CONTROL_PAGE_SIZE);
  const plan = buildLoadPlan({
    kernel: o.kernel.bytes,
    purgatory: o.purgatory.bytes,
    ram,
    efiMemmapSize: fw.addresses.memoryMapSize,
    commandLine: o.commandLine,
    initrd: o.initrd?.bytes,
    noio: o.noio,
    skipChecks: o.skipChecks,
  });
  writeLoadPlan(plan, { write: (pa, bytes) => m.writePhys(pa, bytes) });
  o.afterLoad?.(m, plan);

  attachSystem(m.cpu, { paBits: o.paBits });
  if (o.jit === false) m.cpu.traceThreshold = 0;
  enterPurgatory(m, fw, plan);

  const c = m.cpu;
  const symbolize = (a: bigint) => {
    const n = plan.symbols.nearest(a);
    return n ? { name: n.name, offset: n.offset } : undefined;
  };
  let outcome: Outcome | null = null;
  let fault: FaultReport | null = null;
  let checks: Check[] = [];
  let summary = '';
  const consoleText = () => m.vga.screen().join('\n') + '\n' + (m.serial?.output ?? '');

  try {
    while (outcome === null) {
      const left = o.maxInsns - c.insnCount;
      if (left <= 0) {
        outcome = 'limit';
        summary = `stopped after ${c.insnCount} instructions (--max-insns) at IP 0x${c.ip.toString(16)} (${plan.symbols.describe(c.ip)})`;
        break;
      }
      const stop = c.run(Math.min(CHUNK, left));
      o.progress?.(c.insnCount);
      if (stop === 'breakpoint') {
        checks = kernelEntryChecks(m, fw, plan, o.commandLine, o.initrd?.bytes);
        const failed = checks.filter((k) => !k.ok);
        if (!o.follow) {
          outcome = 'kernel-entry';
          summary = `reached the new kernel's entry 0x${plan.kernelEntry.toString(16)} after ${c.insnCount} instructions; ${failed.length ? `${failed.length} boot-state check(s) failed: ${failed.map((k) => k.name).join(', ')}` : 'boot state as the kernel expects'}`;
          break;
        }
        c.breakAt = -1n;
        continue;
      }
      if (stop === 'halt') {
        outcome = 'shutdown';
        const r = fw.reset;
        summary = r ? `the kernel called ResetSystem(${r.typeName}) with status 0x${r.status.toString(16)}` : 'the CPU halted';
        break;
      }
      if (isSpinning(c)) {
        const where = plan.symbols.describe(c.ip);
        outcome = digestMismatch(consoleText()) ? 'digest-mismatch' : 'hang';
        summary =
          outcome === 'digest-mismatch'
            ? `purgatory found a sha256 digest mismatch and spins at 0x${c.ip.toString(16)} (${where})`
            : `the CPU spins forever at 0x${c.ip.toString(16)} (${where})`;
      }
    }
  } catch (e) {
    if (e instanceof MachineCheck || e instanceof CpuFault) {
      fault = faultReport(e, c, { symbolize, translation: tlbLookup(c) });
      outcome = e instanceof MachineCheck ? 'mca' : 'fault';
      const what = fault.instruction ? ` by ${fault.instruction.trim()}` : '';
      const sym = fault.symbol ? ` in ${fault.symbol}` : '';
      summary = e instanceof MachineCheck
        ? `Machine Check Abort: ${e.message.replace(/^Machine Check Abort: /, '')}${what}${sym} at IP 0x${c.ip.toString(16)}`
        : `${e.interruption.kind}${what}${sym} at IP 0x${e.ip.toString(16)}`;
      summary += paWidthNote(e, o.paBits);
    } else if (e instanceof MachineStop) {
      outcome = 'fault';
      summary = e.message;
    } else {
      throw e;
    }
  }

  let exitStatus = EXIT_STATUS[outcome!];
  if (outcome === 'kernel-entry' && checks.some((k) => !k.ok)) exitStatus = 3;
  if (outcome === 'shutdown' && fw.reset && fw.reset.status !== 0n) exitStatus = 3;
  return {
    outcome: outcome!,
    exitStatus,
    summary,
    instructions: c.insnCount,
    purgatory: o.purgatory.name,
    kernel: o.kernel.name,
    firmware: o.personality.name,
    plan,
    kernelEntry: plan.kernelEntry,
    checks,
    fault,
    console: { vga: m.vga.screen(), serial: m.serial?.output ?? '' },
    firmwareCalls: fw.log,
    reset: fw.reset,
  };
}
