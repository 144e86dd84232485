#!/bin/bash
# Fetch Debian sid's arm64 16K-page kernel (linux-image-arm64-16k) for the page-size recordings,
# with the kernel oracle's private apt configuration (its lib.sh: own sources.list, lists and
# cache under WORKDIR/apt/; the system's apt is left alone). The kernel goes to WORKDIR/k16/7.2
# (vmlinuz and config links), outside the k-* folders that boot.sh boots by default.
# Usage: scripts/oracle-setup-16k.sh [WORKDIR]   (MEMMAP_ORACLE_SRC: the oracle's folder)
set -euo pipefail
oracle=${MEMMAP_ORACLE_SRC:?set MEMMAP_ORACLE_SRC to the folder of the oracle scripts}
. "$oracle/lib.sh"
workdir "${1:-${MEMMAP_ORACLE_DIR:-${TMPDIR:-/tmp}/memmap-oracle}}"; cd "$W"
privapt sid-arm64 arm64 "$MIRROR sid"
dest=k16/7.2
if [ ! -e "$dest/vmlinuz" ]; then
  pkg=$(apt-cache "${APT[@]}" pkgnames linux-image-7.2 2>/dev/null | grep -E -- '-arm64-16k$' | sort -V | tail -1 || true)
  [ -n "$pkg" ] || { echo "no linux-image-7.2*-arm64-16k in sid" >&2; exit 1; }
  abi=${pkg#linux-image-}; pkgs=$pkg
  deps=$(apt-cache "${APT[@]}" depends "$pkg" 2>/dev/null || true)
  # From 7.x on linux-image-ABI is empty: the image is in linux-binary-ABI, the config in linux-base-ABI.
  grep -q "Depends: linux-binary-$abi\$" <<<"$deps" && pkgs="linux-binary-$abi linux-base-$abi"
  files=(); for p in $pkgs; do files+=("$(deb_get "$p")"); done
  rm -rf "$dest.tmp"; mkdir -p "$dest.tmp"
  for f in "${files[@]}"; do dpkg-deb -x "$W/deb/$f" "$dest.tmp"; done
  img=$(cd "$dest.tmp" && ls boot/vmlinu[xz]-* usr/lib/modules/*/vmlinuz 2>/dev/null | head -1 || true)
  cfg=$(cd "$dest.tmp" && ls boot/config-* usr/lib/modules/*/config 2>/dev/null | head -1 || true)
  ln -s "$img" "$dest.tmp/vmlinuz"; [ -n "$cfg" ] && ln -s "$cfg" "$dest.tmp/config"
  rm -rf "$dest"; mkdir -p "$(dirname "$dest")"; mv "$dest.tmp" "$dest"
  record "arm64 7.2 16k" "${files[@]}"
fi
echo "$dest -> $(readlink "$dest/vmlinuz")"
grep -E 'CONFIG_ARM64_16K_PAGES|CONFIG_CMA_SIZE_MBYTES|CONFIG_ARM64_VA_BITS=' "$dest/config" || true
