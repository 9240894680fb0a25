// The widget as a real blog uses it: the post is on one origin, widget.js
// and everything it loads (modules, stylesheets, the engine) on another.
// Module scripts and the .wasm are fetched with CORS, so this fails unless
// the widget's server sends Access-Control-Allow-Origin (scripts/serve.mjs does).
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVE = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));

/**
 * The blog: `html` as post.html on a server of its own (another port, so
 * another origin; loopback like the widget's, as Chromium refuses a public
 * page's requests to a loopback address).
 */
async function serveBlog(html) {
  const dir = mkdtempSync(join(tmpdir(), 'rc-blog-'));
  writeFileSync(join(dir, 'post.html'), html);
  const server = spawn(process.execPath, [SERVE, '0'], { env: { ...process.env, SERVE_ROOT: dir } });
  const origin = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    server.on('exit', (code) => reject(new Error(`blog server exited ${code}`)));
  });
  return { origin, stop: () => { server.kill(); rmSync(dir, { recursive: true, force: true }); } };
}

let blog = null;
test.afterEach(() => blog?.stop());

test('a post on another origin loads the widget, its styles and the engine, and computes', async ({ page, baseURL }) => {
  const widgetOrigin = new URL(baseURL).origin;
  blog = await serveBlog(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post about churn</title>
    <script type="module" src="${widgetOrigin}/widget.js"></script></head>
    <body><p>Our churn this month:</p><retention-calculator metric="churn_rate" lang="en"></retention-calculator></body></html>`);
  const origins = new Set();
  const failed = [];
  const errors = [];
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure().errorText}`));
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(`${blog.origin}/post.html`);
  const widget = page.locator('retention-calculator');
  await widget.locator('#input-start').fill('200');
  await widget.locator('#input-lost').fill('10');
  await expect(widget.locator('.result__value')).toHaveText('5%'); // 10 / 200

  // Every stylesheet in the shadow root loaded (a refused one has no sheet).
  const sheets = await widget.evaluate((node) => [...node.shadowRoot.querySelectorAll('link[rel="stylesheet"]')].map((link) => Boolean(link.sheet)));
  expect(sheets.length).toBeGreaterThan(0);
  expect(sheets.every(Boolean)).toBe(true);
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  // The post itself, and the widget's own origin: nothing else.
  expect([...origins].sort()).toEqual([blog.origin, widgetOrigin].sort());
});
