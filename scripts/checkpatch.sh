#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Run the kernel's checkpatch.pl --strict on every patch of the series.
# Fails unless every patch has 0 errors and 0 warnings.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ -x "$KDIR/scripts/checkpatch.pl" ] || die "no kernel tree at $KDIR: run scripts/kernel.sh first"
rc=0
n=0
while read -r p; do
	n=$((n + 1))
	[ -n "$p" ] || continue
	out=$(cd "$KDIR" && ./scripts/checkpatch.pl --strict --no-tree --show-types \
		"$RSMACSEC_TOP/patches/$p" 2>&1) || rc=1
	# CHECK-level remarks do not fail checkpatch itself; they fail here.
	printf '%s\n' "$out" | grep -q '^total: 0 errors, 0 warnings, 0 checks' || rc=1
	printf '%s\n' "$out" | grep "^total:" | sed "s|^|$p: |"
	printf '%s\n' "$out" | grep -E '(ERROR|WARNING|CHECK):' || true
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$RSMACSEC_TOP/patches/series")
# No patch checked is a failure, not a pass.
[ "$n" -gt 0 ] || { echo "no patch in patches/series"; rc=1; }
exit $rc
