# memmap: build, fixtures, tests. `make run` and `make test` work on a fresh Debian machine
# with only Swift installed: they install libfdt-dev and device-tree-compiler when missing.

SWIFT     ?= swift
DTC       ?= dtc
PREFIX    ?= /usr/local
CONFIG    ?= debug
BOARD     ?= Fixtures/.dtb/boards/example-board.dtb
CORPUS    ?= $(HOME)/.cache/memmap-corpus
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN        = .build/$(CONFIG)/memmap
RELEASE_BIN = .build-release/release/memmap
# Release builds link the Swift runtime statically (a self-contained binary that starts in
# about 3 ms instead of 5-9 ms) and libfdt from Debian's libfdt.a (libfdt-dev ships it): no
# libfdt.so.1 at run time, and its functions call each other directly instead of through the
# shared library's PLT, which is a quarter of lint's time. The module map asks for `-lfdt`;
# the linker takes the first libfdt it finds along its -L path, and SwiftPM's products
# directory comes before the system's, so a link to libfdt.a placed there is the one taken
# (scripts/dist.sh checks the result has no NEEDED libfdt). No $ORIGIN run path: the binary
# loads nothing from beside itself. The same commit gives the same bytes in any directory: no
# debug info (it names the clang module cache, whose directory is a hash of the build path),
# source paths mapped to /memmap, and no LLVM module hashes (a build cache that hashes them).
# Release builds have their own build directory, as SwiftPM does not relink when only linker
# flags change.
RELEASE_FLAGS := --static-swift-stdlib --disable-local-rpath \
  -Xswiftc -gnone -Xswiftc -file-prefix-map -Xswiftc $(CURDIR)=/memmap \
  -Xswiftc -Xfrontend -Xswiftc -disable-incremental-llvm-codegen \
  -Xcc -g0 -Xcc -ffile-prefix-map=$(CURDIR)=/memmap

# The commit `memmap --version` names (Package.swift reads it from the environment): 12 hex
# digits of HEAD, `-dirty` when tracked files differ from it; empty outside a git checkout.
ifndef MEMMAP_COMMIT
MEMMAP_COMMIT := $(shell c=$$(git rev-parse --short=12 HEAD 2>/dev/null) && \
  { git diff --quiet HEAD -- 2>/dev/null || c=$$c-dirty; echo $$c; })
endif
export MEMMAP_COMMIT
# Dates written into the man pages and the package: the commit's, so that the same commit
# gives the same bytes (https://reproducible-builds.org/specs/source-date-epoch/).
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
endif
export SOURCE_DATE_EPOCH

# What `make install` and `make deb` ship, staged by `make dist`.
DIST        = .build-release/dist
MANUAL_TOOL = .build-release/tools/debug/generate-manual
BASH_COMPLETION_DIR ?= $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR  ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR ?= $(PREFIX)/share/fish/vendor_completions.d
MAN_DIR             ?= $(PREFIX)/share/man/man1
DOC_DIR             ?= $(PREFIX)/share/doc/memmap

FIXTURE_DTS := $(shell find Fixtures -name '*.dts' -not -path '*/.dtb/*' -not -path 'Fixtures/sources/*' | sort)
FIXTURE_DTB := $(patsubst Fixtures/%.dts,Fixtures/.dtb/%.dtb,$(FIXTURE_DTS))
# Input fixtures: overlays, FIT images, and kernel-style sources built with cpp as the kernel does.
FIXTURE_DTBO := $(patsubst Fixtures/%.dtso,Fixtures/.dtb/%.dtbo,$(shell find Fixtures/input -name '*.dtso' | sort))
FIXTURE_ITB := $(patsubst Fixtures/%.its,Fixtures/.dtb/%.itb,$(shell find Fixtures/input -name '*.its' | sort))
SOURCE_DTB := $(patsubst Fixtures/%.dts,Fixtures/.dtb/%.dtb,$(shell find Fixtures/sources -name '*.dts' | sort))

.PHONY: all deps test-deps build release dist install install-files uninstall deb run test fixtures corpus lint-corpus oracle oracle-riscv bench fuzz fuzz-build clean

all: build

# Debian packages the build and the fixtures need; installed only when missing. cpp and dtc
# are also what memmap runs on .dts input.
deps:
	@missing=""; \
	[ -f /usr/include/libfdt.h ] || missing="$$missing libfdt-dev"; \
	command -v $(DTC) >/dev/null 2>&1 || missing="$$missing device-tree-compiler"; \
	command -v cpp >/dev/null 2>&1 || missing="$$missing cpp"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

# What only the tests need: the SARIF schema validator and the browser that screenshots
# the HTML page of `memmap render`.
test-deps:
	@missing=""; \
	python3 -c 'import jsonschema' >/dev/null 2>&1 || missing="$$missing python3-jsonschema"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG)

# libfdt.a is looked up when the recipe runs, after `deps` installed libfdt-dev.
release: deps
	@libfdt_a=$$(ls /usr/lib/*/libfdt.a /usr/lib/libfdt.a 2>/dev/null | head -n 1); \
	if [ -z "$$libfdt_a" ]; then echo "release: no libfdt.a (Debian: libfdt-dev)" >&2; exit 1; fi; \
	products=$$($(SWIFT) build -c release --scratch-path .build-release --show-bin-path); \
	mkdir -p "$$products" && ln -sf "$$libfdt_a" "$$products/libfdt.a"; \
	echo "$(SWIFT) build -c release (libfdt: $$libfdt_a, commit: $(or $(MEMMAP_COMMIT),none))"; \
	$(SWIFT) build -c release --scratch-path .build-release $(RELEASE_FLAGS)

fixtures: deps $(FIXTURE_DTB) $(FIXTURE_DTBO) Fixtures/.dtb/input/base.dtb.gz $(FIXTURE_ITB) $(SOURCE_DTB)

Fixtures/.dtb/%.dtb: Fixtures/%.dts
	@mkdir -p $(dir $@)
	@$(DTC) -q -f -I dts -O dtb -i $(dir $<) -o $@ $<

# Base trees for overlays keep their labels (__symbols__), as with the kernel's DTC_FLAGS += -@.
Fixtures/.dtb/input/%.dtb: Fixtures/input/%.dts
	@mkdir -p $(dir $@)
	@$(DTC) -q -@ -I dts -O dtb -o $@ $<

Fixtures/.dtb/input/%.dtbo: Fixtures/input/%.dtso
	@mkdir -p $(dir $@)
	@$(DTC) -q -@ -I dts -O dtb -o $@ $<

Fixtures/.dtb/input/%.dtb.gz: Fixtures/.dtb/input/%.dtb
	@gzip -n -9 -c $< > $@

# A FIT image's source names its images' files with /incbin/, found beside it.
Fixtures/.dtb/input/%.itb: Fixtures/input/%.its Fixtures/.dtb/input/base.dtb Fixtures/.dtb/input/base.dtb.gz Fixtures/.dtb/input/add-nomap.dtbo
	@$(DTC) -q -I dts -O dtb -i Fixtures/.dtb/input -o $@ $<

# Kernel-style sources go through cpp first (scripts/Makefile.lib, cmd_dtc).
Fixtures/.dtb/sources/%.dtb: Fixtures/sources/%.dts $(shell find Fixtures/sources -name '*.dtsi' -o -name '*.h')
	@mkdir -p $(dir $@)
	@cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp -I $(dir $<) -I $(dir $<)include $< \
	  | $(DTC) -q -@ -I dts -O dtb -o $@ -

# Trees recorded from QEMU by scripts/uboot-record.sh keep the size U-Boot received (it moves
# U-Boot's relocation): their first line is `// totalsize: N`.
Fixtures/.dtb/%.seen.dtb: Fixtures/%.seen.dts
	@mkdir -p $(dir $@)
	@$(DTC) -q -f -I dts -O dtb -S $$(sed -n '1s|^// totalsize: ||p' $<) -o $@ $<

run: build fixtures
	$(BIN) inspect $(BOARD)

test: build fixtures test-deps
	$(SWIFT) test --quiet

# The release binary stripped, one man page per command (swift-argument-parser's generate-manual, built
# from the copy SwiftPM already checked out), the bash, zsh and fish completions the binary
# generates, and the docs.
dist: release
	scripts/dist.sh $(RELEASE_BIN) $(DIST) $(MANUAL_TOOL)

install: dist install-files

# Copies what `make dist` staged; `make deb` calls it with DESTDIR set.
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MAN_DIR) $(DESTDIR)$(BASH_COMPLETION_DIR) \
	  $(DESTDIR)$(ZSH_COMPLETION_DIR) $(DESTDIR)$(FISH_COMPLETION_DIR) $(DESTDIR)$(DOC_DIR)
	install -m 755 $(DIST)/memmap $(DESTDIR)$(PREFIX)/bin/memmap
	install -m 644 $(DIST)/man/*.1 $(DESTDIR)$(MAN_DIR)/
	install -m 644 $(DIST)/completions/memmap.bash $(DESTDIR)$(BASH_COMPLETION_DIR)/memmap
	install -m 644 $(DIST)/completions/_memmap $(DESTDIR)$(ZSH_COMPLETION_DIR)/_memmap
	install -m 644 $(DIST)/completions/memmap.fish $(DESTDIR)$(FISH_COMPLETION_DIR)/memmap.fish
	cp -R $(DIST)/doc/. $(DESTDIR)$(DOC_DIR)/
	chmod -R u=rwX,go=rX $(DESTDIR)$(DOC_DIR)

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/memmap $(DESTDIR)$(MAN_DIR)/memmap.1 $(DESTDIR)$(MAN_DIR)/memmap.*.1 \
	  $(DESTDIR)$(BASH_COMPLETION_DIR)/memmap $(DESTDIR)$(ZSH_COMPLETION_DIR)/_memmap \
	  $(DESTDIR)$(FISH_COMPLETION_DIR)/memmap.fish
	rm -rf $(DESTDIR)$(DOC_DIR)

# A Debian package of the same files under /usr (zsh's Debian directory), built with dpkg-deb;
# its Depends are what dpkg-shlibdeps finds the binary needs. Written to .build-release/.
deb: dist
	@command -v dpkg-shlibdeps >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq dpkg-dev >/dev/null; }
	rm -rf .build-release/deb-root
	$(MAKE) --no-print-directory install-files DESTDIR=$(CURDIR)/.build-release/deb-root PREFIX=/usr \
	  ZSH_COMPLETION_DIR=/usr/share/zsh/vendor-completions
	scripts/deb.sh .build-release/deb-root .build-release

# The real-world smoke test: every DTB of Debian's arm64 kernel packages.
corpus: release
	scripts/corpus.sh "$(CORPUS)" $(RELEASE_BIN)

oracle:
	scripts/oracle-record.sh

# The riscv64 suite (Fixtures/kernel-riscv64) under Debian's riscv64 6.12 and 7.2 kernels.
oracle-riscv:
	scripts/oracle-record-riscv.sh

clean:
	rm -rf .build .build-release Fixtures/.dtb

lint-corpus: release
	scripts/lint-corpus.sh "$(CORPUS)" $(RELEASE_BIN) 'linux-image-6.12*'

# Style report against .swift-format (informational: it lists, it does not fail the build).
format-lint:
	@$(SWIFT) format lint -r Sources Tests 2>&1 | tail -n 20; echo "swift-format: $$($(SWIFT) format lint -r Sources Tests 2>&1 | wc -l) remarks"

# Speed figures side by side (needs the corpus; downloads it when missing).
bench: release
	scripts/bench.sh "$(CORPUS)" $(RELEASE_BIN)

# libFuzzer over every input parser and output format (scripts/fuzz.sh). CI runs fuzz-build,
# which compiles the fuzzer without running it.
fuzz: build fixtures
	scripts/fuzz.sh $(or $(FUZZ_SECONDS),600)

fuzz-build: build
	scripts/fuzz.sh 0
