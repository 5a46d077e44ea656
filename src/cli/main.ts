// The `purgatorio` command line.

import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { ElfError } from '../loader/elf.js';
import { disasmElf, disasmRaw } from './disasm.js';

/** A problem with the user's input: reported as one line, exit status 1. */
export class UsageError extends Error {}

function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function parseAddress(s: string): bigint {
  try {
    return BigInt(s);
  } catch {
    throw new UsageError(`not an address: ${s}`);
  }
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
        const text = args.raw ? disasmRaw(bytes, args.file, parseAddress(args.base)) : disasmElf(bytes, args.file);
        out(text);
      },
    )
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
    if (e instanceof UsageError || e instanceof ElfError) {
      process.stderr.write(`purgatorio: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`purgatorio: internal error: ${(e as Error).stack ?? e}\n`);
    return 70;
  }
  return status;
}
