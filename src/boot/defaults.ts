// The bundled programs and the defaults of `purgatorio boot` and `matrix`.

import { fileURLToPath } from 'node:url';
import { GiB } from '../machine/config.js';

/** roms/ of the package (two levels up from src/boot or dist/boot). */
export const ROMS_DIR = fileURLToPath(new URL('../../roms/', import.meta.url));

export const DEFAULT_PURGATORY = `${ROMS_DIR}purgatory/purgatory.ro`;
export const PURGATORY_2008 = `${ROMS_DIR}purgatory/purgatory-2008.ro`;
export const DEFAULT_KERNEL = `${ROMS_DIR}kernel/kernel.elf`;
export const DEFAULT_FIRMWARE = 'tiano';
export const DEFAULT_COMMAND_LINE = 'console=ttyS0 root=/dev/sda2';
export const DEFAULT_MEMORY = 4n * GiB;
export const DEFAULT_PA_BITS = 63;
/** Enough for purgatory to hash a 64 MiB kernel several times over. */
export const DEFAULT_MAX_INSNS = 20_000_000_000;
