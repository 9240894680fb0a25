// The page's side of data-worker.js: calls as promises, progress reports,
// and a cancel that ends the worker (a fresh one starts with the next call).

import { startDataWorker } from "./worker-start.js";

/** A source the user gave: a dropped or chosen File, or text (pasted, or the sample). */
export function sourceOf(fileOrText, name) {
  return typeof fileOrText === "string"
    ? { kind: "text", text: fileOrText, name }
    : { kind: "file", file: fileOrText, name: name || fileOrText.name };
}

/**
 * The source as the worker takes it: text as a string; a file as its bytes,
 * read afresh each time (the File stays with the page, so nothing is lost
 * when a worker is cancelled) and moved, not copied, to the worker.
 */
async function payloadOf(source) {
  if (source.kind === "text") return { input: source.text, transfer: [] };
  const buffer = await source.file.arrayBuffer();
  return { input: new Uint8Array(buffer), transfer: [buffer] };
}

/** Raised for a call that Cancel (or a newer call with `replace`) ended. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.code = "cancelled";
  }
}

/**
 * @param {{ startWorker?: () => Worker }} [hooks]  startWorker: makes a
 *   worker (the tests pass a stand-in; the page uses the real one)
 */
export function createDataClient({ startWorker = startDataWorker } = {}) {
  let worker = null;
  let nextId = 1;
  // id → { method, source, args, onProgress, resolve, reject }, in the order
  // the calls were made, which is the order the worker runs them.
  const pending = new Map();

  function failAll(error) {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function start() {
    worker = startWorker();
    worker.addEventListener("message", (event) => {
      const { id, progress, result, error } = event.data;
      const call = pending.get(id);
      if (!call) return; // a call already cancelled
      if (progress !== undefined) {
        if (call.onProgress) call.onProgress(progress);
        return;
      }
      pending.delete(id);
      if (error) {
        const err = new Error(error.message);
        err.code = error.code;
        err.field = error.field;
        call.reject(err);
        // After a panic the engine's memory is in an unknown state (what it
        // had allocated is never freed): the calls after it go to a fresh one.
        if (error.code === "internal") restart();
      } else {
        call.resolve(result);
      }
    });
    // The worker itself failed (its module or the engine did not load).
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      const err = new Error(event.message || "The data worker stopped.");
      err.code = "worker";
      stop();
      failAll(err);
    });
    return worker;
  }

  function stop() {
    if (worker) worker.terminate();
    worker = null;
  }

  /** Sends a pending call to the worker, starting one if there is none. */
  async function post(id) {
    const call = pending.get(id);
    if (!call) return;
    let payload = { input: undefined, transfer: [] };
    try {
      if (call.source) payload = await payloadOf(call.source);
    } catch (err) {
      pending.delete(id);
      call.reject(err);
      return;
    }
    if (pending.get(id) !== call) return; // cancelled while the file was being read
    const args = call.source ? [payload.input, ...call.args] : call.args;
    (worker || start()).postMessage({ id, method: call.method, args, progress: Boolean(call.onProgress) }, payload.transfer);
  }

  /** Ends the worker and sends every unfinished call again to a fresh one. */
  function restart() {
    stop();
    for (const id of pending.keys()) post(id);
  }

  /**
   * Calls an engine function in the worker.
   * @param method   engine export name
   * @param source   a `sourceOf()` source, or null for functions without input
   * @param args     the arguments after the input
   * @param onProgress  called with 0..1 while the engine works
   * @param signal   an AbortSignal that cancels this call alone (Cancelled);
   *   the others made meanwhile carry on
   */
  function call(method, source, args = [], { onProgress, signal } = {}) {
    if (signal?.aborted) return Promise.reject(new Cancelled());
    const id = nextId++;
    const promise = new Promise((resolve, reject) => pending.set(id, { method, source, args, onProgress, resolve, reject }));
    signal?.addEventListener("abort", () => {
      const call = pending.get(id);
      if (!call) return;
      pending.delete(id);
      call.reject(new Cancelled());
      // The worker may be running it: only ending the worker stops it.
      restart();
    }, { once: true });
    post(id);
    return promise;
  }

  /** Ends whatever the worker is doing; every unfinished call rejects with Cancelled. */
  function cancel() {
    stop();
    failAll(new Cancelled());
  }

  return { call, cancel, busy: () => pending.size > 0 };
}

/**
 * The engine calls of a section of the data view (survey, costs), one at a
 * time: a new run cancels the one before, and `progress` (a progress.js bar)
 * shows a long one with its Cancel. While a run lasts `box` is busy; then
 * it shows the report, or empties the box and puts the engine's message
 * beside the input. `run` resolves to the report, `null` when the engine
 * refused the input, or `undefined` when it was cancelled (the section keeps
 * what it showed). Cancelling ends only this section's call: the other
 * section's, on the same client, carries on.
 */
export function createSectionRunner(client, { box, input, show, progress, onError = () => false }) {
  let current = null; // the AbortController of the run in progress

  async function run(method, source, options) {
    current?.abort();
    const mine = new AbortController();
    current = mine;
    box.setAttribute("aria-busy", "true");
    progress.start();
    try {
      const report = await client.call(method, source, [options], { signal: mine.signal });
      show(report);
      return report;
    } catch (err) {
      if (err instanceof Cancelled) return undefined;
      box.replaceChildren();
      // A section may answer some errors itself (ask how dates are written).
      if (!onError(err)) input.showError(err.message);
      return null;
    } finally {
      if (current === mine) {
        current = null;
        progress.stop();
        box.removeAttribute("aria-busy");
      }
    }
  }

  return { run, cancel: () => current?.abort() };
}
