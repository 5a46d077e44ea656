// The system instructions as a whole: every privileged row and every system
// row has a semantic, privileged rows fault at level 3, and the delivery,
// deferral and translation rules that need no program.

import { describe, expect, it } from 'vitest';
import { CpuFault } from '../src/cpu/cpu.js';
import type { Insn } from '../src/cpu/decode/decoder.js';
import '../src/cpu/decode/decoder.js';
import { allRows, Flag, InsnDef } from '../src/cpu/decode/table.js';
import { semanticFor } from '../src/cpu/exec/registry.js';
import { Interruption, ISR, MachineStop, Vector } from '../src/cpu/interruption.js';
import { Access } from '../src/cpu/memory.js';
import { psrSet } from '../src/cpu/psr.js';
import { AR } from '../src/cpu/state.js';
import { CR } from '../src/cpu/system/cr.js';
import { UncollectableInterruption } from '../src/cpu/system/delivery.js';
import { translationFault } from '../src/cpu/system/faults.js';
import { deferSpeculativeFault } from '../src/cpu/system/speculation.js';
import { attachSystem } from '../src/cpu/system/system.js';
import { makeEntry } from '../src/cpu/system/tlb.js';
import { machine, run } from './support/machine.js';

/** Rows of the system architecture that this part of the CPU implements. */
const SYSTEM_ROWS = new Set([
  'rsm', 'ssm', 'rum', 'sum', 'rfi', 'bsw.0', 'bsw.1', 'epc', 'vmsw.0', 'vmsw.1', 'itc.i', 'itc.d', 'itr.i',
  'itr.d', 'ptc.l', 'ptc.g', 'ptc.ga', 'ptc.e', 'ptr.i', 'ptr.d', 'probe.r', 'probe.w', 'probe.r.fault',
  'probe.w.fault', 'probe.rw.fault', 'tpa', 'tak', 'thash', 'ttag', 'fc', 'fc.i', 'srlz.i', 'srlz.d', 'sync.i',
  'mf.a',
]);
const SYSTEM_MOVES = ['M32', 'M33', 'M35', 'M36', 'M42', 'M43', 'M48'];

function isSystemRow(d: InsnDef): boolean {
  return SYSTEM_ROWS.has(d.name) || (d.name === 'mov' && SYSTEM_MOVES.includes(d.format));
}

/** An instance of row d with register operands r2, r3, ... and zero immediates. */
function instance(d: InsnDef): Insn {
  const ops = d.operands.map((o, k) => (o.cls === 'reg' || o.cls === 'ind' ? (o.str === 'cr' ? CR.DCR : 2 + k) : 0));
  return { def: d, slot: 0, qp: 0, ops, imm: 0n };
}

describe('system rows', () => {
  const rows = allRows().filter((d) => d.flags & Flag.Priv || isSystemRow(d));

  it('all have a semantic', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const missing = rows.filter((d) => !semanticFor(d)).map((d) => `${d.format} ${d.name}`);
    expect(missing, `rows without a semantic:\n${missing.join('\n')}`).toEqual([]);
  });

  it('raise Privileged Operation faults at level 3 when flagged privileged', () => {
    const wrong: string[] = [];
    for (const d of rows.filter((r) => r.flags & Flag.Priv && !r.name.startsWith('vmsw'))) {
      const { cpu } = machine([]);
      cpu.r.cfm.sof = 16;
      cpu.r.remapAll();
      cpu.psr = psrSet(0n, 'cpl', 3);
      try {
        semanticFor(d)!.fn(cpu, instance(d));
        wrong.push(`${d.format} ${d.name}: no fault`);
      } catch (e) {
        if (!(e instanceof Interruption) || e.info.isr !== 0x10n) wrong.push(`${d.format} ${d.name}: ${String(e)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('delivery', () => {
  it('does not deliver while IVA is 0: the run stops with the fault', () => {
    expect(() => run(['break.m 0x5'], (c) => void attachSystem(c))).toThrow(CpuFault);
  });

  it('stops the machine for a non-TLB interruption with PSR.ic = 0', () => {
    const go = () =>
      run(['break.m 0x5'], (c) => {
        attachSystem(c);
        c.r.cr[CR.IVA] = 0x8000n;
      });
    expect(go).toThrow(UncollectableInterruption);
    expect(go).toThrow(/PSR\.ic = 0/);
  });
});

describe('epc and vmsw', () => {
  it('promotes to level 0 in physical mode unless PFS.ppl is more privileged than PSR.cpl', () => {
    const m = run(['epc'], (c) => {
      c.psr = psrSet(0n, 'cpl', 3);
      c.r.ar[AR.PFS] = 3n << 62n;
    });
    expect(m.cpu.cpl).toBe(0);
    expect(() =>
      run(['epc'], (c) => {
        c.psr = psrSet(0n, 'cpl', 3);
      }),
    ).toThrow(/Illegal Operation/);
  });

  it('has no virtual machine extensions: vmsw is an Illegal Operation fault', () => {
    expect(() => run(['vmsw.1'])).toThrow(/Illegal Operation/);
  });
});

describe('speculative-load deferral', () => {
  const fault = (f: Parameters<typeof translationFault>[0]) => translationFault(f, 0x1000n, ISR.R | ISR.SP, 0n, 0n);

  it('defers everything with PSR.ic = 0 and NaTPage references always', () => {
    const { cpu } = machine([]);
    attachSystem(cpu);
    expect(deferSpeculativeFault(cpu, fault('tlb'))).toBe(true);
    cpu.psr = psrSet(0n, 'ic', 1);
    expect(deferSpeculativeFault(cpu, new Interruption(Vector.NAT_CONSUMPTION, 'NaT page', { isr: 2n }))).toBe(true);
    expect(deferSpeculativeFault(cpu, fault('tlb'))).toBe(false);
    // A handler's IPSR.ed makes the load it returns to defer, once.
    cpu.psr = psrSet(cpu.psr, 'ed', 1);
    expect(deferSpeculativeFault(cpu, fault('tlb'))).toBe(true);
    expect(deferSpeculativeFault(cpu, fault('tlb'))).toBe(false);
  });

  it('follows DCR per class; in virtual mode only for code pages with ITLB.ed', () => {
    const { cpu } = machine([]);
    const sys = attachSystem(cpu);
    cpu.psr = psrSet(0n, 'ic', 1);
    cpu.r.cr[CR.DCR] = 1n << 9n; // dp
    expect(deferSpeculativeFault(cpu, fault('pageNotPresent'))).toBe(true);
    expect(deferSpeculativeFault(cpu, fault('accessRights'))).toBe(false);
    cpu.psr = psrSet(cpu.psr, 'it', 1);
    expect(deferSpeculativeFault(cpu, fault('pageNotPresent'))).toBe(false);
    sys.translator.itlb.insertTc(makeEntry((1n << 52n) | 0x661n, 12, 0, 0, cpu.ip));
    expect(deferSpeculativeFault(cpu, fault('pageNotPresent'))).toBe(true);
  });
});

describe('translation generation', () => {
  it('changes with PSR translation bits and TLB contents, not with other PSR bits', () => {
    const { cpu } = machine([]);
    const t = attachSystem(cpu).translator;
    const g0 = t.generation;
    cpu.psr = psrSet(cpu.psr, 'up', 1);
    expect(t.generation).toBe(g0);
    cpu.psr = psrSet(cpu.psr, 'dt', 1);
    const g1 = t.generation;
    expect(g1).not.toBe(g0);
    t.insert(false, null, 0x661n, 12n << 2n, 0x4000n);
    expect(t.generation).not.toBe(g1);
    expect(t.translate(0x4008n, 8, Access.Read)).toBe(0x8n);
  });

  it('reports overlapping translation registers as a machine check', () => {
    const { cpu } = machine([]);
    const t = attachSystem(cpu).translator;
    t.insert(false, 0, 0x661n, 16n << 2n, 0n);
    expect(() => t.insert(false, 1, 0x661n, 12n << 2n, 0x1000n)).toThrow(MachineStop);
  });
});
