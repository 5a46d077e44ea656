// Runtime services called from emulated code through their function
// descriptors, in physical and virtual mode, and what the call log keeps.

import { describe, expect, it } from 'vitest';
import { assemble } from '../src/cpu/asm/assemble.js';
import { Interruption, Vector } from '../src/cpu/interruption.js';
import { Access } from '../src/cpu/memory.js';
import { psrSet } from '../src/cpu/psr.js';
import { formatCall } from '../src/efi/call.js';
import { ucs2Bytes } from '../src/efi/guest.js';
import { EfiStatus, guidBytes, RUNTIME_SERVICES, VariableAttr } from '../src/efi/spec.js';
import { SAL } from '../src/efi/tables.js';
import { decodeTime, encodeTime } from '../src/efi/time.js';
import type { Machine } from '../src/machine/machine.js';
import { CALLER, callThroughDescriptor, firmwareMachine, SCRATCH } from './support/efi.js';

const { SUCCESS, INVALID_PARAMETER, UNSUPPORTED, NOT_FOUND, BUFFER_TOO_SMALL } = EfiStatus;
const GUID = 'd1f2a3b4-0001-4c5d-8e9f-a0b1c2d3e4f5';
const NV_BS_RT = VariableAttr.NON_VOLATILE | VariableAttr.BOOTSERVICE_ACCESS | VariableAttr.RUNTIME_ACCESS;

/** Scratch memory for arguments: a UCS-2 name at +0, the GUID at +0x100, buffers from +0x200. */
function putName(m: Machine, name: string): void {
  m.writePhys(SCRATCH, ucs2Bytes(name));
  m.writePhys(SCRATCH + 0x100n, guidBytes(GUID));
}
const NAME = SCRATCH;
const GUIDP = SCRATCH + 0x100n;
const SIZE = SCRATCH + 0x200n;
const ATTRS = SCRATCH + 0x208n;
const DATA = SCRATCH + 0x300n;

describe('a call from emulated code in physical mode', () => {
  it('reaches GetTime through its descriptor, returns in r8 and restores the frame', () => {
    const { m, fw } = firmwareMachine('tiano');
    const st = callThroughDescriptor(m, fw.addresses.descriptors.GetTime, [SCRATCH, SCRATCH + 0x20n]);
    expect(st).toBe(SUCCESS);
    expect(decodeTime(m.readPhys(SCRATCH, 16))).toEqual({
      year: 2008, month: 9, day: 11, hour: 16, minute: 23, second: 58, nanosecond: 0, timeZone: 0x7ff, daylight: 0,
    });
    const caps = new DataView(m.readPhys(SCRATCH + 0x20n, 12).buffer);
    expect([caps.getUint32(0, true), caps.getUint32(4, true), caps.getUint8(8)]).toEqual([1, 50_000_000, 0]);
    expect(m.cpu.r.cfm).toMatchObject({ sof: 6, sol: 4 });
    const [rec] = fw.log;
    expect(rec).toMatchObject({ seq: 1, service: 'GetTime', args: [SCRATCH, SCRATCH + 0x20n], status: SUCCESS, mode: 'physical', origin: 'emulated' });
    expect(rec.insnCount).toBeGreaterThan(0);
    expect(rec.insnCount).toBeLessThan(m.cpu.insnCount);
    expect(formatCall(rec)).toBe(`#1 GetTime(0x400000, 0x400020) = EFI_SUCCESS [physical mode, insn ${rec.insnCount}]`);
  });

  it('keeps the time SetTime gives and refuses an impossible one', () => {
    const { m, fw } = firmwareMachine();
    const call = (s: 'GetTime' | 'SetTime', args: bigint[]) => callThroughDescriptor(m, fw.addresses.descriptors[s], args);
    const t = { year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59, nanosecond: 5, timeZone: -60, daylight: 1 };
    m.writePhys(SCRATCH, encodeTime(t));
    expect(call('SetTime', [SCRATCH])).toBe(SUCCESS);
    expect(call('GetTime', [SCRATCH + 0x40n, 0n])).toBe(SUCCESS);
    expect(decodeTime(m.readPhys(SCRATCH + 0x40n, 16))).toEqual(t);
    m.writePhys(SCRATCH, encodeTime({ ...t, year: 2023 }));
    expect(call('SetTime', [SCRATCH])).toBe(INVALID_PARAMETER);
    expect(call('GetTime', [0n, 0n])).toBe(INVALID_PARAMETER);
  });

  it('finds the wakeup timer and capsules unsupported', () => {
    const { m, fw } = firmwareMachine();
    for (const s of ['GetWakeupTime', 'SetWakeupTime', 'UpdateCapsule', 'QueryCapsuleCapabilities'] as const) {
      expect(callThroughDescriptor(m, fw.addresses.descriptors[s], [SCRATCH, SCRATCH, SCRATCH])).toBe(UNSUPPORTED);
    }
  });

  it('counts up GetNextHighMonotonicCount', () => {
    const { m, fw } = firmwareMachine();
    const d = fw.addresses.descriptors.GetNextHighMonotonicCount;
    expect(callThroughDescriptor(m, d, [SCRATCH])).toBe(SUCCESS);
    expect(callThroughDescriptor(m, d, [SCRATCH])).toBe(SUCCESS);
    expect(new DataView(m.readPhys(SCRATCH, 4).buffer).getUint32(0, true)).toBe(2);
    expect(callThroughDescriptor(m, d, [0n])).toBe(INVALID_PARAMETER);
  });

  it('stops the machine on ResetSystem and records the type, status and data', () => {
    const { m, fw } = firmwareMachine();
    m.writePhys(SCRATCH, ucs2Bytes('kernel done'));
    const status = 0xa000000000000012n;
    callThroughDescriptor(m, fw.addresses.descriptors.ResetSystem, [2n, status, 24n, SCRATCH]);
    expect(m.cpu.halted).toBe(true);
    expect(fw.reset).toMatchObject({ type: 2, typeName: 'EfiResetShutdown', status, text: 'kernel done' });
    const rec = fw.log[fw.log.length - 1];
    expect(rec.status).toBeNull();
    expect(formatCall(rec)).toContain('did not return');
    expect(formatCall(rec)).toContain('EfiResetShutdown, status 0xa000000000000012, "kernel done"');
  });

  it('returns "not implemented" from SAL_PROC through the SAL system table entry point', () => {
    const { m, fw } = firmwareMachine();
    // The entry point descriptor's sal_proc and gp form a function descriptor of their own.
    const desc = fw.addresses.salSystemTable + BigInt(SAL.salProc);
    expect(callThroughDescriptor(m, desc, [0x01000000n, 0n, 0n])).toBe(BigInt.asUintN(64, -1n));
    expect(fw.log[0]).toMatchObject({ service: 'SAL_PROC', status: BigInt.asUintN(64, -1n) });
    expect(fw.log[0].args[0]).toBe(0x01000000n);
  });

  /** Call PAL_PROC with index in r28 by a plain branch, as PAL's static convention has it; returns r8 and the machine. */
  function callPal(index: number) {
    const { m, fw } = firmwareMachine();
    const pal = m.read64(fw.addresses.salSystemTable + BigInt(SAL.palProc));
    const back = CALLER + 6n * 16n;
    const { bytes, end } = assemble(
      [`movl r28=${index}`, `movl r14=0x${pal.toString(16)}`, 'mov b7=r14', `movl r15=0x${back.toString(16)}`, 'mov b0=r15', 'br.many b7', 'mov r2=r8'],
      CALLER,
    );
    m.writePhys(CALLER, bytes);
    m.cpu.invalidateAll();
    m.cpu.ip = CALLER;
    for (let k = 0; m.cpu.ip !== end && k < 100; k++) m.cpu.run(1);
    expect(m.cpu.ip).toBe(end);
    return { status: m.cpu.gr(2), fw };
  }

  it('returns "unimplemented" from PAL_PROC called with the static convention', () => {
    const { status, fw } = callPal(6);
    expect(status).toBe(BigInt.asUintN(64, -1n));
    expect(fw.log[0]).toMatchObject({ service: 'PAL_PROC', args: [6n, 0n, 0n, 0n] });
  });

  it('returns at once from PAL_HALT_LIGHT, since no interrupt can arrive', () => {
    const { status, fw } = callPal(29);
    expect(status).toBe(0n);
    expect(fw.log[0].notes.join()).toContain('PAL_HALT_LIGHT');
  });
});

describe('the variable store', () => {
  it('sets, reads, lists and deletes a runtime variable', () => {
    const { m, fw } = firmwareMachine();
    const d = fw.addresses.descriptors;
    const call = (s: keyof typeof d, args: bigint[]) => callThroughDescriptor(m, d[s], args);
    putName(m, 'BootNext');
    m.writePhys(DATA, new Uint8Array([1, 0]));
    expect(call('SetVariable', [NAME, GUIDP, BigInt(NV_BS_RT), 2n, DATA])).toBe(SUCCESS);

    m.write64(SIZE, 1n);
    expect(call('GetVariable', [NAME, GUIDP, ATTRS, SIZE, DATA + 0x10n])).toBe(BUFFER_TOO_SMALL);
    expect(m.read64(SIZE)).toBe(2n);
    expect(call('GetVariable', [NAME, GUIDP, ATTRS, SIZE, DATA + 0x10n])).toBe(SUCCESS);
    expect([...m.readPhys(DATA + 0x10n, 2)]).toEqual([1, 0]);
    expect(m.readPhys(ATTRS, 4)[0]).toBe(NV_BS_RT);

    // Enumerate from the empty name: the one variable, then the end.
    m.writePhys(DATA + 0x100n, ucs2Bytes(''));
    m.write64(SIZE, 4n);
    expect(call('GetNextVariableName', [SIZE, DATA + 0x100n, SCRATCH + 0x180n])).toBe(BUFFER_TOO_SMALL);
    expect(m.read64(SIZE)).toBe(18n);
    expect(call('GetNextVariableName', [SIZE, DATA + 0x100n, SCRATCH + 0x180n])).toBe(SUCCESS);
    expect([...m.readPhys(DATA + 0x100n, 18)]).toEqual([...ucs2Bytes('BootNext')]);
    expect([...m.readPhys(SCRATCH + 0x180n, 16)]).toEqual([...guidBytes(GUID)]);
    expect(call('GetNextVariableName', [SIZE, DATA + 0x100n, SCRATCH + 0x180n])).toBe(NOT_FOUND);

    expect(call('SetVariable', [NAME, GUIDP, BigInt(NV_BS_RT), 0n, 0n])).toBe(SUCCESS);
    expect(call('GetVariable', [NAME, GUIDP, 0n, SIZE, DATA])).toBe(NOT_FOUND);
    expect(call('SetVariable', [NAME, GUIDP, BigInt(NV_BS_RT), 0n, 0n])).toBe(NOT_FOUND);
  });

  it('applies the rules that hold after ExitBootServices', () => {
    const { m, fw } = firmwareMachine('tiano', 4096n << 20n, {
      variables: [{ name: 'Secret', guid: GUID, attributes: VariableAttr.NON_VOLATILE | VariableAttr.BOOTSERVICE_ACCESS, data: new Uint8Array([7]) }],
    });
    const d = fw.addresses.descriptors;
    const call = (s: keyof typeof d, args: bigint[]) => callThroughDescriptor(m, d[s], args);
    putName(m, 'Volatile');
    m.writePhys(DATA, new Uint8Array([1]));
    const BS_RT = VariableAttr.BOOTSERVICE_ACCESS | VariableAttr.RUNTIME_ACCESS;
    expect(call('SetVariable', [NAME, GUIDP, BigInt(BS_RT), 1n, DATA])).toBe(INVALID_PARAMETER);
    expect(call('SetVariable', [NAME, GUIDP, BigInt(VariableAttr.RUNTIME_ACCESS | VariableAttr.NON_VOLATILE), 1n, DATA])).toBe(INVALID_PARAMETER);
    expect(call('SetVariable', [NAME, GUIDP, 0x40n | BigInt(NV_BS_RT), 1n, DATA])).toBe(UNSUPPORTED);
    // A boot-services-only variable is invisible now.
    putName(m, 'Secret');
    m.write64(SIZE, 16n);
    expect(call('GetVariable', [NAME, GUIDP, 0n, SIZE, DATA])).toBe(NOT_FOUND);
    expect(call('GetVariable', [0n, GUIDP, 0n, SIZE, DATA])).toBe(INVALID_PARAMETER);
  });

  it('reports its capacity through QueryVariableInfo', () => {
    const { m, fw } = firmwareMachine();
    const q = fw.addresses.descriptors.QueryVariableInfo;
    expect(callThroughDescriptor(m, q, [BigInt(NV_BS_RT), SCRATCH, SCRATCH + 8n, SCRATCH + 16n])).toBe(SUCCESS);
    expect([m.read64(SCRATCH), m.read64(SCRATCH + 8n), m.read64(SCRATCH + 16n)]).toEqual([0x10000n, 0x10000n, 0x8000n]);
    expect(callThroughDescriptor(m, q, [BigInt(VariableAttr.NON_VOLATILE), SCRATCH, SCRATCH + 8n, SCRATCH + 16n])).toBe(INVALID_PARAMETER);
  });
});

describe('ConvertPointer', () => {
  it('knows no map before SetVirtualAddressMap and converts through it after', () => {
    const { m, fw } = firmwareMachine('tiano');
    const d = fw.addresses.descriptors.ConvertPointer;
    m.write64(SCRATCH, fw.addresses.runtimeServices);
    expect(callThroughDescriptor(m, d, [0n, SCRATCH])).toBe(NOT_FOUND);
    expect(fw.enterVirtualMode()).toBe(SUCCESS);
    // Tiano leaves ConvertPointer's descriptor physical, so a physical-mode caller still reaches it.
    expect(callThroughDescriptor(m, d, [0n, SCRATCH])).toBe(SUCCESS);
    expect(m.read64(SCRATCH)).toBe(0xe000000000000000n | fw.addresses.runtimeServices);
    m.write64(SCRATCH, 0x1000n);
    expect(callThroughDescriptor(m, d, [0n, SCRATCH])).toBe(NOT_FOUND);
    m.write64(SCRATCH, 0n);
    expect(callThroughDescriptor(m, d, [0n, SCRATCH])).toBe(INVALID_PARAMETER);
    expect(callThroughDescriptor(m, d, [1n, SCRATCH])).toBe(SUCCESS);
  });
});

describe('a call in virtual mode', () => {
  const REGION7 = 0xe000000000000000n;

  /**
   * Region 7 mapped by an OS that inserts a translation on each data TLB
   * miss and resumes at the faulting instruction; instruction fetches are
   * always translated.
   */
  function virtualMode(m: Machine): { misses: bigint[] } {
    const pages = new Set<bigint>();
    const misses: bigint[] = [];
    let generation = 0;
    m.cpu.translator = {
      get generation() {
        return generation;
      },
      translate(va, _size, access) {
        if (va >> 61n !== 7n) throw new Error(`not a region 7 address: 0x${va.toString(16)}`);
        const pa = va & ~REGION7;
        if (access !== Access.Execute && !pages.has(pa >> 12n)) {
          throw new Interruption(Vector.ALT_DATA_TLB, 'Alternate Data TLB fault', { ifa: va });
        }
        return pa;
      },
    };
    m.cpu.onInterruption = (c, intr, slot) => {
      if (intr.vector !== Vector.ALT_DATA_TLB) return false;
      misses.push(intr.info.ifa!);
      pages.add((intr.info.ifa! & ~REGION7) >> 12n);
      generation++;
      c.startSlot = slot;
      return true;
    };
    m.cpu.psr = psrSet(psrSet(m.cpu.psr, 'dt', 1), 'it', 1);
    return { misses };
  }

  it('runs again after a TLB miss on a pointer argument, and is logged once', () => {
    const { m, fw } = firmwareMachine('legacy');
    expect(fw.enterVirtualMode()).toBe(SUCCESS);
    const { misses } = virtualMode(m);
    const desc = REGION7 | fw.addresses.descriptors.GetTime;
    const time = REGION7 | SCRATCH;
    const caps = REGION7 | (SCRATCH + 0x1000n);
    expect(callThroughDescriptor(m, desc, [time, caps], REGION7 | CALLER)).toBe(SUCCESS);
    // The caller's load of the descriptor, then the handler on each page it writes.
    expect(misses).toEqual([desc, time, caps]);
    expect(decodeTime(m.readPhys(SCRATCH, 16)).year).toBe(2008);
    expect(fw.log.filter((r) => r.service === 'GetTime')).toHaveLength(1);
    expect(fw.log[fw.log.length - 1]).toMatchObject({ service: 'GetTime', mode: 'virtual', status: SUCCESS });
  });

  it('shuts down through ResetSystem as the firmware converted it', () => {
    const { m, fw } = firmwareMachine('tiano');
    fw.enterVirtualMode();
    virtualMode(m);
    m.writePhys(SCRATCH, ucs2Bytes('bye'));
    const slot = fw.addresses.runtimeServices + 24n + 8n * BigInt(RUNTIME_SERVICES.indexOf('ResetSystem'));
    const desc = m.read64(slot);
    expect(desc >> 61n).toBe(7n);
    callThroughDescriptor(m, desc, [2n, 0n, 8n, REGION7 | SCRATCH], REGION7 | CALLER);
    expect(m.cpu.halted).toBe(true);
    expect(fw.reset).toMatchObject({ typeName: 'EfiResetShutdown', status: 0n, text: 'bye' });
    expect(fw.log[fw.log.length - 1]).toMatchObject({ service: 'ResetSystem', mode: 'virtual', status: null });
  });
});
