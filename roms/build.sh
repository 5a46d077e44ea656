#!/usr/bin/env bash
# Rebuilds every ia64 program under roms/ with the cross compiler
# ($PURGATORIO_IA64_GCC, default ~/.cache/ia64-gcc/bin/ia64-linux-gnu-gcc).
# The built binaries are committed, so only this step needs the toolchain.
set -euo pipefail
roms=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bash "$roms/purgatory/build.sh"
bash "$roms/kernel/build.sh"
if [ -f "$roms/tests/build.sh" ]; then
  bash "$roms/tests/build.sh"
fi
