// Full-page screenshots of the page in every language (en, pl, ru), light and
// dark: the calculator with a worked example's result at desktop and phone
// size, and the data view's sample report at desktop size. Each one also
// checks the page's language, a translated heading, that nothing scrolls
// sideways and that the background follows the colour scheme. The pictures
// land in test-results/screenshots/ (calc-pl-dark-phone.png, data-ru-light.png…)
// for a person to look at.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, resultValue, locale } from './helpers.mjs';
import { runSampleIn } from './data-helpers.mjs';

guardPage(test);

const NBSP = '\u00a0';

/** The texts each screenshot checks, from the locale files, and the coffee example's result. */
const TEXTS = Object.fromEntries(Object.entries({ en: '90%', pl: '90%', ru: `90${NBSP}%` }).map(([lang, value]) => {
  const t = locale(lang);
  return [lang, {
    title: t('ui.title'),
    metric: t('metric.retention_rate.name'),
    start: t('metric.retention_rate.input.start'),
    inputs: t('ui.inputs'),
    result: t('ui.result'),
    value,
    dataTitle: t('data.page.title'),
    totals: t('data.page.totals.heading'),
    periods: t('data.page.periods.heading'),
  }];
}));

// The languages really differ: a check that passes in English cannot pass in Polish or Russian.
for (const key of ['title', 'inputs', 'result', 'dataTitle', 'totals']) {
  if (new Set(Object.values(TEXTS).map((texts) => texts[key])).size !== 3) throw new Error(`${key} is the same in two languages`);
}

const SIZES = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

/** Relative luminance (WCAG) of the colour the page is painted on: the body's background, else the root's. */
function backgroundLuminance(page) {
  return page.evaluate(() => {
    const parse = (value) => {
      const m = value.match(/rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+))?\)/);
      return m ? { rgb: [m[1], m[2], m[3]].map(Number), alpha: m[4] === undefined ? 1 : Number(m[4]) } : null;
    };
    let colour = parse(getComputedStyle(document.body).backgroundColor);
    if (!colour || colour.alpha === 0) colour = parse(getComputedStyle(document.documentElement).backgroundColor);
    if (!colour || colour.alpha === 0) return null;
    const channel = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const [r, g, b] = colour.rgb.map(channel);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

/** The checks every screenshot shares: language, no raw text keys, no sideways scroll, background of the right lightness. */
async function expectPageBasics(page, lang, scheme) {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  // A text missing from the locale shows as its key ("ui.export.download").
  const text = await page.locator('body').innerText();
  expect(text.match(/\b(?:ui|data|metric|error|benchmark|warning|currency|language|sector)\.[a-z_]+(?:\.[a-z_]+)*\b/g) ?? [], 'untranslated text keys').toEqual([]);
  const size = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth }));
  expect(size.scroll, 'page width against the viewport').toBeLessThanOrEqual(size.inner);
  const luminance = await backgroundLuminance(page);
  expect(luminance, 'the page paints a background').not.toBeNull();
  if (scheme === 'dark') expect(luminance, 'dark background').toBeLessThan(0.1);
  else expect(luminance, 'light background').toBeGreaterThan(0.7);
}

const shotPath = (testInfo, name) => `${testInfo.project.outputDir}/screenshots/${name}.png`;

for (const lang of Object.keys(TEXTS)) {
  const texts = TEXTS[lang];
  for (const scheme of ['light', 'dark']) {
    for (const [device, viewport] of Object.entries(SIZES)) {
      const name = `calc-${lang}-${scheme}-${device}`;
      test(`screenshot ${name}: the coffee example's result`, async ({ page }, testInfo) => {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await openPage(page, `?metric=retention_rate&lang=${lang}`);
        await page.locator('button[data-example="coffee"]').click();
        await expect(resultValue(page)).toHaveText(texts.value);

        await expect(page.locator('#title')).toHaveText(texts.title);
        await expect(page.locator('#title')).toBeVisible();
        await expect(page.locator('#metric-name')).toHaveText(texts.metric);
        await expect(page.locator('#inputs-heading')).toHaveText(texts.inputs);
        await expect(page.locator('#inputs-heading')).toBeVisible();
        await expect(page.locator('#result-heading')).toHaveText(texts.result);
        await expect(page.locator('#result-heading')).toBeVisible();
        await expect(page.locator('label[for="input-start"]')).toHaveText(texts.start);
        await expectPageBasics(page, lang, scheme);

        await page.screenshot({ path: shotPath(testInfo, name), fullPage: true });
      });
    }
  }
}

for (const lang of Object.keys(TEXTS)) {
  const texts = TEXTS[lang];
  for (const scheme of ['light', 'dark']) {
    const name = `data-${lang}-${scheme}`;
    test(`screenshot ${name}: the sample data's report`, async ({ page }, testInfo) => {
      await page.setViewportSize(SIZES.desktop);
      await page.emulateMedia({ colorScheme: scheme });
      await runSampleIn(page, lang);

      await expect(page.locator('#data-heading')).toHaveText(texts.dataTitle);
      await expect(page.locator('#data-totals-heading')).toHaveText(texts.totals);
      await expect(page.locator('#data-totals-heading')).toBeVisible();
      await expect(page.locator('#data-periods-heading')).toHaveText(texts.periods);
      await expect(page.locator('#data-periods-heading')).toBeVisible();
      await expectPageBasics(page, lang, scheme);

      await page.screenshot({ path: shotPath(testInfo, name), fullPage: true });
    });
  }
}

/** Totals-card figures the browser split across two lines ("87 050,20 US|D"). */
function figuresBrokenAcrossLines(page) {
  return page.locator('#data-totals .card__value').evaluateAll((nodes) => nodes.flatMap((node) => {
    const broken = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const match of text.textContent.matchAll(/[^\s]+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(`${node.textContent.trim()} (at "${match[0]}")`);
      }
    }
    return broken;
  }));
}

for (const lang of Object.keys(TEXTS)) {
  test(`data view in ${lang} at 1280 px: no totals figure is split inside a word`, async ({ page }) => {
    await page.setViewportSize(SIZES.desktop);
    await runSampleIn(page, lang);
    await expect(page.locator('#data-totals .card__value')).not.toHaveCount(0);
    expect(await figuresBrokenAcrossLines(page)).toEqual([]);
  });
}

for (const lang of Object.keys(TEXTS)) {
  test(`data view in ${lang} at 1280 px: the retention chart's labels do not run into each other`, async ({ page }) => {
    await page.setViewportSize(SIZES.desktop);
    await runSampleIn(page, lang);
    const ticks = page.locator('#data-periods svg text.chart__tick');
    expect(await ticks.count()).toBeGreaterThan(5);
    const touching = await ticks.evaluateAll((nodes) => {
      const boxes = nodes.map((node) => ({ text: node.textContent, box: node.getBoundingClientRect() }));
      const found = [];
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          const a = boxes[i].box;
          const b = boxes[j].box;
          // Overlapping, or closer than 4 px side by side on the same line.
          const apartX = Math.max(a.left, b.left) - Math.min(a.right, b.right);
          const apartY = Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom);
          if (apartX < 4 && apartY < 0) found.push(`${boxes[i].text} / ${boxes[j].text}`);
        }
      }
      return found;
    });
    expect(touching, 'chart labels touching or overlapping').toEqual([]);
  });
}

for (const lang of Object.keys(TEXTS)) {
  test(`calculator in ${lang} at 1280 px: the metric search's placeholder fits its box`, async ({ page }) => {
    await page.setViewportSize(SIZES.desktop);
    await openPage(page, `?metric=retention_rate&lang=${lang}`);
    const search = page.locator('#metric-search');
    await expect(search).toHaveAttribute('placeholder', locale(lang)('ui.search_placeholder'));
    // A copy of the box beside it, holding the placeholder as its value: an input scrolls when its text is wider.
    const fit = await search.evaluate((input) => {
      const copy = input.cloneNode();
      copy.removeAttribute('id');
      copy.value = input.placeholder;
      input.after(copy);
      const size = { text: copy.scrollWidth, room: copy.clientWidth };
      copy.remove();
      return size;
    });
    expect(fit.text, 'placeholder width against the room inside the box').toBeLessThanOrEqual(fit.room);
  });
}
