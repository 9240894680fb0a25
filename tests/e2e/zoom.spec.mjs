// WCAG 1.4.4 / 1.4.10: the page at 200 % zoom. A 1280×720 screen zoomed to
// 200 % is a 640×360 CSS-pixel viewport drawn at two device pixels per CSS
// pixel: nothing may scroll sideways, every control stays on screen, the
// form still works by keyboard and no text is cut off. Data tables may
// scroll inside their own region; the page may not. Separately, the
// browser's text size raised to 200 % (text-only zoom) at desktop width must
// not make anything overlap the result.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, resultValue, tabUntil } from './helpers.mjs';
import { runSampleIn, pageWidth } from './data-helpers.mjs';

guardPage(test);

const shotPath = (testInfo, name) => `${testInfo.project.outputDir}/screenshots/${name}.png`;

const ZOOMED = { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 };

/**
 * Visible inputs, selects, textareas and buttons whose box reaches past the
 * viewport's left or right edge. Controls inside an element that scrolls
 * sideways on its own (a wide table's region) are left out: that region is
 * checked instead.
 */
function controlsOffScreen(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScrollRegion = (node) => {
      for (let up = node.parentElement; up && up !== document.body; up = up.parentElement) {
        const overflow = getComputedStyle(up).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && up.scrollWidth > up.clientWidth) return up;
      }
      return null;
    };
    const describe = (node) => `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''} "${(node.innerText || node.value || node.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
    const off = [];
    const regions = new Set();
    for (const node of document.querySelectorAll('input, select, textarea, button, .result__value')) {
      const box = node.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(node).visibility === 'hidden') continue;
      // A transparent file input laid over its label is measured by the label it covers.
      const region = inScrollRegion(node);
      if (region) { regions.add(region); continue; }
      if (box.left < -0.5 || box.right > width + 0.5) off.push(`${describe(node)}: ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
    for (const region of regions) {
      const box = region.getBoundingClientRect();
      if (box.left < -0.5 || box.right > width + 0.5) off.push(`scroll region ${describe(region)}: ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
    return off;
  });
}

/** Fails when the element's text is wider than its box (cut off or spilling out). */
async function expectNotClipped(locator, what) {
  const size = await locator.evaluate((node) => ({ scroll: node.scrollWidth, client: node.clientWidth }));
  expect(size.scroll, `${what} is wider than its box`).toBeLessThanOrEqual(size.client);
}

async function expectNoSidewaysScroll(page, what) {
  const size = await pageWidth(page);
  expect(size.scroll, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(size.client);
  const inner = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth }));
  expect(inner.scroll, `${what}: wider than the window`).toBeLessThanOrEqual(inner.inner);
}

test.describe('at 200 % zoom (640×360 CSS pixels, 2 device pixels each)', () => {
  test.use(ZOOMED);

  test('the calculator fits, works by keyboard and cuts no text', async ({ page }, testInfo) => {
    await openPage(page, '?metric=retention_rate');
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(2);
    expect(await page.evaluate(() => window.innerWidth)).toBe(640);
    await expectNoSidewaysScroll(page, 'empty form');
    expect(await controlsOffScreen(page), 'controls past the viewport, empty form').toEqual([]);

    // Typing only: focus the first field, then Tab on to the next ones.
    await field(page, 'start').focus();
    await page.keyboard.type('200');
    await tabUntil(page, () => document.activeElement?.id === 'input-end', 3, 'the "end" field');
    await page.keyboard.type('210');
    await tabUntil(page, () => document.activeElement?.id === 'input-new', 3, 'the "new" field');
    await page.keyboard.type('30');
    await expect(resultValue(page)).toHaveText('90%');
    await resultValue(page).scrollIntoViewIfNeeded();
    await expect(resultValue(page)).toBeInViewport();

    await expectNoSidewaysScroll(page, 'with a result');
    expect(await controlsOffScreen(page), 'controls past the viewport, with a result').toEqual([]);
    await expectNotClipped(resultValue(page), 'the result value');
    await expectNotClipped(page.locator('#metric-name'), 'the metric heading');
    const heading = await page.locator('#metric-name').boundingBox();
    expect(heading.x).toBeGreaterThanOrEqual(0);
    expect(heading.x + heading.width).toBeLessThanOrEqual(640);
    expect(await wordsBrokenAcrossLines(page), 'words split across two lines').toEqual([]);
    await page.screenshot({ path: shotPath(testInfo, 'zoom200-calc'), fullPage: true });
  });

  test('in Russian, a long metric name and a big money result still fit', async ({ page }, testInfo) => {
    await openPage(page, '?metric=customer_lifetime_value&lang=ru&currency=RUB&aov=1234,56&frequency=52&lifespan_years=12');
    await expect(page.locator('#metric-name')).toHaveText('Пожизненная ценность клиента');
    await expect(resultValue(page)).toHaveText(/^770\s365,44\s₽$/);
    await expectNoSidewaysScroll(page, 'lifetime value');
    expect(await controlsOffScreen(page)).toEqual([]);
    await expectNotClipped(resultValue(page), 'the result value');
    await expectNotClipped(page.locator('#metric-name'), 'the metric heading');
    expect(await wordsBrokenAcrossLines(page), 'words split across two lines').toEqual([]);
    await page.screenshot({ path: shotPath(testInfo, 'zoom200-calc-ru'), fullPage: true });
  });

  test('the data view after the sample data does not scroll sideways; tables scroll in their own region', async ({ page }, testInfo) => {
    await runSampleIn(page, 'en');
    await expect(page.locator('#data-periods')).toBeVisible();
    await expectNoSidewaysScroll(page, 'data report');
    expect(await controlsOffScreen(page), 'controls past the viewport in the data view').toEqual([]);
    await expectNotClipped(page.locator('#data-heading'), 'the data view heading');
    // Each totals card's figure is readable in full.
    const cards = page.locator('#data-totals .card__value');
    expect(await cards.count()).toBeGreaterThan(5);
    for (let i = 0; i < (await cards.count()); i += 1) {
      await expectNotClipped(cards.nth(i), `totals card ${i + 1}`);
      const box = await cards.nth(i).boundingBox();
      expect(box.x + box.width, `totals card ${i + 1}`).toBeLessThanOrEqual(640);
    }
    // The period table is reachable: its region scrolls and is on screen.
    const region = await page.locator('#data-periods table').evaluate((table) => {
      let up = table.parentElement;
      while (up && getComputedStyle(up).overflowX === 'visible') up = up.parentElement;
      const box = up.getBoundingClientRect();
      return { overflow: getComputedStyle(up).overflowX, right: box.right, scrollable: up.scrollWidth > up.clientWidth, focusable: up.tabIndex >= 0 };
    });
    expect(region.right).toBeLessThanOrEqual(640);
    if (region.scrollable) {
      expect(['auto', 'scroll']).toContain(region.overflow);
      // A region that scrolls must be reachable by keyboard to scroll it.
      expect(region.focusable, 'the scrolling table region takes focus').toBe(true);
    }
    await page.screenshot({ path: shotPath(testInfo, 'zoom200-data'), fullPage: true });
  });
});

/** Texts and controls drawn over the result value (other than its own text). */
function overlapsWithResult(page) {
  return resultValue(page).evaluate((value) => {
    const own = value.getBoundingClientRect();
    const meets = (box) => Math.min(own.right, box.right) - Math.max(own.left, box.left) > 1
      && Math.min(own.bottom, box.bottom) - Math.max(own.top, box.top) > 1;
    const hit = [];
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      if (!node.textContent.trim() || value.contains(node)) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest('[hidden]') || getComputedStyle(parent).visibility === 'hidden') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if ([...range.getClientRects()].some(meets)) hit.push(`"${node.textContent.trim().slice(0, 40)}"`);
    }
    for (const control of document.querySelectorAll('input, select, button, textarea')) {
      const box = control.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && meets(box)) hit.push(`${control.tagName.toLowerCase()}#${control.id}`);
    }
    return hit;
  });
}

/**
 * Words in the calculator panel that the browser split across two lines
 * ("Customer|s", "90|%"): each run of letters and digits must sit on one line.
 */
function wordsBrokenAcrossLines(page) {
  return page.locator('#calculator').evaluate((root) => {
    const broken = [];
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[hidden]') || parent.getClientRects().length === 0) continue;
      // A word here: letters, digits and what is glued to them (%, ₽, commas in numbers); spaces and dashes may break.
      for (const match of node.textContent.matchAll(/[^\s\-–—/]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/** The result value keeps inside the left and right edges of its result panel. */
function resultInsidePanel(page) {
  return resultValue(page).evaluate((node) => {
    const panel = node.closest('.result') || node.parentElement;
    const a = node.getBoundingClientRect();
    const b = panel.getBoundingClientRect();
    return a.left >= b.left - 0.5 && a.right <= b.right + 0.5;
  });
}

/** Opens the coffee-shop numbers at 1280×900 and raises the root font size to 200 % (text-only zoom). */
async function openWithRootText200(page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openPage(page, '?metric=retention_rate&start=200&end=210&new=30');
  await expect(resultValue(page)).toHaveText('90%');
  const before = await resultValue(page).evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  const after = await resultValue(page).evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
  expect(after, 'the result grows with the text size').toBeGreaterThan(before * 1.5);
}

test('with the text size at 200 % (text-only zoom) at 1280 wide nothing overlaps the result', async ({ page }, testInfo) => {
  await openWithRootText200(page);
  await expectNoSidewaysScroll(page, 'text at 200 %');
  await expectNotClipped(resultValue(page), 'the result value');
  await expectNotClipped(page.locator('#metric-name'), 'the metric heading');
  expect(await overlapsWithResult(page), 'text or controls drawn over the result value').toEqual([]);
  expect(await resultInsidePanel(page), 'the result value stays inside its panel').toBe(true);
  await page.screenshot({ path: shotPath(testInfo, 'text200-calc'), fullPage: true });
});

test('with the browser\'s default text size at 32 px (its text-size setting) at 1280 wide the page reflows', async ({ page }, testInfo) => {
  // What the browser's own "font size" setting changes: the default size, which
  // rem-based media queries follow too (Chromium's Page.setFontSizes).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openPage(page, '?metric=retention_rate&start=200&end=210&new=30');
  await expect(resultValue(page)).toHaveText('90%');
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(32);
  await expectNoSidewaysScroll(page, 'default text 32 px');
  await expectNotClipped(resultValue(page), 'the result value');
  await expectNotClipped(page.locator('#metric-name'), 'the metric heading');
  expect(await overlapsWithResult(page), 'text or controls drawn over the result value').toEqual([]);
  expect(await resultInsidePanel(page), 'the result value stays inside its panel').toBe(true);
  expect(await wordsBrokenAcrossLines(page), 'words split across two lines').toEqual([]);
  expect(await controlsOffScreen(page)).toEqual([]);
  await page.screenshot({ path: shotPath(testInfo, 'text32px-calc'), fullPage: true });
});
