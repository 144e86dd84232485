#!/bin/sh
# Splits an oracle boot log (the oracle's boot.sh: ===IOMEM, ===MEMBLOCK-MEMORY,
# ===MEMBLOCK-RESERVED, ===DMESG, ===END) into the files `memmap check-live --from DIR` reads.
# Usage: scripts/live-split.sh LOG DIR
set -eu
log=$1; dir=$2
mkdir -p "$dir"
section() { awk -v s="===$1" '$0 == s { on = 1; next } /^===/ { on = 0 } on' "$log"; }
section IOMEM > "$dir/iomem"
section MEMBLOCK-MEMORY > "$dir/memblock-memory"
section MEMBLOCK-RESERVED > "$dir/memblock-reserved"
section DMESG > "$dir/dmesg"
