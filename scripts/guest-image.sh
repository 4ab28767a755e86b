#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Everything a guest run needs, from the set-up to the initramfs: the tools,
# the cached kernel, our modules, wpa_supplicant, and the initramfs at
# OUTPUT.cpio.gz. For `make demo` and `make bench` (`make check` runs the
# same steps one by one, reporting each).
#
# Usage: guest-image.sh OUTPUT.cpio.gz
set -euo pipefail
. "$(dirname "$0")/lib.sh"

mkdir -p "$OUT_DIR"
bash "$RSMACSEC_TOP/scripts/setup.sh"
bash "$RSMACSEC_TOP/scripts/kernel.sh"
bash "$RSMACSEC_TOP/scripts/modules.sh"
bash "$RSMACSEC_TOP/scripts/wpa.sh"
bash "$RSMACSEC_TOP/scripts/initramfs.sh" "$1"
