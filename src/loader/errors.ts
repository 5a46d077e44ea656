// Errors of the kexec-style loader. Every refusal kexec-tools would make (its
// die() calls) and every malformed input becomes one LoaderError whose message
// names the file part, sizes and addresses involved.

import { ElfError } from './elf.js';

export class LoaderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LoaderError';
  }
}

/** 0x-prefixed hexadecimal, the notation of every address in loader messages. */
export function hex(v: bigint | number): string {
  const b = BigInt(v);
  return b < 0n ? `-0x${(-b).toString(16)}` : `0x${b.toString(16)}`;
}

/** Run an ELF-reading step, reporting a malformed file as a LoaderError about `what`. */
export function readingElf<T>(what: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof ElfError) throw new LoaderError(`${what}: ${e.message}`, { cause: e });
    throw e;
  }
}
