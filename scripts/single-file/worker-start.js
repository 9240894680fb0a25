// Starts the data worker in the offline single file: from its bundled code
// (a blob URL, as file:// cannot load a worker script) and hands it the
// page's compiled engine. Stands in for www/data/worker-start.js.

import workerSource from "data-worker-source";
import { engineModule } from "engine-glue-inline";

let url = null;

/** A new data worker, with the engine posted to it as soon as it is compiled. */
export function startDataWorker() {
  url ??= URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  const worker = new Worker(url); // classic: see build-single-file.mjs
  engineModule().then((module) => worker.postMessage({ engine: module }));
  return worker;
}
