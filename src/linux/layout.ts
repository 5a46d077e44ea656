// Where Linux/ia64 puts a process, as a kernel built with the default 16 KiB
// pages and three-level page tables lays it out, with address-space
// randomisation off so that every run is the same.

export const PAGE_SHIFT = 14n;
export const PAGE_SIZE = 1n << PAGE_SHIFT;
export const PAGE_MASK = ~(PAGE_SIZE - 1n);

export const pageDown = (a: bigint): bigint => a & PAGE_MASK;
export const pageUp = (a: bigint): bigint => (a + PAGE_SIZE - 1n) & PAGE_MASK;

/** Region number (VA bits 63:61) and offset within the region. */
export const regionOf = (a: bigint): number => Number(a >> 61n);
export const regionOffset = (a: bigint): bigint => a & ((1n << 61n) - 1n);

/**
 * The mappable part of each region: three page-table levels of 2^11
 * entries over 16 KiB pages reach 2^44 bytes, less one page.
 */
export const REGION_MAP_LIMIT = (1n << 44n) - PAGE_SIZE;

/** User space is regions 0-4; this emulation hands out regions 0-3 (no huge pages). */
export const USER_REGIONS = 4;

/** Where mmap starts looking for room when given no address: region 1. */
export const MMAP_BASE = 0x2000000000000000n;

/** Top of the memory stack, at the end of region 3's mappable part. */
export const STACK_TOP = 0x6000000000000000n + REGION_MAP_LIMIT;

/** The register backing store starts 2 GiB below the stack top and grows up. */
export const RBS_BOTTOM = STACK_TOP - (1n << 31n);

/** How far the memory stack and the backing store may grow (RLIMIT_STACK's usual 8 MiB). */
export const DEFAULT_STACK_LIMIT = 8n << 20n;

/** The memory stack mapped at start: what exec sets up before the first fault grows it. */
export const INITIAL_STACK = 128n << 10n;
