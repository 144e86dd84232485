#!/bin/bash
# Stage what `make install` and `make deb` ship: the release binary stripped, one man page per
# command, the bash, zsh and fish completions and the user documentation.
# Usage: scripts/dist.sh RELEASE_BINARY DIST_DIR MANUAL_TOOL
#   MANUAL_TOOL is swift-argument-parser's generate-manual; it is built, from the copy of the
#   package SwiftPM checked out for the release build, when missing.
# Dates come from SOURCE_DATE_EPOCH (the Makefile sets the commit's), so a commit always gives
# the same files.
set -euo pipefail
bin=${1:?release binary}; dist=${2:?dist dir}; tool=${3:?generate-manual path}
scratch=$(dirname "$(dirname "$bin")")   # .build-release
rm -rf "$dist"
mkdir -p "$dist/man" "$dist/completions" "$dist/doc"

strip --strip-all -o "$dist/memmap" "$bin"
if readelf -d "$dist/memmap" | grep -q 'NEEDED.*libfdt'; then
  echo "dist: $dist/memmap still needs libfdt.so (is libfdt.a linked in?)" >&2
  exit 1
fi

if [ ! -x "$tool" ]; then
  swift build --package-path "$scratch/checkouts/swift-argument-parser" \
    --scratch-path "$(dirname "$(dirname "$tool")")" --product generate-manual >/dev/null
fi
# memmap.1 describes every command and option; memmap.COMMAND.1 one command each (the page of
# the built-in `help` command is left out: it says nothing `--help` does not). generate-manual
# ends each page with a generic exit status; ours replaces it, and memmap.1 also gets the
# numbers, examples and files of docs/man/memmap-extra.mdoc.
date=$(date -u -d "@${SOURCE_DATE_EPOCH:-0}" +%Y-%m-%d)
pages=$(mktemp -d); trap 'rm -rf "$pages"' EXIT; mkdir "$pages/single"
# generate-manual runs the tool it is given with --experimental-dump-help; this one adds the
# defaults `--help` shows (python3; without it the pages leave the defaults out).
if command -v python3 >/dev/null 2>&1; then
  printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$(realpath scripts/help-with-defaults.py)" \
    "$(realpath "$dist/memmap")" > "$pages/memmap"
else
  echo "dist: no python3: the man pages leave the options' defaults out" >&2
  printf '#!/bin/sh\nexec "%s" "$@"\n' "$(realpath "$dist/memmap")" > "$pages/memmap"
fi
chmod +x "$pages/memmap"
"$tool" "$pages/memmap" --multi-page --date "$date" --output-directory "$pages"
"$tool" "$pages/memmap" --date "$date" --output-directory "$pages/single"
for page in "$pages"/memmap.*.1 "$pages/single/memmap.1"; do
  [ "$(basename "$page")" = memmap.help.1 ] && continue
  extra=docs/man/exit-status.mdoc
  [ "$page" = "$pages/single/memmap.1" ] && extra="$extra docs/man/memmap-extra.mdoc"
  grep -q '^\.Ex -std$' "$page" || { echo "dist: $page has no .Ex -std to replace" >&2; exit 1; }
  # shellcheck disable=SC2086
  awk -v extra="$(cat $extra)" '
    /^\.Sh "EXIT STATUS"$/ { skip = 1; next }
    skip && /^\.Ex -std$/ { print extra; skip = 0; next }
    /^$/ { print ".Pp"; next }   # a blank line of a discussion is a paragraph break to mdoc
    { print }' "$page" > "$dist/man/$(basename "$page")"
done

"$dist/memmap" --generate-completion-script bash > "$dist/completions/memmap.bash"
"$dist/memmap" --generate-completion-script zsh > "$dist/completions/_memmap"
"$dist/memmap" --generate-completion-script fish > "$dist/completions/memmap.fish"

cp README.md docs/*.md "$dist/doc/"
if [ -d docs/schemas ]; then cp -R docs/schemas "$dist/doc/"; fi
echo "dist: $(du -h "$dist/memmap" | cut -f1) $dist/memmap ($("$dist/memmap" --version)), $(ls "$dist/man" | wc -l) man pages"
