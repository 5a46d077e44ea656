// Page access rights (Vol. 2, 4.1.1.6) and protection keys (4.1.3).

/** Rights as a bit set. */
export const R = 1;
export const W = 2;
export const X = 4;

/**
 * Rights the page's TLB.ar and TLB.pl grant at privilege level cpl.
 * ar 0-3 grant R, RX, RW, RWX at levels at least as privileged as pl.
 * ar 4-6 grant one set at pl itself and another at more privileged
 * levels, which level 0 always gets: R/RW, RX/RWX, RWX/RW.
 * ar 7 is the execute-only promotion page: X at every level, RX at 0.
 */
export function pageRights(ar: number, pl: number, cpl: number): number {
  if (ar === 7) return cpl === 0 ? R | X : X;
  if (cpl > pl) return 0;
  switch (ar) {
    case 0:
      return R;
    case 1:
      return R | X;
    case 2:
      return R | W;
    case 3:
      return R | W | X;
    case 4:
      return cpl === pl && cpl !== 0 ? R : R | W;
    case 5:
      return cpl === pl && cpl !== 0 ? R | X : R | W | X;
    default:
      return cpl === pl && cpl !== 0 ? R | W | X : R | W;
  }
}

/** Number of protection key registers (as on Itanium 2). */
export const N_PKR = 16;

/** PKR fields: v (0), wd (1), rd (2), xd (3), key (31:8). */
export const PKR_RESERVED = (0xfn << 4n) | (((1n << 32n) - 1n) << 32n);

/**
 * The valid PKR holding key, or -1 (a Key Miss). Its disable bits are then
 * read with keyDenies.
 */
export function findKey(pkr: BigUint64Array, key: number): number {
  const k = BigInt(key);
  for (let i = 0; i < pkr.length; i++) {
    const v = pkr[i];
    if (v & 1n && ((v >> 8n) & 0xffffffn) === k) return i;
  }
  return -1;
}

/** The rights a PKR's wd, rd and xd bits take away. */
export function keyDenies(pkrValue: bigint): number {
  return (pkrValue & 2n ? W : 0) | (pkrValue & 4n ? R : 0) | (pkrValue & 8n ? X : 0);
}
