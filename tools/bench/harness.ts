// Measuring throughput and allocation. Allocation is the growth of the heap
// over a run that no garbage collection interrupted, so it needs node's
// --expose-gc and a young generation large enough to hold everything the
// measured code allocates; such a heap would slow the code down, so
// allocation is measured in a separate process (see tools/bench.ts).

import { PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';

/** One figure a benchmark reports. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

/** What a benchmark run measures. */
export type Measure = 'speed' | 'allocation';

/** A named group of measurements; run() may take a few seconds. */
export interface Benchmark {
  readonly name: string;
  run(measure: Measure): Promise<Figure[]>;
}

/** Node options under which allocation can be measured. */
export const ALLOCATION_NODE_OPTIONS = ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64'];

/**
 * Units per second of fn, which processes `units` units per call: after
 * minMs/2 of warm-up calls of warm (a smaller piece of the same work), fn
 * is called until at least minMs have passed.
 */
export function throughput(fn: () => void, units: number, warm: () => void, minMs = 1000): number {
  // Let the JIT compile and optimise before timing.
  const warmUntil = process.hrtime.bigint() + BigInt(minMs / 2) * 1_000_000n;
  while (process.hrtime.bigint() < warmUntil) warm();
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < minMs);
  return (calls * units) / (elapsed / 1000);
}

/** A collection asked for by gc() (NODE_PERFORMANCE_GC_FLAGS_FORCED), not caused by the measured code. */
function forced(e: PerformanceEntry): boolean {
  const detail = (e as unknown as { detail?: { flags?: number } }).detail;
  return ((detail?.flags ?? 0) & 4) !== 0;
}

/**
 * Heap bytes fn allocates per unit, the median of a few runs in which no
 * garbage collection happened; null without --expose-gc, or if every run
 * was interrupted.
 */
export async function allocationPerUnit(fn: () => void, units: number): Promise<number | null> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  let collections = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!forced(e)) collections++;
  });
  obs.observe({ entryTypes: ['gc'] });
  const samples: number[] = [];
  try {
    fn();
    for (let attempt = 0; attempt < 10 && samples.length < 5; attempt++) {
      gc();
      const seen = collections;
      const before = process.memoryUsage().heapUsed;
      fn();
      const after = process.memoryUsage().heapUsed;
      await new Promise((r) => setTimeout(r, 10)); // let the observer hear of any collection
      if (collections === seen) samples.push((after - before) / units);
    }
  } finally {
    obs.disconnect();
  }
  if (samples.length === 0) return null;
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}
