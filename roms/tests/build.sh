#!/usr/bin/env bash
# Builds every test program for ia64 at -O0, -O2 and -O3 (bin/NAME-On) and
# natively for the host, whose output becomes expected/NAME.out.
#   bash roms/tests/build.sh [NAME...]
# A program may ask for extra ia64 compiler flags with a line
#   /* ia64-cflags: FLAGS */
# and may come with src/NAME.S, ia64 assembly linked into its ia64 builds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

CC_IA64=${PURGATORIO_IA64_GCC:-$HOME/.cache/ia64-gcc/bin/ia64-linux-gnu-gcc}
CC_HOST=${HOSTCC:-gcc}
READELF=${IA64_READELF:-ia64-linux-gnu-readelf}
LEVELS="O0 O2 O3"

WARN="-Wall -Wextra -Werror -Wno-unused-parameter"
# No fused contraction, no errno for sqrt, and no assumption of
# round-to-nearest (tests change the rounding direction): both builds must
# round alike.
COMMON="-std=gnu11 $WARN -ffp-contract=off -fno-math-errno -frounding-math -Ilib"
IA64="-ffreestanding -fno-stack-protector -ffunction-sections -fdata-sections \
  -minline-sqrt-max-throughput -fno-tree-loop-distribute-patterns"
LIB_IA64="string printf fpfmt alloc"
LIB_HOST="printf fpfmt alloc host"

die() { echo "build.sh: $*" >&2; exit 1; }
[ -x "$CC_IA64" ] || die "no ia64 compiler at $CC_IA64 (set PURGATORIO_IA64_GCC)"
command -v "$READELF" >/dev/null || die "$READELF not found (binutils-ia64-linux-gnu)"

OBJ=$(mktemp -d)
trap 'rm -rf "$OBJ"' EXIT
mkdir -p bin expected

if [ $# -gt 0 ]; then NAMES="$*"; else NAMES=$(cd src && ls *.c | sed 's/\.c$//'); fi

# Runtime objects, one set per optimisation level and one for the host.
for lvl in $LEVELS; do
  mkdir -p "$OBJ/$lvl"
  "$CC_IA64" -c lib/crt0.S -o "$OBJ/$lvl/rt-crt0.o"
  "$CC_IA64" -c lib/syscalls.S -o "$OBJ/$lvl/rt-syscalls.o"
  for f in $LIB_IA64; do
    "$CC_IA64" -$lvl $COMMON $IA64 -fno-builtin -c "lib/$f.c" -o "$OBJ/$lvl/rt-$f.o"
  done
done
mkdir -p "$OBJ/host"
for f in $LIB_HOST; do
  "$CC_HOST" -O2 $COMMON -c "lib/$f.c" -o "$OBJ/host/$f.o"
done

check_elf() {
  local hdr entry
  hdr=$("$READELF" -h "$1")
  grep -q 'Type:[[:space:]]*EXEC' <<<"$hdr" || die "$1: not ET_EXEC"
  grep -q 'Machine:[[:space:]]*Intel IA-64' <<<"$hdr" || die "$1: not EM_IA_64"
  entry=$(sed -n 's/.*Entry point address:[[:space:]]*//p' <<<"$hdr")
  [ $(( entry >> 61 )) -eq 2 ] || die "$1: entry $entry is not in region 2"
}

for name in $NAMES; do
  src=src/$name.c
  [ -f "$src" ] || die "no $src"
  extra=$(sed -n 's|.*/\* ia64-cflags: \(.*\) \*/.*|\1|p' "$src" | head -n1)
  asm=""
  [ -f "src/$name.S" ] && asm="src/$name.S"

  # Native build at every level: all must agree, or the program is not
  # deterministic C and cannot serve as a reference.
  ref=""
  for lvl in $LEVELS; do
    "$CC_HOST" -$lvl $COMMON "$src" "$OBJ"/host/*.o -lm -o "$OBJ/$name.host"
    out="$OBJ/$name.$lvl.out"
    if ! "$OBJ/$name.host" </dev/null >"$out"; then
      die "$name: native -$lvl build exited non-zero"
    fi
    if [ -z "$ref" ]; then ref=$out
    elif ! cmp -s "$ref" "$out"; then die "$name: native -$lvl output differs from -O0"
    fi
  done
  # And once under UBSan, to catch undefined behaviour that happened to agree.
  "$CC_HOST" -O1 $COMMON -fsanitize=undefined,float-cast-overflow -fno-sanitize-recover=all \
    "$src" "$OBJ"/host/*.o -lm -o "$OBJ/$name.ubsan"
  "$OBJ/$name.ubsan" </dev/null >"$OBJ/$name.ubsan.out" || die "$name: UBSan build failed"
  cmp -s "$ref" "$OBJ/$name.ubsan.out" || die "$name: UBSan build output differs"
  cp "$ref" "expected/$name.out"

  for lvl in $LEVELS; do
    o=$OBJ/$lvl
    asmobj=""
    if [ -n "$asm" ]; then
      "$CC_IA64" -c "$asm" -o "$o/p-$name-S.o"
      asmobj=$o/p-$name-S.o
    fi
    # shellcheck disable=SC2086
    "$CC_IA64" -$lvl $COMMON $IA64 $extra -c "$src" -o "$o/p-$name.o"
    # shellcheck disable=SC2086
    "$CC_IA64" -nostdlib -static -Wl,--gc-sections -o "bin/$name-$lvl" \
      "$o/rt-crt0.o" "$o/rt-syscalls.o" "$o/p-$name.o" $asmobj \
      $(for f in $LIB_IA64; do echo "$o/rt-$f.o"; done) -lgcc
    check_elf "bin/$name-$lvl"
  done
  echo "built $name ($(wc -l <"expected/$name.out") lines of expected output)"
done
