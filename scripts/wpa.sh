#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build wpa_supplicant and wpa_cli for the guest's MKA tests: Debian's wpa
# 2.10 source package (apt-get source, through a private apt configuration
# that lists only the machine's own bookworm suites as deb-src), our patch
# patches/wpa_supplicant/*.patch (the macsec_offload network option), the
# macsec_linux driver, no D-Bus and no nl80211, linked statically so that
# the guest needs no library.
#
# Cached in $WPA_DIR, keyed by the patches, the build configuration and this
# script: with an unchanged key nothing is fetched or built.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PATCHES=("$RSMACSEC_TOP"/patches/wpa_supplicant/*.patch)
[ -f "${PATCHES[0]}" ] || die "no patch in patches/wpa_supplicant"

# The build configuration (wpa_supplicant/.config).
config() {
	cat <<-'CONF'
	CONFIG_DRIVER_WIRED=y
	CONFIG_DRIVER_MACSEC_LINUX=y
	CONFIG_MACSEC=y
	CONFIG_LIBNL32=y
	CONFIG_IEEE8021X_EAPOL=y
	CONFIG_EAP_MD5=y
	CONFIG_CTRL_IFACE=y
	CONFIG_TLS=openssl
	CONFIG_BACKEND=file
	CONFIG_GETRANDOM=y
	CONFIG_DEBUG_FILE=y
	CONF
}

key=$({
	config
	cat "${PATCHES[@]}" "$0"
} | sha256sum | cut -d' ' -f1)
if [ -f "$WPA_DIR/key" ] && [ "$(cat "$WPA_DIR/key")" = "$key" ] &&
	[ -x "$WPA_DIR/bin/wpa_supplicant" ] && [ -x "$WPA_DIR/bin/wpa_cli" ]; then
	log "wpa_supplicant cache hit ($(cat "$WPA_DIR/source")): not rebuilding"
	exit 0
fi
log "wpa_supplicant cache miss: fetching Debian's wpa source package"
rm -rf "$WPA_DIR"
mkdir -p "$WPA_DIR/apt/lists/partial" "$WPA_DIR/src" "$WPA_DIR/bin"

# deb-src for exactly the suites the machine has; nothing else is read.
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
for s in bookworm bookworm-updates; do
	echo "deb-src [signed-by=$keyring] http://deb.debian.org/debian $s main"
done >"$WPA_DIR/apt/sources.list"
echo "deb-src [signed-by=$keyring] http://deb.debian.org/debian-security bookworm-security main" \
	>>"$WPA_DIR/apt/sources.list"
APT=(apt-get -q -o "Dir::Etc::SourceList=$WPA_DIR/apt/sources.list"
	-o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$WPA_DIR/apt/lists"
	-o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=)
"${APT[@]}" update >"$WPA_DIR/apt.log" 2>&1 || die "apt-get update failed; see $WPA_DIR/apt.log"
(cd "$WPA_DIR/src" && "${APT[@]}" source --download-only wpa) >>"$WPA_DIR/apt.log" 2>&1 ||
	die "apt-get source wpa failed; see $WPA_DIR/apt.log"
dsc=$(ls "$WPA_DIR"/src/wpa_*.dsc)
version=$(sed -n 's/^Version: //p' "$dsc")
case "$version" in
2:2.10-* | 2.10-*) ;;
*) die "wpa $version: the patch is for 2.10" ;;
esac
dpkg-source -x "$dsc" "$WPA_DIR/src/wpa" >>"$WPA_DIR/apt.log" 2>&1 ||
	die "dpkg-source failed; see $WPA_DIR/apt.log"
for p in "${PATCHES[@]}"; do
	patch -d "$WPA_DIR/src/wpa" -p1 --quiet <"$p" || die "$(basename "$p") does not apply to wpa $version"
done

log "building wpa_supplicant $version (static, macsec_linux)"
config >"$WPA_DIR/src/wpa/wpa_supplicant/.config"
make -C "$WPA_DIR/src/wpa/wpa_supplicant" -j"$(nproc)" LDFLAGS=-static \
	EXTRALIBS="-lpthread -lm -ldl" wpa_supplicant wpa_cli >"$WPA_DIR/build.log" 2>&1 ||
	die "wpa_supplicant build failed; see $WPA_DIR/build.log"
cp "$WPA_DIR"/src/wpa/wpa_supplicant/{wpa_supplicant,wpa_cli} "$WPA_DIR/bin/"
echo "wpa $version" >"$WPA_DIR/source"
echo "$key" >"$WPA_DIR/key"
log "wpa_supplicant: $WPA_DIR/bin ($(cat "$WPA_DIR/source"))"
