// The `purgatorio` command line.

import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { bootCommand } from './boot.js';
import { disasmCommand } from './disasm.js';
import { isInputError, UsageError } from './errors.js';
import { parseCount, runCommand } from './run.js';

export { UsageError };

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a component of the path is not a directory',
};

function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot read ${path}: ${FILE_ERRORS[code] ?? (e as Error).message}`);
  }
}

/** A 64-bit address, decimal or 0x-prefixed hex. */
function parseAddress(s: string): bigint {
  const t = s.trim();
  const v = /^(0x[0-9a-f]+|\d+)$/i.test(t) ? BigInt(t) : -1n;
  if (v < 0n || v >= 1n << 64n) throw new UsageError(`not a 64-bit address: ${s}`);
  return v;
}

/** Run the command line; resolves to the process exit status. */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  let status = 0;
  const cli = yargs(argv)
    .scriptName('purgatorio')
    .usage('$0 <command> [options]\n\nAn IA-64 emulator that boots kexec purgatory against a mock EFI firmware.')
    .command(
      'disasm <file>',
      'Disassemble an IA-64 ELF file (or raw bundles) in GNU objdump syntax',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'ELF file, or raw bundles with --raw' })
          .option('raw', { type: 'boolean', default: false, describe: 'FILE is bundles from offset 0, like objdump -D -b binary -m ia64-elf64' })
          .option('base', { type: 'string', default: '0', describe: 'address of the first bundle with --raw' }),
      (args) => {
        const bytes = readInput(args.file);
        out(disasmCommand(bytes, args.file, args.raw ? parseAddress(args.base) : null));
      },
    )
    .command(
      'run <file> [args..]',
      'Run a static Linux/ia64 executable in user mode; program options go after --',
      (y) =>
        y
          .parserConfiguration({ 'populate--': true, 'parse-numbers': false, 'parse-positional-numbers': false })
          .positional('file', { type: 'string', demandOption: true, describe: 'ELF executable (ET_EXEC)' })
          .positional('args', { type: 'string', array: true, default: [], describe: 'its arguments' })
          .option('max-insns', { type: 'string', describe: 'stop after N instructions (exit status 4)' })
          .option('env', { type: 'string', array: true, default: [], describe: 'NAME=VALUE for its environment (empty otherwise)' })
          .option('trace', { type: 'boolean', default: false, describe: 'print every instruction executed to stderr' })
          .option('stats', { type: 'boolean', default: false, describe: 'print the instruction count, MIPS and peak RSS at the end' })
          .option('real-time', { type: 'boolean', default: false, describe: 'clocks follow the host (else they count instructions)' })
          .option('jit', { type: 'boolean', default: true, describe: 'compile hot code into JavaScript functions (--no-jit: interpret every instruction)' }),
      (args) => {
        status = runCommand({
          file: args.file,
          bytes: readInput(args.file),
          args: [...args.args, ...((args['--'] as string[] | undefined) ?? [])].map(String),
          env: args.env.map(String),
          maxInsns: args.maxInsns === undefined ? undefined : parseCount(args.maxInsns),
          trace: args.trace,
          stats: args.stats,
          realTime: args.realTime,
          jit: args.jit,
        });
      },
    );
  bootCommand(cli, out, (n) => (status = n))
    .demandCommand(1, 'Name a command; see --help.')
    .strict()
    .help()
    .version(false)
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    });
  try {
    await cli.parseAsync();
  } catch (e) {
    if (isInputError(e)) {
      process.stderr.write(`purgatorio: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`purgatorio: internal error: ${(e as Error).stack ?? e}\n`);
    return 70;
  }
  return status;
}
