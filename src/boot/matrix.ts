// `purgatorio matrix`: every purgatory on every firmware personality. Runs
// are independent, so they are spread over worker threads.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Outcome } from './boot.js';
import { runCell } from './matrix-cell.js';

export interface MatrixJob {
  readonly purgatory: string;
  readonly firmware: string;
  readonly kernel: string;
  readonly commandLine: string;
  readonly memory: string;
  readonly paBits: number;
  readonly maxInsns: number;
  readonly follow: boolean;
  readonly jit?: boolean;
}

export interface MatrixCell {
  readonly purgatory: string;
  readonly firmware: string;
  readonly outcome: Outcome | 'error';
  readonly exitStatus: number;
  readonly summary: string;
  readonly instructions: number;
}

/**
 * Compiled, each run gets a worker thread; from TypeScript sources (tests),
 * whose workers could not load .ts modules, runs stay in this thread.
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = new URL('./matrix-worker.js', import.meta.url);

function runInWorker(job: MatrixJob): Promise<MatrixCell> {
  if (FROM_SOURCE) return Promise.resolve(runCell(job));
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { workerData: job });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`matrix worker exited with status ${code}`));
    });
  });
}

/** Run every job, at most `jobs` at a time, keeping the input order. */
export async function runMatrix(all: readonly MatrixJob[], jobs = availableParallelism()): Promise<MatrixCell[]> {
  const out: MatrixCell[] = new Array(all.length);
  let next = 0;
  const lane = async () => {
    while (next < all.length) {
      const k = next++;
      out[k] = await runInWorker(all[k]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, all.length)) }, lane));
  return out;
}

/** The outcome table: purgatories down, firmwares across. */
export function matrixTable(cells: readonly MatrixCell[]): string {
  const purgatories = [...new Set(cells.map((c) => c.purgatory))];
  const firmwares = [...new Set(cells.map((c) => c.firmware))];
  const name = (p: string) => p.replace(/^.*\//, '');
  const w0 = Math.max(9, ...purgatories.map((p) => name(p).length));
  const w = Math.max(14, ...cells.map((c) => c.outcome.length + 2), ...firmwares.map((f) => name(f).length + 2));
  const rows = [['purgatory'.padEnd(w0), ...firmwares.map((f) => name(f).padEnd(w))].join('  ').trimEnd()];
  for (const p of purgatories) {
    const row = firmwares.map((f) => (cells.find((c) => c.purgatory === p && c.firmware === f)?.outcome ?? '').padEnd(w));
    rows.push([name(p).padEnd(w0), ...row].join('  ').trimEnd());
  }
  return rows.join('\n') + '\n';
}
