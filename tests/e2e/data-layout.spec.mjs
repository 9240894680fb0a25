// The data view at phone widths (tables scroll in their own boxes, never the
// page), with reduced motion, and screenshots at desktop and phone size.
import { test, expect } from '@playwright/test';
import { guardPage } from './helpers.mjs';
import { openDataView, chooseOrdersFile, runSample, pageWidth } from './data-helpers.mjs';

guardPage(test);

async function expectNoSidewaysScroll(page, what) {
  const size = await pageWidth(page);
  expect(size.scroll, what).toBeLessThanOrEqual(size.client);
}

for (const width of [320, 360]) {
  test(`at ${width}px wide nothing in the data view scrolls the page sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    await openDataView(page);
    await expectNoSidewaysScroll(page, 'empty view');

    await chooseOrdersFile(page, 'orders-no-header.csv');
    await expect(page.locator('#data-mapping')).toBeVisible();
    await expectNoSidewaysScroll(page, 'mapping step');

    await runSample(page);
    await expectNoSidewaysScroll(page, 'sample report');
    // The wide tables scroll inside their own box instead.
    for (const table of ['.periods-table', '.heat-table', '.segments-table']) {
      const box = await page.locator(table).evaluate((node) => {
        const scroller = node.closest('.table-scroll');
        return { table: node.scrollWidth, scroller: scroller.clientWidth, overflow: getComputedStyle(scroller).overflowX };
      });
      expect(box.table, table).toBeGreaterThan(box.scroller);
      expect(box.overflow).toBe('auto');
    }
    // The chart is drawn at the width it has.
    const chart = await page.locator('#data-rates-chart svg.chart__svg').evaluate((node) => node.getBoundingClientRect().width);
    expect(chart).toBeLessThanOrEqual(width);

    await page.getByRole('button', { name: 'Change columns' }).click();
    await expect(page.locator('#data-mapping')).toBeVisible();
    await expectNoSidewaysScroll(page, 'change columns');

    await page.locator('#survey-paste').fill('10\n9\n8\n6\n3\n10\n0\n1\n2\n4\n5\n7\n');
    await page.getByRole('button', { name: 'Analyse answers' }).click();
    await page.locator('#costs-paste').fill('Staff time spent on the loyalty programme and newsletters;123456789\nSoftware;900');
    await page.getByRole('button', { name: 'Analyse costs' }).click();
    await expect(page.locator('#data-costs .data-value')).toBeVisible();
    await expectNoSidewaysScroll(page, 'survey and costs');
  });
}

test('a window resize redraws the chart at the new width', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openDataView(page);
  await runSample(page);
  const svg = page.locator('#data-rates-chart svg.chart__svg');
  const wide = Number(await svg.getAttribute('width'));
  await page.setViewportSize({ width: 400, height: 900 });
  await expect.poll(async () => Number(await svg.getAttribute('width'))).toBeLessThan(wide);
  await expect(svg.locator('[data-series="retention"] [data-point]')).toHaveCount(26);
});

test('reduced motion stops the drop zone\'s transition', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDataView(page);
  const duration = await page.locator('#data-drop').evaluate((n) => getComputedStyle(n).transitionDuration);
  expect(parseFloat(duration)).toBeLessThan(0.001);
});

const SHOTS = [
  { name: 'data-desktop', width: 1280, height: 900 },
  { name: 'data-desktop-dark', width: 1280, height: 900, dark: true },
  { name: 'data-phone', width: 390, height: 844 },
  { name: 'data-phone-dark', width: 390, height: 844, dark: true },
];

for (const shot of SHOTS) {
  test(`screenshot ${shot.name}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    if (shot.dark) await page.emulateMedia({ colorScheme: 'dark' });
    await openDataView(page);
    await runSample(page);
    await page.locator('#survey-paste').fill('10\n9\n8\n6\n\n3\n10\n');
    await page.getByRole('button', { name: 'Analyse answers' }).click();
    await expect(page.locator('#data-survey .data-value')).toHaveText('17');
    await page.locator('#costs-paste').fill('Team;5000\nSoftware;900\nProgramme;2500');
    await page.getByRole('button', { name: 'Analyse costs' }).click();
    await expect(page.locator('#data-costs .data-value')).toHaveText('$47.19');
    await expectNoSidewaysScroll(page, shot.name);
    await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/${shot.name}.png`, fullPage: true });
  });
}
