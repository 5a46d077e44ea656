// One matrix cell, run in a worker thread.

import { parentPort, workerData } from 'node:worker_threads';
import { runCell } from './matrix-cell.js';
import type { MatrixJob } from './matrix.js';

parentPort!.postMessage(runCell(workerData as MatrixJob));
