// Benchmarks of the page, printed as one block (speed targets live here, not
// in timed tests): the engine's size, the time from opening an address to its
// result on screen, the cost of one compute() call, analyzeTransactions
// over the 1,000,000-row benchmark log (generated with its fixed seed) in
// headless Chromium and natively, with MB/s and peak memory, and
// predictCustomers (the whole customers view) on CDNOW in Chromium and on the
// benchmark log in the page's Worker and natively. Targets are printed
// beside the figures, never asserted.
// Usage: npm run bench   (builds first; RUNS=n for more page loads,
// LOG_RUNS=n for more analyses and predictions)
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const RUNS = Number(process.env.RUNS ?? 9);
const CALLS = 20000;
const LOG_RUNS = Number(process.env.LOG_RUNS ?? 7);
const base = `http://127.0.0.1:${PORT}`;
const address = `${base}/index.html?metric=retention_rate&start=200&end=210&new=30`;

/**
 * What a blog page with the widget downloads besides the .wasm: widget.js,
 * the modules it imports (esbuild's graph of them, nothing bundled), the
 * engine's glue and the stylesheets it links beside it.
 */
async function widgetFiles() {
  const { metafile } = await build({ entryPoints: ['www/widget.js'], bundle: true, write: false, metafile: true, format: 'esm', logLevel: 'silent' });
  const modules = Object.keys(metafile.inputs);
  const styles = [...readFileSync('www/widget.js', 'utf8').matchAll(/["'`](?:\.\/)?([\w/-]+\.css)["'`]/g)].map((m) => `www/${m[1]}`);
  // The engine's glue is imported from a computed address, which the graph does not follow.
  return [...new Set([...modules, ...styles, 'www/pkg/retention_metrics.js'])];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

async function waitForServer(deadline = Date.now() + 10000) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server on ${base} did not start`);
}

const server = spawn(process.execPath, ['scripts/serve.mjs', String(PORT)], { stdio: 'ignore' });
try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });

  // Time to first result: a fresh context (cold cache, no service worker yet)
  // per run, measured by the page's own clock from navigation start to the
  // moment the value is in the live region (noted by a MutationObserver, so
  // neither the load event nor the test's polling is counted).
  const firstResult = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('[role=status] .result__value')?.textContent !== '90%') return;
        window.firstResultAt = performance.now();
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(address);
    await page.waitForFunction(() => window.firstResultAt !== undefined);
    firstResult.push(await page.evaluate(() => window.firstResultAt));
    await context.close();
  }

  // One compute() call, averaged over many, with typed text to read.
  const page = await browser.newPage();
  await page.goto(`${base}/index.html`);
  const perCall = await page.evaluate(async (calls) => {
    const engine = await import('./pkg/retention_metrics.js');
    await engine.default();
    const inputs = { start: '1 200', end: '1 150', new: '130' };
    for (let i = 0; i < 500; i++) engine.compute('retention_rate', inputs, { locale: 'pl' });
    const start = performance.now();
    for (let i = 0; i < calls; i++) engine.compute('retention_rate', inputs, { locale: 'pl' });
    return ((performance.now() - start) * 1000) / calls;
  }, CALLS);

  // analyzeTransactions over the benchmark log. The log is generated in Node
  // by the same engine (fixed seed) and handed to a fresh page as bytes; the
  // page times several full analyses (bytes in, report object out). Wasm
  // memory never shrinks, so its size after the first analysis is the
  // engine's peak; the file's own bytes held by the page are added to it.
  const engine = await import('../www/pkg/retention_metrics.js');
  engine.initSync({ module: readFileSync('www/pkg/retention_metrics_bg.wasm') });
  const log = engine.sampleTransactions('benchmark');
  const logBytes = Buffer.byteLength(log);
  const logPage = await browser.newPage();
  await logPage.goto(`${base}/index.html`);
  const browserRun = await logPage.evaluate(async ({ log, runs }) => {
    const engine = await import('./pkg/retention_metrics.js');
    const wasm = await engine.default();
    const bytes = new TextEncoder().encode(log);
    const times = [];
    let peakWasm = 0;
    let report = null;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      report = engine.analyzeTransactions(bytes, { windowDays: 90, period: 'month' });
      times.push(performance.now() - start);
      if (run === 0) peakWasm = wasm.memory.buffer.byteLength;
    }
    // The same bytes through predictCustomers on this thread: the engine's
    // share of the Worker's time below (the rest is moving the file in and
    // the report out).
    const predictTimes = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      engine.predictCustomers(bytes, {});
      predictTimes.push(performance.now() - start);
    }
    return { times, peakWasm, rows: report.input.rows, customers: report.input.customers, predictTimes };
  }, { log, runs: LOG_RUNS });
  // predictCustomers over CDNOW (tests/fixtures/predict/cdnow-sample.csv),
  // timed as analyzeTransactions is: the bytes in a fresh page, several
  // whole calls (bytes in, report object out), the median; as the page opens
  // it (no calibration end) and with the tracking check (a calibration end,
  // so a second BG/NBD fit).
  const cdnow = readFileSync('tests/fixtures/predict/cdnow-sample.csv', 'utf8');
  const cdnowPage = await browser.newPage();
  await cdnowPage.goto(`${base}/index.html`);
  const cdnowRun = await cdnowPage.evaluate(async ({ text, runs }) => {
    const engine = await import('./pkg/retention_metrics.js');
    await engine.default();
    const bytes = new TextEncoder().encode(text);
    const timed = (options) => {
      const times = [];
      let report = null;
      for (let run = 0; run < runs; run++) {
        const start = performance.now();
        report = engine.predictCustomers(bytes, options);
        times.push(performance.now() - start);
      }
      return { times, rows: report.input.rows, customers: report.customers.length, fitted: report.model.bg_nbd !== null };
    };
    return { plain: timed({}), tracked: timed({ calibrationEnd: '1997-09-30' }) };
  }, { text: cdnow, runs: LOG_RUNS });
  await cdnowPage.close();

  // predictCustomers over the benchmark log in the page's own Worker
  // (www/data/worker.js through www/data/client.js, as the customers view
  // calls it): a File in the page, read, moved to the worker, predicted and
  // the report cloned back, timed on the page's clock from the call to the
  // answer. The first call starts the worker and its engine.
  const workerContext = await browser.newContext({ serviceWorkers: 'block' });
  const workerPage = await workerContext.newPage();
  await workerPage.goto(`${base}/index.html`);
  const workerRun = await workerPage.evaluate(async ({ log, runs }) => {
    const { createDataClient, sourceOf } = await import('./data/client.js');
    const client = createDataClient();
    const source = sourceOf(new File([log], 'benchmark.csv', { type: 'text/csv' }));
    const times = [];
    let report = null;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      report = await client.call('predictCustomers', source, [{}], { onProgress: () => {} });
      times.push(performance.now() - start);
    }
    return { times, customers: report.customers.length, fitted: report.model.bg_nbd !== null };
  }, { log, runs: LOG_RUNS });
  await workerContext.close();
  await browser.close();

  const native = JSON.parse(
    execFileSync('cargo', ['bench', '--quiet', '--bench', 'analyze'], { env: { ...process.env, BENCH_RUNS: String(LOG_RUNS) }, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop(),
  );
  const browserMs = median(browserRun.times);
  const nativeMs = native.median_s * 1000;
  const mb = logBytes / 1e6;
  const mib = (bytes) => `${(bytes / 1048576).toFixed(0)} MiB`;

  const wasm = readFileSync('www/pkg/retention_metrics_bg.wasm');
  const glue = readFileSync('www/pkg/retention_metrics.js');
  console.log('bench: engine .wasm        ', `${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzipped`);
  console.log('bench: engine JS glue      ', `${kb(glue.length)} raw, ${kb(gzipSync(glue, { level: 9 }).length)} gzipped`);
  const widget = await widgetFiles();
  const gzipped = (files) => files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  console.log('bench: widget              ', `widget.js and the ${widget.length - 1} files it loads, each gzipped: ${kb(gzipped(widget))}; with the .wasm: ${kb(gzipped([...widget, 'www/pkg/retention_metrics_bg.wasm']))}`);
  const single = readFileSync('dist/retention-calculator.html');
  console.log('bench: offline single file ', `dist/retention-calculator.html ${kb(single.length)} raw, ${kb(gzipSync(single, { level: 9 }).length)} gzipped`);
  console.log('bench: time to first result', `${median(firstResult).toFixed(0)} ms median of ${RUNS} cold loads on localhost (min ${Math.min(...firstResult).toFixed(0)}, max ${Math.max(...firstResult).toFixed(0)})`);
  console.log('bench: compute() call      ', `${perCall.toFixed(1)} µs (retention_rate from typed text, mean of ${CALLS})`);
  console.log('bench: benchmark log       ', `${browserRun.rows.toLocaleString('en')} rows, ${browserRun.customers.toLocaleString('en')} customers, ${mb.toFixed(1)} MB`);
  console.log('bench: analyzeTransactions ', `Chromium ${browserMs.toFixed(0)} ms median of ${LOG_RUNS} (${(mb / (browserMs / 1000)).toFixed(0)} MB/s; min ${Math.min(...browserRun.times).toFixed(0)}, max ${Math.max(...browserRun.times).toFixed(0)})`);
  console.log('bench: analyzeTransactions ', `native ${nativeMs.toFixed(0)} ms median of ${LOG_RUNS} (${native.mb_per_s.toFixed(0)} MB/s); Chromium / native = ${(browserMs / nativeMs).toFixed(2)}×`);
  console.log('bench: peak memory         ', `Chromium: wasm memory ${mib(browserRun.peakWasm)} + the file's ${mib(logBytes)} in the page = ${((browserRun.peakWasm + logBytes) / logBytes).toFixed(1)}× the file; native: heap ${mib(native.peak_heap_bytes)} + the file = ${((native.peak_heap_bytes + logBytes) / logBytes).toFixed(1)}× the file`);
  const ms = (xs) => `${median(xs).toFixed(0)} ms median of ${xs.length} (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  const target = (value, limit) => (value < limit ? `under the ${limit} ms target` : `OVER the ${limit} ms target`);
  const cdnowMs = median(cdnowRun.plain.times);
  console.log('bench: predictCustomers    ', `CDNOW (${cdnowRun.plain.rows.toLocaleString('en')} rows, ${cdnowRun.plain.customers.toLocaleString('en')} customers${cdnowRun.plain.fitted ? '' : ', BG/NBD NOT fitted'}) in Chromium: ${ms(cdnowRun.plain.times)}; ${target(cdnowMs, 200)}`);
  console.log('bench: predictCustomers    ', `CDNOW with calibrationEnd 1997-09-30 (tracking, a second fit): ${ms(cdnowRun.tracked.times)}; ${target(median(cdnowRun.tracked.times), 200)}`);
  console.log('bench: predictCustomers    ', `benchmark log in Chromium on the page's thread (the engine alone, bytes already in the page): ${ms(browserRun.predictTimes)}`);
  const workerMs = median(workerRun.times);
  console.log('bench: predictCustomers    ', `benchmark log (${workerRun.customers.toLocaleString('en')} customers${workerRun.fitted ? '' : ', BG/NBD NOT fitted'}) in the page's Worker: ${ms(workerRun.times)}, file read, moved, predicted and the report back; ${target(workerMs, 2000)}`);
  const nativePredictMs = native.predict_median_s * 1000;
  console.log('bench: predictCustomers    ', `benchmark log natively: ${nativePredictMs.toFixed(0)} ms median of ${LOG_RUNS} (peak heap ${mib(native.predict_peak_heap_bytes)}); Worker / native = ${(workerMs / nativePredictMs).toFixed(2)}×`);
} finally {
  server.kill();
}
