#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make bench`: boots the test guest once and runs only
# tests/guest/80-bench.sh, which measures every MACsec operation with our
# driver and with the upstream C driver on the simulated package; prints the
# table and keeps it in out/bench.md.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

bash "$RSMACSEC_TOP/scripts/guest-image.sh" "$OUT_DIR/check.cpio.gz"
console=$OUT_DIR/console-bench.log
rm -f "$OUT_DIR/bench.md"
RSMACSEC_ONLY=80 bash "$RSMACSEC_TOP/scripts/run-guest.sh" "$OUT_DIR/check.cpio.gz" \
	"$console" check 900
"$PYTHON" "$RSMACSEC_TOP/scripts/results.py" "$console" --suite bench --files "$OUT_DIR" |
	grep -v '^PASS kunit' || true
[ -s "$OUT_DIR/bench.md" ] || die "the bench printed no table; see $console"
echo
cat "$OUT_DIR/bench.md"
echo
log "table: $OUT_DIR/bench.md, console: $console"
