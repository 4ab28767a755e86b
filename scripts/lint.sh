#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Style gates, each reported as one TAP result: rustfmt on our Rust files,
# clippy on our modules (as the kernel configures it, warnings are errors)
# and on the host test crate, checkpatch.pl --strict on every patch of the
# series and on our C files.
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

echo "1..5"
cd "$RSMACSEC_TOP" || exit 1
# Each gate also fails when it finds nothing to check.
rsfiles=$(git ls-files '*.rs')
unformatted=$(for f in $rsfiles; do
	/usr/bin/rustfmt --edition 2021 --config-path "$KDIR/.rustfmt.toml" --check "$f" \
		>/dev/null 2>&1 || echo "$f"
done)
[ -n "$rsfiles" ] && [ -z "$unformatted" ] && [ -f "$KDIR/.rustfmt.toml" ]
result $? "rustfmt: all $(echo "$rsfiles" | wc -w) Rust files are formatted${unformatted:+ (not: $unformatted)}"

# Rebuild from scratch so that every object is checked, then accept no
# warning at all, objtool's included.
find "$RSMACSEC_TOP/drivers" "$RSMACSEC_TOP/samples" -name '*.o' -delete
"${KMAKE[@]}" M="$RSMACSEC_TOP" CLIPPY=1 KRUSTFLAGS=-Dwarnings modules >"$OUT_DIR/clippy.log" 2>&1 &&
	! grep -qi 'warning' "$OUT_DIR/clippy.log"
rc=$?
# Clippy ran on every Rust module of ours: each left its object.
linted=0
for m in $(git ls-files '*.rs' | xargs grep -l '^kernel::module_phy_driver!\|^module! {' 2>/dev/null); do
	[ -f "${m%.rs}.o" ] && linted=$((linted + 1)) || rc=1
done
[ "$linted" -gt 0 ] || rc=1
result $rc "clippy and objtool: our $linted Rust modules build without a warning (log: out/clippy.log)"

# The host tests are ours too: their crate, tests included, with no warning.
# Cargo lists each target it checked, also one checked in an earlier run: none
# of ours listed means nothing was checked, which fails.
(cd "$RSMACSEC_TOP/tests/host" && PATH=/usr/bin:$PATH RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
	/usr/bin/cargo clippy --tests --message-format json -- -D warnings) >"$OUT_DIR/clippy-host.json" 2>&1
rc=$?
targets=$(grep '"reason":"compiler-artifact"' "$OUT_DIR/clippy-host.json" | grep -c 'rsmacsec-host')
[ $rc = 0 ] && [ "$targets" -gt 0 ] && ! grep -q '"level":"warning"' "$OUT_DIR/clippy-host.json"
result $? "clippy: the $targets targets of the host test crate build without a warning (log: out/clippy-host.json)"

bash "$RSMACSEC_TOP/scripts/checkpatch.sh" >"$OUT_DIR/checkpatch.log" 2>&1
result $? "checkpatch --strict: 0 errors, 0 warnings, 0 checks on every patch (log: out/checkpatch.log)"
# Absolute paths: checkpatch runs from the kernel tree. Every file must report.
cfiles=$(git ls-files '*.c' '*.h' | sed "s|^|$RSMACSEC_TOP/|")
out=$(cd "$KDIR" && ./scripts/checkpatch.pl --strict --no-tree --show-types -f $cfiles 2>&1)
printf '%s\n' "$out" >"$OUT_DIR/checkpatch-c.log"
checked=$(printf '%s\n' "$out" | grep -c '^total:')
clean=$(printf '%s\n' "$out" | grep -c '^total: 0 errors, 0 warnings, 0 checks')
nfiles=$(echo "$cfiles" | wc -w)
[ "$nfiles" -gt 0 ] && [ "$checked" = "$nfiles" ] && [ "$clean" = "$nfiles" ]
result $? "checkpatch --strict -f: $clean of $nfiles C files clean, $checked checked (log: out/checkpatch-c.log)"
[ $failed = 0 ]
