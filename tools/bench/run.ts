// Execution benchmark: the CPU-bound SHA-256 programs of roms/tests run as a
// user runs them (`purgatorio run --stats`, the compiled CLI in a child
// process), each checked against its expected output: instructions per
// second and the peak resident memory of the whole process, with traces
// and with the interpreter alone (--no-jit).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Benchmark, Figure, Measure } from './harness.js';

const PROGRAMS = ['sha256-O0', 'sha256-O2', 'sha256-O3', 'sha256_1m-O2', 'sha256_1m-O3'];

function timeRun(program: string, jit: boolean): Figure[] {
  const r = spawnSync(process.execPath, ['bin/purgatorio.js', 'run', '--stats', ...(jit ? [] : ['--no-jit']), `roms/tests/bin/${program}`], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const expected = readFileSync(`roms/tests/expected/${program.replace(/-O\d$/, '')}.out`, 'utf8');
  const m = /stats: (\d+) instructions in ([\d.]+) s, ([\d.]+) MIPS, peak RSS (\d+) MiB/.exec(r.stderr ?? '');
  if (r.status !== 0 || r.stdout !== expected || !m) throw new Error(`${program}: status ${r.status}, ${r.stderr}`);
  const label = jit ? program : `${program}, --no-jit`;
  return [
    { name: `${label}: speed (${(Number(m[1]) / 1e6).toFixed(0)}M insns)`, value: Number(m[3]), unit: 'MIPS' },
    { name: `${label}: peak resident memory`, value: Number(m[4]), unit: 'MiB' },
  ];
}

export const runBenchmark: Benchmark = {
  name: 'run',
  async run(measure: Measure): Promise<Figure[]> {
    if (measure === 'allocation') return [];
    return PROGRAMS.flatMap((p) => [...timeRun(p, true), ...timeRun(p, false)]);
  },
};
