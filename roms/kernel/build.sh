#!/usr/bin/env bash
# Builds kernel.elf: the small ia64 kernel that checks its boot state and
# repeats the SetVirtualAddressMap call (see docs/roms.md).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CC=${PURGATORIO_IA64_GCC:-$HOME/.cache/ia64-gcc/bin/ia64-linux-gnu-gcc}
LD=${PURGATORIO_IA64_LD:-ia64-linux-gnu-ld}
for tool in "$CC" "$LD"; do
  command -v "$tool" >/dev/null || { echo "kernel: $tool not found (set PURGATORIO_IA64_GCC)" >&2; exit 1; }
done

# No floating point at all (-mfixed-range keeps f32-f127 untouched, and
# PSR.dfh is set in virtual mode as Linux does), no speculation tricks.
CFLAGS=(-Os -fno-builtin -ffreestanding -fno-zero-initialized-in-bss
        -fno-PIC -fno-PIE -fno-stack-protector -fno-tree-vectorize
        -mfixed-range=f32-f127 -std=gnu11 -Wall -Wextra -Werror
        -I"$($CC -print-file-name=include)")
SOURCES=(ivt.S head.S efi_call.S early.c memmap.c serial.c main.c fault.c
         ../common/print.c ../common/string.c)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
objs=()
for src in "${SOURCES[@]}"; do
  obj="$tmp/$(basename "${src%.*}").o"
  "$CC" "${CFLAGS[@]}" -c -o "$obj" "$here/$src"
  objs+=("$obj")
done
"$LD" -static -nostdlib --no-undefined --no-warn-rwx-segments -T "$here/kernel.lds" -o "$here/kernel.elf" "${objs[@]}"
echo "built roms/kernel/kernel.elf"
