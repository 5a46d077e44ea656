// The mock EFI firmware as a machine finds it after the boot loader has
// called ExitBootServices and started the old kernel: tables, memory map
// and boot parameters in memory, runtime services reachable through
// function descriptors, SAL and PAL entry points, and a log of every call.

import type { Cpu } from '../cpu/cpu.js';
import { Interruption } from '../cpu/interruption.js';
import { psrGet } from '../cpu/psr.js';
import type { MemoryRange } from '../machine/config.js';
import { fwArg } from '../machine/firmware-calls.js';
import type { Machine } from '../machine/machine.js';
import type { CallContext, CallRecord, Handler } from './call.js';
import { GuestMemory } from './guest.js';
import { COMMAND_LINE_MAX, FIRMWARE_VENDOR_MAX, firmwareLayout, FirmwareLayout, initrdRange, LayoutError, LOADER_DATA, RUNTIME_DATA } from './layout.js';
import { buildMemoryMap, decodeMemoryMap, encodeMemoryMap, MemoryDescriptor } from './memmap.js';
import type { Personality } from './personality.js';
import { ResetRecord, runtimeHandlers, RuntimeState } from './runtime.js';
import { MEMORY_DESCRIPTOR_SIZE, MEMORY_DESCRIPTOR_VERSION, MemoryAttr, RUNTIME_SERVICES, ServiceName } from './spec.js';
import { STUB_SIZE, stubBundle } from './stubs.js';
import { BOOT_PARAM, decodeBootParam, encodeBootParam, TableAddresses, writeTables } from './tables.js';
import type { EfiVariable } from './variables.js';
import { VirtualAddressing } from './virtual-map.js';

export interface InstallOptions {
  /** The old kernel's command line. */
  readonly commandLine: string;
  /** The old kernel's initrd, placed in loader data below the firmware area. */
  readonly initrd?: Uint8Array;
  /** Variables in the store at power-on. */
  readonly variables?: readonly EfiVariable[];
}

export interface FirmwareAddresses extends TableAddresses {
  /** The old kernel's ia64_boot_param. */
  readonly bootParam: bigint;
  readonly commandLine: bigint;
  readonly memoryMap: bigint;
  readonly memoryMapSize: bigint;
  readonly descriptorSize: number;
  readonly descriptorVersion: number;
  readonly initrd: MemoryRange | null;
  /** Entry points of the stubs: the runtime services, SAL_PROC and PAL_PROC. */
  readonly entryPoints: Readonly<Record<ServiceName | 'SAL_PROC' | 'PAL_PROC', bigint>>;
}

/** Linux's virtual addresses for runtime ranges: region 7 identity if cacheable, else region 6. */
export const PAGE_OFFSET = 0xe000000000000000n;
export const UNCACHED_OFFSET = 0xc000000000000000n;

export function linuxVirtualAddress(d: MemoryDescriptor): bigint {
  return (d.attribute & MemoryAttr.WB ? PAGE_OFFSET : UNCACHED_OFFSET) | d.physicalStart;
}

/** SAL and PAL status for a procedure they do not implement. */
const NOT_IMPLEMENTED = BigInt.asUintN(64, -1n);

const ARG_COUNT: Record<ServiceName, number> = {
  GetTime: 2,
  SetTime: 1,
  GetWakeupTime: 3,
  SetWakeupTime: 2,
  SetVirtualAddressMap: 4,
  ConvertPointer: 2,
  GetVariable: 5,
  GetNextVariableName: 3,
  SetVariable: 5,
  GetNextHighMonotonicCount: 1,
  ResetSystem: 4,
  UpdateCapsule: 3,
  QueryCapsuleCapabilities: 4,
  QueryVariableInfo: 4,
};

export class Firmware {
  readonly layout: FirmwareLayout;
  readonly addresses: FirmwareAddresses;
  /** The map as the boot loader handed it to the old kernel. */
  readonly memoryMap: readonly MemoryDescriptor[];
  readonly state: RuntimeState;
  private readonly calls: CallRecord[] = [];
  private readonly vm: VirtualAddressing;
  private readonly handlers: Record<ServiceName, Handler>;

  constructor(
    readonly machine: Machine,
    readonly personality: Personality,
    opts: InstallOptions,
  ) {
    const m = machine;
    this.layout = firmwareLayout(m.config);
    this.state = new RuntimeState(opts.variables);
    const initrd = opts.initrd?.length ? initrdRange(this.layout, opts.initrd.length) : null;
    this.memoryMap = buildMemoryMap(m.config, this.layout, initrd ?? undefined);

    const entryPoints = this.installStubs();
    const rd = this.layout.runtimeData.base;
    const vendor = `Purgatorio mock EFI (${personality.name})`;
    if (2 * (vendor.length + 1) > FIRMWARE_VENDOR_MAX) throw new LayoutError(`firmware vendor string too long: ${vendor}`);
    const tables = writeTables(
      m,
      {
        systemTable: rd + RUNTIME_DATA.systemTable,
        runtimeServices: rd + RUNTIME_DATA.runtimeServices,
        descriptorBase: rd + RUNTIME_DATA.descriptors,
        firmwareVendor: rd + RUNTIME_DATA.firmwareVendor,
        configurationTable: rd + RUNTIME_DATA.configurationTable,
        salSystemTable: rd + RUNTIME_DATA.salSystemTable,
        gp: rd,
      },
      { services: entryPoints, salProc: entryPoints.SAL_PROC, palProc: entryPoints.PAL_PROC },
      vendor,
    );
    this.addresses = { ...tables, ...this.installBootParam(tables.systemTable, opts, initrd), entryPoints };
    this.vm = new VirtualAddressing(m, personality, tables, this.memoryMap);
    this.handlers = {
      ...runtimeHandlers(this.state),
      SetVirtualAddressMap: (c) => this.vm.setVirtualAddressMap(c),
      ConvertPointer: (c) => this.vm.convertPointer(c),
    };
  }

  /** One stub per service and SAL_PROC in the ROM, PAL_PROC at the start of PAL code. */
  private installStubs(): FirmwareAddresses['entryPoints'] {
    const m = this.machine;
    const out: Partial<Record<ServiceName | 'SAL_PROC' | 'PAL_PROC', bigint>> = {};
    let at = this.layout.stubs.base;
    for (const s of RUNTIME_SERVICES) {
      const handler = (c: CallContext) => this.handlers[s](c);
      const imm = m.firmware.register(s, (c) => this.fromBreak(s, handler, c, ARG_COUNT[s], 32));
      m.writePhys(at, stubBundle(imm, 'br.ret', at));
      out[s] = at;
      at += STUB_SIZE;
    }
    const sal = m.firmware.register('SAL_PROC', (c) => this.fromBreak('SAL_PROC', notImplemented, c, 8, 32));
    m.writePhys(at, stubBundle(sal, 'br.ret', at));
    out.SAL_PROC = at;
    // PAL's static convention: index and arguments in r28-r31.
    const pal = m.firmware.register('PAL_PROC', (c) => this.fromBreak('PAL_PROC', palProc, c, 4, 28));
    const palAt = this.layout.palCode.base;
    m.writePhys(palAt, stubBundle(pal, 'br', palAt));
    out.PAL_PROC = palAt;
    return out as FirmwareAddresses['entryPoints'];
  }

  private installBootParam(systab: bigint, opts: InstallOptions, initrd: MemoryRange | null) {
    const m = this.machine;
    const ld = this.layout.loaderData.base;
    const cmd = new TextEncoder().encode(opts.commandLine);
    if (cmd.includes(0)) throw new LayoutError('the command line contains a NUL');
    if (cmd.length + 1 > COMMAND_LINE_MAX) throw new LayoutError(`the command line is ${cmd.length} bytes; at most ${COMMAND_LINE_MAX - 1} fit`);
    const commandLine = ld + LOADER_DATA.commandLine;
    m.writePhys(commandLine, new Uint8Array([...cmd, 0]));

    const mapBytes = encodeMemoryMap(this.memoryMap, MEMORY_DESCRIPTOR_SIZE);
    if (BigInt(mapBytes.length) > LOADER_DATA.end - LOADER_DATA.memoryMap) throw new LayoutError(`the memory map (${this.memoryMap.length} descriptors) does not fit`);
    const memoryMap = ld + LOADER_DATA.memoryMap;
    m.writePhys(memoryMap, mapBytes);

    if (initrd && opts.initrd) m.writePhys(initrd.base, opts.initrd);
    const bootParam = ld + LOADER_DATA.bootParam;
    m.writePhys(
      bootParam,
      encodeBootParam({
        commandLine,
        efiSystab: systab,
        efiMemmap: memoryMap,
        efiMemmapSize: BigInt(mapBytes.length),
        efiMemdescSize: BigInt(MEMORY_DESCRIPTOR_SIZE),
        efiMemdescVersion: MEMORY_DESCRIPTOR_VERSION,
        // The boot loader left the cursor on the last row.
        console: { cols: 80, rows: 25, origX: 0, origY: 24 },
        fpswa: 0n,
        initrdStart: initrd?.base ?? 0n,
        initrdSize: initrd?.size ?? 0n,
      }),
    );
    return {
      bootParam,
      commandLine,
      memoryMap,
      memoryMapSize: BigInt(mapBytes.length),
      descriptorSize: MEMORY_DESCRIPTOR_SIZE,
      descriptorVersion: MEMORY_DESCRIPTOR_VERSION,
      initrd,
    };
  }

  /** A call from emulated code: arguments from the registers from first on, status to r8. */
  private fromBreak(service: string, handler: Handler, c: Cpu, argc: number, first: number): void {
    const args = Array.from({ length: argc }, (_, k) => (first === 32 ? fwArg(c, k) : c.gr(first + k)));
    const status = this.dispatch(service, handler, c, args, 'emulated');
    if (status !== null) c.setGr(8, status);
  }

  /**
   * Run a handler and log it. An interruption (a TLB miss on a pointer
   * argument) belongs to the break that entered the firmware: the call will
   * run again once the OS has handled it, so only that run is logged. Any
   * other exception stops the machine and is logged as a call that did not
   * return.
   */
  private dispatch(service: string, handler: Handler, cpu: Cpu, args: bigint[], origin: CallRecord['origin']): bigint | null {
    const ctx: CallContext = { args, cpu, mem: new GuestMemory(cpu), notes: [] };
    const record = (status: bigint | null) =>
      this.calls.push({
        seq: this.calls.length + 1,
        service,
        args,
        status,
        mode: psrGet(cpu.psr, 'dt') ? 'virtual' : 'physical',
        insnCount: cpu.insnCount,
        origin,
        notes: ctx.notes,
      });
    let status: bigint | null;
    try {
      status = handler(ctx);
    } catch (e) {
      if (!(e instanceof Interruption)) {
        ctx.notes.push(`stopped the machine: ${(e as Error).message}`);
        record(null);
      }
      throw e;
    }
    record(status);
    return status;
  }

  /** Call a runtime service from the emulator itself, through the same path as a call from emulated code. */
  call(service: ServiceName, args: readonly bigint[]): bigint | null {
    return this.dispatch(service, this.handlers[service], this.machine.cpu, [...args], 'host');
  }

  /**
   * The old kernel's one SetVirtualAddressMap call, as Linux's
   * efi_enter_virtual_mode makes it: every runtime descriptor of the map in
   * boot_param gets its virtual address (written into that map), then the
   * call is made in physical mode with the map's physical address.
   */
  enterVirtualMode(): bigint {
    const m = this.machine;
    if (psrGet(m.cpu.psr, 'dt')) throw new Error('enterVirtualMode makes a physical-mode call, but the CPU has data translation on');
    const bp = decodeBootParam(m.readPhys(this.addresses.bootParam, BOOT_PARAM.size));
    const size = Number(bp.efiMemdescSize);
    const bytes = m.readPhys(bp.efiMemmap, Number(bp.efiMemmapSize));
    decodeMemoryMap(bytes, size).forEach((d, k) => {
      if (d.attribute & MemoryAttr.RUNTIME) m.write64(bp.efiMemmap + BigInt(k * size + 16), linuxVirtualAddress(d));
    });
    // SetVirtualAddressMap always returns (its handler's type allows null only for ResetSystem's sake).
    return this.call('SetVirtualAddressMap', [bp.efiMemmapSize, bp.efiMemdescSize, BigInt(bp.efiMemdescVersion), bp.efiMemmap]) as bigint;
  }

  get log(): readonly CallRecord[] {
    return this.calls;
  }

  get reset(): ResetRecord | null {
    return this.state.reset;
  }

  /** The runtime descriptors SetVirtualAddressMap accepted, with their virtual addresses; null before. */
  get virtualMap(): readonly MemoryDescriptor[] | null {
    return this.vm.virtualMap;
  }

  /** Where a physical address in a runtime range is under the accepted map. */
  toVirtual(pa: bigint): bigint | undefined {
    return this.vm.toVirtual(pa);
  }
}

function notImplemented({ cpu }: CallContext): bigint {
  for (const r of [9, 10, 11]) cpu.setGr(r, 0n);
  return NOT_IMPLEMENTED;
}

/** PAL_HALT_LIGHT (index 29): idle until an interrupt; this machine raises none, so it returns at once. */
const PAL_HALT_LIGHT = 29n;

function palProc(ctx: CallContext): bigint {
  if (ctx.args[0] !== PAL_HALT_LIGHT) return notImplemented(ctx);
  ctx.notes.push('PAL_HALT_LIGHT: no interrupt can arrive; resumed at once');
  for (const r of [9, 10, 11]) ctx.cpu.setGr(r, 0n);
  return 0n;
}

/** Put the firmware in a machine's memory, as the old kernel found it. */
export function installFirmware(machine: Machine, personality: Personality, opts: InstallOptions): Firmware {
  return new Firmware(machine, personality, opts);
}
