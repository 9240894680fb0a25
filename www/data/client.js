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

export function createDataClient() {
  let worker = null;
  let nextId = 1;
  const pending = new Map(); // id → { resolve, reject, onProgress }

  function failAll(error) {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function start() {
    worker = startDataWorker();
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

  /**
   * Calls an engine function in the worker.
   * @param method   engine export name
   * @param source   a `sourceOf()` source, or null for functions without input
   * @param args     the arguments after the input
   * @param onProgress  called with 0..1 while the engine works
   */
  async function call(method, source, args = [], { onProgress } = {}) {
    const id = nextId++;
    const promise = new Promise((resolve, reject) => pending.set(id, { resolve, reject, onProgress }));
    let payload = { input: undefined, transfer: [] };
    try {
      if (source) payload = await payloadOf(source);
    } catch (err) {
      pending.delete(id);
      throw err;
    }
    if (!pending.has(id)) return promise; // cancelled while the file was being read
    const message = { id, method, args: source ? [payload.input, ...args] : args, progress: Boolean(onProgress) };
    (worker || start()).postMessage(message, payload.transfer);
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
 * One engine call for a section of the data view (survey, costs): marks
 * `box` busy while it runs, then shows the report, or empties the box and
 * puts the engine's message beside the input. Resolves to the report, `null`
 * when the engine refused the input, or `undefined` when it was cancelled
 * (the section keeps what it showed).
 */
export async function runSection(client, method, source, options, { box, input, show }) {
  box.setAttribute("aria-busy", "true");
  try {
    const report = await client.call(method, source, [options]);
    show(report);
    return report;
  } catch (err) {
    if (err instanceof Cancelled) return undefined;
    box.replaceChildren();
    input.showError(err.message);
    return null;
  } finally {
    box.removeAttribute("aria-busy");
  }
}
