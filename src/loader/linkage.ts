// The linkage table a linker would build for @ltoff and @fptr: 8-byte entries
// that hold addresses (reached gp-relatively by `addl rX=@ltoff(sym),gp; ld8`)
// and 16-byte official function descriptors (entry point, gp). kexec-tools
// builds none, so it refuses LTOFF22, LTOFF_FPTR22 and FPTR64LSB; this loader
// appends the table to the purgatory buffer after .bss, only when some
// relocation needs it, so an image kexec can load keeps kexec's exact layout.
//
// The table is sized before the load address is known, so targets are kept
// as offsets into the purgatory buffer or as absolute addresses.

/** A relocation target: an offset into the purgatory buffer, or an absolute address. */
export interface Target {
  readonly inBuffer: boolean;
  readonly value: bigint;
}

const key = (t: Target): string => `${t.inBuffer ? 'b' : 'a'}${t.value}`;

export const DESCRIPTOR_SIZE = 16n;
export const ENTRY_SIZE = 8n;

export class LinkageTable {
  private readonly descriptors = new Map<string, { target: Target; index: number }>();
  private readonly entries = new Map<string, { target: Target; viaDescriptor: boolean; index: number }>();
  /** Offset of the table in the purgatory buffer, fixed by the layout. */
  offset = 0n;

  needDescriptor(t: Target): void {
    if (!this.descriptors.has(key(t))) this.descriptors.set(key(t), { target: t, index: this.descriptors.size });
  }

  /** An entry holding the target itself, or the address of its descriptor. */
  needEntry(t: Target, viaDescriptor = false): void {
    if (viaDescriptor) this.needDescriptor(t);
    const k = (viaDescriptor ? 'f' : 'v') + key(t);
    if (!this.entries.has(k)) this.entries.set(k, { target: t, viaDescriptor, index: this.entries.size });
  }

  get descriptorCount(): number {
    return this.descriptors.size;
  }

  get entryCount(): number {
    return this.entries.size;
  }

  /** Descriptors first (16-byte aligned), then entries. */
  get size(): bigint {
    return BigInt(this.descriptors.size) * DESCRIPTOR_SIZE + BigInt(this.entries.size) * ENTRY_SIZE;
  }

  private absolute(base: bigint, t: Target): bigint {
    return t.inBuffer ? base + t.value : t.value;
  }

  descriptorAddress(base: bigint, t: Target): bigint {
    const d = this.descriptors.get(key(t));
    if (!d) throw new Error(`no descriptor was planned for ${key(t)}`);
    return base + this.offset + BigInt(d.index) * DESCRIPTOR_SIZE;
  }

  entryAddress(base: bigint, t: Target, viaDescriptor = false): bigint {
    const e = this.entries.get((viaDescriptor ? 'f' : 'v') + key(t));
    if (!e) throw new Error(`no linkage entry was planned for ${key(t)}`);
    return base + this.offset + BigInt(this.descriptors.size) * DESCRIPTOR_SIZE + BigInt(e.index) * ENTRY_SIZE;
  }

  /** The table's bytes for a buffer loaded at base with the given gp. */
  contents(base: bigint, gp: bigint): Uint8Array {
    const out = new Uint8Array(Number(this.size));
    const dv = new DataView(out.buffer);
    for (const { target, index } of this.descriptors.values()) {
      dv.setBigUint64(index * 16, BigInt.asUintN(64, this.absolute(base, target)), true);
      dv.setBigUint64(index * 16 + 8, gp, true);
    }
    const first = this.descriptors.size * 16;
    for (const { target, viaDescriptor, index } of this.entries.values()) {
      const v = viaDescriptor ? this.descriptorAddress(base, target) : this.absolute(base, target);
      dv.setBigUint64(first + index * 8, BigInt.asUintN(64, v), true);
    }
    return out;
  }
}
