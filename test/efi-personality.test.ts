// What each personality leaves in the tables after the old kernel's
// SetVirtualAddressMap call, what a second call does, and JSON profiles.

import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assemble } from '../src/cpu/asm/assemble.js';
import { PAGE_OFFSET, UNCACHED_OFFSET } from '../src/efi/firmware.js';
import { decodeMemoryMap, encodeMemoryMap } from '../src/efi/memmap.js';
import {
  BUILTIN_PERSONALITIES,
  loadPersonality,
  Personality,
  PersonalityError,
  personalityFromJson,
  personalityToJson,
} from '../src/efi/personality.js';
import { EfiStatus, MemoryAttr, RUNTIME_SERVICES, ServiceName } from '../src/efi/spec.js';
import { CONFIG_ENTRY, HEADER, runtimeSlot, SYSTAB } from '../src/efi/tables.js';
import { crc32 } from '../src/efi/crc32.js';
import { MachineCheck } from '../src/machine/address-space.js';
import type { Machine } from '../src/machine/machine.js';
import { CALLER, callThroughDescriptor, firmwareMachine, SCRATCH } from './support/efi.js';

const { SUCCESS, UNSUPPORTED, INVALID_PARAMETER, NO_MAPPING, NOT_FOUND, DEVICE_ERROR } = EfiStatus;
const va = (pa: bigint) => PAGE_OFFSET | pa;

function crcOk(m: Machine, table: bigint): boolean {
  const size = Number(new DataView(m.readPhys(table + 12n, 4).buffer).getUint32(0, true));
  const bytes = m.readPhys(table, size);
  const stored = new DataView(bytes.buffer).getUint32(HEADER.crc32, true);
  bytes.fill(0, HEADER.crc32, HEADER.crc32 + 4);
  return crc32(bytes) === stored;
}

/** The table state a personality produces, read back from memory. */
function afterFirstCall(p: Personality | string) {
  const { m, fw } = firmwareMachine(p);
  expect(fw.enterVirtualMode()).toBe(SUCCESS);
  const a = fw.addresses;
  const slot = (s: ServiceName) => m.read64(a.runtimeServices + BigInt(runtimeSlot(s)));
  const desc = (s: ServiceName) => ({ entry: m.read64(a.descriptors[s]), gp: m.read64(a.descriptors[s] + 8n) });
  return { m, fw, a, slot, desc, systab: (f: keyof typeof SYSTAB) => m.read64(a.systemTable + BigInt(SYSTAB[f])) };
}

describe('the old kernel\'s SetVirtualAddressMap call', () => {
  it('gives every runtime range Linux\'s virtual address in the boot_param map and the firmware records them', () => {
    const { m, fw, a } = afterFirstCall('tiano');
    const map = decodeMemoryMap(m.readPhys(a.memoryMap, Number(a.memoryMapSize)));
    const runtime = map.filter((d) => d.attribute & MemoryAttr.RUNTIME);
    expect(runtime.map((d) => [d.physicalStart, d.virtualStart])).toEqual([
      [0x7fc00000n, 0xe00000007fc00000n],
      [0x7fe00000n, 0xe00000007fe00000n],
      [0xff000000n, 0xe0000000ff000000n],
      [0xff010000n, UNCACHED_OFFSET | 0xff010000n],
      [0xffffc000000n, 0xc0000ffffc000000n],
    ]);
    expect(map.filter((d) => !(d.attribute & MemoryAttr.RUNTIME)).every((d) => d.virtualStart === 0n)).toBe(true);
    expect(fw.virtualMap).toEqual(runtime);
    expect(fw.toVirtual(a.systemTable)).toBe(va(a.systemTable));
    expect(fw.log).toHaveLength(1);
    expect(fw.log[0]).toMatchObject({ service: 'SetVirtualAddressMap', status: SUCCESS, mode: 'physical', origin: 'host' });
    expect(fw.log[0].args).toEqual([a.memoryMapSize, 48n, 1n, a.memoryMap]);
  });

  it('under legacy, converts every pointer, SetVirtualAddressMap\'s own included', () => {
    const { m, a, slot, desc, systab } = afterFirstCall('legacy');
    for (const s of RUNTIME_SERVICES) {
      expect(slot(s), s).toBe(va(a.descriptors[s]));
      expect(desc(s), s).toEqual({ entry: va(a.entryPoints[s]), gp: va(a.gp) });
    }
    expect(systab('runtimeServices')).toBe(va(a.runtimeServices));
    expect(systab('configurationTable')).toBe(va(a.configurationTable));
    expect(systab('firmwareVendor')).toBe(va(a.firmwareVendor));
    expect(m.read64(a.configurationTable + BigInt(CONFIG_ENTRY.vendorTable))).toBe(va(a.salSystemTable));
    expect(crcOk(m, a.runtimeServices)).toBe(true);
    expect(crcOk(m, a.systemTable)).toBe(true);
  });

  for (const name of ['tiano', 'spec']) {
    it(`under ${name}, leaves SetVirtualAddressMap and ConvertPointer physical and moves the rest`, () => {
      const { m, a, slot, desc, systab } = afterFirstCall(name);
      for (const s of RUNTIME_SERVICES) {
        const stays = s === 'SetVirtualAddressMap' || s === 'ConvertPointer';
        expect(slot(s), s).toBe(stays ? a.descriptors[s] : va(a.descriptors[s]));
        expect(desc(s), s).toEqual(stays ? { entry: a.entryPoints[s], gp: a.gp } : { entry: va(a.entryPoints[s]), gp: va(a.gp) });
      }
      expect(systab('runtimeServices')).toBe(va(a.runtimeServices));
      expect(systab('configurationTable')).toBe(va(a.configurationTable));
      expect(m.read64(a.configurationTable + BigInt(CONFIG_ENTRY.vendorTable))).toBe(a.salSystemTable);
      expect(crcOk(m, a.runtimeServices)).toBe(true);
      expect(crcOk(m, a.systemTable)).toBe(true);
    });
  }

  it('leaves the pointer that the 2008 PA() turns into a bus error only under tiano', () => {
    const target = (p: string, pa: (x: bigint) => bigint) => {
      const { m, a } = afterFirstCall(p);
      const runtime = pa(m.read64(a.systemTable + BigInt(SYSTAB.runtimeServices)));
      const fd = pa(m.read64(runtime + BigInt(runtimeSlot('SetVirtualAddressMap'))));
      return m.space.find(fd, 8) !== null;
    };
    const pa2008 = (x: bigint) => BigInt.asUintN(64, x - PAGE_OFFSET);
    const paFixed = (x: bigint) => x & 0x0fffffffffffffffn;
    expect(target('legacy', pa2008)).toBe(true);
    expect(target('tiano', pa2008)).toBe(false);
    expect(target('tiano', paFixed)).toBe(true);
    expect(target('legacy', paFixed)).toBe(true);
  });

  it('refuses bad arguments and maps that leave out or add runtime ranges, and still takes a good call after', () => {
    const { m, fw } = firmwareMachine('tiano');
    const a = fw.addresses;
    const good = fw.memoryMap.map((d) => (d.attribute & MemoryAttr.RUNTIME ? { ...d, virtualStart: va(d.physicalStart) } : d));
    const put = (map: typeof good) => {
      const bytes = encodeMemoryMap(map);
      m.writePhys(SCRATCH, bytes);
      return BigInt(bytes.length);
    };
    const svam = (size: bigint, descSize = 48n, version = 1n) => fw.call('SetVirtualAddressMap', [size, descSize, version, SCRATCH]);
    expect(svam(put(good), 48n, 2n)).toBe(INVALID_PARAMETER);
    expect(svam(put(good), 44n)).toBe(INVALID_PARAMETER);
    expect(svam(put(good) - 8n)).toBe(INVALID_PARAMETER);
    expect(svam(put(good.filter((d) => d.type !== 6)))).toBe(NO_MAPPING);
    expect(fw.log[fw.log.length - 1].notes).toEqual(['no virtual address for RuntimeServicesData at 0x7fc00000']);
    expect(svam(put(good.map((d) => (d.physicalStart === 0n ? { ...d, attribute: d.attribute | MemoryAttr.RUNTIME } : d))))).toBe(NOT_FOUND);
    expect(m.read64(a.runtimeServices + BigInt(runtimeSlot('GetTime')))).toBe(a.descriptors.GetTime);
    expect(fw.virtualMap).toBeNull();
    expect(svam(put(good))).toBe(SUCCESS);
    expect(m.read64(a.runtimeServices + BigInt(runtimeSlot('GetTime')))).toBe(va(a.descriptors.GetTime));
  });
});

describe('a second SetVirtualAddressMap call', () => {
  const second = (fw: ReturnType<typeof firmwareMachine>['fw']) => fw.call('SetVirtualAddressMap', [fw.addresses.memoryMapSize, 48n, 1n, fw.addresses.memoryMap]);

  it('under legacy, takes a machine check on the runtime table\'s virtual address', () => {
    const { fw, a } = afterFirstCall('legacy');
    expect(() => second(fw)).toThrow(MachineCheck);
    const rec = fw.log[fw.log.length - 1];
    expect(rec.status).toBeNull();
    expect(rec.notes[0]).toBe(`second call: physical load from 0x${va(a.runtimeServices).toString(16)}`);
    expect(rec.notes[1]).toMatch(/^stopped the machine: Machine Check Abort: load of 8 bytes at unpopulated physical address 0x600000007fc00100/);
  });

  it('under tiano, succeeds and changes nothing', () => {
    const { m, fw } = afterFirstCall('tiano');
    const before = m.readPhys(fw.layout.runtimeData.base, 0x1000);
    expect(second(fw)).toBe(SUCCESS);
    expect(m.readPhys(fw.layout.runtimeData.base, 0x1000)).toEqual(before);
  });

  it('under spec, returns EFI_UNSUPPORTED, also to emulated code reaching the physical descriptor', () => {
    const { m, fw, a } = afterFirstCall('spec');
    expect(second(fw)).toBe(UNSUPPORTED);
    expect(callThroughDescriptor(m, a.descriptors.SetVirtualAddressMap, [a.memoryMapSize, 48n, 1n, a.memoryMap])).toBe(UNSUPPORTED);
    expect(fw.log.map((r) => [r.origin, r.status])).toEqual([['host', SUCCESS], ['host', UNSUPPORTED], ['emulated', UNSUPPORTED]]);
  });

  it('never reaches the firmware once purgatory has patched the descriptor', () => {
    const { m, fw, a } = afterFirstCall('spec');
    const dummy = CALLER + 0x1000n;
    m.writePhys(dummy, assemble(['mov r8=r0', 'br.ret.sptk.many b0'], dummy).bytes);
    m.write64(a.descriptors.SetVirtualAddressMap, dummy);
    expect(callThroughDescriptor(m, a.descriptors.SetVirtualAddressMap, [a.memoryMapSize, 48n, 1n, a.memoryMap])).toBe(SUCCESS);
    expect(fw.log).toHaveLength(1);
  });

  it('follows a JSON profile: a given status, or a load from a given address', () => {
    const base = personalityToJson(BUILTIN_PERSONALITIES.tiano) as Record<string, unknown>;
    const oem = personalityFromJson({ ...base, name: 'oem', secondCall: { action: 'status', status: '0xa000000000000001' } }, 'oem.json');
    expect(second(afterFirstCall(oem).fw)).toBe(0xa000000000000001n);
    const wild = personalityFromJson({ ...base, name: 'wild', secondCall: { action: 'fault', address: '0x40000000000' } }, 'wild.json');
    expect(() => second(afterFirstCall(wild).fw)).toThrow(/unpopulated physical address 0x40000000000/);
    const tame = personalityFromJson({ ...base, name: 'tame', secondCall: { action: 'fault', address: '0x1000' } }, 'tame.json');
    expect(second(afterFirstCall(tame).fw)).toBe(DEVICE_ERROR);
  });
});

describe('JSON profiles', () => {
  const valid = {
    name: 'acme',
    description: 'converts all but the gp of SetVirtualAddressMap',
    systemTable: { runtimeServices: true, firmwareVendor: false, configurationTable: true, vendorTables: false },
    services: { default: { pointer: true, entry: true, gp: true }, SetVirtualAddressMap: { gp: false } },
    secondCall: { action: 'status', status: 'EFI_ACCESS_DENIED' },
  };

  it('reads a valid profile; overrides inherit the default', () => {
    const p = personalityFromJson(valid, 'acme.json');
    expect(p.services.SetVirtualAddressMap).toEqual({ pointer: true, entry: true, gp: false });
    expect(p.services.GetTime).toEqual({ pointer: true, entry: true, gp: true });
    expect(p.systemTable.firmwareVendor).toBe(false);
    expect(p.secondCall).toEqual({ action: 'status', status: EfiStatus.ACCESS_DENIED });
  });

  it('converts exactly what the profile says', () => {
    const { a, slot, desc, systab } = afterFirstCall(personalityFromJson(valid, 'acme.json'));
    expect(slot('SetVirtualAddressMap')).toBe(va(a.descriptors.SetVirtualAddressMap));
    expect(desc('SetVirtualAddressMap')).toEqual({ entry: va(a.entryPoints.SetVirtualAddressMap), gp: a.gp });
    expect(systab('firmwareVendor')).toBe(a.firmwareVendor);
  });

  it('round-trips the built-in personalities', () => {
    for (const p of Object.values(BUILTIN_PERSONALITIES)) {
      expect(personalityFromJson(JSON.parse(JSON.stringify(personalityToJson(p))), `${p.name}.json`)).toEqual(p);
    }
  });

  const errors: [string, unknown, string][] = [
    ['not an object', [], 'p.json: (top level): must be an object (got an array)'],
    ['an unknown key', { ...valid, vendor: 'x' }, 'p.json: vendor: unknown key; expected one of name, systemTable, services, secondCall, description'],
    ['a missing key', { ...valid, secondCall: undefined }, 'p.json: secondCall: is missing'],
    ['a misspelt service', { ...valid, services: { ...valid.services, SetVirtualAdressMap: { gp: false } } }, 'p.json: services.SetVirtualAdressMap: unknown key'],
    ['a default without every field', { ...valid, services: { default: { pointer: true } } }, 'p.json: services.default.entry: is missing'],
    ['a string for a boolean', { ...valid, systemTable: { ...valid.systemTable, vendorTables: 'yes' } }, 'p.json: systemTable.vendorTables: must be true or false (got "yes")'],
    ['an unknown action', { ...valid, secondCall: { action: 'explode' } }, 'p.json: secondCall.action: must be "succeed", "status" or "fault" (got "explode")'],
    ['a status that is no status', { ...valid, secondCall: { action: 'status', status: 'EFI_BROKEN' } }, 'p.json: secondCall.status: must be an EFI status name'],
    ['a status as a JSON number', { ...valid, secondCall: { action: 'status', status: 3 } }, 'p.json: secondCall.status: must be a string (got 3)'],
    ['a status beyond 64 bits', { ...valid, secondCall: { action: 'status', status: '0x1ffffffffffffffff' } }, 'p.json: secondCall.status: must be a 64-bit number'],
    ['an address with succeed', { ...valid, secondCall: { action: 'succeed', address: '0x0' } }, 'p.json: secondCall.address: unknown key; expected one of action'],
    ['a bad address', { ...valid, secondCall: { action: 'fault', address: 'high' } }, 'p.json: secondCall.address: must be a 64-bit number written as a string'],
    ['a bad name', { ...valid, name: 'my firmware' }, 'p.json: name: must be letters, digits'],
  ];
  for (const [what, doc, message] of errors) {
    it(`rejects ${what}`, () => {
      const run = () => personalityFromJson(JSON.parse(JSON.stringify(doc)), 'p.json');
      expect(run).toThrow(PersonalityError);
      expect(run).toThrow(message);
    });
  }

  it('loads built-ins by name and profiles from files, naming the file in errors', () => {
    expect(loadPersonality('spec')).toBe(BUILTIN_PERSONALITIES.spec);
    expect(() => loadPersonality('tinao')).toThrow('unknown firmware personality "tinao": use legacy, tiano, spec or a .json file');
    const dir = mkdtempSync(join(tmpdir(), 'fw-'));
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(valid));
    expect(loadPersonality(join(dir, 'ok.json')).name).toBe('acme');
    writeFileSync(join(dir, 'broken.json'), '{"name": ');
    expect(() => loadPersonality(join(dir, 'broken.json'))).toThrow(`${join(dir, 'broken.json')}: not valid JSON`);
    expect(() => loadPersonality(join(dir, 'missing.json'))).toThrow(`${join(dir, 'missing.json')}: cannot read`);
  });

  it('accepts the example profiles', () => {
    const dir = fileURLToPath(new URL('../examples/firmware', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const p = loadPersonality(join(dir, f));
      expect(`${p.name}.json`).toBe(f);
      expect(afterFirstCall(p).fw.log[0].status).toBe(SUCCESS);
    }
  });
});
