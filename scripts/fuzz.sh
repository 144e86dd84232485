#!/usr/bin/env bash
# Builds memmap's libFuzzer target (Fuzz/FuzzMain.swift compiled into the memmap module with
# all of its sources, DeviceTree and MemoryMap beside it) with -sanitize=fuzzer,address, seeds
# a corpus for each input parser, and fuzzes for SECONDS (default 60; 0 builds only, as CI does).
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
#
# Needs a `swift build` first: ArgumentParser, Yams and CBuildInfo are linked from its objects
# (uninstrumented; they are not what is fuzzed). Work goes to $FUZZ_DIR (default
# .build-libfuzzer, ignored by git): the binary, the corpus (corpus/), crash and timeout inputs
# (artifacts/) and the log (fuzz.log).
set -euo pipefail  # a crash makes the run (and make fuzz) fail, despite the tee
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
[ $# -gt 0 ] && shift
OUT=${FUZZ_DIR:-.build-libfuzzer}
SWIFTC=${SWIFTC:-swiftc}
BUILT=${SWIFT_BUILD_DIR:-.build/debug}
mkdir -p "$OUT/modules" "$OUT/corpus" "$OUT/artifacts"

FLAGS="-sanitize=fuzzer,address -parse-as-library -g -Onone -swift-version 6 -I Sources/CLibFDT -I $OUT/modules"

# One module at a time, as SwiftPM would, so that `import DeviceTree` and `import MemoryMap` resolve.
$SWIFTC $FLAGS -module-name DeviceTree -emit-module -emit-module-path "$OUT/modules/DeviceTree.swiftmodule" \
  -emit-library -static -o "$OUT/libDeviceTree.a" Sources/DeviceTree/*.swift
$SWIFTC $FLAGS -module-name MemoryMap -emit-module -emit-module-path "$OUT/modules/MemoryMap.swiftmodule" \
  -emit-library -static -o "$OUT/libMemoryMap.a" $(find Sources/MemoryMap -name '*.swift' | sort)
# The whole memmap module with the fuzz entry point; its @main becomes memmap_main (as SwiftPM
# does for testable executables), so that libFuzzer's main runs.
DEPENDENCIES=$(ls "$BUILT"/ArgumentParser.build/*.o "$BUILT"/ArgumentParserToolInfo.build/*.o \
  "$BUILT"/Yams.build/*.o "$BUILT"/CYaml.build/src/*.o "$BUILT"/CBuildInfo.build/*.o)
$SWIFTC $FLAGS -module-name memmap -o "$OUT/memmap-fuzz" \
  -I "$BUILT/Modules" -I "$BUILT/CBuildInfo.build" -I Sources/CBuildInfo/include \
  -Xcc -fmodule-map-file=.build/checkouts/Yams/Sources/CYaml/include/module.modulemap \
  -Xfrontend -entry-point-function-name -Xfrontend memmap_main \
  Fuzz/FuzzMain.swift $(find Sources/memmap -name '*.swift' | sort) \
  -L "$OUT" -lMemoryMap -lDeviceTree -lfdt $DEPENDENCIES
[ "$SECONDS_TO_RUN" = 0 ] && { echo "built $OUT/memmap-fuzz"; exit 0; }

# Seeds: the first byte chooses the parser (Fuzz/FuzzMain.swift), the file follows it.
seed() { { printf "\\x$1"; cat "$2"; } > "$OUT/corpus/$1-$(basename "$2")"; }
for f in $(find Fixtures/.dtb -type f -name '*.dtb') Fixtures/hostile/*.bin; do seed 00 "$f"; done
# ...and two generated trees with many regions, no-map splits and dynamic placement.
python3 scripts/gen-large.py "$OUT/generated-40.dtb" --regions 40 --dynamic 8 --memreserve 4 >/dev/null
python3 scripts/gen-large.py "$OUT/generated-200.dtb" --regions 200 --dynamic 70 --memreserve 20 >/dev/null
seed 00 "$OUT/generated-40.dtb"; seed 00 "$OUT/generated-200.dtb"
for f in Fixtures/.dtb/boards/*.dtb; do
  "$BUILT/memmap" inspect --format json "$f" > "$OUT/$(basename "$f").json" 2>/dev/null || true
  seed 01 "$OUT/$(basename "$f").json"
done
for f in Fixtures/lmb/*.lmb; do seed 02 "$f"; done
for f in Fixtures/kernel/*.txt Fixtures/checklog/*.txt; do [ -f "$f" ] && seed 03 "$f"; done
for f in Fixtures/efi/*.txt; do seed 04 "$f"; seed 05 "$f"; done

"$OUT/memmap-fuzz" -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=4096 \
  -max_len=65536 -print_final_stats=1 -dict=Fuzz/fdt.dict \
  -artifact_prefix="$OUT/artifacts/" "$@" "$OUT/corpus" 2>&1 | tee "$OUT/fuzz.log"
