// The caller's memory as a firmware call sees it: pointer arguments go
// through the CPU's current data translation (physical in physical mode,
// virtual in virtual mode). A translation fault propagates to the break
// that entered the firmware, so the OS can handle it and the call runs
// again; for that, writes are staged and translated all before any lands.

import type { Cpu } from '../cpu/cpu.js';
import { Access } from '../cpu/memory.js';

const PAGE = 0x1000n;

export class GuestMemory {
  private readonly staged: { va: bigint; bytes: Uint8Array }[] = [];

  constructor(private readonly cpu: Cpu) {}

  /** Physical address of each 4 KiB-bounded piece of [va, va+n). */
  private pieces(va: bigint, n: number, access: Access): { pa: bigint; off: number; len: number }[] {
    const out: { pa: bigint; off: number; len: number }[] = [];
    let off = 0;
    while (off < n) {
      const a = BigInt.asUintN(64, va + BigInt(off));
      const len = Math.min(n - off, Number(PAGE - (a & (PAGE - 1n))));
      out.push({ pa: this.cpu.translateData(a, 1, access), off, len });
      off += len;
    }
    return out;
  }

  read(va: bigint, n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (const p of this.pieces(va, n, Access.Read)) this.cpu.mem.readBlock(p.pa, out.subarray(p.off, p.off + p.len));
    return out;
  }

  u32(va: bigint): number {
    return new DataView(this.read(va, 4).buffer).getUint32(0, true);
  }

  u64(va: bigint): bigint {
    return new DataView(this.read(va, 8).buffer).getBigUint64(0, true);
  }

  /** A NUL-terminated UCS-2 string of at most maxChars characters before the NUL, or null if none ends in time. */
  ucs2(va: bigint, maxChars: number): string | null {
    let s = '';
    for (let k = 0; k <= maxChars; k++) {
      const b = this.read(va + BigInt(2 * k), 2);
      const ch = b[0] | (b[1] << 8);
      if (ch === 0) return s;
      s += String.fromCharCode(ch);
    }
    return null;
  }

  stage(va: bigint, bytes: Uint8Array): void {
    this.staged.push({ va, bytes });
  }

  stageU32(va: bigint, v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, true);
    this.stage(va, b);
  }

  stageU64(va: bigint, v: bigint): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
    this.stage(va, b);
  }

  /** Translate every staged write, then perform them all. */
  commit(): void {
    const writes = this.staged.map((w) => ({ w, pieces: this.pieces(w.va, w.bytes.length, Access.Write) }));
    for (const { w, pieces } of writes) {
      for (const p of pieces) this.cpu.mem.writeBlock(p.pa, w.bytes.subarray(p.off, p.off + p.len));
    }
    this.staged.length = 0;
  }
}

/** UCS-2 bytes of s with its terminating NUL. */
export function ucs2Bytes(s: string): Uint8Array {
  const out = new Uint8Array(2 * (s.length + 1));
  for (let k = 0; k < s.length; k++) {
    out[2 * k] = s.charCodeAt(k) & 0xff;
    out[2 * k + 1] = s.charCodeAt(k) >> 8;
  }
  return out;
}
