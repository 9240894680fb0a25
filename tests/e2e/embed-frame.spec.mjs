// The iframe embed (embed.html) in a host page made of the very snippet the
// "Embed" dialog gives: it computes, and a host that loads widget.js keeps
// the frame as tall as its content; without the script the frame keeps the
// snippet's height and still works.
import { test, expect } from '@playwright/test';
import { guardPage } from './helpers.mjs';
import { embedSnippets } from '../../www/embed/snippets.js';
import { FRAME_HEIGHTS } from '../../www/embed/heights.js';

guardPage(test);

/**
 * Serves a blog post with the frame snippet at /embed-host.html; `script`:
 * the host also loads widget.js; `rule: false`: the host strips the
 * snippet's <style> (as some editors do), so the frame keeps its height.
 */
async function openHost(page, baseURL, { script, rule = true }) {
  const { frame: snippet } = embedSnippets({ metric: 'churn_rate', lang: 'pl', currency: null }, 'Churn rate — calculator', new URL('index.html', baseURL));
  const frame = rule ? snippet : snippet.replace(/<style>[\s\S]*<\/style>/, '');
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog post</title>
${script ? '<script type="module" src="widget.js"></script>' : ''}
</head><body><h1>How many customers do we lose?</h1>
${frame}
<p>After the frame.</p></body></html>`;
  await page.route('**/embed-host.html', (route) => route.fulfill({ body, contentType: 'text/html' }));
  await page.goto('embed-host.html');
  const embed = page.frameLocator('iframe');
  await expect(embed.locator('#input-start')).toBeVisible();
  return embed;
}

/** The frame element's height and the height of the embed page's content. */
async function heights(page) {
  const frameHeight = await page.locator('iframe').evaluate((node) => node.getBoundingClientRect().height);
  const content = await page.frame({ url: /embed\.html/ }).evaluate(() => document.documentElement.scrollHeight);
  return { frameHeight, content };
}

test('the frame computes, and a host that loads widget.js fits the frame to its content as it grows and shrinks', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 800 }); // one column: the result adds to the height
  const embed = await openHost(page, baseURL, { script: true });
  await expect.poll(async () => { const h = await heights(page); return h.frameHeight === h.content; }).toBe(true);
  const empty = (await heights(page)).frameHeight;
  expect(empty).not.toBe(FRAME_HEIGHTS.churn_rate); // no longer the snippet's height

  await embed.locator('#input-start').fill('1 234');
  await embed.locator('#input-lost').fill('100');
  await expect(embed.locator('.result__value')).toHaveText('8,1%');
  await expect.poll(async () => (await heights(page)).frameHeight).toBeGreaterThan(empty);
  const grown = await heights(page);
  expect(grown.frameHeight).toBe(grown.content);

  await embed.locator('.form__clear').click();
  await expect.poll(async () => (await heights(page)).frameHeight).toBe(empty);
});

test('a host without scripts that strips the snippet\'s rule keeps the snippet\'s height, and the frame still works', async ({ page, baseURL }) => {
  const embed = await openHost(page, baseURL, { script: false, rule: false });
  await embed.locator('#input-start').fill('200');
  await embed.locator('#input-lost').fill('10');
  await expect(embed.locator('.result__value')).toHaveText('5%');
  const frame = page.locator('iframe');
  expect(await frame.evaluate((node) => node.getBoundingClientRect().height)).toBe(FRAME_HEIGHTS.churn_rate);
  expect(await frame.evaluate((node) => node.getBoundingClientRect().width)).toBe(await page.locator('h1').evaluate((node) => node.getBoundingClientRect().width));
});

test('embed.html shows only the widget its address asks for, under the page\'s CSP', async ({ page }) => {
  await page.goto('embed.html?metric=customer_lifetime_value&lang=pl&currency=PLN&example=coffee&theme=dark');
  const widget = page.locator('retention-calculator');
  await expect(widget.locator('.result__value')).toHaveText(/\szł$/);
  expect(await widget.evaluate((node) => node.result.id)).toBe('customer_lifetime_value');
  await expect(widget.locator('.widget')).toHaveAttribute('data-scheme', 'dark');
  await expect(widget.locator('.widget')).toHaveAttribute('lang', 'pl');
  expect(await page.evaluate(() => [...document.body.children].map((node) => node.localName))).toEqual(['main']);
  expect(await page.evaluate(() => [...document.querySelector('main').children].map((node) => node.localName))).toEqual(['retention-calculator']);
  expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content)).toContain("style-src 'self'");
});

const SHOTS = [
  { name: 'embed-frame-desktop', width: 1000, script: true },
  { name: 'embed-frame-phone', width: 390, script: true },
];

for (const shot of SHOTS) {
  test(`screenshot ${shot.name}`, async ({ page, baseURL }, testInfo) => {
    await page.setViewportSize({ width: shot.width, height: 900 });
    const embed = await openHost(page, baseURL, { script: shot.script });
    await embed.locator('button[data-example="coffee"]').click();
    await expect(embed.locator('.result__value')).toHaveCount(1);
    await expect.poll(async () => { const h = await heights(page); return h.frameHeight === h.content; }).toBe(true);
    await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/${shot.name}.png`, fullPage: true });
  });
}
