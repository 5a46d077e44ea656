# Sourced by .ci/run (and usable by hand): installs Debian's ia64 binutils and
# unpacks the cross compiler from ../shared/toolchain, then exports the paths
# that toolchain-dependent tests read. Safe to run again.
SHARED=${SHARED:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/shared}
if ! command -v ia64-linux-gnu-as >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq binutils-ia64-linux-gnu) >/dev/null 2>&1 \
    || echo "setup-toolchain: could not install binutils-ia64-linux-gnu" >&2
fi
IA64_GCC_DIR=${IA64_GCC_DIR:-$HOME/.cache/ia64-gcc}
if [ ! -x "$IA64_GCC_DIR/bin/ia64-linux-gnu-gcc" ] && [ -f "$SHARED/toolchain/ia64-gcc-12.2.0-x86_64.tar.xz" ]; then
  mkdir -p "$IA64_GCC_DIR" && tar -C "$IA64_GCC_DIR" -xJf "$SHARED/toolchain/ia64-gcc-12.2.0-x86_64.tar.xz"
fi
if [ -x "$IA64_GCC_DIR/bin/ia64-linux-gnu-gcc" ]; then
  export PURGATORIO_IA64_GCC="$IA64_GCC_DIR/bin/ia64-linux-gnu-gcc"
fi
if [ -f "$SHARED/kexec-tools/kexec-tools_2.0.25.orig.tar.xz" ]; then
  export PURGATORIO_KEXEC_TOOLS_TARBALL="$SHARED/kexec-tools/kexec-tools_2.0.25.orig.tar.xz"
fi
