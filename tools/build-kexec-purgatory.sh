#!/usr/bin/env bash
# Usage: tools/build-kexec-purgatory.sh OUTDIR
#
# Builds kexec-tools 2.0.25's own ia64 purgatory from its source tarball,
# for tests that boot the real thing. Writes:
#   OUTDIR/kexec-purgatory.ro       as shipped (PA() masks the top nibble)
#   OUTDIR/kexec-purgatory-2008.ro  PA() subtracting PAGE_OFFSET, as before
#                                   the 2008 fix for Tiano firmware
# Compiler, flags and link line follow purgatory/Makefile and
# purgatory/arch/ia64/Makefile. Nothing from the tarball is kept.
#
# Environment: PURGATORIO_IA64_GCC (default ~/.cache/ia64-gcc/bin/ia64-linux-gnu-gcc),
# PURGATORIO_KEXEC_TOOLS_TARBALL (default ../shared/kexec-tools/kexec-tools_2.0.25.orig.tar.xz
# beside the project).
set -euo pipefail

die() { echo "build-kexec-purgatory: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $0 OUTDIR"
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CC=${PURGATORIO_IA64_GCC:-$HOME/.cache/ia64-gcc/bin/ia64-linux-gnu-gcc}
STRIP=${PURGATORIO_IA64_STRIP:-ia64-linux-gnu-strip}
tarball=${PURGATORIO_KEXEC_TOOLS_TARBALL:-$project/../shared/kexec-tools/kexec-tools_2.0.25.orig.tar.xz}

command -v "$CC" >/dev/null 2>&1 ||
  die "ia64 cross compiler not found: $CC (set PURGATORIO_IA64_GCC)"
command -v "$STRIP" >/dev/null 2>&1 ||
  die "$STRIP not found (install binutils-ia64-linux-gnu)"
[ -f "$tarball" ] ||
  die "kexec-tools tarball not found: $tarball (set PURGATORIO_KEXEC_TOOLS_TARBALL)"

out=$(mkdir -p "$1" && cd "$1" && pwd) || die "cannot create output directory $1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xJf "$tarball" || die "cannot extract $tarball"
src=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'kexec-tools-*' | head -n 1)
[ -n "$src" ] && [ -f "$src/purgatory/arch/ia64/purgatory-ia64.c" ] ||
  die "$tarball holds no kexec-tools tree with an ia64 purgatory"

# No libc for ia64: util_lib/include/sha256.h only needs these types.
mkdir -p "$work/standin/sys"
cat > "$work/standin/sys/types.h" <<'H'
#include <stddef.h>
#include <stdint.h>
typedef long ssize_t;
typedef long off_t;
H

CFLAGS=(-ffixed-r28 -Os -fno-builtin -ffreestanding -fno-zero-initialized-in-bss
        -fno-PIC -fno-PIE -fno-stack-protector -fno-tree-vectorize)
CPPFLAGS=(-ffixed-r28 -I"$src/purgatory/include" -I"$src/purgatory/arch/ia64/include"
          -I"$src/util_lib/include" -I"$src/include" -I"$work/standin"
          -I"$("$CC" -print-file-name=include)")
SOURCES=(purgatory/purgatory.c purgatory/printf.c purgatory/string.c
         purgatory/arch/ia64/entry.S purgatory/arch/ia64/purgatory-ia64.c
         purgatory/arch/ia64/console-ia64.c purgatory/arch/ia64/vga.c)

build() {  # build OUTPUT
  local obj="$work/obj" objs=()
  rm -rf "$obj" && mkdir -p "$obj"
  for s in "${SOURCES[@]}"; do
    local o
    o="$obj/$(basename "${s%.*}").o"
    "$CC" "${CFLAGS[@]}" "${CPPFLAGS[@]}" -c -o "$o" "$src/$s" || die "compiling $s failed"
    objs+=("$o")
  done
  # sha256.c is built at -O0 on ia64 (ia64_PURGATORY_SHA256_CFLAGS).
  "$CC" "${CFLAGS[@]}" -O2 -O0 "${CPPFLAGS[@]}" -c -o "$obj/sha256.o" "$src/util_lib/sha256.c" ||
    die "compiling util_lib/sha256.c failed"
  "$CC" "${CFLAGS[@]}" -ffixed-r28 -Wl,--no-undefined -nostartfiles -nostdlib -nodefaultlibs \
        -e purgatory_start -r -o "$obj/purgatory.ro.sym" "${objs[@]}" "$obj/sha256.o" ||
    die "linking purgatory failed"
  "$STRIP" --strip-debug -o "$out/$1" "$obj/purgatory.ro.sym" || die "stripping purgatory failed"
  echo "built $out/$1"
}

build kexec-purgatory.ro

pa="$src/purgatory/arch/ia64/purgatory-ia64.c"
grep -q 'return addr & 0x0fffffffffffffffLL;' "$pa" || die "PA() in $pa is not the expected 2.0.25 form"
sed -i 's/return addr & 0x0fffffffffffffffLL;/return addr - PAGE_OFFSET;/' "$pa"
build kexec-purgatory-2008.ro
