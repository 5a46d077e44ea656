#!/usr/bin/env bash
# Assemble the system test programs test/fixtures/system/*.S into raw
# images (*.bin) that test/support/system-machine.ts loads at 0x100000,
# with their symbol tables (*.sym) for the tests to find labels.
# The images are committed, so running the tests needs no binutils.
set -euo pipefail
dir="$(cd "$(dirname "$0")/../test/fixtures/system" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for src in "$dir"/*.S; do
  name="$(basename "$src" .S)"
  ia64-linux-gnu-as -x --fatal-warnings -I "$dir" -o "$tmp/$name.o" "$src"
  ia64-linux-gnu-ld -Ttext=0x100000 -e _start -o "$tmp/$name.elf" "$tmp/$name.o"
  ia64-linux-gnu-objcopy -O binary "$tmp/$name.elf" "$dir/$name.bin"
  ia64-linux-gnu-nm "$tmp/$name.elf" | sort > "$dir/$name.sym"
  echo "$name.bin"
done
