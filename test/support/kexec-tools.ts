// Whether kexec-tools' own purgatory can be built from its sources here.

import { existsSync } from 'node:fs';

/** Why the kexec-tools tarball or the cross compiler is not available, or null when both are. */
export function kexecToolsUnavailable(): string | null {
  const tarball = process.env.PURGATORIO_KEXEC_TOOLS_TARBALL;
  const gcc = process.env.PURGATORIO_IA64_GCC;
  if (!tarball || !gcc) {
    return 'set PURGATORIO_KEXEC_TOOLS_TARBALL and PURGATORIO_IA64_GCC (.ci/run does when ../shared is there) to build it from the tarball';
  }
  if (!existsSync(tarball)) return `PURGATORIO_KEXEC_TOOLS_TARBALL names no file (${tarball})`;
  return null;
}
