#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot the test kernel with an initramfs under QEMU (TCG) and keep the whole
# serial console in a log file. A panic exits QEMU at once (panic=-1 with
# -no-reboot); a hang is cut by the timeout. Whether the run passed is
# decided from the log by scripts/results.py, not here.
#
# Usage: run-guest.sh INITRAMFS LOG MODE [TIMEOUT_SECONDS]
# RSMACSEC_ONLY=55,60 runs only those guest scripts (for development).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

initrd=$1 log_file=$2 mode=$3 limit=${4:-1800}
log "booting guest (mode $mode, timeout ${limit}s), console -> $log_file"
set +e
timeout --foreground -k 5 "$limit" qemu-system-x86_64 \
	-accel tcg -m 1024 -smp 2 -nographic -no-reboot -nodefaults \
	-serial stdio -nic none \
	-kernel "$KDIR/arch/x86/boot/bzImage" -initrd "$initrd" \
	-append "console=ttyS0 panic=-1 oops=panic rdinit=/init printk.devkmsg=on rsmacsec.mode=$mode${RSMACSEC_ONLY:+ rsmacsec.only=$RSMACSEC_ONLY}" \
	</dev/null >"$log_file" 2>&1
rc=$?
set -e
[ $rc = 124 ] && log "guest timed out after ${limit}s"
log "guest exited (qemu rc $rc)"
exit 0
