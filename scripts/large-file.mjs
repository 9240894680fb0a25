// A very large orders file dropped into the page, as a person would: it must
// finish, or say plainly that it is too large, and the tab must not die.
// Prints the time from choosing the file to the report (or the message), to
// the customers view's forecasts after it, and the browser's peak memory (the resident size of every Chromium process,
// sampled). Not part of `npm test`: it takes a minute and gigabytes.
// Usage: npm run build && node scripts/large-file.mjs [MB]   (default 200)
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { chromium } from '@playwright/test';

const MB = Number(process.argv[2] ?? 200);
const PORT = 4391;
const path = `/tmp/retention-large-${MB}mb.csv`;

/** Writes about `MB` megabytes of customer,date,amount rows (50,000 customers over two years). */
async function writeLog() {
  const out = createWriteStream(path);
  out.write('customer,date,amount\n');
  let written = 0;
  // xorshift32: every bit random, so the 50,000 customers all appear.
  let seed = 2463534242;
  const next = () => {
    seed ^= seed << 13; seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5; seed >>>= 0;
    return seed;
  };
  const day0 = Date.UTC(2023, 0, 1);
  while (written < MB * 1e6) {
    let chunk = '';
    for (let i = 0; i < 10000; i++) {
      const date = new Date(day0 + (next() % 730) * 86400000).toISOString().slice(0, 10);
      chunk += `C${next() % 50000},${date},${(next() % 10000) / 100}\n`;
    }
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The resident memory of every Chromium process, in bytes. */
function chromiumRss() {
  try {
    const lines = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
    return lines.split('\n').filter(Boolean).reduce((sum, kib) => sum + Number(kib) * 1024, 0);
  } catch {
    return 0;
  }
}

await writeLog();
const bytes = statSync(path).size;
const server = spawn(process.execPath, ['scripts/serve.mjs', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
try {
  const page = await browser.newPage();
  let crashed = false;
  page.on('crash', () => { crashed = true; });
  await page.goto(`http://127.0.0.1:${PORT}/index.html?view=data`);
  await page.locator('html.is-ready').waitFor();
  const idle = chromiumRss();
  let peak = idle;
  const sampler = setInterval(() => { peak = Math.max(peak, chromiumRss()); }, 100);
  const started = Date.now();
  await page.locator('#data-file').setInputFiles(path);
  const outcome = await Promise.race([
    page.locator('#data-totals').waitFor({ timeout: 600_000 }).then(() => 'report'),
    page.locator('#data-alert:not(:empty)').waitFor({ timeout: 600_000 }).then(() => 'message'),
  ]);
  const seconds = (Date.now() - started) / 1000;
  // The customers view's forecasts follow the report, reading the file again.
  const forecasts = outcome === 'report'
    ? await page.locator('#customers-status:not(:empty)').waitFor({ timeout: 600_000 }).then(
      async () => `${await page.locator('#customers-status').textContent()} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
      () => 'no forecasts',
    )
    : '';
  clearInterval(sampler);
  const said = outcome === 'report'
    ? await page.locator('#data-status').textContent()
    : await page.locator('#data-alert').textContent();
  const mib = (n) => `${(n / 2 ** 20).toFixed(0)} MiB`;
  console.log(`large file: ${mib(bytes)} file, ${outcome} in ${seconds.toFixed(1)} s: ${said.trim()}`);
  if (forecasts) console.log(`large file: ${forecasts}`);
  console.log(`large file: Chromium peak ${mib(peak)} (idle ${mib(idle)}), ${((peak - idle) / bytes).toFixed(1)}× the file above idle; tab ${crashed ? 'DIED' : 'alive'}`);
  if (crashed) process.exitCode = 1;
} finally {
  await browser.close();
  server.kill();
}
