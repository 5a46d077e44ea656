// Benchmarks: prints figures, asserts nothing.
//
//   npm run bench [-- NAME...]
//
// With names, only those benchmarks run. Each benchmark is a module under
// tools/bench/ registered below; add execution benchmarks the same way.
// Speed is measured in this process, allocation in a child process started
// with the heap options it needs (it reports its figures as JSON).

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bootBenchmark } from './bench/boot.js';
import { decodeBenchmark } from './bench/decode.js';
import { ALLOCATION_NODE_OPTIONS, Benchmark, Figure } from './bench/harness.js';
import { runBenchmark } from './bench/run.js';

const BENCHMARKS: readonly Benchmark[] = [decodeBenchmark, bootBenchmark, runBenchmark];

function show(f: Figure): string {
  const v = f.value >= 100 ? Math.round(f.value).toLocaleString('en-US') : f.value.toFixed(1);
  return `  ${f.name.padEnd(44)} ${v.padStart(14)} ${f.unit}`;
}

/** The allocation figures of one benchmark, measured in a child process. */
function allocation(name: string): Figure[] {
  const args = [...ALLOCATION_NODE_OPTIONS, '--import', 'tsx', fileURLToPath(import.meta.url), '--allocation', name];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Figure[];
}

const argv = process.argv.slice(2);
const child = argv.indexOf('--allocation');
if (child >= 0) {
  const b = BENCHMARKS.find((x) => x.name === argv[child + 1])!;
  process.stdout.write(JSON.stringify(await b.run('allocation')));
} else {
  const unknown = argv.filter((w) => !BENCHMARKS.some((b) => b.name === w));
  if (unknown.length) {
    console.error(`unknown benchmark ${unknown.join(', ')}; there are: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    process.exit(1);
  }
  for (const b of BENCHMARKS.filter((x) => argv.length === 0 || argv.includes(x.name))) {
    for (const f of await b.run('speed')) console.log(show(f));
    for (const f of allocation(b.name)) console.log(show(f));
  }
}
