// Playwright reporter that prints one plain last line for CI logs:
//   playwright: N passed, N failed, N skipped
// (Playwright's own summary spreads over several lines when something fails.)
export default class SummaryReporter {
  onBegin(config, suite) { this.suite = suite; this.errors = 0; }
  // Errors outside any test (web server did not start, no tests found, …).
  onError() { this.errors += 1; }
  printsToStdio() { return true; }
  onEnd(result) {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const test of this.suite?.allTests() ?? []) {
      const outcome = test.outcome(); // expected | unexpected | flaky | skipped
      if (outcome === 'skipped') count.skipped += 1;
      else if (outcome === 'unexpected') count.failed += 1;
      else count.passed += 1;
    }
    // A run that failed without a failing test (global error, timeout) still says so.
    if (result.status !== 'passed' && count.failed === 0) count.failed = Math.max(1, this.errors);
    console.log(`playwright: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
  }
}
