// A system-mode machine for the programs in test/fixtures/system: 64 MiB of
// RAM, the program image at 0x100000, a CPU with the system architecture
// attached, run until the program's `break.m 0x100000`.

import { readFileSync } from 'node:fs';
import { Cpu } from '../../src/cpu/cpu.js';
import { AR } from '../../src/cpu/state.js';
import { attachSystem, System } from '../../src/cpu/system/system.js';
import type { TranslatorOptions } from '../../src/cpu/system/translator.js';
import { AddressSpace } from '../../src/machine/address-space.js';
import { SparseMemory } from '../../src/machine/ram.js';

export const LOAD = 0x100000n;
export const RESULTS = 0x180000n;
export const LOG_COUNT = 0x18fff8n;
export const LOG = 0x190000n;
const DONE = 0x100000;
const BACKING_STORE = 0x400000n;
const STACK_TOP = 0x3f0000n;

/** One interruption as the program's IVT recorded it. */
export interface LogEntry {
  vector: number;
  isr: bigint;
  ifa: bigint;
  iip: bigint;
  ipsr: bigint;
  itir: bigint;
  iha: bigint;
  iim: bigint;
}

export interface SystemRun {
  cpu: Cpu;
  ram: SparseMemory;
  sys: System;
  /** Result word n. */
  result(n: number): bigint;
  /** Interruptions taken, in order. */
  log(): LogEntry[];
}

export function runFixture(name: string, opts: TranslatorOptions = {}, maxInsns = 2_000_000): SystemRun {
  const ram = new SparseMemory('ram', 0n, 64n << 20n);
  const cpu = new Cpu(new AddressSpace().add(ram));
  const sys = attachSystem(cpu, opts);
  ram.load(LOAD, readFileSync(new URL(`../fixtures/system/${name}.bin`, import.meta.url)));
  cpu.ip = LOAD;
  cpu.r.ar[AR.BSP] = BACKING_STORE;
  cpu.r.ar[AR.BSPSTORE] = BACKING_STORE;
  cpu.setGr(12, STACK_TOP);
  cpu.onBreak = (c, imm) => {
    if (imm !== DONE) return false;
    c.halted = true;
    return true;
  };
  if (cpu.run(maxInsns) !== 'halt') throw new Error(`${name} did not finish (IP 0x${cpu.ip.toString(16)})`);
  const word = (a: bigint) => ram.read(a, 8);
  return {
    cpu,
    ram,
    sys,
    result: (n) => word(RESULTS + 8n * BigInt(n)),
    log: () => {
      const out: LogEntry[] = [];
      const n = Number(word(LOG_COUNT));
      for (let i = 0; i < n; i++) {
        const a = LOG + 64n * BigInt(i);
        const f = (k: number) => word(a + 8n * BigInt(k));
        out.push({ vector: Number(f(0)), isr: f(1), ifa: f(2), iip: f(3), ipsr: f(4), itir: f(5), iha: f(6), iim: f(7) });
      }
      return out;
    },
  };
}

/** The address of a symbol of a fixture, from its committed symbol list. */
export function symbol(name: string, sym: string): bigint {
  const text = readFileSync(new URL(`../fixtures/system/${name}.sym`, import.meta.url), 'utf8');
  for (const line of text.split('\n')) {
    const [addr, , s] = line.trim().split(/\s+/);
    if (s === sym) return BigInt(`0x${addr}`);
  }
  throw new Error(`${name}: no symbol ${sym}`);
}
