#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Check that every patch of the series builds on its own: in a copy of the
# cached kernel build, revert the whole series, then apply the patches one at
# a time and rebuild (incrementally) after each; a warning fails the patch.
# Slow (one rebuild of the Rust crates per patch), so not part of
# `make check`: run `make patches-each`.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

bash "$RSMACSEC_TOP/scripts/kernel.sh"
work=$CACHE_DIR/patches-each
log "copying the kernel build to $work"
rm -rf "$work"
cp -a "$KDIR" "$work"
mapfile -t applied < <(sed '/^$/d' "$work/.rsmacsec-applied/series")
for ((i = ${#applied[@]} - 1; i >= 0; i--)); do
	patch -d "$work" -p1 -R -s --no-backup-if-mismatch <"$work/.rsmacsec-applied/${applied[$i]}"
done
mk=(make -C "$work" LLVM=1 "${RUST_TOOLS[@]}" "-j$(nproc)")
rc=0
for p in "${applied[@]}"; do
	patch -d "$work" -p1 -s --no-backup-if-mismatch <"$RSMACSEC_TOP/patches/$p"
	start=$(date +%s)
	if ! "${mk[@]}" bzImage modules >"$work/build-$p.log" 2>&1; then
		log "FAILS: $p (see $work/build-$p.log)"
		rc=1
	elif grep -qi 'warning:' "$work/build-$p.log"; then
		log "WARNS: $p (see $work/build-$p.log)"
		rc=1
	else
		log "builds: $p, no warning ($(($(date +%s) - start)) s)"
	fi
done
exit $rc
