#!/usr/bin/env bash
# Builds purgatory.ro (masking PA()) and purgatory-2008.ro (PA() subtracts
# PAGE_OFFSET): ELF relocatables with entry purgatory_start, compiled the way
# kexec-tools compiles its ia64 purgatory.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CC=${PURGATORIO_IA64_GCC:-$HOME/.cache/ia64-gcc/bin/ia64-linux-gnu-gcc}
STRIP=${PURGATORIO_IA64_STRIP:-ia64-linux-gnu-strip}
for tool in "$CC" "$STRIP"; do
  command -v "$tool" >/dev/null || { echo "purgatory: $tool not found (set PURGATORIO_IA64_GCC)" >&2; exit 1; }
done

CFLAGS=(-ffixed-r28 -Os -fno-builtin -ffreestanding -fno-zero-initialized-in-bss
        -fno-PIC -fno-PIE -fno-stack-protector -fno-tree-vectorize
        -std=gnu11 -Wall -Wextra -Werror -I"$($CC -print-file-name=include)")
SOURCES=(entry.S purgatory.c params.c env.c memmap.c sha256.c vga.c console.c
         ../common/print.c ../common/string.c)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() {  # build OUTPUT [extra cflags...]
  local out=$1; shift
  local objs=() tmp="$work/$out"
  mkdir -p "$tmp"
  for src in "${SOURCES[@]}"; do
    local obj="$tmp/$(basename "${src%.*}").o"
    "$CC" "${CFLAGS[@]}" "$@" -c -o "$obj" "$here/$src"
    objs+=("$obj")
  done
  "$CC" -ffixed-r28 -nostartfiles -nostdlib -nodefaultlibs -Wl,--no-undefined \
        -e purgatory_start -r -o "$tmp/purgatory.sym" "${objs[@]}"
  "$STRIP" --strip-debug -o "$here/$out" "$tmp/purgatory.sym"
  echo "built roms/purgatory/$out"
}

build purgatory.ro
build purgatory-2008.ro -DPURGATORY_PA_2008
