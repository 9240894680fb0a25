// Benchmarks of the page, printed as one block (speed targets live here, not
// in timed tests): the engine's size, the time from opening an address to its
// result on screen, and the cost of one compute() call, in headless Chromium.
// Usage: npm run bench   (builds first; RUNS=n for more page loads)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const RUNS = Number(process.env.RUNS ?? 9);
const CALLS = 20000;
const base = `http://127.0.0.1:${PORT}`;
const address = `${base}/index.html?metric=retention_rate&start=200&end=210&new=30`;

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

  // Time to first result: a fresh context (cold cache) per run, measured by
  // the page's own clock from navigation start to the value in the live region.
  const firstResult = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(address);
    await page.waitForFunction(() => document.querySelector('[role=status] .result__value')?.textContent === '90%');
    firstResult.push(await page.evaluate(() => performance.now()));
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
  await browser.close();

  const wasm = readFileSync('www/pkg/retention_metrics_bg.wasm');
  const glue = readFileSync('www/pkg/retention_metrics.js');
  console.log('bench: engine .wasm        ', `${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzipped`);
  console.log('bench: engine JS glue      ', `${kb(glue.length)} raw, ${kb(gzipSync(glue, { level: 9 }).length)} gzipped`);
  console.log('bench: time to first result', `${median(firstResult).toFixed(0)} ms median of ${RUNS} cold loads on localhost (min ${Math.min(...firstResult).toFixed(0)}, max ${Math.max(...firstResult).toFixed(0)})`);
  console.log('bench: compute() call      ', `${perCall.toFixed(1)} µs (retention_rate from typed text, mean of ${CALLS})`);
} finally {
  server.kill();
}
