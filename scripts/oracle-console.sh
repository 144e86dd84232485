#!/bin/bash
# Capture what a user pastes into `memmap check-log`: the raw serial console of a QEMU boot of a
# Fixtures/kernel case (CRLF line ends as the console sends them, the kernel's messages, then the
# oracle initramfs' /proc/iomem, memblock and dmesg copy), for each kernel, into
# Fixtures/checklog/NAME.VERSION.console.txt. Nothing is stripped or converted.
#
# Usage: scripts/oracle-console.sh [WORKDIR] CASE [VERSION...]   (default versions: 6.1 6.12 7.2)
# Environment: QEMU_LOCK (default /tmp/qemu.lock), TIMEOUT (seconds, default 120).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
work=${1:-${MEMMAP_ORACLE_DIR:-${TMPDIR:-/tmp}/memmap-oracle}}; shift
name=${1:?case name}; shift
versions=("$@"); [ ${#versions[@]} -gt 0 ] || versions=(6.1 6.12 7.2)
out="$repo/Fixtures/checklog"; mkdir -p "$out"
dtb=$(mktemp --suffix=.dtb); trap 'rm -f "$dtb"' EXIT
(cd "$repo/Fixtures/kernel" && dtc -q -I dts -O dtb -i . -o "$dtb" "$name.dts")
for v in "${versions[@]}"; do
  flock "${QEMU_LOCK:-/tmp/qemu.lock}" timeout "${TIMEOUT:-120}" qemu-system-aarch64 -M virt \
    -cpu cortex-a57 -m 1G -nographic -no-reboot -kernel "$work/k-$v/vmlinuz" -initrd "$work/initrd.gz" \
    -dtb "$dtb" -append "console=ttyAMA0 rdinit=/init" </dev/null > "$out/$name.$v.console.txt" 2>&1 || true
  echo "$out/$name.$v.console.txt: $(grep -c $'\r' "$out/$name.$v.console.txt") CRLF lines"
done
