// The firmware's tables as the old kernel finds them: layouts, CRCs,
// descriptors pointing at ROM stubs, the SAL system table and boot_param.

import { describe, expect, it } from 'vitest';
import { disasmRaw } from '../src/cli/disasm.js';
import { crc32 } from '../src/efi/crc32.js';
import { LayoutError } from '../src/efi/layout.js';
import { decodeMemoryMap, memoryTypeName } from '../src/efi/memmap.js';
import { guidText, RUNTIME_SERVICES, RUNTIME_SERVICES_SIGNATURE, SAL_SYSTEM_TABLE_GUID, SYSTEM_TABLE_SIGNATURE } from '../src/efi/spec.js';
import { BOOT_PARAM, decodeBootParam, HEADER, runtimeSlot, SAL, SYSTAB } from '../src/efi/tables.js';
import type { Machine } from '../src/machine/machine.js';
import { firmwareMachine } from './support/efi.js';

function u32(m: Machine, pa: bigint): number {
  return new DataView(m.readPhys(pa, 4).buffer).getUint32(0, true);
}

/** The header CRC recomputed independently: over HeaderSize bytes, CRC field zeroed. */
function headerCrcOk(m: Machine, table: bigint): boolean {
  const bytes = m.readPhys(table, u32(m, table + 12n));
  const stored = new DataView(bytes.buffer).getUint32(HEADER.crc32, true);
  bytes.fill(0, HEADER.crc32, HEADER.crc32 + 4);
  return crc32(bytes) === stored;
}

function ucs2At(m: Machine, pa: bigint): string {
  let s = '';
  for (let a = pa; ; a += 2n) {
    const b = m.readPhys(a, 2);
    if (!b[0] && !b[1]) return s;
    s += String.fromCharCode(b[0] | (b[1] << 8));
  }
}

describe('crc32', () => {
  it('is the IEEE 802.3 CRC', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('the tables at their documented places (4 GiB machine)', () => {
  const { m, fw } = firmwareMachine('tiano');
  const a = fw.addresses;

  it('puts runtime data at 0x7fc00000 and the boot loader data at 0x7fb00000', () => {
    expect(a.systemTable).toBe(0x7fc00000n);
    expect(a.runtimeServices).toBe(0x7fc00100n);
    expect(a.descriptors.GetTime).toBe(0x7fc00200n);
    expect(a.salSystemTable).toBe(0x7fc00500n);
    expect(a.bootParam).toBe(0x7fb00000n);
    expect(a.commandLine).toBe(0x7fb01000n);
    expect(a.memoryMap).toBe(0x7fb02000n);
    expect(a.entryPoints.GetTime).toBe(0xff000000n);
    expect(a.entryPoints.PAL_PROC).toBe(0x7fe00000n);
  });

  it('has an EFI system table with its signature, revision, size and CRC', () => {
    const st = a.systemTable;
    expect(m.read64(st)).toBe(SYSTEM_TABLE_SIGNATURE);
    expect(new TextDecoder().decode(m.readPhys(st, 8))).toBe('IBI SYST');
    expect(u32(m, st + 8n)).toBe(0x00020000);
    expect(u32(m, st + 12n)).toBe(120);
    expect(headerCrcOk(m, st)).toBe(true);
    expect(ucs2At(m, m.read64(st + BigInt(SYSTAB.firmwareVendor)))).toBe('Purgatorio mock EFI (tiano)');
    for (const f of ['conInHandle', 'conIn', 'conOutHandle', 'conOut', 'stdErrHandle', 'stdErr', 'bootServices'] as const) {
      expect(m.read64(st + BigInt(SYSTAB[f])), f).toBe(0n);
    }
    expect(m.read64(st + BigInt(SYSTAB.runtimeServices))).toBe(a.runtimeServices);
    expect(m.read64(st + BigInt(SYSTAB.numberOfTableEntries))).toBe(1n);
  });

  it('lists the SAL system table in the configuration table', () => {
    const cfg = m.read64(a.systemTable + BigInt(SYSTAB.configurationTable));
    expect(cfg).toBe(a.configurationTable);
    expect(guidText(m.readPhys(cfg, 16))).toBe('eb9d2d32-2d88-11d3-9a16-0090273fc14d');
    expect([...m.readPhys(cfg, 16)]).toEqual([...SAL_SYSTEM_TABLE_GUID]);
    expect(m.read64(cfg + 16n)).toBe(a.salSystemTable);
  });

  it('has a runtime services table whose fourteen entries point at descriptors of ROM stubs', () => {
    const rt = a.runtimeServices;
    expect(m.read64(rt)).toBe(RUNTIME_SERVICES_SIGNATURE);
    expect(u32(m, rt + 12n)).toBe(24 + 14 * 8);
    expect(headerCrcOk(m, rt)).toBe(true);
    for (const s of RUNTIME_SERVICES) {
      const desc = m.read64(rt + BigInt(runtimeSlot(s)));
      expect(desc, s).toBe(a.descriptors[s]);
      expect(m.read64(desc), s).toBe(a.entryPoints[s]);
      expect(m.read64(desc + 8n), s).toBe(fw.layout.runtimeData.base);
    }
    expect(runtimeSlot('SetVirtualAddressMap')).toBe(56);
    expect(runtimeSlot('QueryVariableInfo')).toBe(128);
  });

  it('has stubs that break into the handler of their service and return', () => {
    for (const s of RUNTIME_SERVICES) {
      const text = disasmRaw(m.readPhys(a.entryPoints[s], 16), 'stub', a.entryPoints[s]);
      const imm = Number(/break\.m (0x[0-9a-f]+)/.exec(text)![1]);
      expect(m.firmware.nameOf(imm)).toBe(s);
      expect(text).toContain('[MIB]');
      expect(text).toContain('br.ret.sptk.many b0;;');
    }
    const pal = disasmRaw(m.readPhys(a.entryPoints.PAL_PROC, 16), 'pal', 0n);
    expect(pal).toContain('br.many b0;;');
  });

  it('has a SAL system table with a valid checksum and an entry point descriptor', () => {
    const t = a.salSystemTable;
    const bytes = m.readPhys(t, SAL.header + SAL.entryPoint);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('SST_');
    expect(u32(m, t + 4n)).toBe(144);
    expect([bytes[9], bytes[8]]).toEqual([3, 0x20]);
    expect(bytes[10]).toBe(1);
    expect(bytes.reduce((s, b) => s + b, 0) % 256).toBe(0);
    expect(bytes[SAL.header]).toBe(0);
    expect(m.read64(t + BigInt(SAL.palProc))).toBe(a.entryPoints.PAL_PROC);
    expect(m.read64(t + BigInt(SAL.salProc))).toBe(a.entryPoints.SAL_PROC);
    expect(m.read64(t + BigInt(SAL.gp))).toBe(fw.layout.runtimeData.base);
  });

  it('hands the old kernel a boot_param in Linux layout', () => {
    const bp = decodeBootParam(m.readPhys(a.bootParam, BOOT_PARAM.size));
    expect(bp).toEqual({
      commandLine: a.commandLine,
      efiSystab: a.systemTable,
      efiMemmap: a.memoryMap,
      efiMemmapSize: a.memoryMapSize,
      efiMemdescSize: 48n,
      efiMemdescVersion: 1,
      console: { cols: 80, rows: 25, origX: 0, origY: 24 },
      fpswa: 0n,
      initrdStart: 0n,
      initrdSize: 0n,
    });
    expect(new TextDecoder().decode(m.readPhys(a.commandLine, 29))).toBe('console=ttyS0 root=/dev/sda2\0');
    expect(decodeMemoryMap(m.readPhys(a.memoryMap, Number(a.memoryMapSize)))).toEqual(fw.memoryMap);
  });

  it('describes its own pieces with the right memory types', () => {
    const typeAt = (pa: bigint) => {
      const d = fw.memoryMap.find((x) => x.physicalStart <= pa && pa < x.physicalStart + (x.numberOfPages << 12n));
      return d && memoryTypeName(d.type);
    };
    expect(typeAt(a.systemTable)).toBe('RuntimeServicesData');
    expect(typeAt(a.descriptors.ResetSystem)).toBe('RuntimeServicesData');
    expect(typeAt(a.entryPoints.ResetSystem)).toBe('RuntimeServicesCode');
    expect(typeAt(a.entryPoints.PAL_PROC)).toBe('PalCode');
    expect(typeAt(a.bootParam)).toBe('LoaderData');
    expect(typeAt(a.memoryMap)).toBe('LoaderData');
  });
});

describe('installation options', () => {
  it('places an initrd in loader data just below the firmware area', () => {
    const initrd = new Uint8Array(100_000).map((_, k) => k & 0xff);
    const { m, fw } = firmwareMachine('spec', 4096n << 20n, { initrd });
    expect(fw.addresses.initrd).toEqual({ base: 0x7f000000n - 0x20000n, size: 100_000n });
    const bp = decodeBootParam(m.readPhys(fw.addresses.bootParam, BOOT_PARAM.size));
    expect([bp.initrdStart, bp.initrdSize]).toEqual([0x7efe0000n, 100_000n]);
    expect([...m.readPhys(bp.initrdStart, 100_000)]).toEqual([...initrd]);
    expect(fw.memoryMap.find((d) => d.physicalStart === 0x7efe0000n)).toMatchObject({ type: 2, numberOfPages: 25n, attribute: 8n });
  });

  it('refuses a command line that does not fit or holds a NUL', () => {
    expect(() => firmwareMachine('tiano', 4096n << 20n, { commandLine: 'x'.repeat(4096) })).toThrow(LayoutError);
    expect(() => firmwareMachine('tiano', 4096n << 20n, { commandLine: 'a\0b' })).toThrow(/NUL/);
    expect(() => firmwareMachine('tiano', 4096n << 20n, { commandLine: 'x'.repeat(4095) })).not.toThrow();
  });
});
