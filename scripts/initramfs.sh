#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the guest initramfs: busybox, iproute2's ip and ethtool with their
# shared libraries, wpa_supplicant, our modules, the guest test scripts and
# their tools.
#
# Usage: initramfs.sh OUTPUT.cpio.gz
set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

mkdir -p "$root"/{bin,sbin,proc,sys,dev,tmp,run,tests,lib/modules/rsmacsec}
cp /bin/busybox "$root/bin/busybox"
# iproute2's ip (MACsec) and ethtool (PHY statistics), with their libraries.
for tool in ip ethtool; do
	path=$(command -v $tool || echo /sbin/$tool)
	[ -x "$path" ] || die "$tool not found"
	cp "$path" "$root/sbin/$tool"
	for lib in $(ldd "$path" | grep -o '/[^ ]*'); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
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

# iproute2 keeps named network namespaces in /var/run/netns.
mkdir -p "$root/var"
ln -s ../run "$root/var/run"

# The firmware the mscc driver requests for the VSC8584's 8051. The 8051 is
# simulated: the simulator reports the CRC of a correctly patched ROM, so the
# driver only needs the file to exist; its content is never executed.
mkdir -p "$root/lib/firmware/microchip"
printf 'rsmacsec simulated 8051 firmware\n' \
	>"$root/lib/firmware/microchip/mscc_vsc8584_revb_int8051_fb48.bin"

# The guest's own tools, built with the host's C compiler: rawframe sends
# and counts raw Ethernet frames (static: busybox has nothing like it);
# nlerrno.so, preloaded into ip, prints the errno of a refused request,
# which ip leaves out when the kernel says why (extack).
cc -static -Os -Wall -Wextra -Werror -o "$root/bin/rawframe" \
	"$RSMACSEC_TOP/tests/guest/tools/rawframe.c"
mkdir -p "$root/lib"
cc -shared -fPIC -Os -Wall -Wextra -Werror -o "$root/lib/nlerrno.so" \
	"$RSMACSEC_TOP/tests/guest/tools/nlerrno.c"

# wpa_supplicant and wpa_cli with the macsec_offload option (scripts/wpa.sh,
# static).
[ -x "$WPA_DIR/bin/wpa_supplicant" ] || die "no wpa_supplicant in $WPA_DIR: run scripts/wpa.sh"
cp "$WPA_DIR/bin/wpa_supplicant" "$WPA_DIR/bin/wpa_cli" "$root/sbin/"

cp "$RSMACSEC_TOP/tests/guest/init" "$root/init"
cp "$RSMACSEC_TOP"/tests/guest/*.sh "$root/tests/"
# The samples the tests start from: the MKA configuration, the static-key
# script.
cp "$RSMACSEC_TOP/samples/mka/wpa_supplicant-offload.conf" "$root/tests/mka.conf"
cp "$RSMACSEC_TOP/samples/mka/static-key-offload.sh" "$root/tests/static-key-offload.sh"
chmod +x "$root/init" "$root"/tests/*.sh
(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet | gzip -1) >"$out"
log "initramfs: $out ($(du -h "$out" | cut -f1))"
