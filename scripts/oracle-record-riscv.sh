#!/bin/bash
# Re-record the riscv64 kernel conformance suite in Fixtures/kernel-riscv64/.
#
# For every Fixtures/kernel-riscv64/NN-name.dts: compile it with dtc, boot the DTB under Debian's
# riscv64 6.12 and 7.2 kernels (QEMU virt, 1 GiB, QEMU's OpenSBI) with the oracle's
# boot-riscv.sh, and write beside the source, per kernel version V:
#   NN-name.V.txt            what extract.py prints (the reserved-memory lines of dmesg; empty
#                            when the kernel died before /init)
#   NN-name.V.outcome        "boot" when the boot reached /init, else "panic: " and the first
#                            panic or fault line; then the kernel's default CMA line
#                            ("cma: Reserved 128 MiB at ..."), when it printed one (timestamps
#                            stripped)
#   NN-name.V.received.dts   the tree the kernel received (/sys/firmware/fdt: OpenSBI's
#                            mmode_resv node and QEMU's /chosen), decompiled with dtc; none when
#                            the kernel died before /init
#   NN-name.V.layout         the kernel's own boot reservations (the oracle's rv-layout.py)
# Full logs and DTBs stay in WORKDIR/riscv-logs/.
#
# Usage: scripts/oracle-record-riscv.sh [WORKDIR] [CASE...]
#   WORKDIR  oracle work dir, default $MEMMAP_ORACLE_DIR, else ${TMPDIR:-/tmp}/memmap-oracle;
#            outside the repository; setup-riscv.sh is run in it (kept when already there).
#   CASE     case names (e.g. 01-static-basic) to record only those.
# Environment: MEMMAP_ORACLE_SRC  the oracle scripts' folder (required);
#              QEMU_LOCK           a lock file taken around every boot (default /tmp/qemu.lock),
#                                  so that one QEMU runs at a time on a shared machine;
#              REUSE=1             derive the files from the logs already in WORKDIR/riscv-logs
#                                  instead of booting again (cases without logs still boot).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
fixtures="$repo/Fixtures/kernel-riscv64"
oracle=${MEMMAP_ORACLE_SRC:?set MEMMAP_ORACLE_SRC to the folder of the oracle scripts}
work=${1:-${MEMMAP_ORACLE_DIR:-${TMPDIR:-/tmp}/memmap-oracle}}
[ $# -gt 0 ] && shift
lock=${QEMU_LOCK:-/tmp/qemu.lock}

for f in setup-riscv.sh boot-riscv.sh extract.py rv-layout.py; do
  [ -f "$oracle/$f" ] || { echo "oracle-record-riscv: $oracle/$f not found (set MEMMAP_ORACLE_SRC)" >&2; exit 2; }
done
mkdir -p "$work"
work=$(cd "$work" && pwd)
case "$work/" in "$repo"/*) echo "oracle-record-riscv: work dir must be outside the repository" >&2; exit 2;; esac

bash "$oracle/setup-riscv.sh" "$work" >/dev/null
logs="$work/riscv-logs"
mkdir -p "$logs"
versions=()
for d in "$work"/riscv64/k-*; do [[ $d == *.tmp ]] || versions+=("${d##*/k-}"); done
[ ${#versions[@]} -gt 0 ] || { echo "oracle-record-riscv: no riscv64 kernels in $work" >&2; exit 1; }

if [ $# -gt 0 ]; then
  cases=(); for c in "$@"; do c=${c%.dts}; cases+=("$fixtures/${c##*/}.dts"); done
else
  shopt -s nullglob; cases=("$fixtures"/[0-9][0-9]-*.dts)
fi

# The first kernel panic or fault line of a log that did not reach ===END.
panic_line() {
  grep -m1 -E 'Kernel panic|Oops|Unable to handle|store access fault|load access fault|cannot resize' "$1" \
    | sed -e 's/^\[[^]]*\] *//' || true
}

failed=0
for src in "${cases[@]}"; do
  name=$(basename "$src" .dts)
  case $name in *.*) continue;; esac            # NAME.V.received.dts are outputs, not cases
  dtb="$logs/$name.dtb"
  if ! (cd "$fixtures" && dtc -q -I dts -O dtb -i "$fixtures" -o "$dtb" "$src"); then
    echo "oracle-record-riscv: dtc failed for $name" >&2; failed=1; continue
  fi
  have=1
  for v in "${versions[@]}"; do [ -f "$logs/$name.$v.log" ] || have=0; done
  if [ "${REUSE:-0}" != 1 ] || [ $have = 0 ]; then
    flock "$lock" bash "$oracle/boot-riscv.sh" "$work" "$dtb" "$logs/$name" "${versions[@]}" >/dev/null || true
  fi
  for v in "${versions[@]}"; do
    log="$logs/$name.$v.log"
    [ -f "$log" ] || { echo "oracle-record-riscv: no log for $name under $v" >&2; failed=1; continue; }
    python3 "$oracle/extract.py" "$log" > "$fixtures/$name.$v.txt"
    cp "$logs/$name.$v.layout" "$fixtures/$name.$v.layout"
    rm -f "$fixtures/$name.$v.received.dts"
    if [ -f "$logs/$name.$v.fdt.dtb" ]; then
      dtc -q -I dtb -O dts -o "$fixtures/$name.$v.received.dts" "$logs/$name.$v.fdt.dtb"
    fi
    {
      if grep -q '^===END' "$log"; then echo boot; else echo "panic: $(panic_line "$log")"; fi
      grep -m1 'cma: Reserved' "$log" | sed -e 's/^\[[^]]*\] *//' || true
    } > "$fixtures/$name.$v.outcome"
  done
  echo "recorded $name: $(for v in "${versions[@]}"; do printf '%s=%s ' "$v" "$(cut -c1-60 "$fixtures/$name.$v.outcome")"; done)"
done
exit $failed
