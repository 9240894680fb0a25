// The engine as the offline single file carries it: the wasm-bindgen glue
// with the .wasm inlined (gzipped, base64) rather than fetched, because a page
// opened from disk (file://) may not fetch. Stands in for
// www/pkg/retention_metrics.js in the page's bundle (see ../build-single-file.mjs).

export * from "engine-glue";
import { initSync } from "engine-glue";
import wasmGzipBase64 from "engine-wasm";

let compiled = null;

/** The compiled engine, made once; the data worker gets the same module by postMessage. */
export function engineModule() {
  compiled ??= (async () => {
    const gzipped = Uint8Array.from(atob(wasmGzipBase64), (char) => char.charCodeAt(0));
    const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream("gzip"));
    return WebAssembly.compile(await new Response(stream).arrayBuffer());
  })();
  return compiled;
}

/** Same contract as the glue's default export: resolves once the engine can be called. */
export default async function init() {
  initSync({ module: await engineModule() });
}
