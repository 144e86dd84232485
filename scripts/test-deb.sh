#!/bin/bash
# What a user gets from the Debian package, checked on this machine (CI runs it from .ci/run
# after `make test`): build it with `make deb`, install it with dpkg, then
#   - `memmap --version` names this checkout's commit;
#   - `man memmap` and `man memmap.lint` open;
#   - bash completes `memmap li<TAB>` to `lint`, through bash-completion's loader;
#   - the installed binary is stripped, records no NEEDED libfdt, loads no libfdt, and inspects
#     a tree with libfdt.so.1 hidden (a private mount namespace, so the machine keeps libfdt);
#   - removing the package removes every file it installed.
# Needs root or sudo (dpkg -i); installs man-db and bash-completion when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
step() { echo "test-deb: $*"; }

missing=""
command -v man >/dev/null 2>&1 || missing="$missing man-db"
[ -f /usr/share/bash-completion/bash_completion ] || missing="$missing bash-completion"
if [ -n "$missing" ]; then
  step "installing:$missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi

deb=$(make --no-print-directory deb | tail -n 1)
[ -f "$deb" ] || fail "make deb did not name a package (got '$deb')"
step "built $deb ($(du -h "$deb" | cut -f1))"

# Minimal container images exclude /usr/share/man from every package (dpkg path-exclude);
# the include given here comes after those and brings memmap's pages back.
remove() { $sudo dpkg -r memmap >/dev/null 2>&1 || true; }
trap remove EXIT
for attempt in 1 2 3 4 5 6 7 8 9 10; do   # another apt or dpkg may hold the lock for a while
  if $sudo dpkg -i --path-include='/usr/share/man/man1/memmap*' "$deb" >/dev/null 2>/tmp/test-deb.$$; then
    break
  fi
  grep -q 'lock' /tmp/test-deb.$$ || { cat /tmp/test-deb.$$ >&2; fail "dpkg -i $deb"; }
  [ "$attempt" = 10 ] && fail "dpkg lock still held"
  sleep 15
done
rm -f /tmp/test-deb.$$

bin=$(command -v memmap) || fail "memmap is not on PATH after dpkg -i"
[ "$bin" = /usr/bin/memmap ] || fail "memmap resolves to $bin, not /usr/bin/memmap"

version=$(memmap --version)
commit=$(git rev-parse --short=12 HEAD)
case "$version" in
  *"(commit $commit)"|*"(commit $commit-dirty)") step "memmap --version: $version" ;;
  *) fail "memmap --version says '$version', expected commit $commit" ;;
esac

for page in memmap memmap.lint; do
  text=$(MANPAGER=cat MANWIDTH=80 man "$page" 2>/tmp/test-deb-man.$$) || fail "man $page: $(cat /tmp/test-deb-man.$$)"
  grep -q "memmap" <<<"$text" || fail "man $page shows no memmap"
  # groff's warnings about the page (mdoc: empty input line, ...) would reach the user's terminal.
  [ ! -s /tmp/test-deb-man.$$ ] || fail "man $page warns: $(head -n 3 /tmp/test-deb-man.$$)"
done
rm -f /tmp/test-deb-man.$$
MANPAGER=cat MANWIDTH=80 man memmap | grep -q "EXAMPLES" || fail "man memmap has no EXAMPLES section"
step "man memmap, man memmap.lint: ok"

# Bash loads completions on demand from /usr/share/bash-completion/completions; ask its loader
# for memmap's, then call the function it registered as bash would for `memmap li<TAB>`.
completions=$(bash -c '
  source /usr/share/bash-completion/bash_completion
  if declare -F _comp_load >/dev/null; then _comp_load memmap; else _completion_loader memmap; fi
  spec=$(complete -p memmap) || exit 3
  function=$(sed -n "s/.* -F \([^ ]*\) .*/\1/p" <<<"$spec")
  COMP_WORDS=(memmap li); COMP_CWORD=1; COMP_LINE="memmap li"; COMP_POINT=${#COMP_LINE}
  "$function" memmap li memmap
  printf "%s\n" "${COMPREPLY[@]}"') || fail "bash found no completion for memmap"
[ "$completions" = lint ] || fail "memmap li<TAB> completes to '$completions', not 'lint'"
step "bash: memmap li<TAB> -> lint"

readelf -S "$bin" | grep -q '\.symtab' && fail "$bin is not stripped"
if readelf -d "$bin" | grep 'NEEDED' | grep -q libfdt; then fail "$bin needs libfdt"; fi
fixture=Fixtures/.dtb/boards/example-board.dtb
[ -f "$fixture" ] || make --no-print-directory fixtures >/dev/null
if LD_DEBUG=files memmap inspect "$fixture" 2>&1 >/dev/null | grep -q 'libfdt'; then
  fail "$bin loads libfdt at run time"
fi
libfdt=$(ls /usr/lib/*/libfdt.so.1 /lib/*/libfdt.so.1 2>/dev/null | head -n 1 || true)
if [ -n "$libfdt" ] && $sudo unshare --mount true 2>/dev/null; then
  # /dev/null over the library, in a mount namespace only this command sees.
  $sudo unshare --mount sh -c "mount --bind /dev/null '$libfdt' && memmap inspect '$fixture'" >/dev/null \
    || fail "memmap does not run with $libfdt hidden"
  step "stripped, no libfdt: runs with $libfdt hidden"
else
  step "stripped, no NEEDED libfdt, none loaded (no mount namespace here to hide libfdt)"
fi

files=$(dpkg -L memmap | while read -r f; do [ -f "$f" ] && echo "$f"; done)
remove
trap - EXIT
for f in $files; do [ ! -e "$f" ] || fail "$f is left after dpkg -r"; done
step "dpkg -r memmap removes its $(wc -w <<<"$files") files"
