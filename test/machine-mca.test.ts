// Machine Check Abort reports: a load, a store and an instruction fetch
// that reach nothing on a default Machine, cached and uncached, in physical
// and virtual mode, with the call chain recovered from the register stack;
// and the same report for an interruption nothing handles.

import { describe, expect, it } from 'vitest';
import { CpuFault } from '../src/cpu/cpu.js';
import { Access } from '../src/cpu/memory.js';
import { tlbLookup } from '../src/cpu/system/lookup.js';
import { attachSystem } from '../src/cpu/system/system.js';
import { makeEntry } from '../src/cpu/system/tlb.js';
import { SymbolMap } from '../src/loader/symbols.js';
import { MachineCheck } from '../src/machine/address-space.js';
import { faultReport, FaultReport, ReportOptions } from '../src/machine/mca-report.js';
import { reportJson, reportText } from '../src/machine/report-render.js';
import { assembleBundle } from './support/asm.js';
import { BACKING_STORE, CODE, load, MachineRun, runLoaded } from './support/machine-run.js';
import type { Machine } from '../src/machine/machine.js';

/** 2008's PA() on a physical pointer: PAGE_OFFSET subtracted, the result is in region 1 and backed by nothing. */
const HOLE = 0x2000000000001000n;
/** Between the RAM below 2 GiB and the firmware ROM. */
const GAP = 0xc0000000n;
const UC = 1n << 63n;

/** Run lines; `bundles` replaces the bundle at a label with one of a chosen template. */
function run(lines: readonly string[], bundles: Record<string, Uint8Array> = {}, setup?: (m: Machine) => void): MachineRun {
  const loaded = load(lines);
  for (const [label, bytes] of Object.entries(bundles)) loaded.m.writePhys(loaded.labels.get(label)!, bytes);
  setup?.(loaded.m);
  return runLoaded(loaded);
}

function report(r: MachineRun, opts?: ReportOptions): FaultReport {
  if (!r.stop) throw new Error('the program did not fault');
  return faultReport(r.stop, r.m.cpu, opts);
}

const symbols = (r: MachineRun) => {
  const map = new SymbolMap([['main', CODE], ...[...r.labels].filter(([n]) => n !== 'main')]);
  return { symbolize: (a: bigint) => map.nearest(a) };
};

describe('a load from a hole', () => {
  const r = run(['main:', `movl r9=${HOLE + 8n}`, 'ld8 r8=[r9]']);
  const rep = report(r, symbols(r));

  it('is a machine check of the load, at its slot', () => {
    expect(r.stop).toBeInstanceOf(MachineCheck);
    expect(rep).toMatchObject({
      kind: 'machine-check',
      address: HOLE + 8n,
      size: 8,
      access: 'load',
      uncached: false,
      reason: null,
      ip: CODE + 0x10n,
      slot: 0,
      instruction: 'ld8 r8=[r9]',
      symbol: 'main+0x10',
      mode: { virtual: false },
    });
    expect(rep.bundle.map((l) => l.text)).toEqual(['[MII]       ld8 r8=[r9]', '            nop.i 0x0', '            nop.i 0x0;;']);
  });

  it('renders as text with the faulting slot marked', () => {
    const text = reportText(rep);
    expect(text).toMatch(/^Machine Check Abort: load of 8 bytes at unpopulated physical address 0x2000000000001008\n/);
    expect(text).toContain('  access       load of 8 bytes at physical 0x2000000000001008, cached\n');
    expect(text).toContain('  instruction  ip 0x100010 slot 0 <main+0x10>\n');
    expect(text).toMatch(/\[MII\] {7}ld8 r8=\[r9\] +<-- slot 0\n/);
    expect(text).toContain('  mode         physical\n');
    expect(text).toContain('  r9   2000000000001008  r10');
    expect(text.split('\n').length).toBeLessThan(50);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('renders as JSON with hex strings', () => {
    const json = reportJson(rep);
    expect(json).toMatchObject({
      address: '0x2000000000001008',
      size: 8,
      access: 'load',
      uncached: false,
      ip: '0x100010',
      slot: 0,
      instruction: 'ld8 r8=[r9]',
      symbol: 'main+0x10',
      mode: { name: 'physical' },
      callChain: [{ address: '0x100010', symbol: 'main+0x10', source: 'ip' }],
    });
    const regs = json.registers as Record<string, Record<string, string>>;
    expect(regs.gr.r9).toBe('0x2000000000001008');
    expect(regs.ar['ar.k0']).toBe('0xffffc000000');
    expect(regs.ar['ar.bsp']).toBe(`0x${BACKING_STORE.toString(16)}`);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('a store to a hole, uncached, from slot 1', () => {
  const r = run(['main:', `movl r9=${UC | GAP}`, 'mov r8=7', 'store:', 'nop.m 0'], {
    store: assembleBundle('MMI', ['nop.m 0', 'st8 [r9]=r8', 'nop.i 0']),
  });
  const rep = report(r);

  it('names the store, slot 1 and the uncached access', () => {
    expect(rep).toMatchObject({
      address: GAP,
      size: 8,
      access: 'store',
      uncached: true,
      ip: CODE + 0x20n,
      slot: 1,
      instruction: 'st8 [r9]=r8',
      symbol: null,
    });
    const text = reportText(rep);
    expect(text).toContain('at physical 0xc0000000, uncached\n');
    expect(text).toMatch(/ {6} {6}st8 \[r9\]=r8 +<-- slot 1\n/);
    expect(text).not.toMatch(/nop.m 0x0 +<--/);
  });
});

describe('an instruction fetch from a hole', () => {
  const r = run(['main:', `movl r8=${GAP}`, 'mov b6=r8', 'br.call.sptk.many b0=b6']);
  const rep = report(r, symbols(r));

  it('names the fetch address as IP, with no slot and no instruction', () => {
    expect(rep).toMatchObject({ address: GAP, size: 16, access: 'fetch', ip: GAP, slot: null, instruction: null, bundle: [] });
    expect(reportText(rep)).toContain('  instruction  ip 0xc0000000 instruction fetch\n');
  });

  it('lists the caller from b0', () => {
    expect(rep.callChain).toEqual([
      { address: GAP, symbol: null, source: 'ip' },
      { address: CODE + 0x30n, symbol: 'main+0x30', source: 'b0' },
    ]);
  });
});

describe('the call chain', () => {
  // GCC's frame layout: the saved b0 and then the saved ar.pfs among the locals.
  const program = (flush: boolean) => [
    'main:',
    'alloc r33=ar.pfs,3,2,0',
    'mov r32=b0',
    'br.call.sptk.many b0=f',
    'nop.m 0',
    'f:',
    'alloc r35=ar.pfs,4,4,0',
    'mov r34=b0',
    'br.call.sptk.many b0=g',
    'nop.m 0',
    'g:',
    'alloc r36=ar.pfs,5,5,0',
    'mov r35=b0',
    ...(flush ? ['flushrs'] : []),
    `movl r9=${HOLE}`,
    'ld8 r8=[r9]',
  ];

  it.each([
    ['registers in the register file', false],
    ['registers spilled to the backing store', true],
  ])('walks saved b0 and ar.pfs through %s', (_, flush) => {
    const r = run(program(flush));
    const rep = report(r, symbols(r));
    const g = r.labels.get('g')!;
    expect(rep.callChain.map((l) => [l.symbol, l.source.replace(/ @0x[0-9a-f]+$/, '')])).toEqual([
      [`g+0x${(r.m.cpu.ip - g).toString(16)}`, 'ip'],
      ['f+0x30', 'b0'],
      ['main+0x30', 'frame 1 r34'],
    ]);
    if (flush) expect(rep.callChain[2].source).toBe(`frame 1 r34 @0x${(BACKING_STORE + 0x20n).toString(16)}`);
    expect(rep.registers.sof).toBe(5);
    expect(rep.registers.gr.slice(31).map((g) => g.name)).toEqual(['r32', 'r33', 'r34', 'r35', 'r36']);
    expect(reportText(rep)).toContain('Call chain (heuristic');
  });

  it('marks NaT registers', () => {
    // A speculative load from uncached memory is deferred: its target gets a NaT.
    const r = run(['main:', 'alloc r34=ar.pfs,3,0,0', `movl r9=${UC}`, 'ld8.s r33=[r9]', `movl r9=${HOLE}`, 'ld8 r8=[r9]']);
    const rep = report(r);
    expect(rep.registers.gr.find((g) => g.name === 'r33')?.nat).toBe(true);
    expect(reportText(rep)).toMatch(/r33  0000000000000000\*/);
    expect((reportJson(rep).registers as { nat: string[] }).nat).toEqual(['r33']);
  });
});

/** In virtual mode, a load from va, which DTR 0 maps onto the hole at GAP + 0x1000. */
function loadThroughDtr(va: bigint): MachineRun {
  return run(['main:', `movl r9=${va}`, 'ld4 r8=[r9]'], {}, (m) => {
    const sys = attachSystem(m.cpu);
    // p, a, d, ar 3 (read, write, execute) at pl 0, write-back, 4 KiB.
    const pte = 1n | (1n << 5n) | (1n << 6n) | (3n << 9n) | (GAP + 0x1000n);
    sys.translator.dtlb.insertTr(0, makeEntry(pte, 12, 0, 0, va));
    m.cpu.psr |= 1n << 17n;
  });
}

describe('virtual mode', () => {
  it('gives the virtual address, its region and the translation that produced the physical address', () => {
    const va = HOLE + 0x10n;
    const r = loadThroughDtr(va);
    const seen: [bigint, Access][] = [];
    const rep = report(r, {
      translation: (a, access) => {
        seen.push([a, access]);
        return { source: 'DTR[0]', rid: 0, ps: 12, vpage: a & ~0xfffn, ppage: GAP + 0x1000n, ma: 'WB' };
      },
    });
    expect(seen).toEqual([[va, Access.Read]]);
    expect(rep).toMatchObject({ address: GAP + 0x1010n, access: 'load', size: 4, uncached: false, slot: 0 });
    expect(rep.mode).toEqual({
      virtual: true,
      va,
      vaFrom: 'r9',
      region: 1,
      translation: { source: 'DTR[0]', rid: 0, ps: 12, vpage: HOLE, ppage: GAP + 0x1000n, ma: 'WB' },
    });
    expect(reportText(rep)).toContain(
      '  mode         virtual: va 0x2000000000001010 (from r9), region 1; DTR[0]: page 0x2000000000001000 -> 0xc0001000 (4 KiB, WB, rid 0x0)\n',
    );
    expect(reportJson(rep).mode).toEqual({
      name: 'virtual',
      va: '0x2000000000001010',
      vaFrom: 'r9',
      region: 1,
      translation: { source: 'DTR[0]', rid: 0, ps: 12, vpage: '0x2000000000001000', ppage: '0xc0001000', ma: 'WB' },
    });
  });
});

describe('the TLB lookup fault reports use', () => {
  it('names the TLB entry that maps the faulting address', () => {
    const va = HOLE + 0x10n;
    const r = loadThroughDtr(va);
    const rep = report(r, { translation: tlbLookup(r.m.cpu) });
    expect(rep.mode.translation).toEqual({ source: 'DTLB', rid: 0, ps: 12, vpage: HOLE, ppage: GAP + 0x1000n, ma: 'WB' });
  });
});

describe('an undelivered interruption', () => {
  const r = run(['main:', 'mov r9=0x1003', 'nop.m 0', 'ld8 r8=[r9]'], {}, (m) => {
    m.cpu.psr |= 1n << 3n; // PSR.ac: unaligned references fault
  });
  const rep = report(r);

  it('names the interruption with its ISR and IFA, and the instruction', () => {
    expect(r.stop).toBeInstanceOf(CpuFault);
    expect(rep).toMatchObject({
      kind: 'interruption',
      interruption: { name: 'Unaligned Data Reference fault', vector: 0x5a00, isr: 1n << 34n, ifa: 0x1003n },
      address: 0x1003n,
      access: 'load',
      size: null,
      ip: CODE + 0x20n,
      slot: 0,
      instruction: 'ld8 r8=[r9]',
    });
    const text = reportText(rep);
    expect(text).toMatch(/^Unaligned Data Reference fault at IP 0x100020 slot 0\n/);
    expect(text).toContain('  interruption Unaligned Data Reference fault (vector 0x5a00), isr 0x400000000, ifa 0x1003\n');
    expect(reportJson(rep).interruption).toEqual({
      name: 'Unaligned Data Reference fault',
      vector: '0x5a00',
      isr: '0x400000000',
      ifa: '0x1003',
    });
  });
});
