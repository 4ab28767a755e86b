#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the guest initramfs: busybox, iproute2's ip with its shared
# libraries, our modules and the guest test scripts.
#
# Usage: initramfs.sh OUTPUT.cpio.gz
set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

mkdir -p "$root"/{bin,sbin,proc,sys,dev,tmp,run,tests,lib/modules/rsmacsec}
cp /bin/busybox "$root/bin/busybox"
ip=$(command -v ip || echo /sbin/ip)
cp "$ip" "$root/sbin/ip"
for lib in $(ldd "$ip" | grep -o '/[^ ]*'); do
	mkdir -p "$root$(dirname "$lib")"
	cp -L "$lib" "$root$lib"
done

: >"$root/lib/modules/rsmacsec/load-order"
while read -r ko when; do
	case "$ko" in
	"" | "#"*) continue ;;
	kernel:*) src=$KDIR/${ko#kernel:} ;;
	*) src=$RSMACSEC_TOP/$ko ;;
	esac
	cp "$src" "$root/lib/modules/rsmacsec/"
	[ "$when" != load ] || basename "$ko" >>"$root/lib/modules/rsmacsec/load-order"
done <"$RSMACSEC_TOP/tests/guest/modules"

cp "$RSMACSEC_TOP/tests/guest/init" "$root/init"
cp "$RSMACSEC_TOP"/tests/guest/*.sh "$root/tests/"
chmod +x "$root/init" "$root"/tests/*.sh
(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet | gzip -1) >"$out"
log "initramfs: $out ($(du -h "$out" | cut -f1))"
