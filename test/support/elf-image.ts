// Minimal ET_EXEC IA-64 images for loader tests: an ELF header, program
// headers and the segment contents, nothing else.

export interface ImageSegment {
  readonly paddr: bigint;
  /** Defaults to paddr. */
  readonly vaddr?: bigint;
  readonly data: Uint8Array;
  /** Defaults to data.length. */
  readonly memsz?: bigint;
  /** Defaults to PT_LOAD (1). */
  readonly type?: number;
}

export function elfExec(entry: bigint, segments: readonly ImageSegment[], { type = 2, machine = 50 } = {}): Uint8Array {
  const phoff = 64;
  let dataAt = phoff + 56 * segments.length;
  const offsets = segments.map((s) => {
    const at = dataAt;
    dataAt += s.data.length;
    return at;
  });
  const out = new Uint8Array(dataAt);
  const dv = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  dv.setUint16(16, type, true);
  dv.setUint16(18, machine, true);
  dv.setUint32(20, 1, true);
  dv.setBigUint64(24, entry, true);
  dv.setBigUint64(32, BigInt(phoff), true);
  dv.setUint32(48, 0x10, true);
  dv.setUint16(52, 64, true);
  dv.setUint16(54, 56, true);
  dv.setUint16(56, segments.length, true);
  dv.setUint16(58, 64, true);
  segments.forEach((s, i) => {
    const p = phoff + 56 * i;
    dv.setUint32(p, s.type ?? 1, true);
    dv.setUint32(p + 4, 7, true);
    dv.setBigUint64(p + 8, BigInt(offsets[i]), true);
    dv.setBigUint64(p + 16, s.vaddr ?? s.paddr, true);
    dv.setBigUint64(p + 24, s.paddr, true);
    dv.setBigUint64(p + 32, BigInt(s.data.length), true);
    dv.setBigUint64(p + 40, s.memsz ?? BigInt(s.data.length), true);
    dv.setBigUint64(p + 48, 0x10000n, true);
    out.set(s.data, offsets[i]);
  });
  return out;
}
