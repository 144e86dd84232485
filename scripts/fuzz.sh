#!/usr/bin/env bash
# Builds memmap's libFuzzer target (Fuzz/FuzzMain.swift over the DeviceTree and MemoryMap
# sources and the renderers) with -sanitize=fuzzer,address, seeds a corpus from the compiled
# fixtures, and fuzzes for SECONDS (default 60). Nothing here is part of the normal build.
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
#
# Work goes to $FUZZ_DIR (default .build-libfuzzer, ignored by git): the binary, the corpus
# (corpus/), crash and timeout inputs (artifacts/) and the log (fuzz.log).
set -euo pipefail  # a crash makes the run (and make fuzz) fail, despite the tee
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
[ $# -gt 0 ] && shift
OUT=${FUZZ_DIR:-.build-libfuzzer}
SWIFTC=${SWIFTC:-swiftc}
mkdir -p "$OUT/modules" "$OUT/corpus" "$OUT/artifacts"

FLAGS="-sanitize=fuzzer,address -parse-as-library -g -Onone -swift-version 6 -I Sources/CLibFDT -I $OUT/modules"

# One module at a time, as SwiftPM would, so that `import DeviceTree` and `import MemoryMap` resolve.
$SWIFTC $FLAGS -module-name DeviceTree -emit-module -emit-module-path "$OUT/modules/DeviceTree.swiftmodule" \
  -emit-library -static -o "$OUT/libDeviceTree.a" Sources/DeviceTree/*.swift
$SWIFTC $FLAGS -module-name MemoryMap -emit-module -emit-module-path "$OUT/modules/MemoryMap.swiftmodule" \
  -emit-library -static -o "$OUT/libMemoryMap.a" $(find Sources/MemoryMap -name '*.swift' | sort)
# Every renderer but InspectRenderer and DiffRenderer, whose format enums live with the
# argument parser.
RENDERERS=$(find Sources/memmap/Renderers -name '*.swift' ! -name InspectRenderer.swift ! -name DiffRenderer.swift | sort)
$SWIFTC $FLAGS -module-name MemmapFuzz -o "$OUT/memmap-fuzz" \
  Fuzz/FuzzMain.swift Sources/memmap/Diagnostics/ErrorText.swift $RENDERERS \
  -L "$OUT" -lMemoryMap -lDeviceTree -lfdt

# Seeds: every compiled fixture (make fixtures), and any kept crash inputs in Fixtures/hostile.
find Fixtures/.dtb Fixtures/hostile -name '*.dtb' -exec cp {} "$OUT/corpus/" \; 2>/dev/null || true
# ...and two generated trees with many regions, no-map splits and dynamic placement.
python3 scripts/gen-large.py "$OUT/corpus/generated-40.dtb" --regions 40 --dynamic 8 --memreserve 4 >/dev/null
python3 scripts/gen-large.py "$OUT/corpus/generated-200.dtb" --regions 200 --dynamic 70 --memreserve 20 >/dev/null

"$OUT/memmap-fuzz" -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=4096 \
  -max_len=65536 -print_final_stats=1 -dict=Fuzz/fdt.dict \
  -artifact_prefix="$OUT/artifacts/" "$@" "$OUT/corpus" 2>&1 | tee "$OUT/fuzz.log"
