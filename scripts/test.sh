#!/usr/bin/env bash
# The whole test suite, in order, stopping at the first stage that fails:
#   setup -> formatting and lints -> native cargo tests (+ doctests) -> release build ->
#   wasm tests in Node -> the same wasm tests in headless Chromium ->
#   JS tests of the build (node --test) -> Playwright end-to-end tests.
# The last line sums every stage's counts: "total: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

passed=0 failed=0 skipped=0
lines=()
log=$(mktemp)
trap 'rm -f "$log"' EXIT

finish() {
  echo
  echo "=== summary"
  printf '%s\n' "${lines[@]}"
  echo "total: $passed passed, $failed failed, $skipped skipped"
}

# stage NAME COMMAND...: runs one stage, shows its output and adds up the
# counts it reports: cargo/libtest and wasm-bindgen-test-runner print
# "test result: ok. N passed; M failed; K ignored; …", our Playwright
# reporter "playwright: N passed, M failed, K skipped", node --test
# "# pass N" / "# fail N" / "# skipped N".
stage() {
  local name=$1; shift
  echo
  echo "=== $name: $*"
  local start=$SECONDS status=0
  "$@" 2>&1 | tee "$log" || status=$?
  local p f s
  read -r p f s < <(awk '
    /^test result: / {
      for (i = 2; i <= NF; i++) {
        if ($i ~ /^passed;?$/) p += $(i - 1)
        if ($i ~ /^failed;?$/) f += $(i - 1)
        if ($i ~ /^ignored;?$/) s += $(i - 1)
      }
    }
    /^playwright: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$/ { p += $2; f += $4; s += $6 }
    /^# pass [0-9]+$/ { p += $3 }
    /^# fail [0-9]+$/ { f += $3 }
    /^# skipped [0-9]+$/ { s += $3 }
    END { print p + 0, f + 0, s + 0 }' "$log")
  # A stage that failed before any test could fail (compile error, setup)
  # still counts as one failure, so the total never reads "0 failed" then.
  if [ "$status" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  local took=$((SECONDS - start))
  if [ "$status" = 0 ] && [ $((p + f + s)) = 0 ]; then
    lines+=("  ok      $name (${took}s)") # setup, build: no tests of their own
  elif [ "$status" = 0 ]; then
    lines+=("  ok      $name ($p passed, $f failed, $s skipped; ${took}s)")
  else
    lines+=("  FAILED  $name (exit $status; ${took}s)")
    finish
    exit "$status"
  fi
}

stage "setup" bash scripts/setup.sh
# Formatting and lints fail the run, so the code stays as rustfmt.toml and
# clippy want it on both targets (the boundary compiles only for wasm32).
stage "cargo fmt --check" cargo fmt --check
stage "clippy (native)" cargo clippy --all-targets --quiet -- -D warnings
stage "clippy (wasm32)" cargo clippy --all-targets --target wasm32-unknown-unknown --quiet -- -D warnings
stage "native tests" cargo test --lib --tests
stage "doctests" cargo test --doc
stage "release build" bash scripts/build.sh
# The runner (.cargo/config.toml) runs a test file in Node unless it has
# wasm_bindgen_test_configure!(run_in_browser); WASM_BINDGEN_USE_BROWSER=1
# (read by wasm-bindgen-test-runner 0.2.130) sends the same files to a
# browser through chromedriver, whose Chromium flags come from webdriver.json.
stage "wasm tests (Node)" env -u WASM_BINDGEN_USE_BROWSER \
  cargo test --target wasm32-unknown-unknown --tests
stage "wasm tests (headless Chromium)" env WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --tests
stage "JS tests against the build (Node)" node --test tests/js/
stage "e2e (Playwright)" node_modules/.bin/playwright test
finish
