// Starts the worker that runs the engine's data functions. Its own module so
// the offline single file (scripts/single-file/) can swap it for one that
// starts the same worker from code inlined in the file.

/** A new data worker (data-worker.js), loaded from beside this module. */
export function startDataWorker() {
  return new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
}
