#!/bin/bash
# Re-record the U-Boot conformance suite in Fixtures/uboot/.
#
# For every Fixtures/uboot/NN-name.dts: compile it with dtc and boot it with the U-Boot oracle
# (uboot.sh: Debian's qemu_arm64 U-Boot under QEMU virt, 1 GiB) under both U-Boot versions:
#   NN-name.2026.10.log   experimental's u-boot-qemu (2026.10-rc5)
#   NN-name.2025.01.log   trixie's u-boot-qemu (2025.01)
# each the raw serial log (carriage returns removed by the oracle, terminal escapes kept), ending
# in the oracle's "===UBOOT-ORACLE result=ok|hang|crash|..." line; a hang or crash is a recorded
# outcome, not a failure of this script. A case whose source has a line "// oracle: --linux" also
# boots Debian's 6.12 kernel through bootefi: NN-name.VER.linux.log (the EFI map Linux received).
#   NN-name.seen.dts      the tree U-Boot received (QEMU's dumpdtb: /memory rewritten, /config
#                         added, padded), as source; its first line "// totalsize: N" keeps the
#                         blob size U-Boot saw, which moves U-Boot's relocation. make compiles
#                         it back to a blob of that size.
#
# Usage: scripts/uboot-record.sh [WORKDIR] [CASE...]
#   WORKDIR  oracle work dir; default $MEMMAP_ORACLE_DIR, else ${TMPDIR:-/tmp}/memmap-oracle.
#            setup-uboot.sh --trixie (and setup.sh, for --linux cases) must have run in it.
#   CASE     optional case names (e.g. 04-region-at-top) to record only those.
# Environment: MEMMAP_ORACLE_SRC (required: the folder of the oracle scripts),
#              QEMU_LOCK (default /tmp/qemu.lock): every QEMU run holds this lock.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
fixtures="$repo/Fixtures/uboot"
oracle=${MEMMAP_ORACLE_SRC:?set MEMMAP_ORACLE_SRC to the folder of the oracle scripts}
work=${1:-${MEMMAP_ORACLE_DIR:-${TMPDIR:-/tmp}/memmap-oracle}}
[ $# -gt 0 ] && shift
lock=${QEMU_LOCK:-/tmp/qemu.lock}

[ -f "$oracle/uboot.sh" ] || { echo "uboot-record: $oracle/uboot.sh not found (set MEMMAP_ORACLE_SRC)" >&2; exit 2; }
for v in experimental trixie; do
  [ -f "$work/uboot/$v/u-boot.bin" ] || { echo "uboot-record: no $work/uboot/$v (run setup-uboot.sh $work --trixie)" >&2; exit 2; }
done
mkdir -p "$work/uboot-record"
out="$work/uboot-record"

if [ $# -gt 0 ]; then
  cases=()
  for c in "$@"; do c=${c%.dts}; cases+=("$fixtures/${c##*/}.dts"); done
else
  shopt -s nullglob
  cases=()
  for f in "$fixtures"/[0-9]*.dts; do case $f in *.seen.dts) ;; *) cases+=("$f");; esac; done
fi

failed=0
for src in "${cases[@]}"; do
  name=$(basename "$src" .dts)
  dtb="$out/$name.dtb"
  if ! dtc -q -I dts -O dtb -i "$fixtures" -o "$dtb" "$src"; then
    echo "uboot-record: dtc failed for $name" >&2; failed=1; continue
  fi
  linux=(); grep -q '^// oracle: --linux' "$src" && linux=(--linux)
  for pair in experimental:2026.10 trixie:2025.01; do
    pkg=${pair%%:*}; ver=${pair#*:}
    rm -f "$out/$name.$ver".*
    flock "$lock" bash "$oracle/uboot.sh" "$work" "$dtb" "$out/$name.$ver" ${linux[@]+"${linux[@]}"} --uboot "$pkg" >/dev/null || true
    [ -f "$out/$name.$ver.uboot.log" ] || { echo "uboot-record: no log for $name under $ver" >&2; failed=1; continue; }
    cp "$out/$name.$ver.uboot.log" "$fixtures/$name.$ver.log"
    [ ${#linux[@]} -eq 0 ] || cp "$out/$name.$ver.linux.log" "$fixtures/$name.$ver.linux.log"
    echo "$name $ver: $(tail -n1 "$fixtures/$name.$ver.log" | sed 's/^===UBOOT-ORACLE //')"
  done
  seen="$out/$name.2026.10.seen.dtb"
  if [ -f "$seen" ]; then
    { echo "// totalsize: $(stat -c %s "$seen")"
      echo "// The tree U-Boot received for $name.dts (QEMU dumpdtb), recorded by scripts/uboot-record.sh."
      dtc -q -I dtb -O dts "$seen"; } > "$fixtures/$name.seen.dts"
  else
    echo "uboot-record: QEMU dumped no tree for $name" >&2; failed=1
  fi
done
exit $failed
