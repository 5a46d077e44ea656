// One matrix cell: a boot run reduced to what the table shows.

import { readFileSync } from 'node:fs';
import { loadPersonality } from '../efi/personality.js';
import { parseSize } from '../machine/config.js';
import { boot } from './boot.js';
import type { MatrixCell, MatrixJob } from './matrix.js';

export function runCell(job: MatrixJob): MatrixCell {
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
      jit: job.jit,
    });
    return { purgatory: job.purgatory, firmware: job.firmware, outcome: r.outcome, exitStatus: r.exitStatus, summary: r.summary, instructions: r.instructions };
  } catch (e) {
    return { purgatory: job.purgatory, firmware: job.firmware, outcome: 'error', exitStatus: 1, summary: (e as Error).message, instructions: 0 };
  }
}
