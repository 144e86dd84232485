#!/bin/bash
# Build the Debian package from a tree staged by `make install DESTDIR=ROOT PREFIX=/usr`:
# man pages gzipped, a control file whose Depends is what dpkg-shlibdeps finds the binary links
# (libc, libstdc++, libgcc; not libfdt, which is linked in), every date SOURCE_DATE_EPOCH, so
# that the same commit gives the same package.
# Usage: scripts/deb.sh ROOT OUT_DIR   (prints the path of the .deb)
set -euo pipefail
root=$(realpath "${1:?staged root}"); out=${2:?output dir}
bin=$root/usr/bin/memmap
epoch=${SOURCE_DATE_EPOCH:-0}

# "0.1.0 (commit 0123456789ab)" -> 0.1.0+git0123456789ab; a dirty tree gets ".dirty".
line=$("$bin" --version)
upstream=${line%% *}
commit=$(sed -n 's/.*(commit \([^)]*\)).*/\1/p' <<<"$line")
version=$upstream
if [ "$commit" != unknown ]; then version=$upstream+git${commit//-/.}; fi
arch=$(dpkg --print-architecture)

gzip -9nf "$root"/usr/share/man/man1/*.1

shlibs=$(mktemp -d); trap 'rm -rf "$shlibs"' EXIT
mkdir "$shlibs/debian"
printf 'Source: memmap\n\nPackage: memmap\nArchitecture: any\n' > "$shlibs/debian/control"
depends=$(cd "$shlibs" && dpkg-shlibdeps -O "$bin" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
if [ -z "$depends" ]; then echo "deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; fi

size=$(find "$root/usr" -type f -printf '%s\n' | awk '{ kib += int(($1 + 1023) / 1024) } END { print kib }')
maintainer=$(git log -1 --format='%an <%ae>' 2>/dev/null || echo 'memmap developers <memmap@invalid>')
mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: memmap
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $size
Depends: $depends
Section: devel
Priority: optional
Description: memory-map inspector for device trees
 memmap reads a device tree blob and shows, before boot, the memory map Linux,
 U-Boot's LMB allocator and the EFI memory map build from it: RAM, /memreserve/,
 /reserved-memory (where dynamic regions are placed), and where they disagree.
 memmap lint checks many trees for CI (SARIF, GitHub annotations, JUnit);
 memmap diff compares maps across boards or revisions.
CONTROL
find "$root" -exec touch -h -d "@$epoch" {} +
mkdir -p "$out"
deb=$out/memmap_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
