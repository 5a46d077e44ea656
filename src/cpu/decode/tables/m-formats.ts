// Field layouts of the M-unit instruction formats (Vol. 3, Part I, section
// 4.4): name -> [position, length]. Only fields that name an opcode bit or
// that a row needs to pin are listed; operand positions live in operands.ts.

import { FormatFields } from '../table.js';

// Memory formats M1-M19 share the opcode fields m/s (bit 36), x6 (35:30),
// hint (29:28) and x/i (27). The Itanium 9500 series widened the locality
// hint to three bits; the extra bit, hx, sits in a field the original format
// leaves unused: bit 19 for loads (where there is no r2), bit 12 for stores
// and line prefetches (where there is no r1).
const MEM = { m: [36, 1], x6: [30, 6], hint: [28, 2], x: [27, 1] } as const;
const MEM_IMM = { s: [36, 1], x6: [30, 6], hint: [28, 2], i: [27, 1] } as const;
const HX_LOAD = [19, 1] as const;
const HX_STORE = [12, 1] as const;

// System formats: x3 (35:33) selects the group, then x6 (32:27) or x2/x4.
const X3 = [33, 3] as const;
const X6B = [27, 6] as const;
const X2 = [31, 2] as const;
const X4 = [27, 4] as const;

export const M_FORMATS: Record<string, FormatFields> = {
  // Integer and FP loads, stores, prefetches and semaphores.
  M1: { ...MEM, hx: HX_LOAD },
  M2: { ...MEM },
  M3: { ...MEM_IMM },
  M4: { ...MEM, hx: HX_STORE },
  M5: { ...MEM_IMM },
  M6: { ...MEM, hx: HX_LOAD },
  M7: { ...MEM },
  M8: { ...MEM_IMM },
  M9: { ...MEM, hx: HX_STORE },
  M10: { ...MEM_IMM },
  M11: { ...MEM },
  M12: { ...MEM },
  // lfetch.count (Itanium 9500) reuses M13's unused r2 field: bit 19 set
  // marks it, and the count and stride take bits 6-11 and 13-17.
  M13: { ...MEM, hx: HX_STORE, count: [19, 1] },
  M14: { ...MEM, hx: HX_STORE },
  M15: { ...MEM_IMM, hx: HX_STORE },
  M16: { ...MEM },
  M17: { ...MEM },
  M18: { ...MEM },
  M19: { ...MEM },
  // Speculation and advanced-load checks.
  M20: { s: [36, 1], x3: X3 },
  M21: { s: [36, 1], x3: X3 },
  M22: { s: [36, 1], x3: X3 },
  M23: { s: [36, 1], x3: X3 },
  // Fences, serialisation, RSE and ALAT control.
  M24: { x3: X3, x2: X2, x4: X4 },
  M25: { x3: X3, x2: X2, x4: X4 },
  M26: { x3: X3, x2: X2, x4: X4 },
  M27: { x3: X3, x2: X2, x4: X4 },
  M28: { x: [36, 1], x3: X3, x6: X6B },
  // Application, control and processor status register moves.
  M29: { x3: X3, x6: X6B },
  M30: { s: [36, 1], x3: X3, x2: X2, x4: X4 },
  M31: { x3: X3, x6: X6B },
  M32: { x3: X3, x6: X6B },
  M33: { x3: X3, x6: X6B },
  M34: { x3: X3 },
  M35: { x3: X3, x6: X6B },
  M36: { x3: X3, x6: X6B },
  M37: { i: [36, 1], x3: X3, x2: X2, x4: X4 },
  // Probes, translation registers and caches, indirect register files.
  M38: { x3: X3, x6: X6B },
  M39: { x3: X3, x6: X6B },
  M40: { x3: X3, x6: X6B },
  M41: { x3: X3, x6: X6B },
  M42: { x3: X3, x6: X6B },
  M43: { x3: X3, x6: X6B },
  M44: { i: [36, 1], x3: X3, x4: X4 },
  M45: { x3: X3, x6: X6B },
  M46: { x3: X3, x6: X6B },
  M47: { x3: X3, x6: X6B },
  // hint.m, and the Itanium 9500's mov to DAHR carved out of its immediate:
  // bits 10-11 (z) are 0 for hint.m and 1 for mov dahr.
  M48: { i: [36, 1], x3: X3, x2: X2, x4: X4, y: [26, 1], z: [10, 2] },
};
