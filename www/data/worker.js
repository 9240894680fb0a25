// Runs the engine's data functions off the page's thread, so reading a large
// file never freezes the page. Messages in: { id, method, args, progress };
// out: { id, progress } while working, then { id, result } or { id, error }.

import init, * as engine from "../pkg/retention_metrics.js";

/** The engine's functions the page may call here, by name. */
const METHODS = Object.fromEntries([
  "analyzeTransactions",
  "analyzeSurvey",
  "analyzeCosts",
  "analyzeSubscriptions",
  "previewTable",
  "segmentCsv",
  "skippedRowsCsv",
  "sampleTransactions",
  "sampleSubscriptions",
  "predictCustomers",
  "customerVisits",
].map((name) => [name, engine[name]]));

// Started once, awaited by every request.
const ready = init();

self.addEventListener("message", async (event) => {
  const { id, method, args = [], progress } = event.data || {};
  try {
    await ready;
    const run = METHODS[method];
    if (!run) throw new Error(`Unknown method ${method}`);
    if (progress && args[1] && typeof args[1] === "object") {
      // The engine calls this between blocks of rows; the page shows it on a <progress>.
      args[1] = { ...args[1], onProgress: (share) => self.postMessage({ id, progress: share }) };
    }
    self.postMessage({ id, result: run(...args) });
  } catch (err) {
    // An Error's own properties (code, field) do not survive postMessage: copy them.
    self.postMessage({
      id,
      error: {
        message: err && err.message ? err.message : String(err),
        // A trap (out of memory, a stack overflow: "RuntimeError: unreachable")
        // leaves the engine as broken as a panic does: the page starts a new one.
        code: err && err.code ? err.code : err instanceof WebAssembly.RuntimeError ? "internal" : null,
        field: err && err.field ? err.field : null,
      },
    });
  }
});
