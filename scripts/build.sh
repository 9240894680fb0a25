#!/usr/bin/env bash
# Release build for the page: Rust -> wasm32 -> wasm-bindgen glue in
# www/pkg/ -> wasm-opt -Oz in place -> the first paint per language
# (scripts/shell.mjs); then the offline single file
# (dist/retention-calculator.html, also served as www/pkg/) and the service
# worker's list of the release (www/pkg/precache.js). Prints the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --no-browser
export PATH="$HOME/.cargo/bin:$PATH"

crate=retention_metrics
out=www/pkg
# Built beside the page and swapped in at the end, so a server running
# meanwhile (npm start, a test run) never serves a half-written engine.
next=www/pkg.next
wasm="$next/${crate}_bg.wasm"
rm -rf "$next"

echo "build: cargo build --target wasm32-unknown-unknown --release"
cargo build --target wasm32-unknown-unknown --release

echo "build: wasm-bindgen --target web --out-dir $out"
wasm-bindgen --target web --out-dir "$next" "target/wasm32-unknown-unknown/release/$crate.wasm"

# binaryen from npm (wasm-opt 132), never Debian's old one (108), whose
# output fails to load. wasm-opt reads the enabled features from the
# target_features section that rustc writes and wasm-bindgen keeps; the
# flags below are the set rustc 1.95 enables by default for
# wasm32-unknown-unknown and are needed only when that section is missing
# (e.g. after a `strip`), where without them validation fails on memory.copy,
# table.get/set (reference types) and multi-value blocks.
raw_before=$(wc -c < "$wasm")
echo "build: wasm-opt -Oz"
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$wasm" -o "$wasm"

raw=$(wc -c < "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "build: $out/${crate}_bg.wasm: $raw bytes raw ($raw_before before wasm-opt), $gz bytes gzipped"
node scripts/shell.mjs "$next"
rm -rf "$out"
mv "$next" "$out"

node scripts/build-single-file.mjs
node scripts/precache.mjs
