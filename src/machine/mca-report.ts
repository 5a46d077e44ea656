// Reports of what stopped a run: a Machine Check Abort (an access the
// platform could not complete) or an interruption no handler took. Both
// say what was accessed, by which instruction (the bundle in objdump's
// syntax with the faulting slot marked, and the nearest symbol), in which
// translation mode, with a register snapshot and a heuristic call chain.
// report-render.ts turns a report into text and JSON.

import type { Cpu, CpuFault, ExecBundle } from '../cpu/cpu.js';
import { formatInsn, stopAfter } from '../cpu/disasm/format.js';
import { ISR } from '../cpu/interruption.js';
import { Access } from '../cpu/memory.js';
import { PSR } from '../cpu/psr.js';
import { AR } from '../cpu/state.js';
import { accessName, MachineCheck } from './address-space.js';
import { callChain, ChainLink, SymbolLookup, symbolText } from './report-chain.js';
import { RegisterSnapshot, snapshotRegisters } from './report-registers.js';

export type { ChainLink, SymbolLookup } from './report-chain.js';

/** A translation that maps a virtual address, as the TLB or VHPT holds it. */
export interface Translation {
  /** Where it was found: "DTR[2]", "DTC", "VHPT", ... */
  readonly source: string;
  readonly rid?: number;
  /** Page size, log2 bytes. */
  readonly ps: number;
  /** Page-aligned virtual and physical addresses. */
  readonly vpage: bigint;
  readonly ppage: bigint;
  /** Memory attribute: "WB", "UC", "UCE", "WC", "NaTPage". */
  readonly ma?: string;
}

/** The translation in force for an address, if the TLBs have one. */
export type TranslationLookup = (va: bigint, access: Access) => Translation | undefined;

export interface ReportOptions {
  readonly symbolize?: SymbolLookup;
  readonly translation?: TranslationLookup;
}

export interface ModeReport {
  readonly virtual: boolean;
  /** The access's virtual address, when it can be told, and how it was found. */
  readonly va: bigint | null;
  readonly vaFrom: string | null;
  /** Region number: va{63:61}. */
  readonly region: number | null;
  readonly translation: Translation | null;
}

export interface InterruptionReport {
  readonly name: string;
  readonly vector: number;
  readonly isr: bigint;
  readonly ifa: bigint | null;
}

export interface FaultReport {
  readonly kind: 'machine-check' | 'interruption';
  readonly title: string;
  readonly address: bigint | null;
  readonly size: number | null;
  readonly access: string | null;
  readonly uncached: boolean | null;
  /** Why a device refused the transaction; null when nothing backs the address. */
  readonly reason: string | null;
  readonly interruption: InterruptionReport | null;
  readonly ip: bigint;
  /** The faulting slot; null for an instruction fetch. */
  readonly slot: number | null;
  /** The faulting instruction's text, and the bundle's lines with their slots. */
  readonly instruction: string | null;
  readonly bundle: readonly { readonly slot: number; readonly text: string }[];
  readonly symbol: string | null;
  readonly mode: ModeReport;
  readonly registers: RegisterSnapshot;
  readonly callChain: readonly ChainLink[];
}

/** The bundle at ip in objdump's layout: the template on the first line, ";;" at stops, the L slot folded into X. */
function disassemble(c: Cpu, ip: bigint, symbolize?: SymbolLookup): FaultReport['bundle'] {
  let b: ExecBundle;
  try {
    b = c.fetch(ip);
  } catch {
    return [];
  }
  const printAddr = (a: bigint) => {
    const s = symbolText(symbolize, a);
    return s ? `${a.toString(16)} <${s}>` : `0x${a.toString(16)}`;
  };
  const lines: { slot: number; text: string }[] = [];
  for (let slot = 0; slot < 3; slot++) {
    if (b.template.units?.[slot] === 'L') continue;
    const text = formatInsn(b.insns[slot], ip, printAddr) + (stopAfter(b, slot) ? ';;' : '');
    lines.push({ slot, text: (lines.length === 0 ? `[${b.template.name}] ` : '      ') + text });
  }
  return lines;
}

/** The memory operand's register of an instruction ([rN]), if it has one. */
function addressRegister(c: Cpu, ip: bigint, slot: number): number | null {
  try {
    const insn = c.fetch(ip).insns[slot];
    const k = insn.def?.operands.findIndex((o) => o.cls === 'ind' && o.str === '') ?? -1;
    return k >= 0 ? insn.ops[k] : null;
  } catch {
    return null;
  }
}

/**
 * The virtual address behind a data access to physical pa: the memory
 * operand's base register, or the register-stack slot a spill (at
 * BSPSTORE, after an RNAT collection) or a fill (below it) was moving.
 * A page keeps the low 12 bits of an address, so those must agree.
 */
function dataVirtualAddress(c: Cpu, pa: bigint, slot: number): [bigint, string] | null {
  const candidates: [bigint, string][] = [];
  const r = addressRegister(c, c.ip, slot);
  if (r !== null) candidates.push([c.gr(r), `r${r}`]);
  const bs = c.r.ar[AR.BSPSTORE];
  for (const d of [0n, 8n, -8n, -16n]) candidates.push([bs + d, 'ar.bspstore']);
  return candidates.find(([va]) => (va & 0xfffn) === (pa & 0xfffn)) ?? null;
}

function modeOf(c: Cpu, access: Access | null, va: [bigint, string] | null, opts: ReportOptions): ModeReport {
  const bit = access === Access.Execute ? PSR.it : PSR.dt;
  const virtual = ((c.psr >> BigInt(bit)) & 1n) !== 0n;
  if (!virtual || va === null) return { virtual, va: null, vaFrom: null, region: null, translation: null };
  return {
    virtual,
    va: va[0],
    vaFrom: va[1],
    region: Number(va[0] >> 61n),
    translation: opts.translation?.(va[0], access ?? Access.Read) ?? null,
  };
}

function accessFromIsr(isr: bigint): Access | null {
  if (isr & ISR.X) return Access.Execute;
  if (isr & ISR.W) return Access.Write;
  if (isr & ISR.R) return Access.Read;
  return isr & ISR.NA ? Access.NonAccess : null;
}

/** The report for what stopped a run on cpu: a MachineCheck or an undelivered interruption. */
export function faultReport(stop: MachineCheck | CpuFault, cpu: Cpu, opts: ReportOptions = {}): FaultReport {
  const common = {
    title: stop.message,
    registers: snapshotRegisters(cpu),
    callChain: callChain(cpu, opts.symbolize),
  };
  if (stop instanceof MachineCheck) {
    const fetch = stop.access === Access.Execute;
    const slot = fetch ? null : cpu.slot;
    const va: [bigint, string] | null = fetch ? [cpu.ip, 'ip'] : dataVirtualAddress(cpu, stop.address, cpu.slot);
    return {
      kind: 'machine-check',
      address: stop.address,
      size: stop.size,
      access: accessName(stop.access),
      uncached: stop.uncached,
      reason: stop.reason,
      interruption: null,
      ...instructionAt(cpu, cpu.ip, slot, opts),
      mode: modeOf(cpu, stop.access, va, opts),
      ...common,
    };
  }
  const { info } = stop.interruption;
  const isr = info.isr ?? 0n;
  const access = info.ifa === undefined ? null : accessFromIsr(isr);
  const slot = access === Access.Execute ? null : stop.slot;
  return {
    kind: 'interruption',
    address: info.ifa ?? null,
    size: null,
    access: access === null ? null : accessName(access),
    uncached: null,
    reason: null,
    interruption: { name: stop.interruption.kind, vector: stop.interruption.vector, isr, ifa: info.ifa ?? null },
    ...instructionAt(cpu, stop.ip, slot, opts),
    mode: modeOf(cpu, access, info.ifa === undefined ? null : [info.ifa, 'ifa'], opts),
    ...common,
  };
}

function instructionAt(c: Cpu, ip: bigint, slot: number | null, opts: ReportOptions) {
  const bundle = slot === null ? [] : disassemble(c, ip, opts.symbolize);
  const line = bundle.find((l) => l.slot === slot);
  return {
    ip,
    slot,
    instruction: line ? line.text.slice(6).trim().replace(/;;$/, '') : null,
    bundle,
    symbol: symbolText(opts.symbolize, ip),
  };
}
