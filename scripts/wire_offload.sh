#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The host check of tests/guest/50-offload.sh: every run's capture of the
# wire, decrypted with the SAs of the script (read from it: the keys never
# travel through the console) by scripts/wire_check.py. Prints one TAP
# stream; a missing capture fails its checks.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

script=$RSMACSEC_TOP/tests/guest/50-offload.sh
val() { sed -n "s/^$1=\\([0-9a-f]*\\)$/\\1/p" "$script"; }

out=$(for mode in sw hw; do
	for cipher in gcm-aes-128 gcm-aes-256 gcm-aes-xpn-128 gcm-aes-xpn-256; do
		case $cipher in
		*128) k0=$(val KEY128_0) k1=$(val KEY128_1) ;;
		*256) k0=$(val KEY256_0) k1=$(val KEY256_1) ;;
		esac
		case $cipher in
		*xpn*) sas="$k0:$(val SALT0):$(val SSCI0),$k1:$(val SALT1):$(val SSCI1)" ;;
		*) sas="$k0,$k1" ;;
		esac
		for enc in on off; do
			name=wire-offload-$mode-$cipher-$enc
			"$PYTHON" "$RSMACSEC_TOP/scripts/wire_check.py" --macsec "$sas" \
				"$OUT_DIR/$name.pcap" | grep -v '^1\.\.' | sed "s/^\\(\\(not \\)\\?ok\\) [0-9]* - /\\1 - $name: /"
		done
	done
done)
# The plan is fixed (6 checks of wire_check.py per run) and not counted from
# the output: a run whose check printed nothing fails.
echo "1..$((16 * 6))"
printf '%s\n' "$out" | awk '/^(not )?ok/ { n++; sub(/ - /, " " n " - "); print }'
