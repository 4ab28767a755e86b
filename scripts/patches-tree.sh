#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Work on the patch series in git: `patches-tree.sh DIR` extracts Debian's
# linux-source-6.12 into DIR, commits it as the base, and applies the series
# with `git am`; `patches-tree.sh --export DIR` writes the commits on top of
# the base back to patches/ (stable file contents: zero commit ids, no
# signature) and regenerates patches/series.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

if [ "${1:-}" = --export ]; then
	dir=$2
	base=$(git -C "$dir" rev-list --max-parents=0 HEAD)
	rm -f "$RSMACSEC_TOP"/patches/*.patch
	git -C "$dir" -c core.abbrev=9 format-patch -q --zero-commit --no-signature -o "$RSMACSEC_TOP/patches" "$base.."
	(cd "$RSMACSEC_TOP/patches" && ls ./*.patch | sed 's|^\./||' >series)
	log "exported $(wc -l <"$RSMACSEC_TOP/patches/series") patches"
	exit 0
fi

dir=${1:?usage: patches-tree.sh DIR | --export DIR}
[ ! -e "$dir" ] || die "$dir exists"
mkdir -p "$dir"
tar -C "$dir" --strip-components=1 -xJf "$KSRC_TARBALL"
cd "$dir"
# Debian's .gitignore ignores every top-level file of the tree: drop that rule.
sed -i '/^# Debian packaging/,$d' .gitignore
git init -q
git add -A
git -c user.name=base -c user.email=base@invalid commit -q -m "Linux $(dpkg-query -W -f='${Version}' "$KSRC_PACKAGE") (Debian $KSRC_PACKAGE)"
while read -r p; do
	git -c user.name="rsmacsec developer" -c user.email=dev@rsmacsec.invalid am -q "$RSMACSEC_TOP/patches/$p"
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$RSMACSEC_TOP/patches/series")
log "$dir: $(git log --oneline | wc -l) commits; edit, then: $0 --export $dir"
