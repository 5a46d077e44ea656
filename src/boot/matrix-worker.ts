// One matrix cell, run in a worker thread.

import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadPersonality } from '../efi/personality.js';
import { parseSize } from '../machine/config.js';
import { boot } from './boot.js';
import type { MatrixCell, MatrixJob } from './matrix.js';

const job = workerData as MatrixJob;
let cell: MatrixCell;
try {
  const r = boot({
    purgatory: { name: job.purgatory, bytes: readFileSync(job.purgatory) },
    kernel: { name: job.kernel, bytes: readFileSync(job.kernel) },
    commandLine: job.commandLine,
    personality: loadPersonality(job.firmware),
    memory: parseSize(job.memory),
    paBits: job.paBits,
    maxInsns: job.maxInsns,
    follow: job.follow,
  });
  cell = { purgatory: job.purgatory, firmware: job.firmware, outcome: r.outcome, exitStatus: r.exitStatus, summary: r.summary, instructions: r.instructions };
} catch (e) {
  cell = { purgatory: job.purgatory, firmware: job.firmware, outcome: 'error', exitStatus: 1, summary: (e as Error).message, instructions: 0 };
}
parentPort!.postMessage(cell);
