#!/bin/bash
# The real-world smoke test: fetch Debian's arm64 kernel packages into a cache folder outside
# the repo and run `memmap inspect --format json` over every DTB in them.
# Usage: scripts/corpus.sh CACHE_DIR MEMMAP_BINARY
set -euo pipefail
cache=${1:?cache dir}; bin=$(realpath "${2:?memmap binary}")
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
mkdir -p "$cache" && cd "$cache"
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $sudo dpkg --add-architecture arm64
  $sudo apt-get update -qq
fi
# The metapackages name the real image packages; download those for arm64 and unpack them.
real_package() { apt-cache depends "$1:arm64" 2>/dev/null | sed -n 's/.*Depends: \(linux-image-[^ :]*\).*/\1/p' | head -1; }
for meta in linux-image-arm64 linux-image-6.12-arm64; do
  pkg=$(real_package "$meta")
  if [ -z "$pkg" ]; then echo "corpus: no package behind $meta" >&2; exit 1; fi
  if [ ! -d "unpacked/$pkg" ]; then
    ls "$pkg"_*_arm64.deb >/dev/null 2>&1 || apt-get download "$pkg:arm64" >/dev/null
    mkdir -p "unpacked/$pkg" && dpkg-deb -x "$pkg"_*_arm64.deb "unpacked/$pkg"
  fi
done
find unpacked -name '*.dtb' | sort > dtbs.txt
count=$(wc -l < dtbs.txt)
echo "corpus: $count DTBs in $cache/unpacked"
start=$(date +%s.%N)
set +e
xargs -a dtbs.txt "$bin" inspect --format json > inspect.json 2> inspect.err
status=$?
set -e
end=$(date +%s.%N)
errors=$(wc -l < inspect.err)
printf 'corpus: inspected %d DTBs in %.2f s, exit status %d, %d error lines (see %s)\n' \
  "$count" "$(awk "BEGIN{print $end - $start}")" "$status" "$errors" "$cache/inspect.err"
# xargs may split the list into several runs, each printing one JSON array: count them all.
python3 - inspect.json <<'PY'
import json, sys
text = open(sys.argv[1]).read(); decoder = json.JSONDecoder(); at = 0; reports = 0
while True:
    while at < len(text) and text[at].isspace(): at += 1
    if at >= len(text): break
    value, at = decoder.raw_decode(text, at)
    reports += len(value) if isinstance(value, list) else 1
print("corpus: JSON parses:", reports, "reports")
PY
# xargs exits 123 when a run exited 1-125; anything above 125 is a crash or a signal.
if [ "$status" -gt 125 ] || [ "$errors" -ne 0 ]; then exit 1; fi
