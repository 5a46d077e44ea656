// Every test program of roms/tests at every optimisation level, run as a
// Linux process: stdout must be exactly expected/NAME.out, stderr empty and
// the exit status 0 (roms/tests/README.md).

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LinuxProcess } from '../src/linux/process.js';
import { runProcess } from '../src/linux/runner.js';
import { faultReport } from '../src/linux/fault-report.js';

const DIR = 'roms/tests';
/** Far more than the longest program needs (about 0.2 billion at -O0). */
const MAX_INSNS = 2_000_000_000;

const builds = readdirSync(`${DIR}/bin`)
  .map((f) => /^(.+)-(O\d)$/.exec(f))
  .filter((m): m is RegExpExecArray => m !== null)
  .sort((a, b) => a[0].localeCompare(b[0]));

describe('roms/tests programs', () => {
  it('are there to run', () => {
    expect(builds.length).toBeGreaterThan(100);
  });

  for (const [file, name, level] of builds) {
    it(`${name} -${level}`, { timeout: 600_000 }, () => {
      const expected = readFileSync(`${DIR}/expected/${name}.out`, 'utf8');
      const out: Uint8Array[] = [];
      const err: Uint8Array[] = [];
      const p = new LinuxProcess(readFileSync(`${DIR}/bin/${file}`), {
        argv: [file],
        io: { write: (fd, b) => (fd === 1 ? out : err).push(b.slice()), read: () => 0 },
        warn: (line) => err.push(new TextEncoder().encode(line)),
      });
      // Traces from a bundle's second entry, so that nearly all of each
      // program runs compiled (by default only code entered 1,024 times is).
      p.cpu.traceThreshold = 2;
      const r = runProcess(p, { maxInsns: MAX_INSNS });
      const text = (parts: Uint8Array[]) => Buffer.concat(parts).toString('utf8');
      if (r.kind === 'fault') expect.fail(faultReport(p.cpu, r.fault, p.space, p.symbols));
      expect(r).toMatchObject({ kind: 'exit', status: 0 });
      expect(text(err)).toBe('');
      expect(text(out)).toBe(expected);
    });
  }
});
