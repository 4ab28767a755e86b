#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install the host tools rsmacsec needs, from the machine's own apt suites and
# crates.io only. Does nothing for what is already there.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PACKAGES=(
	rustc-web cargo-web rust-web-src rustfmt-web rust-web-clippy
	clang lld llvm libclang-dev
	make gcc libc6-dev bc flex bison libelf-dev libssl-dev cpio xz-utils kmod patch perl git
	python3 python3-cryptography qemu-system-x86 busybox-static iproute2 ethtool "$KSRC_PACKAGE"
	# wpa_supplicant (scripts/wpa.sh): its source package and static libraries
	dpkg-dev libnl-3-dev libnl-genl-3-dev libnl-route-3-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	[ "$(id -u)" = 0 ] || die "need root to install: ${missing[*]}"
	log "installing with apt: ${missing[*]}"
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! "$BINDGEN" --version 2>/dev/null | grep -qx "bindgen $BINDGEN_VERSION"; then
	log "installing bindgen-cli $BINDGEN_VERSION from crates.io into $TOOLS_DIR"
	mkdir -p "$TOOLS_DIR"
	RUSTC=/usr/bin/rustc /usr/bin/cargo install --locked --root "$TOOLS_DIR" \
		"bindgen-cli@$BINDGEN_VERSION"
fi
log "host tools ready: $(/usr/bin/rustc -V), $("$BINDGEN" --version), $(clang --version | head -n1)"
