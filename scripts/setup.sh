#!/usr/bin/env bash
# Installs what the build and the tests need. Idempotent: every step checks
# first and skips when it is already satisfied, so a second run takes seconds.
# One line per step. Usage: scripts/setup.sh [--no-browser]
#   --no-browser  skip Chromium/chromedriver (enough for `npm start`).
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) want_browser=0 ;;
    *) echo "setup: unknown option $arg (usage: setup.sh [--no-browser])" >&2; exit 2 ;;
  esac
done

# cargo-installed tools live here; a non-login shell may not have it on PATH.
export PATH="$HOME/.cargo/bin:$PATH"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' not found: $2" >&2; exit 1; }
}
need rustup "install Rust with rustup first"
need cargo "install Rust with rustup first"
need node "install Node.js (>= 20) first"
need npm "install Node.js (>= 20) first"

# (a) the wasm target of the standard library.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: wasm32-unknown-unknown target: already installed"
else
  echo "setup: wasm32-unknown-unknown target: installing"
  rustup target add wasm32-unknown-unknown
fi

# (a2) rustfmt and clippy, which the tests run (the default rustup profile
# has them; a minimal one does not).
if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then
  echo "setup: rustfmt + clippy: already installed"
else
  echo "setup: rustfmt + clippy: installing"
  rustup component add rustfmt clippy
fi

# (b) wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock:
# the CLI refuses to process a .wasm made by another library version.
if [ ! -f Cargo.lock ]; then
  cargo generate-lockfile
fi
wb_version=$(awk '
  /^\[\[package\]\]/ { in_wb = 0 }
  $0 == "name = \"wasm-bindgen\"" { in_wb = 1; next }
  in_wb && /^version = / { gsub(/version = |"/, ""); print; exit }
' Cargo.lock)
if [ -z "$wb_version" ]; then
  echo "setup: no wasm-bindgen entry in Cargo.lock" >&2
  exit 1
fi
installed=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$installed" = "$wb_version" ]; then
  echo "setup: wasm-bindgen-cli $wb_version: already installed"
else
  echo "setup: wasm-bindgen-cli $wb_version: installing (was: ${installed:-none}; takes ~2-3 min)"
  # No --locked: the CLI's own lock file names a crate version this
  # registry does not serve, and the install fails with it.
  cargo install wasm-bindgen-cli --version "=$wb_version"
fi

# (c) Chromium + chromedriver from Debian, for the browser tests.
if [ "$want_browser" = 0 ]; then
  echo "setup: chromium: skipped (--no-browser)"
elif [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "setup: chromium + chromedriver: already installed"
else
  echo "setup: chromium + chromedriver: installing with apt-get"
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: need root or sudo for apt-get" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi

# (d) npm packages (Playwright, binaryen's wasm-opt, axe-core). The stamp is
# written after a successful `npm ci`; it is stale when the lock file or
# package.json changed since.
stamp=node_modules/.setup-stamp
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ "$stamp" -nt package.json ]; then
  echo "setup: npm packages: up to date"
else
  echo "setup: npm packages: npm ci"
  npm ci --no-audit --no-fund
  touch "$stamp"
fi
