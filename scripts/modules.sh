#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build our out-of-tree modules against the cached kernel build, with the
# same toolchain flags. Rust warnings are errors.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ -f "$KDIR/Module.symvers" ] || die "no kernel build at $KDIR: run scripts/kernel.sh first"
log "building modules (M=$RSMACSEC_TOP)"
"${KMAKE[@]}" M="$RSMACSEC_TOP" KRUSTFLAGS=-Dwarnings modules
