// IA-64 relocation type numbers (IA-64 Software Conventions and Runtime
// Architecture, "Relocation Types"; the same values as the R_IA64_* macros of
// <elf.h>). Only the types an ELF relocatable can carry are listed: the
// dynamic-linking ones (REL*, IPLT*, COPY) never appear in a purgatory.

export const R_IA64 = {
  NONE: 0x00,
  IMM14: 0x21,
  IMM22: 0x22,
  IMM64: 0x23,
  DIR32MSB: 0x24,
  DIR32LSB: 0x25,
  DIR64MSB: 0x26,
  DIR64LSB: 0x27,
  GPREL22: 0x2a,
  GPREL64I: 0x2b,
  GPREL32MSB: 0x2c,
  GPREL32LSB: 0x2d,
  GPREL64MSB: 0x2e,
  GPREL64LSB: 0x2f,
  LTOFF22: 0x32,
  LTOFF64I: 0x33,
  PLTOFF22: 0x3a,
  PLTOFF64I: 0x3b,
  PLTOFF64MSB: 0x3e,
  PLTOFF64LSB: 0x3f,
  FPTR64I: 0x43,
  FPTR32MSB: 0x44,
  FPTR32LSB: 0x45,
  FPTR64MSB: 0x46,
  FPTR64LSB: 0x47,
  PCREL60B: 0x48,
  PCREL21B: 0x49,
  PCREL21M: 0x4a,
  PCREL21F: 0x4b,
  PCREL32MSB: 0x4c,
  PCREL32LSB: 0x4d,
  PCREL64MSB: 0x4e,
  PCREL64LSB: 0x4f,
  LTOFF_FPTR22: 0x52,
  LTOFF_FPTR64I: 0x53,
  LTOFF_FPTR32MSB: 0x54,
  LTOFF_FPTR32LSB: 0x55,
  LTOFF_FPTR64MSB: 0x56,
  LTOFF_FPTR64LSB: 0x57,
  SEGREL32MSB: 0x5c,
  SEGREL32LSB: 0x5d,
  SEGREL64MSB: 0x5e,
  SEGREL64LSB: 0x5f,
  SECREL32MSB: 0x64,
  SECREL32LSB: 0x65,
  SECREL64MSB: 0x66,
  SECREL64LSB: 0x67,
  LTV32MSB: 0x74,
  LTV32LSB: 0x75,
  LTV64MSB: 0x76,
  LTV64LSB: 0x77,
  PCREL21BI: 0x79,
  PCREL22: 0x7a,
  PCREL64I: 0x7b,
  SUB: 0x85,
  LTOFF22X: 0x86,
  LDXMOV: 0x87,
  TPREL14: 0x91,
  TPREL22: 0x92,
  TPREL64I: 0x93,
  TPREL64MSB: 0x96,
  TPREL64LSB: 0x97,
  LTOFF_TPREL22: 0x9a,
  DTPMOD64MSB: 0xa6,
  DTPMOD64LSB: 0xa7,
  LTOFF_DTPMOD22: 0xaa,
  DTPREL14: 0xb1,
  DTPREL22: 0xb2,
  DTPREL64I: 0xb3,
  DTPREL32MSB: 0xb4,
  DTPREL32LSB: 0xb5,
  DTPREL64MSB: 0xb6,
  DTPREL64LSB: 0xb7,
  LTOFF_DTPREL22: 0xba,
} as const;

const NAMES = new Map<number, string>(Object.entries(R_IA64).map(([k, v]) => [v, `R_IA64_${k}`]));

/** "R_IA64_GPREL22", or "unknown" for a number the ABI does not define. */
export function relocName(type: number): string {
  return NAMES.get(type) ?? 'unknown';
}

/** "R_IA64_GPREL22 (0x2a)": how messages and reports name a type. */
export function relocLabel(type: number): string {
  return `${relocName(type)} (0x${type.toString(16)})`;
}

/** A relocation type with how often it occurs. */
export interface TypeCount {
  readonly type: number;
  readonly name: string;
  readonly count: number;
}

/** Count types, in ascending type order. */
export function countTypes(types: Iterable<number>): TypeCount[] {
  const counts = new Map<number, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([type, count]) => ({ type, name: relocName(type), count }));
}
