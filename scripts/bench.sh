#!/bin/bash
# make bench: release build timed side by side with hyperfine (see README, "Speed").
# Usage: scripts/bench.sh CORPUS_DIR MEMMAP_BINARY
set -euo pipefail
corpus=${1:?corpus dir}; bin=$(realpath "${2:?memmap binary}")
work=${BENCH_DIR:-${TMPDIR:-/tmp}/memmap-bench}; mkdir -p "$work"
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
need=""; command -v hyperfine >/dev/null || need="$need hyperfine"
[ -x /usr/bin/time ] || need="$need time"
[ -z "$need" ] || { $sudo apt-get update -qq; DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need >/dev/null; }
[ -f "$corpus/dtbs.txt" ] || scripts/corpus.sh "$corpus" "$bin" >/dev/null
grep '/linux-image-6.12' "$corpus/dtbs.txt" | sed "s|^|$corpus/|" > "$work/dtbs.txt"
dir=$(ls -d "$corpus"/unpacked/linux-image-6.12* | head -1)
count=$(wc -l < "$work/dtbs.txt")
# Every figure is the median of several runs: on a shared host single runs vary by up to 2x.
echo "== (a) lint of the $count DTBs of Debian's 6.12 arm64 kernel, one process, against per-file loops"
hyperfine -N -i --warmup 2 --runs 15 --export-json "$work/a.json" \
  -n memmap "$bin lint --format json --fail-on note $dir" \
  -n cat "xargs -a $work/dtbs.txt cat" >/dev/null
hyperfine --warmup 1 --runs 5 --export-json "$work/a2.json" -i \
  -n fdtdump-loop "while read f; do fdtdump \"\$f\" >/dev/null 2>&1; done < $work/dtbs.txt" \
  -n dtc-loop "while read f; do dtc -q -I dtb -O dts -o /dev/null \"\$f\"; done < $work/dtbs.txt" >/dev/null
python3 - "$work/a.json" "$work/a2.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for f in sys.argv[1:] for x in json.load(open(f))["results"]}
m = r["memmap"]
for k in ["memmap", "cat", "fdtdump-loop", "dtc-loop"]: print(f"  {k:13s} {r[k]*1000:9.1f} ms (median)")
print(f"  dtc loop / memmap     = {r['dtc-loop']/m:6.1f}x  (target >= 10)")
print(f"  fdtdump loop / memmap = {r['fdtdump-loop']/m:6.1f}x  (target >= 5)")
print(f"  memmap / cat          = {m/r['cat']:6.1f}x  (target <= 5)")
PY
one=$(grep 'qcom/sm8550-hdk.dtb' "$work/dtbs.txt" | head -1)
echo "== (b) inspect of one typical DTB ($(basename "$one"))"
hyperfine -N -i --warmup 3 --runs 30 --export-json "$work/b.json" "$bin inspect $one" >/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["results"][0]["median"]; print(f"  {m*1000:.2f} ms median (target < 10 ms)")' "$work/b.json"
echo "== (c) synthetic trees with 1,000 / 10,000 / 100,000 reserved regions (scripts/gen-regions.py)"
for n in 1000 10000 100000; do
  [ -f "$work/regions-$n.dtb" ] || python3 scripts/gen-regions.py $n "$work/regions-$n.dtb"
done
# lint: the whole model (parse, kernel flow, U-Boot LMB, EFI map, every rule), one line out.
# inspect --format json: the same plus every region, LMB entry and EFI descriptor written out.
hyperfine -N -i --warmup 1 --runs 7 --export-json "$work/c.json" \
  -n lint-1k "$bin lint $work/regions-1000.dtb" \
  -n lint-10k "$bin lint $work/regions-10000.dtb" \
  -n lint-100k "$bin lint $work/regions-100000.dtb" \
  -n json-1k "$bin inspect --format json $work/regions-1000.dtb" \
  -n json-10k "$bin inspect --format json $work/regions-10000.dtb" \
  -n json-100k "$bin inspect --format json $work/regions-100000.dtb" >/dev/null
for n in 1000 10000 100000; do
  for mode in lint "inspect --format json"; do
    # lint exits 1 on these trees (their 65th child stops U-Boot 2026.10: MM040); only the peak counts.
    rss=$( (/usr/bin/time -v "$bin" $mode "$work/regions-$n.dtb" 2>&1 >/dev/null || true) | sed -n 's/.*Maximum resident set size (kbytes): //p')
    echo "$mode $n $rss" >> "$work/c-rss.txt.new"
  done
done
mv "$work/c-rss.txt.new" "$work/c-rss.txt"
python3 - "$work/c.json" "$work/c-rss.txt" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
rss = {}
for line in open(sys.argv[2]):
    *mode, n, kb = line.split()
    rss[(" ".join(mode), int(n))] = int(kb) / 1024
for name, mode in [("lint", "lint"), ("json", "inspect --format json")]:
    print(f"  memmap {mode}:")
    for k, n in [("1k", 1000), ("10k", 10000), ("100k", 100000)]:
        print(f"    {k:5s} {r[name + '-' + k]*1000:9.1f} ms median  peak {rss[(mode, n)]:6.1f} MiB")
    t100, t10 = r[name + "-100k"], r[name + "-10k"]
    print(f"    100k under 1 s: {'yes' if t100 < 1 else 'no'}; peak under 100 MiB: {'yes' if rss[(mode, 100000)] < 100 else 'no'};"
          f" time(100k)/time(10k) = {t100/t10:.1f} (target <= 15)")
PY
echo "== (d) memmap lmb with 100,000 operations"
[ -f "$work/ops.lmb" ] || python3 scripts/gen-lmb-script.py 100000 "$work/ops.lmb"
hyperfine -N -i --warmup 1 --runs 7 --export-json "$work/d.json" "$bin lmb $work/ops.lmb" >/dev/null || true
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["results"][0]["median"]; print(f"  {m*1000:.1f} ms median")' "$work/d.json"
echo "== (e) size bounds (issue #15): 100,000 regions at one address, 100,000 memory banks, an lmb script of 100,000 dumps (scripts/gen-flood.py)"
[ -f "$work/same-100000.dtb" ] || python3 scripts/gen-flood.py same-address 100000 "$work/same-100000.dtb"
[ -f "$work/banks-100000.dtb" ] || python3 scripts/gen-flood.py banks 100000 "$work/banks-100000.dtb"
[ -f "$work/dumps-100000.lmb" ] || python3 scripts/gen-flood.py lmb-dumps 100000 "$work/dumps-100000.lmb"
# One run each: these measure that memory stays bounded, not speed.
for run in "lint $work/same-100000.dtb" "render --format svg -o /dev/null $work/same-100000.dtb" \
           "lint $work/banks-100000.dtb" "render --format svg -o /dev/null $work/banks-100000.dtb" \
           "lmb $work/dumps-100000.lmb"; do
  (/usr/bin/time -v "$bin" $run 2>&1 >/dev/null || true) | awk -v run="$run" '
    /Elapsed/ { t = $NF } /Maximum resident/ { m = $NF / 1024 }
    END { printf "  %-60s %9s  peak %7.1f MiB\n", substr(run, 1, 60), t, m }'
done
