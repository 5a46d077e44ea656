// What each IA-64 relocation computes and where it stores it. A type is a
// formula over S + A (symbol plus addend), P (the place), GP and the linkage
// table, paired with a field: an instruction immediate or a 32/64-bit datum
// in either byte order (IA-64 Software Conventions and Runtime Architecture,
// "Relocation Types"). PLTOFF, LTV, SUB and the TLS types have no meaning in
// a stand-alone image and are refused, as kexec-tools refuses them.

import { ImmForm, describeForm, fitsImmediate, insertImmediate, relaxLd8ToMove } from './bundle.js';
import { LoaderError, hex } from './errors.js';
import { R_IA64 as R } from './reloc-types.js';

export type Formula =
  | 'none'
  | 'abs' // S + A
  | 'gprel' // S + A - GP
  | 'ltoff' // LT(S + A) - GP
  | 'ltoffx' // gprel when relaxed, else ltoff
  | 'ldxmov' // companion of ltoffx: the load becomes a move when relaxed
  | 'fptr' // FD(S + A): the official function descriptor
  | 'ltoff_fptr' // LT(FD(S + A)) - GP
  | 'pcrel' // S + A - P; P is the bundle address for instruction fields
  | 'segrel' // S + A - SB, SB = 0 as in kexec-tools
  | 'secrel'; // S + A - the address of the symbol's section

export type DataField = 'd32lsb' | 'd32msb' | 'd64lsb' | 'd64msb';
export type Field = ImmForm | DataField | 'none';

export interface Semantics {
  readonly formula: Formula;
  readonly field: Field;
}

const SEMANTICS = new Map<number, Semantics>();
function def(formula: Formula, field: Field, ...types: number[]): void {
  for (const t of types) SEMANTICS.set(t, { formula, field });
}
/** The four data variants of one formula, in R_IA64 numbering order (32MSB, 32LSB, 64MSB, 64LSB). */
function data(formula: Formula, m32: number, l32: number, m64: number, l64: number): void {
  def(formula, 'd32msb', m32);
  def(formula, 'd32lsb', l32);
  def(formula, 'd64msb', m64);
  def(formula, 'd64lsb', l64);
}

def('none', 'none', R.NONE);
def('abs', 'imm14', R.IMM14);
def('abs', 'imm22', R.IMM22);
def('abs', 'imm64', R.IMM64);
data('abs', R.DIR32MSB, R.DIR32LSB, R.DIR64MSB, R.DIR64LSB);
def('gprel', 'imm22', R.GPREL22);
def('gprel', 'imm64', R.GPREL64I);
data('gprel', R.GPREL32MSB, R.GPREL32LSB, R.GPREL64MSB, R.GPREL64LSB);
def('ltoff', 'imm22', R.LTOFF22);
def('ltoff', 'imm64', R.LTOFF64I);
def('ltoffx', 'imm22', R.LTOFF22X);
def('ldxmov', 'none', R.LDXMOV);
def('fptr', 'imm64', R.FPTR64I);
data('fptr', R.FPTR32MSB, R.FPTR32LSB, R.FPTR64MSB, R.FPTR64LSB);
def('pcrel', 'tgt64', R.PCREL60B);
def('pcrel', 'tgt25c', R.PCREL21B, R.PCREL21BI);
def('pcrel', 'tgt25b', R.PCREL21M);
def('pcrel', 'tgt25', R.PCREL21F);
def('pcrel', 'imm22', R.PCREL22);
def('pcrel', 'imm64', R.PCREL64I);
data('pcrel', R.PCREL32MSB, R.PCREL32LSB, R.PCREL64MSB, R.PCREL64LSB);
def('ltoff_fptr', 'imm22', R.LTOFF_FPTR22);
def('ltoff_fptr', 'imm64', R.LTOFF_FPTR64I);
data('ltoff_fptr', R.LTOFF_FPTR32MSB, R.LTOFF_FPTR32LSB, R.LTOFF_FPTR64MSB, R.LTOFF_FPTR64LSB);
data('segrel', R.SEGREL32MSB, R.SEGREL32LSB, R.SEGREL64MSB, R.SEGREL64LSB);
data('secrel', R.SECREL32MSB, R.SECREL32LSB, R.SECREL64MSB, R.SECREL64LSB);

/** How a type is applied, or undefined for a type this loader refuses. */
export function semantics(type: number): Semantics | undefined {
  return SEMANTICS.get(type);
}

export function supportedTypes(): number[] {
  return [...SEMANTICS.keys()].sort((a, b) => a - b);
}

export function isInstructionField(field: Field): field is ImmForm {
  return field !== 'none' && !field.startsWith('d');
}

/** Bytes a field occupies from the relocation offset (a whole bundle for instruction fields). */
export function fieldExtent(field: Field, offset: bigint): { start: bigint; end: bigint } {
  if (field === 'none') return { start: offset, end: offset };
  if (isInstructionField(field)) return { start: offset & ~15n, end: (offset & ~15n) + 16n };
  return { start: offset, end: offset + (field.startsWith('d32') ? 4n : 8n) };
}

/** Everything a formula may need for one relocation, resolved by the caller. */
export interface Operands {
  /** S + A. */
  readonly value: bigint;
  /** The address being relocated (P). */
  readonly place: bigint;
  readonly gp: bigint;
  /** Address of the section that defines the symbol (0 for absolute symbols). */
  readonly symbolSection: bigint;
  /** For ltoffx and ldxmov: the target is within reach of gp, so no linkage entry is used. */
  readonly relaxed: boolean;
  /** Linkage-table entry holding S + A. */
  readonly entry: () => bigint;
  /** Official function descriptor of S + A. */
  readonly descriptor: () => bigint;
  /** Linkage-table entry holding FD(S + A). */
  readonly descriptorEntry: () => bigint;
}

/** The value a relocation stores (before any range check). */
export function computeValue(sem: Semantics, o: Operands): bigint {
  switch (sem.formula) {
    case 'none':
    case 'ldxmov':
      return 0n;
    case 'abs':
      return o.value;
    case 'gprel':
      return o.value - o.gp;
    case 'ltoff':
      return o.entry() - o.gp;
    case 'ltoffx':
      return o.relaxed ? o.value - o.gp : o.entry() - o.gp;
    case 'fptr':
      return o.descriptor();
    case 'ltoff_fptr':
      return o.descriptorEntry() - o.gp;
    case 'pcrel':
      return o.value - (isInstructionField(sem.field) ? o.place & ~15n : o.place);
    case 'segrel':
      return o.value;
    case 'secrel':
      return o.value - o.symbolSection;
  }
}

/** Relative formulas store signed 32-bit data; addresses and offsets from a base, unsigned. */
function signed32(formula: Formula): boolean {
  return formula === 'gprel' || formula === 'pcrel' || formula === 'ltoff' || formula === 'ltoff_fptr';
}

/** Store v in the field at buf[off]; a value out of the field's range is a LoaderError. */
export function install(sem: Semantics, buf: Uint8Array, off: number, v: bigint): void {
  const field = sem.field;
  if (field === 'none') return;
  // Addresses wrap at 2^64: an absolute symbol at 0xffff...edcc is -0x1234.
  const signed = BigInt.asIntN(64, v);
  if (isInstructionField(field)) {
    if (!fitsImmediate(field, signed)) throw new LoaderError(`value ${hex(signed)} does not fit ${describeForm(field)}`);
    insertImmediate(buf, off & ~15, off & 15, field, signed);
    return;
  }
  const dv = new DataView(buf.buffer, buf.byteOffset + off);
  const little = field.endsWith('lsb');
  if (field.startsWith('d64')) {
    dv.setBigUint64(0, BigInt.asUintN(64, v), little);
    return;
  }
  const unsigned = BigInt.asUintN(64, v);
  const ok = signed32(sem.formula) ? signed >= -(1n << 31n) && signed < 1n << 31n : unsigned < 1n << 32n;
  if (!ok) {
    const shown = signed32(sem.formula) ? signed : unsigned;
    throw new LoaderError(`value ${hex(shown)} does not fit ${signed32(sem.formula) ? 'a signed' : 'an unsigned'} 32-bit word`);
  }
  dv.setUint32(0, Number(BigInt.asUintN(32, v)), little);
}

/** Apply one relocation to buf[off] (off: the relocation offset within buf, slot bits included). */
export function apply(sem: Semantics, buf: Uint8Array, off: number, o: Operands): void {
  if (sem.formula === 'ldxmov') {
    if (o.relaxed) relaxLd8ToMove(buf, off & ~15, off & 15);
    return;
  }
  install(sem, buf, off, computeValue(sem, o));
}
