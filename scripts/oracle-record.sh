#!/bin/bash
# Re-record the kernel conformance suite in Fixtures/kernel/.
#
# For every Fixtures/kernel/NN-name.dts: compile it with dtc, boot the DTB under Debian's arm64
# 6.1, 6.12 and 7.2 kernels (QEMU virt, 1 GiB) with the kernel oracle, and write what the oracle's
# extract.py prints for each boot to NN-name.VERSION.txt beside the source.
# Full boot logs (with /proc/iomem and the memblock debugfs dumps) stay in WORKDIR/logs/.
#
# Usage: scripts/oracle-record.sh [WORKDIR] [CASE...]
#   WORKDIR  oracle work dir (kernels, initramfs, logs); default $MEMMAP_ORACLE_DIR,
#            else ${TMPDIR:-/tmp}/memmap-oracle. Must be outside the repository.
#   CASE     optional case names (e.g. 01-static-basic) to record only those.
# Environment: MEMMAP_ORACLE_SRC  directory holding setup.sh, boot.sh and extract.py
#              (required).
#              KERNELS  space-separated versions to boot (default: every WORKDIR/k-*), e.g. "7.2".
#              MEMMAP_ORACLE_LOGS  where DTBs and full logs go (default WORKDIR/logs).
#              EARLYCON=1  boot each kernel once, with earlycon (for cases that may panic early:
#              a panic before the console is up prints nothing otherwise, and boot.sh then waits
#              for its timeout).
#              PAGE_SIZE=16K  boot Debian's 16K-page kernel instead (scripts/oracle-setup-16k.sh puts it
#              in WORKDIR/k16/VERSION; QEMU -cpu max, since a Cortex-A57 has no 16K granule), once
#              per kernel with earlycon, into NAME.VERSION.16K.txt.
#              QEMU_LOCK  a file to flock around each boot (default /tmp/qemu.lock), so that
#              only one QEMU runs at a time on a shared machine.
# A boot that does not reach /init (a kernel panic) is booted again with earlycon, so that what
# the kernel printed before dying is kept: NAME.VERSION.txt then holds the reserved-memory lines
# of that console log, and NAME.VERSION.panic.txt the first lines of the panic (it exists only
# for boots that panicked).
# Cases are booted one at a time (each boot takes a few seconds per kernel).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
fixtures="$repo/Fixtures/kernel"
oracle=${MEMMAP_ORACLE_SRC:?set MEMMAP_ORACLE_SRC to the folder of the oracle scripts}
work=${1:-${MEMMAP_ORACLE_DIR:-${TMPDIR:-/tmp}/memmap-oracle}}
[ $# -gt 0 ] && shift

for f in setup.sh boot.sh extract.py; do
  [ -f "$oracle/$f" ] || { echo "oracle-record: $oracle/$f not found (set MEMMAP_ORACLE_SRC)" >&2; exit 2; }
done
[ -d "$fixtures" ] || { echo "oracle-record: no $fixtures" >&2; exit 2; }

mkdir -p "$work"
work=$(cd "$work" && pwd)
case "$work/" in "$repo"/*) echo "oracle-record: work dir must be outside the repository" >&2; exit 2;; esac

# setup.sh keeps what is there; skip it when the kernels are already prepared
ls -d "$work"/k-* >/dev/null 2>&1 || bash "$oracle/setup.sh" "$work" >/dev/null
logs=${MEMMAP_ORACLE_LOGS:-$work/logs}
mkdir -p "$work/dtb" "$logs"

kernels=()
if [ -n "${KERNELS:-}" ]; then read -r -a kernels <<< "$KERNELS"
else for d in "$work"/k-*; do [ -d "$d" ] && [[ $d != *.tmp ]] && kernels+=("${d##*/k-}"); done; fi
[ ${#kernels[@]} -gt 0 ] || { echo "oracle-record: setup.sh prepared no kernels" >&2; exit 1; }

if [ $# -gt 0 ]; then
  cases=()
  for c in "$@"; do c=${c%.dts}; cases+=("$fixtures/${c##*/}.dts"); done
else
  shopt -s nullglob
  cases=("$fixtures"/[0-9]*.dts)
fi
[ ${#cases[@]} -gt 0 ] || { echo "oracle-record: no cases" >&2; exit 1; }

# Boots DTB under kernel VERSION with earlycon on QEMU's PL011 (the oracle's boot.sh command line
# plus earlycon and panic=-1) into LOG; QEMU is stopped 2 s after a panic.
boot_earlycon() {
  local dtb=$1 version=$2 log=$3 tmp pid kernel=$work/k-$2/vmlinuz cpu=cortex-a57
  [ "${PAGE_SIZE:-}" = 16K ] && { kernel=$work/k16/$version/vmlinuz; cpu=max; }
  tmp=$(mktemp)
  timeout "${TIMEOUT:-120}" qemu-system-aarch64 -M virt -cpu $cpu -m 1G -nographic -no-reboot \
    -kernel "$kernel" -initrd "$work/initrd.gz" -dtb "$dtb" \
    -append "console=ttyAMA0 earlycon=pl011,0x9000000 rdinit=/init panic=-1" </dev/null >"$tmp" 2>&1 &
  pid=$!
  while kill -0 $pid 2>/dev/null; do
    grep -q 'Kernel panic - not syncing' "$tmp" && { sleep 2; kill $pid 2>/dev/null; break; }
    sleep 0.3
  done
  wait $pid || true
  tr -d '\r' < "$tmp" > "$log"; rm -f "$tmp"
}

# The reserved-memory lines of a console log, as extract.py selects them from dmesg.
console_lines() {
  sed -E 's/^\[ *[0-9.]+\] *//' "$1" | grep -E '^(OF: reserved mem:|Reserved memory:|OF: fdt: Reserved memory:)' || true
}

suffix=""
if [ "${PAGE_SIZE:-}" = 16K ]; then EARLYCON=1; suffix=.16K
elif [ -n "${PAGE_SIZE:-}" ]; then echo "oracle-record: PAGE_SIZE is 16K or unset" >&2; exit 2; fi

failed=0
for src in "${cases[@]}"; do
  [ -f "$src" ] || { echo "oracle-record: $src not found" >&2; failed=1; continue; }
  name=$(basename "$src" .dts)
  dtb="$logs/$name.dtb"
  # compile from the fixture dir so /include/ "virt.dtsi" resolves
  if ! (cd "$fixtures" && dtc -q -I dts -O dtb -i "$fixtures" -o "$dtb" "$src"); then
    echo "oracle-record: dtc failed for $name" >&2; failed=1; continue
  fi
  if [ -z "${EARLYCON:-}" ]; then
    flock "${QEMU_LOCK:-/tmp/qemu.lock}" bash "$oracle/boot.sh" "$work" "$dtb" "$logs/$name" "${kernels[@]}" || true
  fi
  for v in "${kernels[@]}"; do
    log="$logs/$name.$v$suffix.log"
    console="$logs/$name.$v$suffix.earlycon.log"
    if [ -n "${EARLYCON:-}" ]; then
      flock "${QEMU_LOCK:-/tmp/qemu.lock}" bash -c "$(declare -f boot_earlycon); work='$work'; PAGE_SIZE='${PAGE_SIZE:-}'; boot_earlycon '$dtb' '$v' '$console'"
      cp "$console" "$log"
    fi
    [ -f "$log" ] || { echo "oracle-record: no log for $name under $v" >&2; failed=1; continue; }
    rm -f "$fixtures/$name.$v$suffix.panic.txt"
    if grep -q '===END' "$log"; then
      python3 "$oracle/extract.py" "$log" > "$fixtures/$name.$v$suffix.txt"
    else
      [ -n "${EARLYCON:-}" ] || flock "${QEMU_LOCK:-/tmp/qemu.lock}" bash -c "$(declare -f boot_earlycon); work='$work'; boot_earlycon '$dtb' '$v' '$console'"
      console_lines "$console" > "$fixtures/$name.$v$suffix.txt"
      if grep -q 'Kernel panic - not syncing' "$console"; then
        sed -E 's/^\[ *[0-9.]+\] *//' "$console" \
          | grep -E -m 3 '^(Unable to handle kernel|Kernel panic - not syncing|Internal error)' \
          > "$fixtures/$name.$v$suffix.panic.txt"
        echo "oracle-record: $name panics under $v (see $console)" >&2
      else
        echo "oracle-record: $name did not finish booting under $v (see $console)" >&2; failed=1
      fi
    fi
  done
  echo "recorded $name"
done
exit $failed
