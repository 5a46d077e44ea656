// What kexec-tools 2.0.25 itself would do with a purgatory's relocations
// (kexec/arch/ia64/kexec-elf-rel-ia64.c, machine_apply_elf_rel), for the
// --kexec-compat report. Its switch handles eleven types and die()s on any
// other, R_IA64_LTOFF22 included: it builds no linkage table.
//
// It also patches R_IA64_IMM64 at the relocation's own slot and the slot
// before it, which is right when the offset names slot 2 of the MLX bundle
// (the X slot) and wrong when it names slot 1, as current GNU as emits: the
// immediate's low bits then land in the L slot and its high 41 bits replace
// the M-slot instruction.

import { R_IA64 as R, TypeCount, countTypes } from './reloc-types.js';

/** The cases of machine_apply_elf_rel's switch that do not reach die(). */
export const KEXEC_HANDLED: ReadonlySet<number> = new Set([
  R.NONE,
  R.SEGREL64LSB,
  R.DIR64LSB,
  R.DIR32LSB,
  R.IMM64,
  R.IMM22,
  R.PCREL21B,
  R.PCREL64LSB,
  R.GPREL22,
  R.LTOFF22X,
  R.LDXMOV,
]);

export interface KexecCompatReport {
  /** Types kexec-tools 2.0.25 refuses ("Unknown rela relocation"), with counts. */
  readonly refused: TypeCount[];
  /** Types it accepts but stores wrongly for these offsets (IMM64 addressed at slot 1). */
  readonly misapplied: TypeCount[];
}

export function kexecCompat(relocs: Iterable<{ readonly type: number; readonly offset: bigint }>): KexecCompatReport {
  const refused: number[] = [];
  const misapplied: number[] = [];
  for (const r of relocs) {
    if (!KEXEC_HANDLED.has(r.type)) refused.push(r.type);
    else if (r.type === R.IMM64 && (r.offset & 15n) === 1n) misapplied.push(r.type);
  }
  return { refused: countTypes(refused), misapplied: countTypes(misapplied) };
}
