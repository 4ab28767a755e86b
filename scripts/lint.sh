#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Style gates, each reported as one TAP result: rustfmt on our Rust files,
# clippy on our modules (as the kernel configures it, warnings are errors),
# checkpatch.pl --strict on every patch of the series and on our C files.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

n=0
failed=0
result() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}

echo "1..4"
cd "$RSMACSEC_TOP" || exit 1
unformatted=$(git ls-files '*.rs' | while read -r f; do
	/usr/bin/rustfmt --edition 2021 --config-path "$KDIR/.rustfmt.toml" --check "$f" \
		>/dev/null 2>&1 || echo "$f"
done)
[ -z "$unformatted" ] && [ -f "$KDIR/.rustfmt.toml" ]
result $? "rustfmt: every Rust file is formatted${unformatted:+ (not: $unformatted)}"

# Rebuild from scratch so that every object is checked, then accept no
# warning at all, objtool's included.
find "$RSMACSEC_TOP/drivers" "$RSMACSEC_TOP/samples" -name '*.o' -delete
"${KMAKE[@]}" M="$RSMACSEC_TOP" CLIPPY=1 KRUSTFLAGS=-Dwarnings modules >"$OUT_DIR/clippy.log" 2>&1 &&
	! grep -qi 'warning' "$OUT_DIR/clippy.log"
result $? "clippy and objtool: our modules build without a warning (log: out/clippy.log)"

bash "$RSMACSEC_TOP/scripts/checkpatch.sh" >"$OUT_DIR/checkpatch.log" 2>&1
result $? "checkpatch --strict: 0 errors, 0 warnings, 0 checks on every patch (log: out/checkpatch.log)"
cfiles=$(git ls-files '*.c' '*.h')
out=$(cd "$KDIR" && ./scripts/checkpatch.pl --strict --no-tree --show-types -f $cfiles 2>&1)
bad=$(printf '%s\n' "$out" | grep '^total:' | grep -cv '^total: 0 errors, 0 warnings, 0 checks')
printf '%s\n' "$out" >"$OUT_DIR/checkpatch-c.log"
[ -n "$cfiles" ] && [ "$bad" = 0 ]
result $? "checkpatch --strict -f: our C files are clean (log: out/checkpatch-c.log)"
[ $failed = 0 ]
