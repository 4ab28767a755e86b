#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make demo`: build what is needed (kernel from cache), boot the guest in
# demo mode and show its console.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

bash "$RSMACSEC_TOP/scripts/guest-image.sh" "$OUT_DIR/demo.cpio.gz"
console=$OUT_DIR/console-demo.log
bash "$RSMACSEC_TOP/scripts/run-guest.sh" "$OUT_DIR/demo.cpio.gz" "$console" demo 300
# The guest's own output, without the boot chatter before our /init.
sed -n '/RSMACSEC-GUEST-START/,$p' "$console"
grep -q RSMACSEC-GUEST-DONE "$console" || die "the demo did not complete; see $console"
log "full console log: $console"
