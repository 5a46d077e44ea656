// Errors the command line reports as one line with exit status 1.

import { PersonalityError } from '../efi/personality.js';
import { LayoutError } from '../efi/layout.js';
import { ElfError } from '../loader/elf.js';
import { LoaderError } from '../loader/errors.js';
import { MemoryMapError } from '../machine/address-space.js';

/** A problem with the user's input (a file, an argument). */
export class UsageError extends Error {}

/** Bad input of any layer: a file, an ELF, a relocation, a firmware profile, a memory map. */
export function isInputError(e: unknown): e is Error {
  return (
    e instanceof UsageError ||
    e instanceof ElfError ||
    e instanceof LoaderError ||
    e instanceof PersonalityError ||
    e instanceof LayoutError ||
    e instanceof MemoryMapError
  );
}
