// Bundle templates (Vol. 3, Table 3-10 "Template Field Encoding"): the unit
// type of each slot and where the instruction-group stops fall.

export type Unit = 'M' | 'I' | 'F' | 'B' | 'L' | 'X';

export interface Template {
  /** Template number 0..31 (bit 0 is the stop after slot 2). */
  readonly number: number;
  /** Name as objdump prints it, e.g. "MII", or "-3-" for a reserved one. */
  readonly name: string;
  /** Unit of each slot; null for reserved templates. */
  readonly units: readonly [Unit, Unit, Unit] | null;
  /** stopAfter[i]: an instruction-group boundary follows slot i. */
  readonly stopAfter: readonly [boolean, boolean, boolean];
}

// Indexed by template >> 1: name, units, and the slot after which a
// mid-bundle stop sits (MI;I and M;MI), or -1.
const BASE: ReadonlyArray<[string, readonly [Unit, Unit, Unit] | null, number]> = [
  ['MII', ['M', 'I', 'I'], -1],
  ['MII', ['M', 'I', 'I'], 1], // template 2/3 -> MI;I when odd
  ['MLX', ['M', 'L', 'X'], -1],
  ['-3-', null, -1],
  ['MMI', ['M', 'M', 'I'], -1],
  ['MMI', ['M', 'M', 'I'], 0], // M;MI
  ['MFI', ['M', 'F', 'I'], -1],
  ['MMF', ['M', 'M', 'F'], -1],
  ['MIB', ['M', 'I', 'B'], -1],
  ['MBB', ['M', 'B', 'B'], -1],
  ['-a-', null, -1],
  ['BBB', ['B', 'B', 'B'], -1],
  ['MMB', ['M', 'M', 'B'], -1],
  ['-d-', null, -1],
  ['MFB', ['M', 'F', 'B'], -1],
  ['-f-', null, -1],
];

function build(): Template[] {
  const out: Template[] = [];
  for (let t = 0; t < 32; t++) {
    // Each pair of templates differs only in bit 0, the stop after slot 2.
    const [name, units, mid] = BASE[t >> 1];
    const stopAfter: [boolean, boolean, boolean] = [mid === 0, mid === 1, (t & 1) === 1];
    out.push({ number: t, name, units, stopAfter });
  }
  return out;
}

/** All 32 templates, indexed by the 5-bit template field. */
export const TEMPLATES: readonly Template[] = build();
