// The iframe snippet fits its metric (issue 16): its height is the tallest
// the metric's widget gets on a phone (every language, every worked example
// with its result), so nothing is cut at 360 px and no big blank is left;
// and where the browser sizes frames from their content (`frame-sizing`), a
// host with no script gets a frame exactly as tall as the widget, at 360
// and at 1280 px.
//
// The heights live in www/embed/heights.js. After a change to the widget's
// looks, `npm run embed-heights` measures them again and rewrites the file.
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { guardPage, expectNoAxeViolations } from './helpers.mjs';
import { embedSnippets } from '../../www/embed/snippets.js';
import { FRAME_HEIGHTS, FRAME_WIDTH, PICKER } from '../../www/embed/heights.js';

guardPage(test);

const UPDATE = process.env.UPDATE_EMBED_HEIGHTS === '1';
const LANGUAGES = ['en', 'pl', 'ru'];
/** Room over the tallest measured height that is not yet a gap. */
const SLACK = 48;

/**
 * Every metric's tallest widget at FRAME_WIDTH, over the languages and its
 * worked examples (each with its result), and the picker's (no metric
 * attribute) over every metric: { [metric id or PICKER]: px }.
 */
async function measure(page) {
  await page.setViewportSize({ width: FRAME_WIDTH, height: 800 });
  await page.goto('embed.html?lang=en');
  const widget = page.locator('retention-calculator');
  await expect(widget.locator('#metric-name')).toBeVisible();
  return page.evaluate(async ([languages, picker]) => {
    const element = document.querySelector('retention-calculator');
    const root = element.shadowRoot;
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const height = () => Math.ceil(document.documentElement.getBoundingClientRect().height);
    const tallest = {};
    const note = (id, value) => { tallest[id] = Math.max(tallest[id] || 0, value); };
    for (const lang of languages) {
      element.setAttribute('lang', lang);
      element.removeAttribute('metric');
      await frames();
      const ids = [...new Set([...root.querySelectorAll('[data-metric]')].map((node) => node.dataset.metric))];
      for (const id of ids) {
        for (const withPicker of [false, true]) {
          if (withPicker) element.removeAttribute('metric');
          else element.setAttribute('metric', id);
          if (withPicker) root.querySelector(`[data-metric="${id}"]`).click();
          await frames();
          const examples = [...root.querySelectorAll('button[data-example]')].map((node) => node.dataset.example);
          for (const example of examples.length > 0 ? examples : [null]) {
            if (example) root.querySelector(`button[data-example="${example}"]`).click();
            await frames();
            note(withPicker ? picker : id, height());
          }
        }
      }
    }
    return tallest;
  }, [LANGUAGES, PICKER]);
}

test('the snippet\'s height for each metric is its tallest widget on a phone, with no big blank', async ({ page }) => {
  test.setTimeout(120_000);
  const measured = await measure(page);
  if (UPDATE) {
    const rounded = Object.fromEntries(Object.entries(measured).map(([id, px]) => [id, Math.ceil((px + 8) / 10) * 10]));
    const source = `// The iframe snippet's height for each metric's widget: its tallest on a
// phone (${FRAME_WIDTH} px wide: a 360 px screen less a host's margins), over
// every language and worked example, with its result. Measured by
// tests/e2e/embed-fit.spec.mjs; \`npm run embed-heights\` rewrites this file.

/** The frame width the heights are measured at. */
export const FRAME_WIDTH = ${FRAME_WIDTH};

/** The key for a widget with no \`metric\` (the picker of every metric). */
export const PICKER = "${PICKER}";

export const FRAME_HEIGHTS = ${JSON.stringify(rounded, null, 2).replace(/"([a-z_]+)":/g, '$1:')};
`;
    writeFileSync(new URL('../../www/embed/heights.js', import.meta.url), source);
    return;
  }
  expect(Object.keys(FRAME_HEIGHTS).sort(), 'a height for every metric and the picker').toEqual(Object.keys(measured).sort());
  for (const [id, px] of Object.entries(measured)) {
    expect(FRAME_HEIGHTS[id], `${id}: the result is cut at ${FRAME_WIDTH} px (npm run embed-heights)`).toBeGreaterThanOrEqual(px);
    expect(FRAME_HEIGHTS[id], `${id}: a blank under the widget (npm run embed-heights)`).toBeLessThanOrEqual(px + SLACK);
  }
});

/** A blog post whose only embed is the frame snippet for `shown`, with no script of its own. */
async function openHost(page, baseURL, shown) {
  const { frame } = embedSnippets(shown, 'Calculator', new URL('index.html', baseURL));
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog post</title></head>
<body><main><h1>What is a customer worth?</h1>
${frame}
<p id="after">After the frame.</p></main></body></html>`;
  await page.route('**/embed-host.html', (route) => route.fulfill({ body, contentType: 'text/html' }));
  await page.goto('embed-host.html');
  await expect(page.frameLocator('iframe').locator('#metric-name')).toBeVisible();
}

/** The frame's height, its content's, and whether the content scrolls inside it. */
async function fit(page) {
  const frameHeight = await page.locator('iframe').evaluate((node) => node.getBoundingClientRect().height);
  const inner = await page.frame({ url: /embed\.html/ }).evaluate(() => ({
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
  }));
  return { frameHeight, ...inner };
}

for (const width of [360, 1280]) {
  for (const [lang, currency, value] of [['en', 'USD', '$'], ['pl', 'PLN', 'zł'], ['ru', 'RUB', '₽']]) {
    test(`${width} px, ${lang}: a host with no script gets a frame as tall as the widget, before and after a result`, async ({ page, baseURL }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await openHost(page, baseURL, { metric: 'customer_lifetime_value', lang, currency, theme: null, example: null });
      await expect.poll(async () => { const f = await fit(page); return Math.abs(f.frameHeight - f.content) <= 1; }).toBe(true);
      const empty = await fit(page);
      expect(empty.scrolls).toBe(false);
      const embed = page.frameLocator('iframe');
      await embed.locator('button[data-example]').first().click();
      await expect(embed.locator('.result__value')).toContainText(value);
      // On a phone the result under the form makes the frame taller; beside it (1280) it may not.
      if (width === 360) await expect.poll(async () => (await fit(page)).frameHeight).toBeGreaterThan(empty.frameHeight);
      await expect.poll(async () => { const f = await fit(page); return Math.abs(f.frameHeight - f.content) <= 1; }).toBe(true);
      const grown = await fit(page);
      expect(grown.scrolls).toBe(false);
      // The fallback height (browsers without frame-sizing) holds this result at a phone's width.
      if (width === 360) expect(FRAME_HEIGHTS.customer_lifetime_value).toBeGreaterThanOrEqual(grown.content);
      await page.locator('#after').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/embed-fit-${width}-${lang}.png`, fullPage: true });
      await expectNoAxeViolations(page, { exclude: 'iframe' });
    });
  }
}
