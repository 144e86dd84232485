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
# about 3 ms instead of 5-9 ms) and, when the archive is there (Debian's libfdt-dev ships it),
# libfdt too: its functions then call each other directly instead of through the shared
# library's PLT, which is a quarter of lint's time. They have their own build directory, as
# SwiftPM does not relink when only linker flags change.
LIBFDT_A   := $(firstword $(wildcard /usr/lib/*/libfdt.a /usr/lib/libfdt.a))
RELEASE_FLAGS := --static-swift-stdlib \
  $(if $(LIBFDT_A),-Xlinker --whole-archive -Xlinker $(LIBFDT_A) -Xlinker --no-whole-archive)

FIXTURE_DTS := $(shell find Fixtures -name '*.dts' -not -path '*/.dtb/*' -not -path 'Fixtures/sources/*' | sort)
FIXTURE_DTB := $(patsubst Fixtures/%.dts,Fixtures/.dtb/%.dtb,$(FIXTURE_DTS))
# Input fixtures: overlays, FIT images, and kernel-style sources built with cpp as the kernel does.
FIXTURE_DTBO := $(patsubst Fixtures/%.dtso,Fixtures/.dtb/%.dtbo,$(shell find Fixtures/input -name '*.dtso' | sort))
FIXTURE_ITB := $(patsubst Fixtures/%.its,Fixtures/.dtb/%.itb,$(shell find Fixtures/input -name '*.its' | sort))
SOURCE_DTB := $(patsubst Fixtures/%.dts,Fixtures/.dtb/%.dtb,$(shell find Fixtures/sources -name '*.dts' | sort))

.PHONY: all deps test-deps build release run test fixtures install corpus lint-corpus oracle bench fuzz clean

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

release: deps
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

run: build fixtures
	$(BIN) inspect $(BOARD)

test: build fixtures test-deps
	$(SWIFT) test --quiet

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/memmap

# The real-world smoke test: every DTB of Debian's arm64 kernel packages.
corpus: release
	scripts/corpus.sh "$(CORPUS)" $(RELEASE_BIN)

oracle:
	scripts/oracle-record.sh

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

# libFuzzer over load, model and renderers (scripts/fuzz.sh; not part of build or CI).
fuzz: fixtures
	scripts/fuzz.sh $(or $(FUZZ_SECONDS),600)
