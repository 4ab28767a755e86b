#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: set up the machine, build (kernel from cache), run every test
# and print one closing line "total: N passed, N failed". Exits non-zero when
# anything failed or could not run.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

mkdir -p "$OUT_DIR"
summary=$OUT_DIR/summary.txt
: >"$summary"
total_pass=0
total_fail=0

# Records one suite's counts: add NAME PASSED FAILED.
add() {
	printf '%-10s %4d passed, %4d failed\n' "$1:" "$2" "$3" | tee -a "$summary"
	total_pass=$((total_pass + $2))
	total_fail=$((total_fail + $3))
}

# Records a suite from a TAP file: add_tap NAME FILE. Whatever the plan
# promised and did not pass (not ok, or never ran) counts as failed.
add_tap() {
	local ok planned
	ok=$(grep -c '^ok ' "$2")
	planned=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$2")
	add "$1" "$ok" $((${planned:-1} - ok))
}

finish() {
	echo
	cat "$summary"
	echo "logs: $OUT_DIR"
	echo "total: $total_pass passed, $total_fail failed"
	[ "$total_fail" = 0 ] && [ "$total_pass" -gt 0 ]
	exit $?
}

# A step that fails before any test ran counts as one failure.
step() {
	local name=$1
	shift
	if ! "$@"; then
		log "$name failed"
		add "$name" 0 1
		finish
	fi
}

step setup bash "$RSMACSEC_TOP/scripts/setup.sh"

# Host tests first: they need no kernel and take seconds.
log "host: cargo test (pure Rust cores)"
cargo_log=$OUT_DIR/host-cargo.log
(cd "$RSMACSEC_TOP/tests/host" && RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc /usr/bin/cargo test 2>&1) >"$cargo_log"
cargo_rc=$?
read -r p f < <(awk '/^test result:/ { p += $4; f += $6 } END { print p + 0, f + 0 }' "$cargo_log")
[ $cargo_rc = 0 ] || [ "$f" != 0 ] || f=1 # did not build, or crashed
grep -E '^test result:|FAILED|panicked|^error' "$cargo_log" | sed 's/^/  /'
add host-rust "$p" "$f"

log "host: pipeline self-tests (result parser)"
py_log=$OUT_DIR/host-pipeline.log
"$PYTHON" -m unittest discover -s "$RSMACSEC_TOP/tests/pipeline" -p 'test_*.py' >"$py_log" 2>&1
py_rc=$?
ran=$(sed -n 's/^Ran \([0-9]*\) tests\?.*/\1/p' "$py_log")
ran=${ran:-0}
bad=$(sed -n 's/^FAILED (\(.*\))/\1/p' "$py_log" | grep -o '[0-9]\+' | paste -sd+ | bc)
bad=${bad:-0}
[ $py_rc = 0 ] || [ "$bad" != 0 ] || bad=1
tail -n 3 "$py_log" | sed 's/^/  /'
add host-py $((ran - bad)) "$bad"

step kernel bash "$RSMACSEC_TOP/scripts/kernel.sh"

# Before the module build: clippy builds the same objects with other flags.
log "lint: rustfmt, clippy, checkpatch"
bash "$RSMACSEC_TOP/scripts/lint.sh" >"$OUT_DIR/lint.tap" 2>&1
sed 's/^/  /' "$OUT_DIR/lint.tap"
add_tap lint "$OUT_DIR/lint.tap"

step modules bash "$RSMACSEC_TOP/scripts/modules.sh"

step wpa bash "$RSMACSEC_TOP/scripts/wpa.sh"

step initramfs bash "$RSMACSEC_TOP/scripts/initramfs.sh" "$OUT_DIR/check.cpio.gz"

console=$OUT_DIR/console-check.log
bash "$RSMACSEC_TOP/scripts/run-guest.sh" "$OUT_DIR/check.cpio.gz" "$console" check \
	"${RSMACSEC_GUEST_TIMEOUT:-1800}"
rm -f "$OUT_DIR/guest.json"
rm -f "$OUT_DIR"/*.pcap
"$PYTHON" "$RSMACSEC_TOP/scripts/results.py" "$console" --suite guest --files "$OUT_DIR" \
	--json "$OUT_DIR/guest.json" | tee "$OUT_DIR/guest-results.txt" | sed 's/^/  /'
if read -r p f < <("$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["passed"], d["failed"])' \
	"$OUT_DIR/guest.json" 2>/dev/null); then
	add guest "$p" "$f"
else
	add guest 0 1 # the parser itself failed
fi

# The wire, checked on the host by an implementation of its own.
log "wire: checking the capture of the simulated cable"
"$PYTHON" "$RSMACSEC_TOP/scripts/wire_check.py" "$OUT_DIR/wire-plain.pcap" >"$OUT_DIR/wire.tap" 2>&1
sed 's/^/  /' "$OUT_DIR/wire.tap"
add_tap wire "$OUT_DIR/wire.tap"
# The MACsec capture, decrypted with the SAKs of tests/guest/30-macsec.sh.
keys=$(sed -n 's/^KEY[01]=\([0-9a-f]*\)$/\1/p' "$RSMACSEC_TOP/tests/guest/30-macsec.sh" | paste -sd,)
"$PYTHON" "$RSMACSEC_TOP/scripts/wire_check.py" --macsec "$keys" "$OUT_DIR/wire-macsec.pcap" \
	>"$OUT_DIR/wire-macsec.tap" 2>&1
sed 's/^/  /' "$OUT_DIR/wire-macsec.tap"
add_tap wire-macsec "$OUT_DIR/wire-macsec.tap"
# The captures of the offload matrix (tests/guest/50-offload.sh).
bash "$RSMACSEC_TOP/scripts/wire_offload.sh" >"$OUT_DIR/wire-offload.tap" 2>&1
sed 's/^/  /' "$OUT_DIR/wire-offload.tap"
add_tap wire-offload "$OUT_DIR/wire-offload.tap"
# The captures of the C driver's defects (tests/guest/60-offload-defects.sh).
"$PYTHON" "$RSMACSEC_TOP/scripts/wire_defects.py" "$OUT_DIR" >"$OUT_DIR/wire-defects.tap" 2>&1
sed 's/^/  /' "$OUT_DIR/wire-defects.tap"
add_tap wire-defects "$OUT_DIR/wire-defects.tap"
# The captures of the rollover in hardware (tests/guest/75-offload-rollover.sh).
"$PYTHON" "$RSMACSEC_TOP/scripts/wire_rollover.py" "$OUT_DIR" >"$OUT_DIR/wire-rollover.tap" 2>&1
sed 's/^/  /' "$OUT_DIR/wire-rollover.tap"
add_tap wire-rollover "$OUT_DIR/wire-rollover.tap"
# MKA: the SAKs recovered from the wire with the CAK, every frame decrypted.
log "wire: the MKA captures, SAKs unwrapped with the CAK's KEK"
"$PYTHON" "$RSMACSEC_TOP/scripts/wire_mka.py" "$OUT_DIR" >"$OUT_DIR/wire-mka.tap" 2>&1
sed 's/^/  /' "$OUT_DIR/wire-mka.tap"
add_tap wire-mka "$OUT_DIR/wire-mka.tap"

finish
