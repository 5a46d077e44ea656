// `purgatorio boot` and `purgatorio matrix`.

import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Argv } from 'yargs';
import { boot, BootInput } from '../boot/boot.js';
import {
  DEFAULT_COMMAND_LINE,
  DEFAULT_FIRMWARE,
  DEFAULT_KERNEL,
  DEFAULT_MAX_INSNS,
  DEFAULT_MEMORY,
  DEFAULT_PA_BITS,
  DEFAULT_PURGATORY,
  PURGATORY_2008,
} from '../boot/defaults.js';
import { MatrixJob, matrixTable, runMatrix } from '../boot/matrix.js';
import { bootReportJson, bootReportText } from '../boot/report.js';
import { loadPersonality } from '../efi/personality.js';
import { parseSize } from '../machine/config.js';
import { UsageError } from './errors.js';

/** The path as a person would type it from here. */
function shown(path: string): string {
  const r = relative(process.cwd(), path);
  return r.startsWith('..') || isAbsolute(r) ? path : r;
}

function readInput(path: string): BootInput {
  try {
    return { name: shown(path), bytes: readFileSync(path) };
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function size(s: string): bigint {
  try {
    return parseSize(s);
  } catch {
    throw new UsageError(`not a memory size: ${s} (e.g. 4G, 512M)`);
  }
}

function count(s: string): number {
  if (!/^\d+$/.test(s)) throw new UsageError(`not a count: ${s}`);
  return Number(s);
}

function paBits(n: number): number {
  if (!Number.isInteger(n) || n < 32 || n > 63) throw new UsageError(`--pa-bits must be 32 to 63, not ${n}`);
  return n;
}

/** A progress line on a terminal, nothing when stderr is piped. */
function progressLine(): { update: (n: number) => void; done: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, done: () => {} };
  const start = Date.now();
  let last = 0;
  return {
    update: (n) => {
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      const mips = n / 1e3 / Math.max(1, now - start);
      process.stderr.write(`\r${n.toLocaleString('en-US')} instructions, ${mips.toFixed(1)} MIPS `);
    },
    done: () => {
      if (last) process.stderr.write('\r\x1b[K');
    },
  };
}

const common = (y: Argv) =>
  y
    .option('kernel', { type: 'string', default: DEFAULT_KERNEL, defaultDescription: 'roms/kernel/kernel.elf', describe: 'the new kernel (ET_EXEC ELF)' })
    .option('cmdline', { type: 'string', default: DEFAULT_COMMAND_LINE, describe: 'the new kernel\'s command line' })
    .option('memory', { type: 'string', default: '4G', describe: 'RAM size' })
    .option('pa-bits', { type: 'number', default: DEFAULT_PA_BITS, describe: 'implemented physical address bits (50 for an Itanium 2)' })
    .option('max-insns', { type: 'string', default: String(DEFAULT_MAX_INSNS), describe: 'stop after N instructions (outcome limit)' })
    .option('follow', { type: 'boolean', default: false, describe: 'keep running the kernel after the hand-off until it shuts down' })
    .option('json', { type: 'boolean', default: false, describe: 'print one JSON object' })
    .option('jit', { type: 'boolean', default: true, describe: 'compile hot code into JavaScript functions (--no-jit: interpret every instruction)' });

export function bootCommand(y: Argv, out: (s: string) => void, setStatus: (n: number) => void): Argv {
  return y
    .command(
      'boot',
      'Load purgatory and a kernel as kexec does and run purgatory to the kernel entry',
      (b) =>
        common(b)
          .option('purgatory', { type: 'string', default: DEFAULT_PURGATORY, defaultDescription: 'roms/purgatory/purgatory.ro', describe: 'purgatory (ELF relocatable, like kexec-tools\' purgatory.ro)' })
          .option('initrd', { type: 'string', describe: 'an initial ramdisk' })
          .option('firmware', { type: 'string', default: DEFAULT_FIRMWARE, describe: 'firmware personality: legacy, tiano, spec, or a JSON profile' })
          .option('kexec-compat', { type: 'boolean', default: false, describe: 'report which relocations kexec-tools 2.0.25 itself would refuse' })
          .option('noio', { type: 'boolean', default: false, describe: 'purgatory does no port or VGA accesses (kexec --noio)' })
          .option('skip-checks', { type: 'boolean', default: false, describe: 'purgatory skips the sha256 verification' })
          .option('stats', { type: 'boolean', default: false, describe: 'print instructions, seconds, MIPS and peak memory to stderr' }),
      (a) => {
        const started = process.hrtime.bigint();
        const progress = a.json ? { update: () => {}, done: () => {} } : progressLine();
        const r = boot({
          purgatory: readInput(a.purgatory),
          kernel: readInput(a.kernel),
          initrd: a.initrd === undefined ? undefined : readInput(a.initrd),
          commandLine: a.cmdline,
          personality: loadPersonality(a.firmware),
          memory: a.memory === '4G' ? DEFAULT_MEMORY : size(a.memory),
          paBits: paBits(a.paBits),
          maxInsns: count(a.maxInsns),
          follow: a.follow,
          noio: a.noio,
          skipChecks: a.skipChecks,
          jit: a.jit,
          progress: progress.update,
        });
        progress.done();
        if (a.stats) {
          const s = Number(process.hrtime.bigint() - started) / 1e9;
          const rss = process.resourceUsage().maxRSS / 1024;
          process.stderr.write(`stats: ${r.instructions} instructions in ${s.toFixed(2)} s, ${(r.instructions / s / 1e6).toFixed(2)} MIPS, peak RSS ${rss.toFixed(0)} MiB\n`);
        }
        out(a.json ? JSON.stringify(bootReportJson(r), null, 2) + '\n' : bootReportText(r, { kexecCompat: a.kexecCompat }));
        setStatus(r.exitStatus);
      },
    )
    .command(
      'matrix',
      'Boot every purgatory on every firmware personality and tabulate the outcomes',
      (b) =>
        common(b)
          .option('purgatory', { type: 'string', array: true, default: [DEFAULT_PURGATORY, PURGATORY_2008], defaultDescription: 'the bundled fixed and 2008 purgatories', describe: 'purgatories' })
          .option('firmware', { type: 'string', array: true, default: ['legacy', 'tiano', 'spec'], describe: 'firmware personalities or JSON profiles' })
          .option('jobs', { type: 'number', describe: 'runs at a time (default: one per core)' }),
      async (a) => {
        for (const p of a.purgatory) readInput(p);
        readInput(a.kernel);
        for (const f of a.firmware) loadPersonality(f);
        const jobs: MatrixJob[] = a.purgatory.flatMap((p) =>
          a.firmware.map((f) => ({
            purgatory: p,
            firmware: f,
            kernel: a.kernel,
            commandLine: a.cmdline,
            memory: (size(a.memory), a.memory),
            paBits: paBits(a.paBits),
            maxInsns: count(a.maxInsns),
            follow: a.follow,
            jit: a.jit,
          })),
        );
        const cells = await runMatrix(jobs, a.jobs);
        out(a.json ? JSON.stringify({ cells }, null, 2) + '\n' : matrixTable(cells));
        setStatus(cells.some((c) => c.outcome === 'error') ? 1 : 0);
      },
    );
}
