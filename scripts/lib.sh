# SPDX-License-Identifier: GPL-2.0
# Shared settings for the rsmacsec build and test scripts. Source it; do not run it.

RSMACSEC_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The kernel build lives outside the clone so that a fresh clone reuses it.
CACHE_DIR=${RSMACSEC_CACHE:-/var/cache/rsmacsec}
KSRC_TARBALL=/usr/src/linux-source-6.12.tar.xz
KSRC_PACKAGE=linux-source-6.12
KDIR=$CACHE_DIR/linux-source-6.12
BINDGEN_VERSION=0.73.2
TOOLS_DIR=$CACHE_DIR/tools
BINDGEN=$TOOLS_DIR/bin/bindgen
# wpa_supplicant for the MKA tests (scripts/wpa.sh).
WPA_DIR=$CACHE_DIR/wpa

# Everything that builds against the kernel uses exactly these flags. The Rust
# tools are Debian's (rustc-web & co.), named explicitly: a rustup toolchain
# earlier on PATH has no `core` sources and is of another version.
RUST_TOOLS=(RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTFMT=/usr/bin/rustfmt
	CLIPPY_DRIVER=/usr/bin/clippy-driver BINDGEN="$BINDGEN")
# Debian's Python, with python3-cryptography from apt (the wire check's AES-GCM),
# whatever python3 comes first on PATH.
PYTHON=/usr/bin/python3
KMAKE=(make -C "$KDIR" LLVM=1 "${RUST_TOOLS[@]}" "-j$(nproc)")

# Per-run output (console logs, results) stays inside the clone, ignored by git.
OUT_DIR=${RSMACSEC_OUT:-$RSMACSEC_TOP/out}

log() { printf '[rsmacsec %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
