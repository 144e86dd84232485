#!/bin/bash
# Lint every DTB of the corpus that scripts/corpus.sh unpacked, one `memmap lint` run per kernel
# package (a directory argument: memmap finds the *.dtb files itself), and print findings per rule.
# Usage: scripts/lint-corpus.sh CACHE_DIR MEMMAP_BINARY [PACKAGE_GLOB]
#   PACKAGE_GLOB picks packages under CACHE_DIR/unpacked, e.g. 'linux-image-6.12*' (default: all).
# Extra memmap flags go in LINT_FLAGS, e.g. LINT_FLAGS='--kernel 6.1'.
set -euo pipefail
cache=${1:?cache dir}; bin=$(realpath "${2:?memmap binary}"); glob=${3:-*}
if [ ! -d "$cache/unpacked" ]; then
  echo "lint-corpus: no corpus in $cache; run 'make corpus' first" >&2; exit 1
fi
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
status=0
for package in "$cache"/unpacked/$glob/; do
  name=$(basename "$package")
  start=$(date +%s.%N)
  set +e
  # shellcheck disable=SC2086
  "$bin" lint --format json ${LINT_FLAGS:-} "$package" > "$out/$name.json" 2> "$out/$name.err"
  code=$?
  set -e
  end=$(date +%s.%N)
  printf 'lint-corpus: %s: exit %d in %.2f s, %d stderr lines\n' \
    "$name" "$code" "$(awk "BEGIN{print $end - $start}")" "$(wc -l < "$out/$name.err")"
  # 0 clean, 1 findings; 2 (unreadable DTB) or a crash fails the smoke test.
  if [ "$code" -gt 1 ]; then status=1; sed 's/^/  /' "$out/$name.err" | head -20; fi
done
python3 - "$out"/*.json <<'PY'
import collections, json, sys
findings, files, severity, names = collections.Counter(), collections.Counter(), {}, {}
total = with_findings = 0
for path in sys.argv[1:]:
    doc = json.load(open(path))
    total += len(doc["files"])
    for f in doc["files"]:
        with_findings += bool(f["findings"])
        for rule in {x["rule"] for x in f["findings"]}:
            files[rule] += 1
        for x in f["findings"]:
            findings[x["rule"]] += 1; severity[x["rule"]] = x["severity"]; names[x["rule"]] = x["name"]
print(f"lint-corpus: {total} DTBs, {with_findings} with findings")
print(f"  {'RULE':<6} {'NAME':<24} {'SEVERITY':<8} {'FINDINGS':>8} {'FILES':>6}")
for rule in sorted(findings):
    print(f"  {rule:<6} {names[rule]:<24} {severity[rule]:<8} {findings[rule]:>8} {files[rule]:>6}")
PY
exit $status
