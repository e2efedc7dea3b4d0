# Témoin — one entry point for set-up, build, tests and the demo. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\([^"]*\)"/\1/p' crate/wasm/Cargo.toml)
VERSION := $(shell sed -n 's/^  "version": "\([^"]*\)",/\1/p' manifest.json)
WASM_TARGET := wasm32-unknown-unknown
WASM_RAW := target/$(WASM_TARGET)/release/temoin_wasm.wasm
RUST_SOURCES := Cargo.toml Cargo.lock $(shell find crate -name Cargo.toml -o -path '*/src/*.rs')
PKG := extension/pkg
BIN := node_modules/.bin
CHROMIUM ?= /usr/bin/chromium
FIREFOX ?= /usr/bin/firefox-esr
# Features rustc enables by default for wasm32 (bulk memory, reference types, ...): wasm-opt
# must accept what the compiler emitted.
# A trap (a panic aborts the instance) marks the instance dead; `__wbg_reset_state` makes a new
# one from the same module, so the worker recovers without a restart (extension/shared/core.js).
WASM_BINDGEN_FLAGS := --force-enable-abort-handler --experimental-reset-state-function
WASM_OPT_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-exception-handling

.PHONY: setup-differential setup setup-system setup-rust setup-node build package test check-rust check-js lint-extension e2e run bench fuzz fuzz-seeds clean corpus differential screenshots

## Set-up -------------------------------------------------------------------------------

setup: setup-rust setup-node

# Browsers for the demo and the end-to-end tests, from the distribution's packages.
setup-system:
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium"; \
	[ -x "$(FIREFOX)" ] || missing="$$missing firefox-esr"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Please install:$$missing (apt-get install$$missing)"; exit 1; fi; \
	fi

setup-rust:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then :; \
	else echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes, once)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi

setup-node: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

## Build --------------------------------------------------------------------------------

build: setup $(PKG)/worker/temoin_bg.wasm $(PKG)/pages/temoin_bg.wasm

# Two modules from one bindings crate (crate/wasm): the service worker's, with only its capture
# path (it loads at every wake-up), and the pages', with guidance, letters, export and import.
# One after the other: both builds write $(WASM_RAW).
$(PKG)/worker/temoin_bg.wasm: $(RUST_SOURCES)
	cargo build --release --target $(WASM_TARGET) -p temoin-wasm --lib
	$(call bindgen,worker)

$(PKG)/pages/temoin_bg.wasm: $(RUST_SOURCES) | $(PKG)/worker/temoin_bg.wasm
	cargo build --release --target $(WASM_TARGET) -p temoin-wasm --lib --features pages
	$(call bindgen,pages)

define bindgen
	wasm-bindgen --target web $(WASM_BINDGEN_FLAGS) --out-dir $(PKG)/$(1) --out-name temoin $(WASM_RAW)
	$(BIN)/wasm-opt -Os $(WASM_OPT_FEATURES) $(PKG)/$(1)/temoin_bg.wasm -o $(PKG)/$(1)/temoin_bg.wasm
	@ls -l $(PKG)/$(1)/temoin_bg.wasm | awk '{print "WASM module ($(1)): " $$5 " bytes"}'
endef

# The extension as shipped: dist/<browser>/ (unpacked) and dist/temoin-<version>-<browser>.zip.
package: build
	python3 scripts/package.py --version $(VERSION) --out dist

## Tests --------------------------------------------------------------------------------

test: setup-system package check-rust check-js lint-extension e2e differential

check-rust:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy -p temoin-wasm --lib --target $(WASM_TARGET) -- -D warnings
	cargo clippy -p temoin-wasm --lib --features pages --target $(WASM_TARGET) -- -D warnings
	cargo test --all-targets

check-js: build
	$(BIN)/tsc -p tsconfig.json

lint-extension: package
	$(BIN)/web-ext lint --source-dir dist/firefox --self-hosted --warnings-as-errors

# The end-to-end tests also run the native verifier on what the browser exported.
e2e: package setup-system setup-differential
	cargo build --bin temoin
	node --test --test-concurrency=1 tests/e2e/

# Tools a lawyer or an investigator might read a bundle with, for the differential test.
setup-differential:
	@missing=""; \
	command -v unzip >/dev/null || missing="$$missing unzip"; \
	command -v zip >/dev/null || missing="$$missing zip"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	command -v java >/dev/null && command -v javac >/dev/null || missing="$$missing default-jdk-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Please install:$$missing (apt-get install$$missing)"; exit 1; fi; \
	fi

# Every corpus bundle, the genuine ones and what the e2e tests exported, read by unzip,
# sha256sum, Python's zipfile, Java's ZipInputStream and temoin verify (tests/differential/).
differential: setup-differential
	cargo build --bin temoin
	node tests/differential/run.mjs

## Benchmarks (outside CI) ---------------------------------------------------------------

# Writes BENCHMARKS.md; BENCH_ONLY=hashing,verify,capture,scale,startup runs a part.
bench: package setup-system
	cargo build --release --bin temoin
	node scripts/bench/run.mjs

## Demo ---------------------------------------------------------------------------------

# Headless when there is no display (or HEADLESS=1): the whole journey, printed.
run: build setup-system
	cargo build --bin temoin
	node scripts/demo.mjs

## Screenshots (outside CI) ----------------------------------------------------------------

# A minor's case built through the packaged extension, then every page a person sees, in French
# and English, at 1,280 and 400 px: docs/screenshots/<page>-<lang>-<width>.png.
screenshots: package
	node scripts/screenshots.mjs

## Fuzzing (outside CI) --------------------------------------------------------------------

CARGO_FUZZ_VERSION := 0.13.1
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := bundle_reader container_reader journal_parser

# cargo fuzz builds with sanitizer flags that only nightly accepts; RUSTC_BOOTSTRAP lets the one
# stable toolchain take them. Each target starts from the seeds (real bundles and journals) and
# its own corpus; a crash is left in fuzz/artifacts/<target>/: copy it to
# fuzz/regressions/<target>/ once fixed, and `cargo test` replays it from then on.
fuzz:
	@cargo fuzz --version 2>/dev/null | grep -q "$(CARGO_FUZZ_VERSION)" || cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION)
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz build -O
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t && cp -n fuzz/seeds/$$t/* fuzz/corpus/$$t/ 2>/dev/null || true; \
	  if [ $$t = container_reader ]; then find crate/testdata/corpus -name '*.zip' -size -1M -exec cp -n {} fuzz/corpus/$$t/ \; ; fi; \
	  echo "== $$t: $(FUZZ_SECONDS) s"; \
	  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O $$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=262144 -print_final_stats=1 2>&1 | tee ../target/fuzz-$$t.log | grep -E "^(stat::|==|SUMMARY|Done)" ); \
	done

# Rewrites the seeds built through the public API (after a change of the bundle format).
fuzz-seeds:
	cargo test -p temoin-docs --test fuzz_regressions -- --ignored write_fuzz_seeds

clean:
	rm -rf target $(PKG) dist out tests/.tmp fuzz/target fuzz/corpus fuzz/artifacts

# Rewrites the corpus of bad bundles from the genuine one (after a change of the bundle format).
corpus:
	cargo test -p temoin-cli --test corpus -- --ignored write_corpus
