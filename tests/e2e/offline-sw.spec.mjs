// The hosted page after one visit: its service worker keeps the whole
// release, so with the network gone the calculator computes and a CSV is
// still analysed; a new build is a new cache that replaces the old one
// whole, when the reader says "Reload". Runs on its own server over a copy
// of www/, so the test can publish a changed build.
import { test, expect } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { field, resultValue } from './helpers.mjs';
import { dropFile, expectReport, totalValue } from './data-helpers.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
test.use({ serviceWorkers: 'allow' }); // blocked in the other tests (playwright.config.mjs)

let site; // { dir, origin, stop }

/** Serves a fresh copy of www/ on a free port with scripts/serve.mjs. */
async function serveCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'rc-site-'));
  cpSync(join(ROOT, 'www'), dir, { recursive: true });
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '0'], { env: { ...process.env, SERVE_ROOT: dir } });
  const origin = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { dir, origin, stop: () => { server.kill(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Publishes a changed build: a marker in index.html, and the release list made again. */
function publishChangedBuild(marker) {
  const index = join(site.dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', `<head>\n  <meta name="release" content="${marker}">`));
  execFileSync(process.execPath, [join(ROOT, 'scripts/precache.mjs'), site.dir]);
}

const cacheNames = (page) => page.evaluate(() => caches.keys());
/** The release marker of the page shown (null before the changed build). */
const released = (page) => page.evaluate(() => document.querySelector('meta[name="release"]')?.content ?? null);

test.beforeEach(async ({ context }, testInfo) => {
  site = await serveCopy();
  // Every request of the page and of its workers, service worker included.
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  testInfo.requests = requests;
});

test.afterEach(async ({}, testInfo) => {
  site.stop();
  const elsewhere = testInfo.requests.filter((url) => !url.startsWith(`${site.origin}/`) && !/^(data|blob):/.test(url));
  expect(elsewhere, 'requests outside the page origin').toEqual([]);
});

/** First visit: the page loads and its service worker has the release cached and in control. */
async function firstVisit(page, query = '') {
  await page.goto(`${site.origin}/${query}`);
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after one visit the page works with the network gone: calculator and CSV analysis', async ({ page, context }) => {
  await firstVisit(page);
  expect(await cacheNames(page)).toHaveLength(1);

  await context.setOffline(true);
  await page.goto(`${site.origin}/?metric=churn_rate&start=200&lost=10`);
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await expect(resultValue(page)).toHaveText('5%'); // 10 / 200
  await field(page, 'lost').fill('30');
  await expect(resultValue(page)).toHaveText('15%');

  // The data view, its worker and the engine inside it all come from the cache.
  await page.goto(`${site.origin}/index.html?view=data`);
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await dropFile(page, '#data-drop', 'orders-pl-cp1250.csv');
  await expectReport(page);
  await expect(totalValue(page, 'revenue')).toHaveText('PLN 1,307.50');

  // So is the offline file behind "Download for offline use".
  const link = page.locator('#page-actions a[download]');
  await expect(link).toHaveText('Download for offline use');
  const download = page.waitForEvent('download');
  await link.click();
  const saved = await (await download).path();
  expect(readFileSync(saved, 'utf8')).toContain('<html data-single-file');
});

test('a changed build replaces the cached one whole when the reader reloads', async ({ page, context }) => {
  await firstVisit(page, '?metric=retention_rate&start=200&end=210&new=30');
  const [first] = await cacheNames(page);
  expect(await released(page)).toBeNull();

  publishChangedBuild('2');
  // The next visit finds the new release, fetches it whole and offers it; the page stays on the old one meanwhile.
  await page.reload();
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  const notice = page.locator('.update-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('A new version of the calculator is ready.');
  expect(await released(page)).toBeNull();

  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator('meta[name="release"]')).toHaveAttribute('content', '2');
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  // The address kept the calculation through the reload.
  await expect(resultValue(page)).toHaveText('90%');
  const caches = await cacheNames(page);
  expect(caches).toHaveLength(1);
  expect(caches[0]).not.toBe(first);

  // And offline, the new release is what is served.
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  expect(await released(page)).toBe('2');
  await expect(notice).toBeHidden();
});

test('the page is an installable web app: manifest, icons and a service worker', async ({ page }) => {
  await firstVisit(page);
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel="manifest"]').href)).json());
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('./');
  const sizes = manifest.icons.map((icon) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, `${site.origin}/`).href);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type']).toBe(icon.type);
  }
});
