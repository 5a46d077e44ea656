// Raw inputs for test/fixtures/disasm/layout: each exercises one of objdump's
// layout rules around the instruction text. A name ending in "@HEX" is
// listed as if loaded at address HEX (objdump --adjust-vma).

import { rng } from './rng.js';

export interface RawCase {
  readonly name: string;
  readonly bytes: Buffer;
}

const next = rng(4242);

/** Random bytes, none of them zero, so zero runs are exactly the ones placed. */
function nonZero(n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = 1 + (next() % 255);
  return b;
}

function random(n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = next() & 0xff;
  return b;
}

const zeros = (n: number) => Buffer.alloc(n);

/** Zero runs of many lengths starting at every byte of a bundle. */
function zeroRuns(): Buffer {
  const parts: Buffer[] = [];
  for (const len of [1, 2, 3, 4, 5, 7, 8, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 23, 24, 28, 31, 32, 33, 35, 47, 48, 49, 64, 100]) {
    for (let phase = 0; phase < 16; phase++) parts.push(nonZero(16 + phase), zeros(len));
  }
  parts.push(nonZero(32));
  return Buffer.concat(parts);
}

/** MLX bundles (templates 4 and 5) shifted by zero runs, so the L+X pair starts off its usual place. */
function mlxRuns(): Buffer {
  const parts: Buffer[] = [];
  for (let len = 16; len < 48; len++) {
    const b = nonZero(32);
    b[0] = (b[0] & ~0x1f) | 4 | (len & 1);
    b[16] = (b[16] & ~0x1f) | 4 | ((len >> 1) & 1);
    parts.push(b, zeros(len));
  }
  parts.push(nonZero(16));
  return Buffer.concat(parts);
}

function build(): RawCase[] {
  const cases: RawCase[] = [
    { name: 'zero-runs', bytes: zeroRuns() },
    { name: 'mlx-runs', bytes: mlxRuns() },
  ];
  // Zero tails: shorter than 3 bytes are elided, 3 to 15 listed, 16 and more elided.
  for (const phase of [0, 6, 13]) {
    for (const n of [1, 2, 3, 5, 16, 19]) cases.push({ name: `zero-tail-${n}-at-${phase}`, bytes: Buffer.concat([nonZero(32 + phase), zeros(n)]) });
  }
  // A trailing partial bundle, and files too short for any bundle.
  for (const n of [1, 2, 4, 5, 6, 7, 11, 12, 13, 15]) cases.push({ name: `partial-${n}`, bytes: Buffer.concat([random(48), nonZero(n)]) });
  for (const n of [1, 6, 15]) cases.push({ name: `tiny-${n}`, bytes: nonZero(n) });
  for (const n of [1, 2, 3, 15, 16, 64]) cases.push({ name: `zeros-${n}`, bytes: zeros(n) });
  // Load addresses: 16-digit columns, a column that widens, wrap-around past
  // 2^64, and bases off a bundle boundary.
  const withRuns = () => Buffer.concat([random(64), zeros(20), random(40), zeros(36), random(24)]);
  cases.push(
    { name: 'region2@4000000000000000', bytes: random(512) },
    { name: 'region7@e000000000000000', bytes: withRuns() },
    { name: 'digits@fff0', bytes: random(64) },
    { name: 'wrap@fffffffffffffff0', bytes: random(64) },
    { name: 'top@ffffffffffffff00', bytes: random(256) },
    { name: 'odd@8', bytes: random(64) },
    { name: 'odd@6', bytes: withRuns() },
    { name: 'odd@2', bytes: withRuns() },
  );
  return cases;
}

export const RAW_CASES: readonly RawCase[] = build();
