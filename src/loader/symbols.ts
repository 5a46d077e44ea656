// Load addresses of named code and data, for fault reports: a name's address,
// and the symbol at or below an address ("purgatory_main+0x40").

import { hex } from './errors.js';

export interface NearestSymbol {
  readonly name: string;
  readonly address: bigint;
  readonly offset: bigint;
}

export class SymbolMap {
  private readonly byName = new Map<string, bigint>();
  private readonly sorted: Array<readonly [string, bigint]>;

  /** Earlier entries win a name or an address shared with later ones. */
  constructor(entries: Iterable<readonly [string, bigint]>) {
    const list: Array<readonly [string, bigint]> = [];
    for (const [name, address] of entries) {
      if (this.byName.has(name)) continue;
      this.byName.set(name, address);
      list.push([name, address]);
    }
    // A stable sort keeps the first-given name first among equal addresses.
    this.sorted = list.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  }

  get(name: string): bigint | undefined {
    return this.byName.get(name);
  }

  get size(): number {
    return this.sorted.length;
  }

  entries(): IterableIterator<[string, bigint]> {
    return this.byName.entries();
  }

  /** The highest symbol at or below address, or undefined below the lowest. */
  nearest(address: bigint): NearestSymbol | undefined {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid][1] <= address) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return undefined;
    let i = lo - 1;
    while (i > 0 && this.sorted[i - 1][1] === this.sorted[i][1]) i--;
    const [name, at] = this.sorted[i];
    return { name, address: at, offset: address - at };
  }

  /** "name+0x40", "name", or the bare address when no symbol precedes it. */
  describe(address: bigint): string {
    const n = this.nearest(address);
    if (!n) return hex(address);
    return n.offset === 0n ? n.name : `${n.name}+${hex(n.offset)}`;
  }
}
