// The engine inside the offline single file's data worker. The worker has
// no file to fetch the .wasm from, so the page posts it the compiled module
// ({ engine: WebAssembly.Module }); this stands in for
// www/pkg/retention_metrics.js in the worker's bundle.

export * from "engine-glue";
import { initSync } from "engine-glue";

const received = new Promise((resolve) => {
  // Registered before data/worker.js's own listener (imports run first), so
  // the engine message never reaches the worker's request handling.
  self.addEventListener("message", function receive(event) {
    if (!(event.data && event.data.engine instanceof WebAssembly.Module)) return;
    event.stopImmediatePropagation();
    self.removeEventListener("message", receive);
    resolve(event.data.engine);
  });
});

/** Same contract as the glue's default export: resolves once the engine can be called. */
export default async function init() {
  initSync({ module: await received });
}
