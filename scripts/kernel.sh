#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Prepare and build the patched test kernel, cached outside the clone.
#
# The cache key covers everything the kernel build depends on: the Debian
# source package version, the patch series, the config fragments, the
# grafted Kconfig and the toolchain. When the key matches the last
# successful build, nothing is rebuilt. When it does not, the tree is
# brought to the new inputs in place (only the patches that changed are
# reverted and re-applied) and make rebuilds what depends on them, which
# is far cheaper than a build from scratch.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PATCH_DIR=$RSMACSEC_TOP/patches
FRAGMENTS=("$RSMACSEC_TOP"/tests/config/*.config)
STAMP_SRC=$KDIR/.rsmacsec-source
STAMP_KEY=$KDIR/.rsmacsec-key
APPLIED=$KDIR/.rsmacsec-applied

src_version=$(dpkg-query -W -f='${Version}' "$KSRC_PACKAGE")

series() {
	[ -f "$PATCH_DIR/series" ] || return 0
	sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$PATCH_DIR/series"
}

cache_key() {
	{
		echo "source $src_version"
		/usr/bin/rustc -V
		"$BINDGEN" --version
		clang --version | head -n1
		series | while read -r p; do
			echo "patch $p"
			cat "$PATCH_DIR/$p"
		done
		cat "${FRAGMENTS[@]}" "$RSMACSEC_TOP/Kconfig" "$0" "$RSMACSEC_TOP/scripts/lib.sh"
	} | sha256sum | cut -d' ' -f1
}

key=$(cache_key)
if [ -f "$STAMP_KEY" ] && [ "$(cat "$STAMP_KEY")" = "$key" ] &&
	[ -f "$KDIR/arch/x86/boot/bzImage" ] && [ -f "$KDIR/Module.symvers" ]; then
	log "kernel cache hit ($KDIR, key ${key:0:12}): not rebuilding"
	exit 0
fi
log "kernel cache miss (key ${key:0:12}): preparing $KDIR"

extract() {
	log "extracting $KSRC_TARBALL"
	rm -rf "$KDIR"
	mkdir -p "$CACHE_DIR"
	tar -C "$CACHE_DIR" -xJf "$KSRC_TARBALL"
	mkdir -p "$APPLIED"
	: >"$APPLIED/series"
	echo "$src_version" >"$STAMP_SRC"
}

if [ ! -f "$STAMP_SRC" ] || [ "$(cat "$STAMP_SRC")" != "$src_version" ]; then
	extract
fi
rm -f "$STAMP_KEY"

# Keep the longest prefix of the applied series that is unchanged, revert the
# rest (newest first), then apply the new tail. Untouched files keep their
# timestamps, so make rebuilds only what the changed patches touch.
mapfile -t old < <(sed '/^$/d' "$APPLIED/series")
mapfile -t new < <(series)
keep=0
while [ $keep -lt ${#old[@]} ] && [ $keep -lt ${#new[@]} ] &&
	[ "${old[$keep]}" = "${new[$keep]}" ] &&
	cmp -s "$APPLIED/${old[$keep]}" "$PATCH_DIR/${new[$keep]}"; do
	keep=$((keep + 1))
done
for ((i = ${#old[@]} - 1; i >= keep; i--)); do
	log "reverting ${old[$i]}"
	if ! patch -d "$KDIR" -p1 -R -s --no-backup-if-mismatch <"$APPLIED/${old[$i]}"; then
		log "revert failed: starting again from a fresh tree"
		extract
		keep=0
		break
	fi
	rm -f "$APPLIED/${old[$i]}"
	printf '%s\n' "${old[@]:0:$i}" >"$APPLIED/series"
done
for ((i = keep; i < ${#new[@]}; i++)); do
	log "applying ${new[$i]}"
	patch -d "$KDIR" -p1 -s --no-backup-if-mismatch <"$PATCH_DIR/${new[$i]}" ||
		die "patches/${new[$i]} does not apply to $KSRC_PACKAGE $src_version"
	cp "$PATCH_DIR/${new[$i]}" "$APPLIED/"
	printf '%s\n' "${new[@]:0:$((i + 1))}" >"$APPLIED/series"
done

# Graft our Kconfig into the tree (see the comment in Kconfig).
mkdir -p "$KDIR/rsmacsec"
cmp -s "$RSMACSEC_TOP/Kconfig" "$KDIR/rsmacsec/Kconfig" ||
	cp "$RSMACSEC_TOP/Kconfig" "$KDIR/rsmacsec/Kconfig"
grep -qx 'source "rsmacsec/Kconfig"' "$KDIR/Kconfig" ||
	echo 'source "rsmacsec/Kconfig"' >>"$KDIR/Kconfig"

log "configuring: tinyconfig + ${FRAGMENTS[*]##*/}"
"${KMAKE[@]}" -s tinyconfig >/dev/null
env -u KCONFIG_CONFIG "$KDIR/scripts/kconfig/merge_config.sh" -m -O "$KDIR" \
	"$KDIR/.config" "${FRAGMENTS[@]}" >/dev/null
"${KMAKE[@]}" -s olddefconfig

# Every requested option must have survived olddefconfig.
dropped=0
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=*)
		grep -qxF "$line" "$KDIR/.config" || {
			log "config: requested '$line', got '$(grep -E "^(# )?${line%%=*}[= ]" "$KDIR/.config" || echo unset)'"
			dropped=1
		}
		;;
	"# CONFIG_"*" is not set")
		sym=${line#\# }
		sym=${sym%% *}
		! grep -q "^$sym=" "$KDIR/.config" || {
			log "config: requested $sym off, got '$(grep "^$sym=" "$KDIR/.config")'"
			dropped=1
		}
		;;
	esac
done < <(cat "${FRAGMENTS[@]}")
[ $dropped = 0 ] || die "kernel config dropped requested options (see above)"

log "building bzImage and modules (full log: $CACHE_DIR/kernel-build.log)"
start=$(date +%s)
set +e
"${KMAKE[@]}" bzImage modules 2>&1 | tee "$CACHE_DIR/kernel-build.log" |
	awk -v start="$start" '
		/error|Error/ { print; fflush(); next }
		{ n++ }
		n % 250 == 0 {
			printf "[rsmacsec kernel] %4ds  %6d steps  %s\n", systime() - start, n, $0
			fflush()
		}'
rc=${PIPESTATUS[0]}
set -e
[ "$rc" = 0 ] || die "kernel build failed (rc $rc); see $CACHE_DIR/kernel-build.log"
echo "$key" >"$STAMP_KEY"
log "kernel built in $(($(date +%s) - start)) s"
