// SetVirtualAddressMap and ConvertPointer. The first accepted call records
// the virtual address of every runtime range and converts the firmware's
// own pointers as the personality says; what a second call does is also
// the personality's. The tables are the firmware's, so it rewrites them
// through physical memory whatever mode the caller is in.

import type { Machine } from '../machine/machine.js';
import type { CallContext } from './call.js';
import { decodeMemoryMap, descriptorEnd, MemoryDescriptor, memoryTypeName } from './memmap.js';
import type { Personality } from './personality.js';
import { EfiStatus, MEMORY_DESCRIPTOR_VERSION, MemoryAttr, RUNTIME_SERVICES, statusName } from './spec.js';
import { CONFIG_ENTRY, runtimeSlot, SYSTAB, TableAddresses, updateHeaderCrc } from './tables.js';

const { SUCCESS, INVALID_PARAMETER, NOT_FOUND, NO_MAPPING, DEVICE_ERROR } = EfiStatus;
/** EFI_OPTIONAL_PTR: ConvertPointer leaves a null pointer alone. */
const OPTIONAL_PTR = 1n;
/** Larger maps than this are refused rather than read. */
const MAX_MAP_BYTES = 0x100000n;

const hex = (v: bigint) => `0x${v.toString(16)}`;

function isRuntime(d: MemoryDescriptor): boolean {
  return (d.attribute & MemoryAttr.RUNTIME) !== 0n;
}

/** Whether [start, end) is covered by the union of ranges. */
function covered(start: bigint, end: bigint, ranges: readonly MemoryDescriptor[]): boolean {
  let cur = start;
  while (cur < end) {
    const d = ranges.find((r) => r.physicalStart <= cur && cur < descriptorEnd(r));
    if (!d) return false;
    cur = descriptorEnd(d);
  }
  return true;
}

export class VirtualAddressing {
  /** The runtime descriptors of the accepted map, with their virtual addresses; null before. */
  private accepted: MemoryDescriptor[] | null = null;

  constructor(
    private readonly machine: Machine,
    private readonly personality: Personality,
    private readonly tables: TableAddresses,
    /** The firmware's own map: its runtime ranges are what must be mapped. */
    private readonly firmwareMap: readonly MemoryDescriptor[],
  ) {}

  get virtualMap(): readonly MemoryDescriptor[] | null {
    return this.accepted;
  }

  /** The virtual address of a physical one under the accepted map. */
  toVirtual(pa: bigint): bigint | undefined {
    const d = this.accepted?.find((r) => r.physicalStart <= pa && pa < descriptorEnd(r));
    return d && d.virtualStart + (pa - d.physicalStart);
  }

  setVirtualAddressMap(ctx: CallContext): bigint {
    if (this.accepted) return this.secondCall(ctx);
    const [mapSize, descSize, version, map] = ctx.args;
    if ((version & 0xffffffffn) !== BigInt(MEMORY_DESCRIPTOR_VERSION) || descSize < 40n || descSize % 8n !== 0n) return INVALID_PARAMETER;
    if (!map || mapSize % descSize !== 0n || mapSize > MAX_MAP_BYTES) return INVALID_PARAMETER;
    const runtime = decodeMemoryMap(ctx.mem.read(map, Number(mapSize)), Number(descSize)).filter(isRuntime);
    const own = this.firmwareMap.filter(isRuntime);
    for (const d of own) {
      if (!covered(d.physicalStart, descriptorEnd(d), runtime)) {
        ctx.notes.push(`no virtual address for ${memoryTypeName(d.type)} at ${hex(d.physicalStart)}`);
        return NO_MAPPING;
      }
    }
    for (const d of runtime) {
      if (!covered(d.physicalStart, descriptorEnd(d), own)) {
        ctx.notes.push(`${hex(d.physicalStart)} is not a runtime range of this firmware`);
        return NOT_FOUND;
      }
    }
    this.accepted = runtime;
    ctx.notes.push(...this.convertTables());
    return SUCCESS;
  }

  /** Rewrite the pointers the personality converts; returns remarks for the log. */
  private convertTables(): string[] {
    const m = this.machine;
    const p = this.personality;
    const t = this.tables;
    const kept: string[] = [];
    const notes: string[] = [];
    let converted = 0;
    const convert = (at: bigint, what: string) => {
      const v = m.read64(at);
      const nv = this.toVirtual(v);
      if (nv === undefined) {
        notes.push(`${what} ${hex(v)} is in no runtime range and stays as it is`);
        return;
      }
      m.write64(at, nv);
      converted++;
    };
    if (p.systemTable.vendorTables) {
      const n = m.read64(t.systemTable + BigInt(SYSTAB.numberOfTableEntries));
      for (let k = 0n; k < n; k++) convert(t.configurationTable + k * BigInt(CONFIG_ENTRY.size) + BigInt(CONFIG_ENTRY.vendorTable), `configuration table entry ${k}`);
    }
    if (p.systemTable.firmwareVendor) convert(t.systemTable + BigInt(SYSTAB.firmwareVendor), 'FirmwareVendor');
    if (p.systemTable.configurationTable) convert(t.systemTable + BigInt(SYSTAB.configurationTable), 'ConfigurationTable');
    if (p.systemTable.runtimeServices) convert(t.systemTable + BigInt(SYSTAB.runtimeServices), 'RuntimeServices');
    for (const s of RUNTIME_SERVICES) {
      const c = p.services[s];
      if (c.pointer) convert(t.runtimeServices + BigInt(runtimeSlot(s)), s);
      else kept.push(s);
      if (c.entry) convert(t.descriptors[s], `${s} entry`);
      if (c.gp) convert(t.descriptors[s] + 8n, `${s} gp`);
    }
    updateHeaderCrc(m, t.runtimeServices);
    updateHeaderCrc(m, t.systemTable);
    notes.unshift(`${converted} pointers converted${kept.length ? `; ${kept.join(' and ')} left physical` : ''}`);
    return notes;
  }

  private secondCall(ctx: CallContext): bigint {
    const a = this.personality.secondCall;
    switch (a.action) {
      case 'succeed':
        ctx.notes.push('second call: accepted, nothing converted');
        return SUCCESS;
      case 'status':
        ctx.notes.push(`second call: refused with ${statusName(a.status)}`);
        return a.status;
      case 'fault': {
        // A firmware running on its converted pointers in physical mode.
        const at = a.address ?? this.toVirtual(this.tables.runtimeServices) ?? this.tables.runtimeServices;
        ctx.notes.push(`second call: physical load from ${hex(at)}`);
        ctx.cpu.mem.read(at, 8);
        ctx.notes.push('the load completed');
        return DEVICE_ERROR;
      }
    }
  }

  convertPointer(ctx: CallContext): bigint {
    const [disposition, address] = ctx.args;
    if (!address) return INVALID_PARAMETER;
    const p = ctx.mem.u64(address);
    if (!p) return disposition & OPTIONAL_PTR ? SUCCESS : INVALID_PARAMETER;
    const v = this.toVirtual(p);
    if (v === undefined) return NOT_FOUND;
    ctx.mem.stageU64(address, v);
    ctx.mem.commit();
    ctx.notes.push(`${hex(p)} -> ${hex(v)}`);
    return SUCCESS;
  }
}
