// Semantic functions, one small function per instruction, bound to table rows
// by format and mnemonic. A factory sees the row once (its completers) and
// returns the function executed for every dynamic instance.

import type { Insn } from '../decode/decoder.js';
import type { InsnDef } from '../decode/table.js';
import type { Cpu } from '../cpu.js';

/** Executes one instruction whose qualifying predicate is true. */
export type ExecFn = (c: Cpu, i: Insn) => void;

export interface Semantic {
  fn: ExecFn;
  /**
   * Run even when the qualifying predicate is false (compares and tests with
   * .unc clear their targets; fclass.unc/fcmp.unc likewise). The function
   * then checks c.qpTrue(i) itself.
   */
  always?: boolean;
}

export interface SemanticEntry {
  /** Formats this entry covers (the manual's names, e.g. ["A1", "A3"]); "*" for any. */
  formats: readonly string[];
  /** Returns the semantic for a row, or undefined when the row is not covered. */
  make(def: InsnDef): Semantic | ExecFn | undefined;
}

const ENTRIES: SemanticEntry[] = [];

export function registerSemantics(...entries: SemanticEntry[]): void {
  ENTRIES.push(...entries);
}

/** Helper for the common case: an exact mnemonic in some formats. */
export function sem(formats: string | readonly string[], names: string | readonly string[], fn: ExecFn | Semantic): SemanticEntry {
  const fs = typeof formats === 'string' ? [formats] : formats;
  const ns = new Set(typeof names === 'string' ? [names] : names);
  return { formats: fs, make: (d) => (ns.has(d.name) ? fn : undefined) };
}

/** The semantic for a row, or undefined if no family implements it. */
export function semanticFor(def: InsnDef): Semantic | undefined {
  for (const e of ENTRIES) {
    if (!e.formats.includes(def.format) && !e.formats.includes('*')) continue;
    const s = e.make(def);
    if (s) return typeof s === 'function' ? { fn: s } : s;
  }
  return undefined;
}
